import { describe, expect, it } from 'vitest';
import { cafePresetFunction, createLambdaSimulation, type LogEvent } from '../../model';
import {
  boundedStreams,
  cloudWatchTime,
  deriveStreams,
  eventKeys,
  filterLogEvents,
  lineKind,
  MAX_SHOWN_EVENTS,
  newestWindow,
  streamLabel,
  tabFields,
  textMatcher,
  windowNote,
} from './logView';

const FN = 'cafe-order';

function newSim(handler = {}) {
  return createLambdaSimulation({ seed: 1, functions: [cafePresetFunction({ Handler: handler })] });
}

/** Two customers at once (two environments, both cold), then a warm third on one of them. */
function busyMorning() {
  const sim = newSim();
  const a = sim.invoke({ FunctionName: FN }, { callerId: 'customer-1', callerLabel: 'Customer 1' });
  const b = sim.invoke(
    { FunctionName: FN, InvocationType: 'Event' },
    { callerId: 'customer-2', callerLabel: 'Customer 2' },
  );
  sim.advanceBy(6_000);
  const c = sim.invoke({ FunctionName: FN }, { callerId: 'customer-3', callerLabel: 'Customer 3' });
  sim.advanceBy(6_000);
  return { sim, ids: [a.requestId!, b.requestId!, c.requestId!] };
}

/** The column where field `n` starts. */
function startOf(fields: ReturnType<typeof tabFields>, n: number) {
  return fields.slice(0, n).reduce((sum, f) => sum + f.columns!, 0);
}

describe('log streams', () => {
  it('lists one stream per execution environment, named as the model names it, labelled with its barista', () => {
    const { sim } = busyMorning();
    const envs = sim.environments();
    const streams = deriveStreams(envs, sim.logEvents({ functionName: FN }));
    expect(envs).toHaveLength(2);
    expect(streams.map((s) => s.logStreamName).toSorted()).toEqual(
      envs.map((e) => e.logStreamName).toSorted(),
    );
    for (const s of streams) expect(s.logStreamName).toMatch(/^2026\/01\/15\/\[\$LATEST\][0-9a-f]{32}$/);
    const env1 = streams.find((s) => s.envId === 'env-1')!;
    expect(streamLabel(env1)).toBe('Barista env-1 · idle (frozen)');
  });

  it('puts the stream with the newest event first, as the console sorts by last event time', () => {
    const { sim, ids } = busyMorning();
    const streams = deriveStreams(sim.environments(), sim.logEvents({ functionName: FN }));
    const warm = sim.invocation(ids[2])!.environmentId;
    expect(streams[0].envId).toBe(warm);
    expect(streams[0].eventCount).toBe(8); // two runs: START, the printed line, END, REPORT each
  });

  it('keeps a shut-down barista’s stream, with its reason', () => {
    const { sim } = busyMorning();
    sim.advanceBy(16 * 60_000); // idle shutdown after 5–15 min
    const streams = deriveStreams(sim.environments(), sim.logEvents({ functionName: FN }));
    expect(streams).toHaveLength(2);
    expect(streams.every((s) => s.state === 'shutdown')).toBe(true);
    expect(streamLabel(streams[0])).toBe(`Barista ${streams[0].envId} · shut down (IdleTimeout)`);
  });

  it('lists a stream that is still in the buffer after its barista left the model’s list', () => {
    const events: LogEvent[] = [
      {
        logGroupName: '/aws/lambda/cafe-order',
        logStreamName: 'old',
        timestamp: 1,
        message: 'START RequestId: x Version: $LATEST',
        requestId: 'x',
      },
    ];
    const [s] = deriveStreams([], events);
    expect(s).toMatchObject({ logStreamName: 'old', eventCount: 1 });
    expect(s.envId).toBeUndefined();
    expect(streamLabel(s)).toBe('Barista no longer listed by the model');
  });

  it('lists at most N streams but always the selected one', () => {
    const streams = Array.from({ length: 5 }, (_, i) => ({ logStreamName: `s${i}`, eventCount: 0 }));
    expect(boundedStreams(streams, 3).shown.map((s) => s.logStreamName)).toEqual(['s0', 's1', 's2']);
    const kept = boundedStreams(streams, 3, 's4');
    expect(kept.shown.map((s) => s.logStreamName)).toEqual(['s0', 's1', 's4']);
    expect(kept.hidden).toBe(2);
  });
});

