import { describe, expect, it } from 'vitest';
import { cafePresetFunction, createLambdaSimulation, type ResolvedFunctionConfig } from '../../model';
import {
  awsApiName,
  buildAccount,
  buildAsync,
  buildDestinations,
  buildDlq,
  buildGeneral,
  buildHandler,
  buildProvisioned,
  buildReserved,
  canonicalFailure,
  fieldForRefusal,
  FORMS,
  retiresEnvironments,
  snapshotKey,
  type ConfigSnapshot,
  type FormId,
  type Texts,
} from './configForms';

const NAME = 'cafe-order';

function snapshot(patch: Partial<ResolvedFunctionConfig> = {}, accountConcurrency = 1000): ConfigSnapshot {
  const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
  const base = JSON.parse(snapshotKey(sim, NAME)) as ConfigSnapshot;
  return { config: { ...base.config, ...patch }, accountConcurrency };
}

/** The form's current texts with some fields typed over. */
function typed(form: FormId, s: ConfigSnapshot, edits: Texts): Texts {
  return { ...FORMS[form].values(s), ...edits };
}

describe('every form shows the current configuration and applying it untouched changes nothing', () => {
  const s = snapshot({
    ReservedConcurrentExecutions: 3,
    DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:cafe-order-failed' } },
    DeadLetterConfig: { TargetArn: 'arn:aws:sns:us-east-1:123456789012:dead-letters' },
  });
  it.each(Object.keys(FORMS) as FormId[])('%s', (form) => {
    expect(FORMS[form].build(s, FORMS[form].values(s))).toEqual({ kind: 'unchanged' });
  });

  it('field texts are the effective values', () => {
    expect(FORMS.general.values(s)).toEqual({ Timeout: '10', MemorySize: '128' });
    expect(FORMS.reserved.values(s)).toEqual({ mode: 'reserved', value: '3' });
    expect(FORMS.reserved.values(snapshot())).toEqual({ mode: 'unreserved', value: '' });
    expect(FORMS.destinations.values(s)).toEqual({
      onSuccessService: 'none',
      onSuccessName: 'cafe-order-served',
      onFailureService: 'sqs',
      onFailureName: 'cafe-order-failed',
    });
    expect(FORMS.dlq.values(s)).toEqual({ dlqService: 'sns', dlqName: 'dead-letters' });
    expect(FORMS.handler.values(s)).toMatchObject({
      durationMs: '5000',
      initDurationMs: '250',
      failureMode: 'never',
      printedLines: 'Processing complete',
      result: '{"statusCode":200,"body":"\\"Hello from Lambda!\\""}',
    });
  });
});

describe('UpdateFunctionConfiguration carries only what changed', () => {
  const s = snapshot();
  it('Timeout alone', () => {
    expect(buildGeneral(s, typed('general', s, { Timeout: '15' }))).toEqual({
      kind: 'apply',
      op: { api: 'UpdateFunctionConfiguration', params: { FunctionName: NAME, Timeout: 15 } },
      changes: ['Timeout 10 s → 15 s'],
    });
  });
  it('both', () => {
    const out = buildGeneral(s, typed('general', s, { Timeout: '3', MemorySize: '1769' }));
    expect(out.kind === 'apply' && out.op).toEqual({
      api: 'UpdateFunctionConfiguration',
      params: { FunctionName: NAME, Timeout: 3, MemorySize: 1769 },
    });
  });
  it('out-of-range and decimal numbers are passed on for the model to refuse', () => {
    const out = buildGeneral(s, typed('general', s, { Timeout: '901', MemorySize: '256.5' }));
    expect(out.kind === 'apply' && out.op).toEqual({
      api: 'UpdateFunctionConfiguration',
      params: { FunctionName: NAME, Timeout: 901, MemorySize: 256.5 },
    });
  });
  it('every field that is not a number is reported at once', () => {
    expect(buildGeneral(s, typed('general', s, { Timeout: '', MemorySize: '12abc' }))).toEqual({
      kind: 'invalid',
      errors: {
        // Text where a number goes: Lambda's InvalidRequestContentException (lambda-facts §10).
        Timeout:
          'InvalidRequestContentException: Could not parse request body into json: Cannot deserialize value of type `java.lang.Integer` from String "" (for Timeout)',
        MemorySize:
          'InvalidRequestContentException: Could not parse request body into json: Cannot deserialize value of type `java.lang.Integer` from String "12abc" (for MemorySize)',
      },
    });
  });
});

