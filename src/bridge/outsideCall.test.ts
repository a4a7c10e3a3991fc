import { describe, expect, it } from 'vitest';
import { decodeBase64Utf8 } from '../model';
import { deriveScene } from '../cafe/sceneModel';
import { createCafeStore, FUNCTION_NAME } from '../store/cafeStore';
import { answerCall, callerTool, OutsideCallers } from './outsideCall';
import type { BridgeAnswer, BridgeCall } from './protocol';

function cafe(options: Parameters<typeof createCafeStore>[0] = {}) {
  const store = createCafeStore({ paused: true, ...options });
  const callers = new OutsideCallers();
  const scene = () => deriveScene(store.getState().sim, FUNCTION_NAME);
  const runUntilIdle = () => {
    for (let i = 0; i < 200 && store.getState().sim.nextEventTime() !== undefined; i++)
      store.getState().step();
  };
  let seq = 0;
  const call = (fields: Partial<BridgeCall> = {}): BridgeCall => ({
    id: `call-${++seq}`,
    operation: 'Invoke',
    functionName: FUNCTION_NAME,
    userAgent: 'aws-cli/2.27.41 md/awscrt#0.26.1 ua/2.1 os/linux#6.1 command/lambda.invoke',
    ...fields,
  });
  return { store, callers, scene, runUntilIdle, call };
}

/** Lets promise reactions run (answers settle a microtask after the model moves). */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function watch(answer: Promise<BridgeAnswer>) {
  const state: { answer?: BridgeAnswer } = {};
  void answer.then((a) => (state.answer = a));
  return state;
}

