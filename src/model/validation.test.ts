import { describe, expect, it } from 'vitest';
import { DEFAULT_HANDLER, LAMBDA_DEFAULTS, cafePresetFunction } from './defaults';
import { createLambdaSimulation } from './simulation';
import { flush, watch } from './testSupport';

/** A JSON string of exactly `bytes` UTF-8 bytes ('é' is 2 bytes). */
const json = (bytes: number) => `"${'é'.repeat((bytes - 2) / 2)}"`;

const sim = () => createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });

describe('request validation', () => {
  it('unknown function → 404 ResourceNotFoundException', async () => {
    const s = watch(sim().invoke({ FunctionName: 'nope' }));
    await flush();
    expect(s.error?.name).toBe('ResourceNotFoundException');
    expect(s.error?.$metadata?.httpStatusCode).toBe(404);
    expect(s.error?.message).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope');
  });

  it('a qualifier other than $LATEST → 404 (the model has no versions or aliases)', async () => {
    const s = watch(sim().invoke({ FunctionName: 'cafe-order', Qualifier: 'prod' }));
    await flush();
    expect(s.error?.message).toBe(
      'Function not found: arn:aws:lambda:us-east-1:123456789012:function:cafe-order:prod',
    );
  });

  it('payload that is not JSON → 400 InvalidRequestContentException', async () => {
    const s = watch(sim().invoke({ FunctionName: 'cafe-order', Payload: 'value' }));
    await flush();
    expect(s.error?.name).toBe('InvalidRequestContentException');
    expect(s.error?.$metadata?.httpStatusCode).toBe(400);
    expect(s.error?.message).toBe(
      "Could not parse request body into json: Unrecognized token 'value': was expecting ('true', 'false' or 'null')",
    );
  });

  it('payload over 6 MB (sync) or 1 MB (async) → 413 RequestTooLargeException, measured in UTF-8 bytes', async () => {
    const s = sim();
    const okSync = watch(s.invoke({ FunctionName: 'cafe-order', Payload: json(6 * 1024 * 1024) }));
    const bigSync = watch(s.invoke({ FunctionName: 'cafe-order', Payload: json(6 * 1024 * 1024 + 2) }));
    const okAsync = watch(
      s.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event', Payload: json(1024 * 1024) }),
    );
    const bigAsync = watch(
      s.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event', Payload: json(1024 * 1024 + 2) }),
    );
    await flush();
    expect(okSync.error).toBeUndefined();
    expect(okAsync.output?.StatusCode).toBe(202);
    expect(bigSync.error?.name).toBe('RequestTooLargeException');
    expect(bigSync.error?.$metadata?.httpStatusCode).toBe(413);
    expect(bigSync.error?.message).toBe(
      'Request must be smaller than 6291456 bytes for the InvokeFunction operation',
    );
    expect(bigAsync.error?.message).toBe(
      'Request must be smaller than 1048576 bytes for the InvokeFunction operation',
    );
  });

  it('a rejected call is recorded as rejected and leaves only an invoke.rejected trace entry', async () => {
    const s = sim();
    const p = s.invoke({ FunctionName: 'nope' }, { callerId: 'c1', callerLabel: 'Ada' });
    watch(p);
    expect(s.trace()).toEqual([
      {
        t: 0,
        type: 'invoke.rejected',
        requestId: p.requestId,
        functionName: 'nope',
        invocationType: 'RequestResponse',
        statusCode: 404,
        errorName: 'ResourceNotFoundException',
      },
    ]);
    expect(s.invocations()).toEqual([
      expect.objectContaining({
        requestId: p.requestId,
        state: 'rejected',
        outcome: 'rejected',
        outcomeReason: 'ResourceNotFoundException',
        callerLabel: 'Ada',
      }),
    ]);
    expect(s.environments()).toEqual([]);
    expect(s.logEvents()).toEqual([]);
  });
});