describe('the handler patch carries only the changed parts of the behaviour', () => {
  const s = snapshot();
  it('a duration', () => {
    const out = buildHandler(s, typed('handler', s, { durationMs: '1500' }));
    expect(out.kind === 'apply' && out.op).toEqual({
      api: 'UpdateFunctionConfiguration',
      params: { FunctionName: NAME, Handler: { durationMs: 1500 } },
    });
  });
  it('failure: always, with an error type and message (empty ones left out)', () => {
    const always = buildHandler(
      s,
      typed('handler', s, {
        failureMode: 'always',
        errorType: ' MilkNotFoundError ',
        errorMessage: 'Out of oat milk',
      }),
    );
    expect(always.kind === 'apply' && always.op).toEqual({
      api: 'UpdateFunctionConfiguration',
      params: {
        FunctionName: NAME,
        Handler: {
          failure: { mode: 'always', errorType: 'MilkNotFoundError', errorMessage: 'Out of oat milk' },
        },
      },
    });
    const bare = buildHandler(s, typed('handler', s, { failureMode: 'always' }));
    expect(bare.kind === 'apply' && bare.op).toMatchObject({
      params: { Handler: { failure: { mode: 'always' } } },
    });
  });
  it('failure: first N attempts, probability p, hang', () => {
    const first = buildHandler(s, typed('handler', s, { failureMode: 'firstAttempts', count: '2' }));
    expect(first.kind === 'apply' && first.op).toMatchObject({
      params: { Handler: { failure: { mode: 'firstAttempts', count: 2 } } },
    });
    const p = buildHandler(s, typed('handler', s, { failureMode: 'probability', p: '0.25' }));
    expect(p.kind === 'apply' && p.op).toMatchObject({
      params: { Handler: { failure: { mode: 'probability', p: 0.25 } } },
    });
    const hang = buildHandler(s, typed('handler', s, { failureMode: 'hang', errorType: 'Ignored' }));
    expect(hang.kind === 'apply' && hang.op).toMatchObject({
      params: { Handler: { failure: { mode: 'hang' } } },
    });
  });
  it('count and p are read only for their own mode', () => {
    expect(buildHandler(s, typed('handler', s, { failureMode: 'never', count: 'x', p: 'y' }))).toEqual({
      kind: 'unchanged',
    });
    expect(buildHandler(s, typed('handler', s, { failureMode: 'firstAttempts', count: 'x' }))).toEqual({
      kind: 'invalid',
      errors: {
        count:
          'InvalidRequestContentException: Could not parse request body into json: Cannot deserialize value of type `java.lang.Integer` from String "x" (for Handler.failure.count)',
      },
    });
  });
  it('printed lines and the result', () => {
    const out = buildHandler(
      s,
      typed('handler', s, { printedLines: 'Brewing\nServed\n', result: '{"ok": true}' }),
    );
    expect(out.kind === 'apply' && out.op).toEqual({
      api: 'UpdateFunctionConfiguration',
      params: { FunctionName: NAME, Handler: { printedLines: ['Brewing', 'Served'], result: { ok: true } } },
    });
  });
  it('the same JSON written differently is no change', () => {
    expect(
      buildHandler(
        s,
        typed('handler', s, { result: '{ "statusCode": 200, "body": "\\"Hello from Lambda!\\"" }' }),
      ),
    ).toEqual({ kind: 'unchanged' });
  });
  it('bad JSON and bad numbers are all reported', () => {
    const out = buildHandler(s, typed('handler', s, { durationMs: '5s', result: '{bad' }));
    expect(out.kind).toBe('invalid');
    expect(out.kind === 'invalid' && Object.keys(out.errors)).toEqual(['durationMs', 'result']);
  });
  it('an unknown failure mode is refused like the model does', () => {
    const out = buildHandler(s, typed('handler', s, { failureMode: 'sometimes' }));
    expect(out).toEqual({
      kind: 'invalid',
      errors: {
        // An unknown enum value: ValidationException with AWS's wording (lambda-facts §10).
        failureMode:
          "ValidationException: 1 validation error detected: Value 'sometimes' at 'handler.failure.mode' failed to satisfy constraint: Member must satisfy enum value set: [never, always, firstAttempts, probability, hang]",
      },
    });
  });
  it('failure modes compare field by field, not by key order', () => {
    expect(canonicalFailure({ errorMessage: 'm', mode: 'always', errorType: 't' } as never)).toEqual({
      mode: 'always',
      errorType: 't',
      errorMessage: 'm',
    });
    const current = snapshot({
      Handler: {
        ...s.config.Handler,
        failure: { errorMessage: 'm', mode: 'always', errorType: 't' } as never,
      },
    });
    expect(buildHandler(current, FORMS.handler.values(current))).toEqual({ kind: 'unchanged' });
  });
});

