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
    // Lambda's wording (lambda-facts §10, from Lambda's responses): the body, then the payload.
    expect(s.error?.message).toBe(
      "Could not parse request body into json: Could not parse payload into json: Unrecognized token 'value': was expecting ('true', 'false' or 'null')",
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

// Out of range is AWS's ValidationException with its JSON-protocol wording (lambda-facts §10);
// the ranges are the Lambda API model's (botocore service-2.json: MemorySize 128–10240,
// MaximumRetryAttempts 0–2, MaximumEventAgeInSeconds 60–21600) and the developer guide's
// (configuration-timeout.html: Timeout up to 900 s). A destination of the wrong kind is a
// semantic problem: InvalidParameterValueException.
describe('configuration validation (AWS exceptions and wording)', () => {
  const bad: [string, object, string, RegExp][] = [
    [
      'Timeout',
      { Timeout: 0 },
      'ValidationException',
      /^1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1$/,
    ],
    [
      'Timeout',
      { Timeout: 901 },
      'ValidationException',
      /^1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900$/,
    ],
    [
      'MemorySize',
      { MemorySize: 64 },
      'ValidationException',
      /Value '64' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128$/,
    ],
    [
      'MaximumRetryAttempts',
      { MaximumRetryAttempts: 3 },
      'ValidationException',
      /Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2$/,
    ],
    [
      'MaximumEventAgeInSeconds',
      { MaximumEventAgeInSeconds: 59 },
      'ValidationException',
      /Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60$/,
    ],
    [
      'OnSuccess S3',
      { DestinationConfig: { OnSuccess: { Destination: 'arn:aws:s3:::bucket' } } },
      'InvalidParameterValueException',
      /DestinationConfig\.OnSuccess\.Destination/,
    ],
    [
      'DLQ kind',
      { DeadLetterConfig: { TargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:x' } },
      'InvalidParameterValueException',
      /DeadLetterConfig\.TargetArn/,
    ],
    [
      'failure mode',
      { Handler: { failure: { mode: 'sometimes' } } },
      'ValidationException',
      /Value 'sometimes' at 'handler\.failure\.mode' failed to satisfy constraint: Member must satisfy enum value set: \[never, always, firstAttempts, probability, hang\]$/,
    ],
    [
      'probability',
      { Handler: { failure: { mode: 'probability', p: 2 } } },
      'ValidationException',
      /Value '2' at 'handler\.failure\.p' failed to satisfy constraint: Member must have value less than or equal to 1$/,
    ],
    [
      'Timeout as text',
      { Timeout: '10' },
      'InvalidRequestContentException',
      /^Could not parse request body into json: Cannot deserialize value of type `java\.lang\.Integer` from String "10"/,
    ],
  ];
  for (const [label, patch, name, message] of bad) {
    it(`constructor rejects a bad ${label}`, () => {
      expect(() => createLambdaSimulation({ seed: 1, functions: [{ FunctionName: 'f', ...patch }] })).toThrow(
        message,
      );
      try {
        createLambdaSimulation({ seed: 1, functions: [{ FunctionName: 'f', ...patch }] });
      } catch (e) {
        expect((e as Error).name).toBe(name);
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
      /at 'timeout'/,
    );
    expect(() =>
      s.putFunctionEventInvokeConfig({ FunctionName: 'cafe-order', MaximumRetryAttempts: 5 }),
    ).toThrow(/at 'maximumRetryAttempts'/);
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

// lambda-facts §10 (API_Invoke.html, "FunctionName"): a name, a name with a qualifier, a partial
// ARN `123456789012:function:name` or a full ARN, with or without a qualifier.
describe('FunctionName in every form Lambda accepts', () => {
  const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:cafe-order';
  it.each([
    'cafe-order',
    'cafe-order:$LATEST',
    '123456789012:function:cafe-order',
    '123456789012:function:cafe-order:$LATEST',
    ARN,
    `${ARN}:$LATEST`,
  ])('%s runs the café’s function', async (FunctionName) => {
    const s = sim();
    const out = watch(s.invoke({ FunctionName, InvocationType: 'Event' }));
    await flush();
    expect(out.output).toEqual({ StatusCode: 202 });
    expect(s.invocations()[0]).toMatchObject({ functionName: 'cafe-order', invocationType: 'Event' });
    expect(() => s.updateFunctionConfiguration({ FunctionName, Timeout: 12 })).not.toThrow();
    expect(s.getFunctionConfiguration(FunctionName).Timeout).toBe(12);
  });

  it.each([
    ['cafe-order:prod', 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:cafe-order:prod'],
    [
      'arn:aws:lambda:eu-west-1:123456789012:function:cafe-order',
      'Function not found: arn:aws:lambda:eu-west-1:123456789012:function:cafe-order',
    ],
    [
      '999999999999:function:cafe-order',
      'Function not found: arn:aws:lambda:us-east-1:999999999999:function:cafe-order',
    ],
  ])('%s is not found (another version, Region or account)', async (FunctionName, message) => {
    const out = watch(sim().invoke({ FunctionName }));
    await flush();
    expect(out.error?.name).toBe('ResourceNotFoundException');
    expect(out.error?.message).toBe(message);
  });

  it('a qualifier in the name that contradicts the Qualifier parameter is refused as Lambda does', async () => {
    const out = watch(sim().invoke({ FunctionName: 'cafe-order:$LATEST', Qualifier: 'prod' }));
    await flush();
    expect(out.error?.name).toBe('InvalidParameterValueException');
    expect(out.error?.message).toBe(
      'The derived qualifier from the function name does not match the specified qualifier.',
    );
  });

  it('a name Lambda cannot read is a ValidationException quoting its pattern', async () => {
    const out = watch(sim().invoke({ FunctionName: 'café order' }));
    await flush();
    expect(out.error?.name).toBe('ValidationException');
    expect(out.error?.message).toMatch(
      /^1 validation error detected: Value 'café order' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: \(arn:/,
    );
  });
});