describe('a call from outside the page', () => {
  it('RequestResponse: a customer labelled with its tool waits at the counter, and the answer comes when the model finishes', async () => {
    const { store, callers, scene, runUntilIdle, call } = cafe();
    const pending = watch(
      answerCall(store, call({ logType: 'Tail', payload: '{"order":"latte"}' }), callers),
    );
    await flush();
    expect(pending.answer).toBeUndefined();
    expect(scene().counter).toMatchObject([
      {
        id: 'outside-cli-1',
        source: 'outside',
        short: 'CLI1',
        label: 'Outside call 1 (aws-cli/2.27.41)',
        status: 'waiting',
      },
    ]);
    runUntilIdle();
    await flush();
    const answer = pending.answer as Extract<BridgeAnswer, { kind: 'invoked' }>;
    expect(answer).toMatchObject({ kind: 'invoked', statusCode: 200, executedVersion: '$LATEST' });
    expect(JSON.parse(answer.payload!)).toEqual({ statusCode: 200, body: '"Hello from Lambda!"' });
    expect(decodeBase64Utf8(answer.logResult!)).toMatch(/^START RequestId: \S+ Version: \$LATEST\n/);
    expect(answer.requestId).toBe(scene().leaving[0].requestId);
  });

  it('Event: 202 at once and a customer at a table', async () => {
    const { store, callers, scene, call } = cafe();
    const answer = await answerCall(
      store,
      call({ invocationType: 'Event', userAgent: 'aws-sdk-js/3.1162.0 ua/2.1' }),
      callers,
    );
    expect(answer).toMatchObject({ kind: 'invoked', statusCode: 202 });
    expect(scene().tables).toMatchObject([{ id: 'outside-sdk-1', short: 'SDK1', status: 'seated' }]);
  });

  it('reserved concurrency 0: TooManyRequestsException with its Reason and Retry-After', async () => {
    const { store, callers, call } = cafe({ settings: { baristas: 0 } });
    expect(await answerCall(store, call(), callers)).toEqual({
      kind: 'error',
      name: 'TooManyRequestsException',
      statusCode: 429,
      message: 'Rate Exceeded.',
      requestId: expect.any(String),
      reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      retryAfterSeconds: '1',
    });
  });

  it('an unknown function: ResourceNotFoundException', async () => {
    const { store, callers, call } = cafe();
    expect(await answerCall(store, call({ functionName: 'espresso' }), callers)).toMatchObject({
      kind: 'error',
      name: 'ResourceNotFoundException',
      statusCode: 404,
      message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:espresso',
    });
  });

  it("the SDK's retries of one call (one invocation id) are the same customer coming back, drawn once", async () => {
    const { store, callers, scene, call } = cafe({ settings: { baristas: 0 } });
    for (const attempt of [1, 2, 3])
      await answerCall(store, call({ invocationId: 'inv-1', attempt }), callers);
    const s = scene();
    expect(s.leaving.map((c) => [c.id, c.status, c.label])).toEqual([
      ['outside-cli-1', 'turnedAway', 'Outside call 1 (aws-cli/2.27.41), attempt 3'],
    ]);
    expect(
      store
        .getState()
        .sim.invocations()
        .filter((i) => i.callerId === 'outside-cli-1'),
    ).toHaveLength(3);
  });

  it('is recorded: stepping back before it and playing on answers it again, the same way', async () => {
    const { store, callers, runUntilIdle, call } = cafe();
    store.getState().order('async');
    store.getState().step();
    const pending = watch(answerCall(store, call(), callers));
    const placedAt = store.getState().now;
    await store.getState().seek(0);
    expect(store.getState().actions.at(-1)).toMatchObject({ type: 'outside.invoked', t: placedAt });
    runUntilIdle();
    await flush();
    expect(pending.answer).toMatchObject({ kind: 'invoked', statusCode: 200 });
  });

  it('doing something new before it in the past discards it, and the client gets a 503 it can retry', async () => {
    const { store, callers, call } = cafe();
    store.getState().order('async');
    store.getState().step();
    const pending = watch(answerCall(store, call(), callers));
    await store.getState().seek(0);
    store.getState().order('sync');
    await flush();
    expect(pending.answer).toMatchObject({ kind: 'error', name: 'ServiceException', statusCode: 503 });
  });

  it('answers the read operations from the model', async () => {
    const { store, callers, call } = cafe();
    const config = await answerCall(store, call({ operation: 'GetFunctionConfiguration' }), callers);
    expect(config).toMatchObject({
      kind: 'json',
      statusCode: 200,
      body: { FunctionName: 'cafe-order', Timeout: 10 },
    });
    const byArn = await answerCall(
      store,
      call({
        operation: 'GetFunction',
        functionName: 'arn:aws:lambda:us-east-1:123456789012:function:cafe-order',
      }),
      callers,
    );
    expect(byArn).toMatchObject({
      body: {
        Configuration: { FunctionName: 'cafe-order' },
        Concurrency: { ReservedConcurrentExecutions: 3 },
      },
    });
    const settings = await answerCall(store, call({ operation: 'GetAccountSettings' }), callers);
    expect(settings).toMatchObject({
      body: { AccountLimit: { ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 997 } },
    });
  });
});

describe('callerTool', () => {
  it('reads the product from the User-Agent', () => {
    expect(callerTool('aws-cli/2.27.41 md/awscrt#0.26.1 ua/2.1 os/linux#6.1')).toEqual({
      product: 'aws-cli/2.27.41',
      tool: 'cli',
    });
    expect(callerTool('aws-sdk-js/3.1162.0 ua/2.1 os/linux#6.1 lang/js')).toEqual({
      product: 'aws-sdk-js/3.1162.0',
      tool: 'sdk',
    });
    expect(callerTool('Boto3/1.40.0 md/Botocore#1.40.0')).toEqual({ product: 'Boto3/1.40.0', tool: 'sdk' });
    expect(callerTool('curl/8.5.0')).toEqual({ product: 'curl/8.5.0', tool: 'http' });
    expect(callerTool(undefined)).toEqual({ product: 'an HTTP client', tool: 'http' });
  });
});
