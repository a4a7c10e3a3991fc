import { describe, expect, it } from 'vitest';
import { cafePresetFunction } from './defaults';
import { decodeBase64Utf8 } from './logFormat';
import { createLambdaSimulation } from './simulation';
import { flush, watch } from './testSupport';
import type { FunctionConfig } from './types';

const make = (functions: FunctionConfig[] = [cafePresetFunction()], accountConcurrency?: number) =>
  createLambdaSimulation({ seed: 42, functions, accountConcurrency });

/** Virtual time at which a cold sync call of `requestId` ends, read back from its REPORT line. */
function coldEnd(sim: ReturnType<typeof make>, requestId: string): number {
  const report = sim.logEvents({ requestId }).find((e) => e.message.startsWith('REPORT'))!.message;
  const duration = Number(/Duration: ([\d.]+) ms/.exec(report)![1]);
  const init = Number(/Init Duration: ([\d.]+) ms/.exec(report)![1]);
  return Math.ceil(init) + Math.ceil(duration);
}

describe('synchronous invocation (RequestResponse)', () => {
  it('sync caller waits through the cold start and gets 200 with the payload', async () => {
    const sim = make();
    const p = sim.invoke({ FunctionName: 'cafe-order', Payload: '{"order":"latte"}' });
    const s = watch(p);
    expect(p.requestId).toMatch(/^[0-9a-f-]{36}$/);
    sim.advanceTo(5000);
    await flush();
    expect(s.done).toBe(false); // still in Init + a 5 s handler
    sim.advanceBy(1000);
    await flush();
    expect(s.output).toEqual({
      StatusCode: 200,
      ExecutedVersion: '$LATEST',
      Payload: '{"statusCode":200,"body":"\\"Hello from Lambda!\\""}',
    });
    const record = sim.invocations()[0];
    expect(record.respondedAt).toBe(coldEnd(sim, p.requestId!));
    expect(record.respondedAt! - record.acceptedAt).toBeGreaterThan(5250); // init ≥ 250 ms + 5 s run
    expect(record).toMatchObject({ state: 'succeeded', outcome: 'succeeded', statusCode: 200, attempts: 1 });
  });

  it('the promise settles exactly when the run ends, not before', async () => {
    const sim = make();
    const p = sim.invoke({ FunctionName: 'cafe-order' });
    const s = watch(p);
    sim.advanceTo(1); // let the cold start begin, logs come later
    sim.advanceTo(20_000);
    const end = coldEnd(sim, p.requestId!);
    const sim2 = make();
    const s2 = watch(sim2.invoke({ FunctionName: 'cafe-order' }));
    sim2.advanceTo(end - 1);
    await flush();
    expect(s2.done).toBe(false);
    sim2.advanceTo(end);
    await flush();
    expect(s2.done).toBe(true);
    expect(s.done).toBe(true);
  });

  it('a handler error still returns 200, with FunctionError Unhandled and the error object', async () => {
    const sim = make([
      cafePresetFunction({
        Handler: {
          durationMs: 100,
          failure: { mode: 'always', errorType: 'KeyError', errorMessage: "'milk'" },
        },
      }),
    ]);
    const p = sim.invoke({ FunctionName: 'cafe-order' });
    const s = watch(p);
    sim.advanceBy(2000);
    await flush();
    expect(s.output?.StatusCode).toBe(200);
    expect(s.output?.FunctionError).toBe('Unhandled');
    const payload = JSON.parse(s.output!.Payload!);
    expect(payload).toMatchObject({ errorMessage: "'milk'", errorType: 'KeyError', requestId: p.requestId });
    expect(Array.isArray(payload.stackTrace)).toBe(true);
    expect(sim.invocations()[0]).toMatchObject({
      state: 'failed',
      outcome: 'failed-returned-to-caller',
      functionError: 'Unhandled',
    });
  });

  it('Lambda never retries a sync call itself', async () => {
    const sim = make([cafePresetFunction({ Handler: { durationMs: 100, failure: { mode: 'always' } } })]);
    sim.invoke({ FunctionName: 'cafe-order' });
    sim.advanceBy(3_600_000);
    expect(sim.trace().filter((e) => e.type === 'run.started')).toHaveLength(1);
    expect(sim.trace().some((e) => e.type === 'retry.scheduled')).toBe(false);
  });

  it('Tail LogResult decodes to START…REPORT of that request', async () => {
    const sim = make();
    const p = sim.invoke({ FunctionName: 'cafe-order', LogType: 'Tail' });
    const other = sim.invoke({ FunctionName: 'cafe-order' }); // a second request in another environment
    const s = watch(p);
    sim.advanceBy(10_000);
    await flush();
    const lines = decodeBase64Utf8(s.output!.LogResult!).split('\n');
    expect(lines[0]).toBe(`START RequestId: ${p.requestId} Version: $LATEST`);
    // A plain print() appears in CloudWatch as the bare line (no logger prefix).
    expect(lines[1]).toBe('Processing complete');
    expect(lines[2]).toBe(`END RequestId: ${p.requestId}`);
    expect(lines[3]).toMatch(new RegExp(`^REPORT RequestId: ${p.requestId}\\tDuration: `));
    expect(lines[4]).toBe('');
    expect(lines.join('\n')).not.toContain(other.requestId!);
  });

  it('without LogType Tail there is no LogResult', async () => {
    const sim = make();
    const s = watch(sim.invoke({ FunctionName: 'cafe-order' }));
    sim.advanceBy(10_000);
    await flush();
    expect(s.output).not.toHaveProperty('LogResult');
  });

  it('DryRun answers 204 and nothing runs or logs', async () => {
    const sim = make();
    const s = watch(sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'DryRun' }));
    await flush();
    expect(s.output).toEqual({ StatusCode: 204 });
    sim.advanceBy(60_000);
    expect(sim.logEvents()).toEqual([]);
    expect(sim.environments()).toEqual([]);
    expect(sim.invocations()).toEqual([]);
  });

  it('the 3 s default timeout trap: the 5 s seed handler times out and the sync caller gets the error', async () => {
    const sim = make([{ FunctionName: 'trap' }]); // Lambda's default Timeout: 3 s
    const p = sim.invoke({ FunctionName: 'trap' });
    const s = watch(p);
    sim.advanceBy(10_000);
    await flush();
    expect(s.output?.FunctionError).toBe('Unhandled');
    expect(JSON.parse(s.output!.Payload!).errorMessage).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ${p.requestId} Task timed out after 3\\.0\\d seconds$`),
    );
  });

  it('context object for a running invocation counts remaining time down on the virtual clock', () => {
    const sim = make();
    const p = sim.invoke({ FunctionName: 'cafe-order' });
    expect(sim.context(p.requestId!)).toBeUndefined(); // still initialising
    sim.advanceTo(1000);
    const started = sim.trace().find((e) => e.type === 'run.started')!.t;
    const ctx = sim.context(p.requestId!)!;
    expect(ctx).toMatchObject({
      aws_request_id: p.requestId,
      log_group_name: '/aws/lambda/cafe-order',
      function_name: 'cafe-order',
      function_version: '$LATEST',
      invoked_function_arn: 'arn:aws:lambda:us-east-1:123456789012:function:cafe-order',
      memory_limit_in_mb: '128',
      remaining_time_ms: 10_000 - (1000 - started),
    });
    expect(ctx.log_stream_name).toBe(sim.environments()[0].logStreamName);
    sim.advanceBy(20_000);
    expect(sim.context(p.requestId!)).toBeUndefined();
  });
});

describe('concurrency limits for sync calls', () => {
  it('sync call beyond reserved concurrency gets 429 with ReservedFunctionConcurrentInvocationLimitExceeded', async () => {
    const sim = make([cafePresetFunction({ ReservedConcurrentExecutions: 2 })]);
    watch(sim.invoke({ FunctionName: 'cafe-order' }));
    watch(sim.invoke({ FunctionName: 'cafe-order' }));
    const third = sim.invoke({ FunctionName: 'cafe-order' });
    const s = watch(third);
    await flush();
    expect(s.error?.name).toBe('TooManyRequestsException');
    expect(s.error?.$metadata?.httpStatusCode).toBe(429);
    expect(s.error?.message).toBe('Rate Exceeded.');
    expect(s.error?.Reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    expect(s.error?.retryAfterSeconds).toBe('1');
    expect(third.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sim.queueDepth()).toBe(0); // nothing queued
    expect(sim.environments()).toHaveLength(2);
  });

  it('sync call beyond the account limit gets 429 with ConcurrentInvocationLimitExceeded', async () => {
    const sim = make([cafePresetFunction()], 1);
    watch(sim.invoke({ FunctionName: 'cafe-order' }));
    const s = watch(sim.invoke({ FunctionName: 'cafe-order' }));
    await flush();
    expect(s.error?.Reason).toBe('ConcurrentInvocationLimitExceeded');
  });

  it('reserved concurrency 0 throttles every sync call', async () => {
    const sim = make([cafePresetFunction({ ReservedConcurrentExecutions: 0 })]);
    const s = watch(sim.invoke({ FunctionName: 'cafe-order' }));
    await flush();
    expect(s.error?.name).toBe('TooManyRequestsException');
    expect(s.error?.Reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
  });

  it('other functions’ reserved concurrency is taken out of the account pool', async () => {
    const sim = make(
      [
        cafePresetFunction(),
        cafePresetFunction({ FunctionName: 'reserved', ReservedConcurrentExecutions: 2 }),
      ],
      3,
    );
    watch(sim.invoke({ FunctionName: 'cafe-order' }));
    const s = watch(sim.invoke({ FunctionName: 'cafe-order' }));
    await flush();
    expect(s.error?.Reason).toBe('ConcurrentInvocationLimitExceeded');
  });
});

describe('detached callers (the café drops the promise and reads the records)', () => {
  it('a detached call is recorded and traced like any other, but its promise never settles', async () => {
    const sim = make([{ ...cafePresetFunction(), ReservedConcurrentExecutions: 1 }]);
    const first = sim.invoke({ FunctionName: 'cafe-order' }, { callerId: 'c1', detached: true });
    const turnedAway = sim.invoke({ FunctionName: 'cafe-order' }, { callerId: 'c2', detached: true });
    const watched = [watch(first), watch(turnedAway)];
    sim.advanceBy(60_000);
    await flush();
    expect(watched.map((w) => w.done)).toEqual([false, false]);
    const [served, throttled] = sim.invocations();
    expect(served).toMatchObject({ callerId: 'c1', state: 'succeeded', statusCode: 200 });
    expect(throttled).toMatchObject({ callerId: 'c2', state: 'rejected', statusCode: 429 });
    expect(sim.trace().filter((e) => e.type === 'invoke.rejected')).toHaveLength(1);
  });
});