describe('concurrency', () => {
  it('a reservation is PutFunctionConcurrency with the number; unreserved is null', () => {
    const s = snapshot();
    expect(buildReserved(s, { mode: 'reserved', value: '5' })).toEqual({
      kind: 'apply',
      op: { api: 'PutFunctionConcurrency', params: { FunctionName: NAME, ReservedConcurrentExecutions: 5 } },
      changes: ['ReservedConcurrentExecutions unreserved → 5'],
    });
    const reserved = snapshot({ ReservedConcurrentExecutions: 5 });
    expect(buildReserved(reserved, { mode: 'unreserved', value: '5' })).toMatchObject({
      op: {
        api: 'PutFunctionConcurrency',
        params: { FunctionName: NAME, ReservedConcurrentExecutions: null },
      },
    });
    expect(buildReserved(s, { mode: 'unreserved', value: 'junk' })).toEqual({ kind: 'unchanged' });
  });
  it('a reservation that is not a number is refused in the model’s words', () => {
    expect(buildReserved(snapshot({}, 50), { mode: 'reserved', value: 'many' })).toEqual({
      kind: 'invalid',
      errors: {
        value:
          'InvalidRequestContentException: Could not parse request body into json: Cannot deserialize value of type `java.lang.Integer` from String "many" (for ReservedConcurrentExecutions)',
      },
    });
  });
  it('provisioned concurrency is set through UpdateFunctionConfiguration (the store’s op for it)', () => {
    expect(buildProvisioned(snapshot({ ReservedConcurrentExecutions: 3 }), { value: '2' })).toEqual({
      kind: 'apply',
      op: {
        api: 'UpdateFunctionConfiguration',
        params: { FunctionName: NAME, ProvisionedConcurrentExecutions: 2 },
      },
      changes: ['ProvisionedConcurrentExecutions 0 → 2'],
    });
  });
  it('the account limit is SetAccountConcurrency', () => {
    expect(buildAccount(snapshot(), { value: '10' })).toEqual({
      kind: 'apply',
      op: { api: 'SetAccountConcurrency', value: 10 },
      changes: ['Concurrent executions (account) 1000 → 10'],
    });
  });
});