describe('log lines as the model writes them', () => {
  it('a cold start’s REPORT line contains Init Duration; a warm start’s does not', () => {
    const { sim, ids } = busyMorning();
    const report = (id: string) =>
      sim.logEvents({ functionName: FN, requestId: id }).find((e) => e.message.startsWith('REPORT'))!.message;
    expect(report(ids[0])).toMatch(/\tInit Duration: \d+\.\d\d ms\t$/);
    expect(report(ids[2])).not.toContain('Init Duration');
  });

  it('lays the REPORT fields out at tab stops, so the same fields line up line after line', () => {
    const { sim, ids } = busyMorning();
    const messages = ids.map(
      (id) =>
        sim.logEvents({ functionName: FN, requestId: id }).find((e) => e.message.startsWith('REPORT'))!
          .message,
    );
    const layouts = messages.map((m) => tabFields(m));
    for (const [i, fields] of layouts.entries()) {
      // The fields are the message, in order: nothing is lost or changed.
      expect(fields.map((f) => f.text).join('\t')).toBe(messages[i]);
      expect(fields.map((f) => f.text).slice(1, 5)).toEqual([
        expect.stringMatching(/^Duration: \d+\.\d\d ms$/),
        expect.stringMatching(/^Billed Duration: \d+ ms$/),
        'Memory Size: 128 MB',
        'Max Memory Used: 75 MB',
      ]);
      for (const f of fields.slice(0, -1)) {
        expect(f.columns! % 8).toBe(0);
        expect(f.columns!).toBeGreaterThan(f.text.length);
      }
    }
    // Column where "Billed Duration" starts is the same on every line.
    expect(new Set(layouts.map((f) => startOf(f, 2))).size).toBe(1);
  });

  it('keeps a multi-line [ERROR] message whole, with its traceback lines', () => {
    const sim = newSim({
      failure: { mode: 'always', errorType: 'MilkNotFoundError', errorMessage: 'Out of oat milk' },
    });
    const call = sim.invoke({ FunctionName: FN });
    sim.advanceBy(6_000);
    const error = sim
      .logEvents({ functionName: FN, requestId: call.requestId })
      .find((e) => lineKind(e.message) === 'error')!;
    const fields = tabFields(error.message);
    expect(fields).toEqual([{ text: error.message }]);
    expect(error.message.split('\n')).toEqual([
      '[ERROR] MilkNotFoundError: Out of oat milk',
      'Traceback (most recent call last):',
      '  File "/var/task/lambda_function.py", line 9, in lambda_handler',
      '    raise MilkNotFoundError("Out of oat milk")',
    ]);
  });

  it('tells the kinds of lines apart without touching the text', () => {
    const sim = newSim({ failure: { mode: 'hang' } });
    const call = sim.invoke({ FunctionName: FN });
    sim.advanceBy(11_000);
    const kinds = sim
      .logEvents({ functionName: FN, requestId: call.requestId })
      .map((e) => lineKind(e.message));
    expect(kinds).toEqual(['platform', 'timeout', 'platform', 'report']);
    expect(lineKind('Processing complete')).toBe('output'); // a print()
    expect(lineKind('[INFO]\t2026-01-15T09:00:05.253Z\tid\tProcessing complete')).toBe('output');
  });

  it('shows timestamps CloudWatch style, in UTC', () => {
    const { sim } = busyMorning();
    const first = sim.logEvents({ functionName: FN })[0];
    expect(cloudWatchTime(first.timestamp)).toMatch(/^2026-01-15T09:00:00\.\d{3}Z$/);
    expect(cloudWatchTime(Date.UTC(2026, 0, 15, 9, 0, 5, 253.9))).toBe('2026-01-15T09:00:05.253Z');
  });
});

