import { describe, expect, it } from 'vitest';
import { createCafeStore, FUNCTION_NAME, type CafeState } from '../store/cafeStore';
import { requestIdOf, type InvocationRecord, type TraceEvent } from '../model';
import { claimsResultInLogs } from '../cafe/narrate';
import { formatDuration } from '../cafe/format';
import { LESSONS } from './content';
import { fastForward } from './fastForward';
import { comparisonRows } from './comparison';
import type { LessonStep } from './types';

/** What the café looked like at one moment of the run (sampled at every published change). */
interface Sample {
  now: number;
  records: InvocationRecord[];
  busy: CafeState['terminal']['busy'];
  output: string;
}

/** Runs a step's scenario on the model, through the café store as the lesson card does. No browser. */
async function run(step: LessonStep) {
  const cafe = createCafeStore({ paused: true });
  expect(cafe.getState().loadScenario(step.scenario!)).toBeUndefined();
  cafe.getState().setSpeed(step.scenario!.speed);
  const samples: Sample[] = [];
  const unsubscribe = cafe.subscribe((s) =>
    samples.push({
      now: s.now,
      records: s.sim.invocations(),
      busy: s.terminal.busy,
      output: stdout(s),
    }),
  );
  await fastForward(cafe, step.scenario!.until);
  unsubscribe();
  const s = cafe.getState();
  const trace = s.sim.trace();
  const of = (caller: string) => s.sim.invocations().find((r) => r.callerId === caller)!;
  const events = (id: string, type: string) => trace.filter((e) => e.type === type && requestIdOf(e) === id);
  const logs = (id?: string) =>
    s.sim.logEvents({ functionName: FUNCTION_NAME, ...(id ? { requestId: id } : {}) }).map((e) => e.message);
  return { s, samples, trace, of, events, logs };
}

type Run = Awaited<ReturnType<typeof run>>;

function stdout(s: CafeState): string {
  return s.terminal.entries
    .filter((e) => e.kind !== 'info')
    .map((e) => e.text)
    .join('\n');
}

const RESULT = { statusCode: 200, body: JSON.stringify('Hello from Lambda!') };