describe('PutFunctionEventInvokeConfig replaces the whole asynchronous configuration, so it carries all of it', () => {
  const onFailure = 'arn:aws:sqs:us-east-1:123456789012:cafe-order-failed';
  const s = snapshot({ DestinationConfig: { OnFailure: { Destination: onFailure } } });
  it('retries keep the destinations', () => {
    expect(buildAsync(s, typed('async', s, { MaximumRetryAttempts: '0' }))).toEqual({
      kind: 'apply',
      op: {
        api: 'PutFunctionEventInvokeConfig',
        params: {
          FunctionName: NAME,
          MaximumRetryAttempts: 0,
          MaximumEventAgeInSeconds: 21600,
          DestinationConfig: { OnFailure: { Destination: onFailure } },
        },
      },
      changes: ['MaximumRetryAttempts 2 → 0'],
    });
  });
  it('destinations keep the retries; a type and a name make the ARN', () => {
    const out = buildDestinations(
      s,
      typed('destinations', s, { onSuccessService: 'events', onSuccessName: 'default' }),
    );
    expect(out.kind === 'apply' && out.op).toEqual({
      api: 'PutFunctionEventInvokeConfig',
      params: {
        FunctionName: NAME,
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 21600,
        DestinationConfig: {
          OnSuccess: { Destination: 'arn:aws:events:us-east-1:123456789012:event-bus/default' },
          OnFailure: { Destination: onFailure },
        },
      },
    });
  });
  it('"None" removes a destination', () => {
    const out = buildDestinations(s, typed('destinations', s, { onFailureService: 'none' }));
    expect(out.kind === 'apply' && out.op).toMatchObject({ params: { DestinationConfig: {} } });
    expect(out.kind === 'apply' && out.changes).toEqual([`OnFailure ${onFailure} → none`]);
  });
  it('a bad name is refused next to it', () => {
    expect(
      buildDestinations(s, typed('destinations', s, { onSuccessService: 'sqs', onSuccessName: 'a b' })),
    ).toEqual({
      kind: 'invalid',
      errors: {
        onSuccessName:
          'InvalidParameterValueException: Value "arn:aws:sqs:us-east-1:123456789012:a b" for DestinationConfig.OnSuccess.Destination is invalid: the queue name must be 1 to 80 letters, digits, hyphens and underscores.',
      },
    });
  });
  it('an ARN the form cannot split is kept as it is until changed', () => {
    const odd = snapshot({
      DestinationConfig: { OnSuccess: { Destination: 'arn:aws-cn:sqs:cn-north-1:123456789012:q:x' } },
    });
    expect(FORMS.destinations.values(odd)).toMatchObject({ onSuccessService: 'other' });
    expect(buildDestinations(odd, FORMS.destinations.values(odd))).toEqual({ kind: 'unchanged' });
  });
});

describe('the dead-letter queue', () => {
  it('is set with a TargetArn and removed with an empty one', () => {
    const s = snapshot();
    const set = buildDlq(s, { dlqService: 'sqs', dlqName: 'cafe-order-dlq' });
    expect(set.kind === 'apply' && set.op).toEqual({
      api: 'UpdateFunctionConfiguration',
      params: {
        FunctionName: NAME,
        DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:cafe-order-dlq' },
      },
    });
    const withDlq = snapshot({
      DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:cafe-order-dlq' },
    });
    const removed = buildDlq(withDlq, { dlqService: 'none', dlqName: 'cafe-order-dlq' });
    expect(removed.kind === 'apply' && removed.op).toEqual({
      api: 'UpdateFunctionConfiguration',
      params: { FunctionName: NAME, DeadLetterConfig: { TargetArn: '' } },
    });
  });
});