describe('the filter', () => {
  it('finds a request’s lines by (part of) its request id, in any case', () => {
    const { sim, ids } = busyMorning();
    const all = sim.logEvents({ functionName: FN });
    const part = ids[1].slice(0, 8).toUpperCase();
    const found = filterLogEvents(all, { text: part });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.requestId === ids[1])).toBe(true);
    // START, END and REPORT carry the id in their message; the printed line only in its record.
    expect(found.map((e) => e.message.split(/[ \t]/)[0])).toEqual(['START', 'Processing', 'END', 'REPORT']);
  });

  it('matches the text of the lines as a plain substring: regex characters are just characters', () => {
    const { sim } = busyMorning();
    const all = sim.logEvents({ functionName: FN });
    expect(filterLogEvents(all, { text: 'processing COMPLETE' })).toHaveLength(3);
    expect(filterLogEvents(all, { text: '[ERROR]' })).toHaveLength(0); // not a character class
    expect(filterLogEvents(all, { text: '$LATEST' })).toHaveLength(3);
    expect(filterLogEvents(all, { text: '.*' })).toHaveLength(0);
    expect(filterLogEvents(all, { text: '(' })).toHaveLength(0);
    expect(filterLogEvents(all, { text: '   ' })).toHaveLength(all.length);
  });

  it('matches an [ERROR] line by its request id though its message does not contain it', () => {
    const sim = newSim({ failure: { mode: 'always' } });
    const call = sim.invoke({ FunctionName: FN });
    sim.advanceBy(6_000);
    const error = sim.logEvents({ functionName: FN }).find((e) => e.message.startsWith('[ERROR]'))!;
    expect(error.message).not.toContain(call.requestId!);
    expect(textMatcher(call.requestId)(error)).toBe(true);
  });

  it('a selected customer shows only its request’s lines; a selected barista only its stream', () => {
    const { sim, ids } = busyMorning();
    const all = sim.logEvents({ functionName: FN });
    const customer2 = sim.invocations().find((i) => i.callerId === 'customer-2')!;
    expect(customer2.requestId).toBe(ids[1]);
    const mine = filterLogEvents(all, { requestId: customer2.requestId });
    expect(mine).toEqual(sim.logEvents({ functionName: FN, requestId: ids[1] }));

    const env = sim.environments()[0];
    const stream = filterLogEvents(all, { logStreamName: env.logStreamName });
    expect(stream).toEqual(sim.logEvents({ functionName: FN, logStreamName: env.logStreamName }));
    expect(filterLogEvents(all, { logStreamName: env.logStreamName, text: 'no such text' })).toEqual([]);
  });
});

describe('the bounded list', () => {
  it('draws only the newest N matching lines and says how many are older', () => {
    const sim = newSim({ durationMs: 10 });
    for (let i = 0; i < 100; i++) {
      sim.invoke({ FunctionName: FN });
      sim.advanceBy(1_000);
    }
    const all = sim.logEvents({ functionName: FN });
    expect(all).toHaveLength(400);
    const w = newestWindow(all, MAX_SHOWN_EVENTS);
    expect(w.shown).toHaveLength(300);
    expect(w.shown.at(-1)).toEqual(all.at(-1));
    expect(w.shown[0]).toEqual(all[100]);
    expect(w.hidden).toBe(100);
    expect(windowNote(w)).toBe(
      "Showing the newest 300 of 400 matching events; older lines are still in the model's buffer.",
    );
    expect(windowNote(newestWindow(all.slice(0, 10), MAX_SHOWN_EVENTS))).toBeUndefined();
  });

  it('the model itself keeps at most its buffer of log events', () => {
    const sim = createLambdaSimulation({
      seed: 1,
      functions: [cafePresetFunction({ Handler: { durationMs: 10 } })],
      limits: { logEvents: 50 },
    });
    for (let i = 0; i < 20; i++) {
      sim.invoke({ FunctionName: FN });
      sim.advanceBy(1_000);
    }
    expect(sim.logEvents({ functionName: FN })).toHaveLength(50);
  });

  it('gives each drawn line a key that survives the window sliding', () => {
    const { sim } = busyMorning();
    const all = sim.logEvents({ functionName: FN });
    const before = eventKeys(all.slice(0, 8));
    const after = eventKeys(all.slice(2, 10));
    expect(after.slice(0, 6)).toEqual(before.slice(2));
    expect(new Set(eventKeys(all)).size).toBe(all.length);
    // Two identical lines in one stream at one instant still get different keys.
    const twice = [all[1], { ...all[1] }];
    expect(new Set(eventKeys(twice)).size).toBe(2);
  });
});