/** What each step's text says happens; every step with a scenario must have an entry. */
const CLAIMS: Record<string, (r: Run) => void> = {
  'counter/blocked': ({ of }) => {
    const c1 = of('customer-1');
    expect(c1.invocationType).toBe('RequestResponse');
    const blocked = c1.respondedAt! - c1.acceptedAt;
    // "about 5.3 s: a quarter of a second of cold start, then the 5 s handler"
    expect(formatDuration(blocked)).toBe('5.3 s');
    expect(c1.statusCode).toBe(200);
  },
  'counter/result': ({ s, of, logs }) => {
    const c1 = of('customer-1');
    expect([c1.statusCode, c1.functionError, c1.outcome]).toEqual([200, undefined, 'succeeded']);
    expect(s.sim.getFunctionConfiguration(FUNCTION_NAME).Handler.result).toEqual(RESULT);
    const lines = logs(c1.requestId);
    expect(lines.map((l) => l.split(' ')[0])).toEqual(['START', 'Processing', 'END', 'REPORT']);
    expect(lines[1]).toBe('Processing complete');
    expect(lines.join('\n')).not.toContain('Hello from Lambda');
  },
  'receipt/accepted': ({ of, events }) => {
    const c1 = of('customer-1');
    expect(c1.invocationType).toBe('Event');
    expect(c1.respondedAt).toBe(c1.acceptedAt); // the 202, at once
    expect(events(c1.requestId, 'invoke.responded')).toEqual([]); // nothing after the 202
    expect(c1.endedAt! - c1.acceptedAt).toBeGreaterThan(5_000); // the run, in the background
    expect(c1.outcome).toBe('succeeded');
  },
  'receipt/queue': ({ samples, of, events }) => {
    const [c1, c2] = [of('customer-1'), of('customer-2')];
    // The event really waits in the queue while the only barista works on the first order.
    const waiting = samples.filter((x) => {
      const r1 = x.records.find((r) => r.callerId === 'customer-1');
      const r2 = x.records.find((r) => r.callerId === 'customer-2');
      return r1?.state === 'running' && (r2?.state === 'queued' || r2?.state === 'throttled-backoff');
    });
    expect(waiting.length).toBeGreaterThan(3);
    expect(Math.max(...waiting.map((x) => x.now)) - Math.min(...waiting.map((x) => x.now))).toBeGreaterThan(
      3_500,
    );
    // The barista takes it when the first drink is done, warm.
    const started = events(c2.requestId, 'run.started')[0] as TraceEvent & { coldStart: boolean };
    expect(started.t).toBe(c1.endedAt);
    expect(started.coldStart).toBe(false);
    expect(started.t - c2.acceptedAt).toBeGreaterThan(4_500); // "about 5 s"
    expect([c1.respondedAt, c2.respondedAt]).toEqual([c1.acceptedAt, c2.acceptedAt]); // never blocked
  },
  'receipt/free': ({ s, of, logs }) => {
    const c1 = of('customer-1');
    expect(c1.respondedAt).toBe(c1.acceptedAt);
    expect(c1.outcome).toBe('succeeded'); // not delivered anywhere
    expect(s.sim.destinationRecords()).toEqual([]);
    expect(logs(c1.requestId)).toContain('Processing complete');
    expect(logs().join('\n')).not.toContain('Hello from Lambda');
  },
  'both-ways/compare': ({ s, of }) => {
    const [c1, c2] = [of('customer-1'), of('customer-2')];
    expect(c1.respondedAt! - c1.acceptedAt).toBeGreaterThan(5_000);
    expect(c2.respondedAt! - c2.acceptedAt).toBe(0);
    const rows = comparisonRows(s.sim);
    expect(rows.map((r) => r.aspect)).toEqual(['Response time', 'Use cases', 'Invocation type', 'Response']);
    expect(rows[0].sync).toBe('Waits for the function: blocked 5.3 s');
    expect(rows[0].async).toBe(
      'Immediate acknowledgement: 202 after 0 ms; the run ended 5.3 s later, in the background',
    );
    expect(rows[3].sync).toBe('200 with the function’s return value');
  },
  'terminal/cli-sync': ({ samples, s }) => {
    // The prompt is held while the run lasts; the 200 appears only when the function returned.
    const during = samples.filter((x) => x.now > 1_000 && x.now < 6_000);
    expect(during.length).toBeGreaterThan(10);
    expect(during.every((x) => x.busy === 'sync' && !x.output.includes('StatusCode'))).toBe(true);
    const out = stdout(s);
    expect(out).toContain('{\n    "StatusCode": 200,\n    "ExecutedVersion": "$LATEST"\n}');
    expect(out.endsWith(`$ cat output.txt\n${JSON.stringify(RESULT)}`)).toBe(true);
  },
  'terminal/cli-async': ({ samples, s, of }) => {
    const first = samples.find((x) => x.output.includes('StatusCode'))!;
    expect(first.now).toBeLessThanOrEqual(1_250); // at once
    expect(first.output).toContain('{\n    "StatusCode": 202\n}');
    expect(stdout(s).endsWith('$ cat output.txt')).toBe(true); // an empty file
    expect(of('terminal-1').outcome).toBe('succeeded'); // ran later, in the background
  },
  'result/logs': ({ s }) => {
    const tail = stdout(s).split('$ aws logs tail /aws/lambda/cafe-order\n')[1];
    const messages = tail.split('\n').map((l) => l.split(' ').slice(2).join(' '));
    expect(messages.map((m) => m.split(' ')[0])).toEqual(['START', 'Processing', 'END', 'REPORT']);
    expect(messages[1]).toBe('Processing complete');
    expect(messages[3]).toMatch(/Billed Duration: \d+ ms.*Init Duration: [\d.]+ ms/);
    expect(tail).not.toContain('Hello from Lambda');
  },
  'result/stream': ({ s }) => {
    const events = s.sim.logEvents({ functionName: FUNCTION_NAME });
    const streams = new Map<string, Set<string>>();
    for (const e of events)
      streams.set(e.logStreamName, (streams.get(e.logStreamName) ?? new Set()).add(e.requestId!));
    expect(streams.size).toBe(3);
    for (const [name, ids] of streams) {
      expect(name).toMatch(/^2026\/01\/15\/\[\$LATEST\][0-9a-f]{32}$/);
      expect(ids.size).toBe(1);
    }
  },
  'result/on-success': ({ s, of }) => {
    const c1 = of('customer-1');
    const [record, ...more] = s.sim.destinationRecords();
    expect(more).toEqual([]);
    expect(record.kind).toBe('OnSuccess');
    expect(record.record).toMatchObject({
      requestContext: { requestId: c1.requestId, condition: 'Success' },
      responsePayload: RESULT,
    });
    expect(c1.respondedAt).toBe(c1.acceptedAt);
  },
  'misconceptions/result-later': ({ s, of, events }) => {
    const c1 = of('customer-1');
    expect(c1.outcome).toBe('succeeded');
    expect(c1.endedAt! - c1.acceptedAt).toBeGreaterThan(5_000);
    expect(events(c1.requestId, 'invoke.responded')).toEqual([]);
    expect(s.sim.destinationRecords()).toEqual([]);
  },
  'misconceptions/accepted-worked': ({ s, of, events, logs }) => {
    const c1 = of('customer-1');
    expect(c1.invocationType).toBe('Event');
    expect(c1.respondedAt).toBe(c1.acceptedAt);
    expect(events(c1.requestId, 'run.failed')).toHaveLength(3);
    expect(
      events(c1.requestId, 'retry.scheduled').map((e) => (e as TraceEvent & { delayMs: number }).delayMs),
    ).toEqual([60_000, 120_000]);
    expect(logs(c1.requestId).filter((l) => l.startsWith('[ERROR] MilkNotFoundError'))).toHaveLength(3);
    const [record] = s.sim.destinationRecords();
    expect(record.kind).toBe('OnFailure');
    expect(record.record).toMatchObject({
      requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 3 },
    });
  },
  'misconceptions/default-timeout': ({ s, of, events, logs, trace }) => {
    const c1 = of('customer-1');
    expect(s.sim.getFunctionConfiguration(FUNCTION_NAME).Timeout).toBe(3);
    expect(events(c1.requestId, 'run.timedOut')).toHaveLength(1);
    const lines = logs(c1.requestId);
    expect(lines.some((l) => /Task timed out after 3\.0\d seconds$/.test(l))).toBe(true);
    expect(lines).not.toContain('Processing complete');
    expect(events(c1.requestId, 'invoke.responded')[0]).toMatchObject({
      statusCode: 200,
      functionError: 'Unhandled',
    });
    expect(trace.filter((e) => e.type === 'env.shutdown')).toMatchObject([{ reason: 'TaskTimedOut' }]);
  },
  'misconceptions/runs-once': ({ of, events, logs }) => {
    const c1 = of('customer-1');
    const starts = events(c1.requestId, 'run.started');
    expect(starts.map((e) => (e as TraceEvent & { attempt: number }).attempt)).toEqual([1, 2]);
    const failed = events(c1.requestId, 'run.failed')[0];
    expect(starts[1].t - failed.t).toBe(60_000);
    expect(
      logs(c1.requestId).filter((l) => l === `START RequestId: ${c1.requestId} Version: $LATEST`),
    ).toHaveLength(2);
    expect(c1.outcome).toBe('succeeded');
  },
};

const withScenario = LESSONS.flatMap((lesson) =>
  lesson.steps.filter((step) => step.scenario).map((step) => ({ key: `${lesson.id}/${step.id}`, step })),
);

describe('every lesson step’s run does what its text says (on the model, no browser)', () => {
  it('each step with a run has its claims checked here', () => {
    expect(withScenario.map((s) => s.key).toSorted()).toEqual(Object.keys(CLAIMS).toSorted());
  });

  for (const { key, step } of withScenario) {
    it(key, async () => {
      const result = await run(step);
      CLAIMS[key](result);
      // The narration of the run never puts the return value in the logs.
      expect(result.s.narration.map((l) => l.text).filter(claimsResultInLogs)).toEqual([]);
    });
  }

  it('a step’s run is the same every time', async () => {
    const step = withScenario.find((s) => s.key === 'receipt/queue')!.step;
    const [a, b] = [await run(step), await run(step)];
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
  });
});