describe('naming the change', () => {
  it('gives the AWS API each change is on AWS', () => {
    const f = { FunctionName: NAME };
    expect(awsApiName({ api: 'UpdateFunctionConfiguration', params: { ...f, Timeout: 5 } })).toBe(
      'UpdateFunctionConfiguration',
    );
    expect(
      awsApiName({ api: 'UpdateFunctionConfiguration', params: { ...f, Handler: { durationMs: 1 } } }),
    ).toBe('UpdateFunctionCode');
    expect(
      awsApiName({
        api: 'UpdateFunctionConfiguration',
        params: { ...f, ProvisionedConcurrentExecutions: 2 },
      }),
    ).toBe('PutProvisionedConcurrencyConfig');
    expect(
      awsApiName({
        api: 'UpdateFunctionConfiguration',
        params: { ...f, ProvisionedConcurrentExecutions: 0 },
      }),
    ).toBe('DeleteProvisionedConcurrencyConfig');
    expect(
      awsApiName({ api: 'PutFunctionConcurrency', params: { ...f, ReservedConcurrentExecutions: 0 } }),
    ).toBe('PutFunctionConcurrency');
    expect(
      awsApiName({ api: 'PutFunctionConcurrency', params: { ...f, ReservedConcurrentExecutions: null } }),
    ).toBe('DeleteFunctionConcurrency');
    expect(awsApiName({ api: 'PutFunctionEventInvokeConfig', params: f })).toBe(
      'PutFunctionEventInvokeConfig',
    );
    expect(awsApiName({ api: 'SetAccountConcurrency', value: 5 })).toContain('Service Quotas');
  });

  it('says which changes retire environments: Timeout, MemorySize and the code', () => {
    const f = { FunctionName: NAME };
    expect(retiresEnvironments({ api: 'UpdateFunctionConfiguration', params: { ...f, Timeout: 5 } })).toBe(
      true,
    );
    expect(
      retiresEnvironments({ api: 'UpdateFunctionConfiguration', params: { ...f, MemorySize: 256 } }),
    ).toBe(true);
    expect(retiresEnvironments({ api: 'UpdateFunctionConfiguration', params: { ...f, Handler: {} } })).toBe(
      true,
    );
    expect(
      retiresEnvironments({ api: 'UpdateFunctionConfiguration', params: { ...f, DeadLetterConfig: {} } }),
    ).toBe(false);
    expect(
      retiresEnvironments({
        api: 'UpdateFunctionConfiguration',
        params: { ...f, ProvisionedConcurrentExecutions: 1 },
      }),
    ).toBe(false);
    expect(
      retiresEnvironments({
        api: 'PutFunctionConcurrency',
        params: { ...f, ReservedConcurrentExecutions: 1 },
      }),
    ).toBe(false);
  });
});

/** A refusal about `field` (what the model's LambdaServiceError.refusal() gives). */
const refusal = (field: string | undefined, message = '…') => ({
  field,
  type: 'ValidationException',
  message,
});

describe('a refusal is shown next to the field it is about (the model names it; no text is searched)', () => {
  it.each<[FormId, string | undefined, string[], string]>([
    ['general', 'Timeout', [], 'Timeout'],
    ['general', 'MemorySize', ['Timeout', 'MemorySize'], 'MemorySize'],
    ['general', 'Handler.maxMemoryUsedMb', [], 'MemorySize'],
    ['handler', 'Handler.failure.p', [], 'p'],
    ['handler', 'Handler.failure.count', [], 'count'],
    ['handler', 'Handler.failure.errorType', [], 'errorType'],
    ['reserved', 'ReservedConcurrentExecutions', [], 'value'],
    ['reserved', 'ProvisionedConcurrentExecutions', ['value'], 'value'],
    ['account', 'accountConcurrency', [], 'value'],
    ['destinations', 'DestinationConfig.OnFailure.Destination', [], 'onFailureName'],
    ['destinations', 'DestinationConfig.OnSuccess.Destination', [], 'onSuccessName'],
    ['dlq', 'DeadLetterConfig.TargetArn', [], 'dlqName'],
    ['async', undefined, ['MaximumEventAgeInSeconds'], 'MaximumEventAgeInSeconds'],
    ['async', 'Something else', [], 'MaximumRetryAttempts'],
  ])('%s: a refusal about %s', (form, field, edited, expected) => {
    expect(fieldForRefusal(form, refusal(field), edited)).toBe(expected);
  });

  it('a message that mentions another field does not move the refusal there', () => {
    expect(fieldForRefusal('general', refusal('MemorySize', 'Timeout is fine; MemorySize is not'))).toBe(
      'MemorySize',
    );
  });
});
