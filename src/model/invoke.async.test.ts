import { describe, expect, it } from 'vitest';
import { cafePresetFunction } from './defaults';
import { createLambdaSimulation } from './simulation';
import { flush, watch } from './testSupport';
import { traceOf } from './trace';
import type { FunctionConfig } from './types';

const SQS = 'arn:aws:sqs:us-east-1:123456789012:orders-failed';
const SNS = 'arn:aws:sns:us-east-1:123456789012:orders-done';
const DLQ = 'arn:aws:sqs:us-east-1:123456789012:orders-dlq';

const failing = (extra: Partial<FunctionConfig> = {}): FunctionConfig =>
  cafePresetFunction({
    ...extra,
    Handler: {
      durationMs: 100,
      failure: { mode: 'always', errorType: 'ValueError', errorMessage: 'bad order' },
      ...extra.Handler,
    },
  });

const of = traceOf;

describe('asynchronous invocation (Event)', () => {
  it('answers 202 at once with no payload; the event runs later from the queue', async () => {
    const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
    const p = sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event', Payload: '{"order":1}' });
    const s = watch(p);
    await flush();
    expect(sim.now()).toBe(0);
    expect(s.output).toEqual({ StatusCode: 202 });
    expect(sim.invocations()[0]).toMatchObject({
      requestId: p.requestId,
      statusCode: 202,
      respondedAt: 0,
      invocationType: 'Event',
    });
    const types = sim.trace().map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['invoke.accepted', 'queue.enqueued', 'env.created']);
    sim.advanceBy(10_000);
    expect(sim.invocations()[0]).toMatchObject({ state: 'succeeded', outcome: 'succeeded', attempts: 1 });
  });

  it('async failure is retried after 1 and 2 minutes', () => {
    const sim = createLambdaSimulation({ seed: 2, functions: [failing()] });
    const { requestId } = sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' });
    sim.advanceBy(10 * 60_000);
    const trace = sim.trace();
    const failed = of(trace, 'run.failed', requestId);
    const started = of(trace, 'run.started', requestId);
    expect(started.map((e) => e.attempt)).toEqual([1, 2, 3]);
    expect(started[1].t - failed[0].t).toBe(60_000);
    expect(started[2].t - failed[1].t).toBe(120_000);
    expect(of(trace, 'retry.scheduled', requestId).map((e) => e.delayMs)).toEqual([60_000, 120_000]);
    expect(sim.invocation(requestId!)).toMatchObject({
      state: 'discarded',
      outcome: 'discarded',
      outcomeReason: 'RetriesExhausted',
      attempts: 3,
    });
    expect(of(trace, 'event.discarded', requestId)[0]).toMatchObject({ reason: 'RetriesExhausted' });
  });

  it('shows retry-wait with the next attempt time while waiting', () => {
    const sim = createLambdaSimulation({ seed: 2, functions: [failing()] });
    const { requestId } = sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' });
    sim.advanceBy(5_000);
    const failedAt = of(sim.trace(), 'run.failed', requestId)[0].t;
    expect(sim.invocation(requestId!)).toMatchObject({
      state: 'retry-wait',
      nextAttemptAt: failedAt + 60_000,
      attempts: 1,
    });
    expect(sim.queueDepth()).toBe(1);
  });

  it('MaximumRetryAttempts 0 means one attempt only', () => {
    const sim = createLambdaSimulation({ seed: 3, functions: [failing({ MaximumRetryAttempts: 0 })] });
    const { requestId } = sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' });
    sim.advanceBy(10 * 60_000);
    expect(of(sim.trace(), 'run.started', requestId)).toHaveLength(1);
    expect(sim.invocation(requestId!)?.outcomeReason).toBe('RetriesExhausted');
  });

  it('exhausted retries go to the OnFailure destination with the AWS invocation record', () => {
    const sim = createLambdaSimulation({
      seed: 4,
      functions: [failing({ DestinationConfig: { OnFailure: { Destination: SQS } } })],
    });
    const { requestId } = sim.invoke({
      FunctionName: 'cafe-order',
      InvocationType: 'Event',
      Payload: '{"order":"mocha"}',
    });
    sim.advanceBy(10 * 60_000);
    const [d] = sim.destinationRecords();
    expect(d).toMatchObject({
      kind: 'OnFailure',
      destinationArn: SQS,
      destinationType: 'sqs',
      requestId,
      functionName: 'cafe-order',
    });
    expect(d.timestamp).toBe(sim.startTime + (sim.invocation(requestId!)?.endedAt ?? NaN));
    expect(d.record).toMatchObject({
      version: '1.0',
      requestContext: {
        requestId,
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:cafe-order:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: { order: 'mocha' },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorMessage: 'bad order', errorType: 'ValueError' },
    });
    expect((d.record as { timestamp: string }).timestamp).toBe(new Date(d.timestamp).toISOString());
    expect(sim.invocation(requestId!)).toMatchObject({
      state: 'destination',
      outcome: 'delivered',
      outcomeReason: 'RetriesExhausted',
      destinationArn: SQS,
    });
  });

  it('without OnFailure, a dead-letter queue gets only the event (plus Lambda’s message attributes)', () => {
    const sim = createLambdaSimulation({
      seed: 5,
      functions: [failing({ DeadLetterConfig: { TargetArn: DLQ } })],
    });
    const { requestId } = sim.invoke({
      FunctionName: 'cafe-order',
      InvocationType: 'Event',
      Payload: '{"order":"tea"}',
    });
    sim.advanceBy(10 * 60_000);
    const [d] = sim.destinationRecords();
    expect(d.kind).toBe('DLQ');
    expect(d.record).toEqual({ order: 'tea' });
    expect(d.messageAttributes).toEqual({
      RequestID: requestId,
      ErrorCode: '200',
      ErrorMessage: 'bad order',
    });
  });

  it('OnSuccess destinations receive success records', () => {
    const sim = createLambdaSimulation({
      seed: 6,
      functions: [cafePresetFunction({ DestinationConfig: { OnSuccess: { Destination: SNS } } })],
    });
    const { requestId } = sim.invoke({
      FunctionName: 'cafe-order',
      InvocationType: 'Event',
      Payload: '{"n":1}',
    });
    sim.advanceBy(60_000);
    const [d] = sim.destinationRecords();
    expect(d).toMatchObject({ kind: 'OnSuccess', destinationType: 'sns' });
    expect(d.record).toMatchObject({
      requestContext: { requestId, condition: 'Success', approximateInvokeCount: 1 },
      requestPayload: { n: 1 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST' },
      responsePayload: { statusCode: 200, body: '"Hello from Lambda!"' },
    });
    expect(sim.invocation(requestId!)).toMatchObject({ outcome: 'delivered', outcomeReason: 'Success' });
  });

  it('an async timeout is a function error and is retried', () => {
    const sim = createLambdaSimulation({
      seed: 7,
      functions: [{ FunctionName: 'slow', Timeout: 1, Handler: { durationMs: 5000 } }],
    });
    const { requestId } = sim.invoke({ FunctionName: 'slow', InvocationType: 'Event' });
    sim.advanceBy(10 * 60_000);
    expect(of(sim.trace(), 'run.timedOut', requestId)).toHaveLength(3);
    expect(sim.invocation(requestId!)?.outcomeReason).toBe('RetriesExhausted');
  });

  it('an event older than MaximumEventAgeInSeconds is not retried (EventAgeExceeded)', () => {
    const sim = createLambdaSimulation({
      seed: 8,
      functions: [
        failing({ MaximumEventAgeInSeconds: 60, DestinationConfig: { OnFailure: { Destination: SQS } } }),
      ],
    });
    const { requestId } = sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' });
    sim.advanceBy(10 * 60_000);
    expect(of(sim.trace(), 'run.started', requestId)).toHaveLength(1);
    const rec = sim.invocation(requestId!)!;
    expect(rec).toMatchObject({ outcome: 'delivered', outcomeReason: 'EventAgeExceeded', endedAt: 60_000 });
    expect(sim.destinationRecords()[0].record).toMatchObject({
      requestContext: { condition: 'EventAgeExceeded', approximateInvokeCount: 1 },
    });
  });

  it('reserved concurrency 0 sends async events straight to the failure destination without an attempt', async () => {
    const sim = createLambdaSimulation({
      seed: 9,
      functions: [
        cafePresetFunction({
          ReservedConcurrentExecutions: 0,
          DestinationConfig: { OnFailure: { Destination: SQS } },
        }),
      ],
    });
    const p = sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' });
    const s = watch(p);
    await flush();
    expect(s.output).toEqual({ StatusCode: 202 });
    expect(sim.invocation(p.requestId!)).toMatchObject({
      attempts: 0,
      outcome: 'delivered',
      outcomeReason: 'ZeroReservedConcurrency',
      endedAt: 0,
    });
    expect(sim.destinationRecords()[0].record).toMatchObject({
      requestContext: { approximateInvokeCount: 0, condition: 'ZeroReservedConcurrency' },
    });
    expect(sim.trace().some((e) => e.type === 'run.started')).toBe(false);
  });

  it('a throttled async event stays queued while the poller backs off 1 s, 2 s, 4 s …', () => {
    const sim = createLambdaSimulation({
      seed: 10,
      functions: [cafePresetFunction({ ReservedConcurrentExecutions: 1, Handler: { durationMs: 9000 } })],
    });
    sim.invoke({ FunctionName: 'cafe-order' }); // a sync call takes the only barista for ~9 s
    const { requestId } = sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' });
    sim.advanceBy(1);
    expect(sim.invocation(requestId!)).toMatchObject({ state: 'throttled-backoff', nextAttemptAt: 1000 });
    sim.advanceTo(6999);
    const throttles = of(sim.trace(), 'queue.throttled', requestId);
    expect(throttles.map((e) => [e.t, e.delayMs])).toEqual([
      [0, 1000],
      [1000, 2000],
      [3000, 4000],
    ]);
    expect(throttles[0].reason).toBe('ReservedFunctionConcurrentInvocationLimitExceeded');
    expect(sim.queueDepth()).toBe(1);
    sim.advanceBy(60_000);
    // The freed barista takes the waiting event as soon as the sync run ends.
    const syncEnd = sim.trace().find((e) => e.type === 'run.succeeded')!.t;
    expect(of(sim.trace(), 'run.started', requestId)[0].t).toBe(syncEnd);
  });

  it('backoff doubles up to 5 minutes', () => {
    const sim = createLambdaSimulation({
      seed: 11,
      accountConcurrency: 10,
      functions: [
        cafePresetFunction({ ReservedConcurrentExecutions: 0, DeadLetterConfig: { TargetArn: DLQ } }),
      ],
    });
    // Reserved concurrency 1 with a very long sync run keeps the event throttled for a long time.
    sim.putFunctionConcurrency({ FunctionName: 'cafe-order', ReservedConcurrentExecutions: 1 });
    sim.updateFunctionConfiguration({
      FunctionName: 'cafe-order',
      Timeout: 900,
      Handler: { durationMs: 890_000 },
    });
    sim.invoke({ FunctionName: 'cafe-order' });
    const { requestId } = sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' });
    sim.advanceBy(880_000);
    const delays = of(sim.trace(), 'queue.throttled', requestId).map((e) => e.delayMs);
    expect(delays.slice(0, 10)).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000,
    ]);
    expect(new Set(delays.slice(9))).toEqual(new Set([300000]));
  });
});