describe('configuration validation (InvalidParameterValueException)', () => {
  const bad: [string, object, RegExp][] = [
    ['Timeout', { Timeout: 0 }, /Timeout .* between 1 and 900/],
    ['Timeout', { Timeout: 901 }, /Timeout .* between 1 and 900/],
    ['MemorySize', { MemorySize: 64 }, /MemorySize .* between 128 and 10240/],
    ['MaximumRetryAttempts', { MaximumRetryAttempts: 3 }, /MaximumRetryAttempts .* between 0 and 2/],
    [
      'MaximumEventAgeInSeconds',
      { MaximumEventAgeInSeconds: 59 },
      /MaximumEventAgeInSeconds .* between 60 and 21600/,
    ],
    [
      'OnSuccess S3',
      { DestinationConfig: { OnSuccess: { Destination: 'arn:aws:s3:::bucket' } } },
      /DestinationConfig\.OnSuccess\.Destination/,
    ],
    [
      'DLQ kind',
      { DeadLetterConfig: { TargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:x' } },
      /DeadLetterConfig\.TargetArn/,
    ],
    ['failure mode', { Handler: { failure: { mode: 'sometimes' } } }, /Handler\.failure\.mode/],
    [
      'probability',
      { Handler: { failure: { mode: 'probability', p: 2 } } },
      /Handler\.failure\.p .* between 0 and 1/,
    ],
  ];
  for (const [label, patch, message] of bad) {
    it(`constructor rejects a bad ${label}`, () => {
      expect(() => createLambdaSimulation({ seed: 1, functions: [{ FunctionName: 'f', ...patch }] })).toThrow(
        message,
      );
      try {
        createLambdaSimulation({ seed: 1, functions: [{ FunctionName: 'f', ...patch }] });
      } catch (e) {
        expect((e as Error).name).toBe('InvalidParameterValueException');
        expect((e as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
      }
    });
  }

  it('S3 is allowed as an OnFailure destination', () => {
    expect(() =>
      createLambdaSimulation({
        seed: 1,
        functions: [
          { FunctionName: 'f', DestinationConfig: { OnFailure: { Destination: 'arn:aws:s3:::bucket' } } },
        ],
      }),
    ).not.toThrow();
  });

  it('omitted fields take Lambda’s defaults and the seed’s handler', () => {
    const s = createLambdaSimulation({ seed: 1, functions: [{ FunctionName: 'f' }] });
    expect(s.getFunctionConfiguration('f')).toMatchObject({
      Timeout: LAMBDA_DEFAULTS.Timeout,
      MemorySize: 128,
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
      ReservedConcurrentExecutions: null,
      Handler: {
        durationMs: 5000,
        printedLines: ['Processing complete'],
        result: DEFAULT_HANDLER.result,
        failure: { mode: 'never' },
      },
    });
    expect(s.accountConcurrency()).toBe(1000);
  });

  it('an invalid update throws and changes nothing; a valid one applies from that moment', () => {
    const s = sim();
    expect(() => s.updateFunctionConfiguration({ FunctionName: 'cafe-order', Timeout: 1000 })).toThrow(
      /Timeout/,
    );
    expect(() =>
      s.putFunctionEventInvokeConfig({ FunctionName: 'cafe-order', MaximumRetryAttempts: 5 }),
    ).toThrow(/MaximumRetryAttempts/);
    expect(() =>
      s.putFunctionConcurrency({ FunctionName: 'cafe-order', ReservedConcurrentExecutions: 1001 }),
    ).toThrow(/ReservedConcurrentExecutions/);
    expect(() => s.setAccountConcurrency(0)).toThrow(/accountConcurrency/);
    expect(() => s.updateFunctionConfiguration({ FunctionName: 'ghost', Timeout: 5 })).toThrow(
      /Function not found/,
    );
    expect(s.getFunctionConfiguration('cafe-order').Timeout).toBe(10);
    expect(s.trace()).toEqual([]);
    s.putFunctionEventInvokeConfig({
      FunctionName: 'cafe-order',
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 120,
    });
    expect(s.getFunctionConfiguration('cafe-order')).toMatchObject({
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 120,
      Timeout: 10,
    });
    expect(s.trace()).toEqual([
      {
        t: 0,
        type: 'config.updated',
        functionName: 'cafe-order',
        changed: ['MaximumRetryAttempts', 'MaximumEventAgeInSeconds'],
      },
    ]);
  });

  it('putFunctionConcurrency null removes the reservation', () => {
    const s = createLambdaSimulation({
      seed: 1,
      functions: [cafePresetFunction({ ReservedConcurrentExecutions: 3 })],
    });
    s.putFunctionConcurrency({ FunctionName: 'cafe-order', ReservedConcurrentExecutions: null });
    expect(s.getFunctionConfiguration('cafe-order').ReservedConcurrentExecutions).toBeNull();
  });

  it('a lowered timeout applies to the next run', async () => {
    const s = sim();
    s.updateFunctionConfiguration({ FunctionName: 'cafe-order', Timeout: 3 });
    const r = watch(s.invoke({ FunctionName: 'cafe-order' }));
    s.advanceBy(10_000);
    await flush();
    expect(r.output?.FunctionError).toBe('Unhandled');
  });

  it('the café preset sets a 10 s timeout for the 5 s seed handler', () => {
    expect(cafePresetFunction()).toMatchObject({
      FunctionName: 'cafe-order',
      Timeout: 10,
      Handler: { durationMs: 5000 },
    });
  });
});
