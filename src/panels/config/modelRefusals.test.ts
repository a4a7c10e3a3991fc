/**
 * The panel's ops against the real model: what it refuses (and in which words), that a
 * refusal changes nothing, that the client-side refusals read exactly like the model's, and
 * that the changes the panel says retire environments do.
 */
import { describe, expect, it } from 'vitest';
import { cafePresetFunction, createLambdaSimulation, type LambdaSimulation } from '../../model';
import { applyConfigOp, refusalText, type ConfigOp } from '../../store/kitchen';
import {
  FORMS,
  retiresEnvironments,
  snapshotKey,
  type ConfigSnapshot,
  type FormId,
  type Texts,
} from './configForms';
import { parseNumberText, provisionedRule, reservedRule, RULES, type NumberRule } from './fieldText';

const NAME = 'cafe-order';
const newSim = () => createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
const read = (sim: LambdaSimulation) => JSON.parse(snapshotKey(sim, NAME)) as ConfigSnapshot;

/** Types `edits` into a form, applies it to the model; returns the refusal and whether anything changed. */
function applyForm(sim: LambdaSimulation, form: FormId, edits: Texts) {
  const before = snapshotKey(sim, NAME);
  const s = read(sim);
  const outcome = FORMS[form].build(s, { ...FORMS[form].values(s), ...edits });
  if (outcome.kind !== 'apply') throw new Error(`expected an op, got ${JSON.stringify(outcome)}`);
  const refused = applyConfigOp(sim, outcome.op);
  return { refused, changed: snapshotKey(sim, NAME) !== before, op: outcome.op };
}

// Lambda's refusals (lambda-facts §10): out of range is ValidationException in the AWS JSON
// protocol's words ("1 validation error detected: Value '901' at 'timeout' failed to satisfy
// constraint: Member must have value less than or equal to 900"); a fraction where the API takes
// an Integer cannot be read as the request's shape (InvalidRequestContentException, Jackson's
// detail); limits that depend on other settings are InvalidParameterValueException.
describe('the model refuses out-of-range and fractional values, naming the field; nothing changes', () => {
  it.each<[FormId, Texts, string, string, string]>([
    [
      'general',
      { Timeout: '0' },
      'ValidationException',
      'Timeout',
      "1 validation error detected: Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      'general',
      { Timeout: '901' },
      'ValidationException',
      'Timeout',
      "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
    ],
    [
      'general',
      { Timeout: '12.5' },
      'InvalidRequestContentException',
      'Timeout',
      'Could not parse request body into json: Cannot coerce Floating-point value (12.5) to `java.lang.Integer` value (for Timeout)',
    ],
    [
      'general',
      { MemorySize: '127' },
      'ValidationException',
      'MemorySize',
      "1 validation error detected: Value '127' at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128",
    ],
    [
      'general',
      { MemorySize: '10241' },
      'ValidationException',
      'MemorySize',
      "1 validation error detected: Value '10241' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240",
    ],
    [
      'general',
      { MemorySize: '256.5' },
      'InvalidRequestContentException',
      'MemorySize',
      'Could not parse request body into json: Cannot coerce Floating-point value (256.5) to `java.lang.Integer` value (for MemorySize)',
    ],
    [
      'async',
      { MaximumRetryAttempts: '3' },
      'ValidationException',
      'MaximumRetryAttempts',
      "1 validation error detected: Value '3' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2",
    ],
    [
      'async',
      { MaximumRetryAttempts: '-1' },
      'ValidationException',
      'MaximumRetryAttempts',
      "1 validation error detected: Value '-1' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value greater than or equal to 0",
    ],
    [
      'async',
      { MaximumRetryAttempts: '1.5' },
      'InvalidRequestContentException',
      'MaximumRetryAttempts',
      'Could not parse request body into json: Cannot coerce Floating-point value (1.5) to `java.lang.Integer` value (for MaximumRetryAttempts)',
    ],
    [
      'async',
      { MaximumEventAgeInSeconds: '59' },
      'ValidationException',
      'MaximumEventAgeInSeconds',
      "1 validation error detected: Value '59' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60",
    ],
    [
      'async',
      { MaximumEventAgeInSeconds: '21601' },
      'ValidationException',
      'MaximumEventAgeInSeconds',
      "1 validation error detected: Value '21601' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value less than or equal to 21600",
    ],
    [
      'reserved',
      { mode: 'reserved', value: '1001' },
      'InvalidParameterValueException',
      'ReservedConcurrentExecutions',
      "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [0]: 1001 is more than the account's 1000.",
    ],
    [
      'reserved',
      { mode: 'reserved', value: '2.5' },
      'InvalidRequestContentException',
      'ReservedConcurrentExecutions',
      'Could not parse request body into json: Cannot coerce Floating-point value (2.5) to `java.lang.Integer` value (for ReservedConcurrentExecutions)',
    ],
    [
      'provisioned',
      { value: '1001' },
      'InvalidParameterValueException',
      'ProvisionedConcurrentExecutions',
      "Requested Provisioned Concurrency (1001) should not be greater than the account's concurrent executions limit (1000).",
    ],
    [
      'provisioned',
      { value: '-1' },
      'ValidationException',
      'ProvisionedConcurrentExecutions',
      "1 validation error detected: Value '-1' at 'provisionedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than or equal to 0",
    ],
    [
      'account',
      { value: '0' },
      'ValidationException',
      'accountConcurrency',
      "1 validation error detected: Value '0' at 'accountConcurrency' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
    [
      'account',
      { value: '1000001' },
      'ValidationException',
      'accountConcurrency',
      "1 validation error detected: Value '1000001' at 'accountConcurrency' failed to satisfy constraint: Member must have value less than or equal to 1000000",
    ],
    [
      'handler',
      { durationMs: '-1' },
      'ValidationException',
      'Handler.durationMs',
      "1 validation error detected: Value '-1' at 'handler.durationMs' failed to satisfy constraint: Member must have value greater than or equal to 0",
    ],
    [
      'handler',
      { durationMs: '3600001' },
      'ValidationException',
      'Handler.durationMs',
      "1 validation error detected: Value '3600001' at 'handler.durationMs' failed to satisfy constraint: Member must have value less than or equal to 3600000",
    ],
    [
      'handler',
      { jitterMs: '-5' },
      'ValidationException',
      'Handler.jitterMs',
      "1 validation error detected: Value '-5' at 'handler.jitterMs' failed to satisfy constraint: Member must have value greater than or equal to 0",
    ],
    [
      'handler',
      { initDurationMs: '10001' },
      'ValidationException',
      'Handler.initDurationMs',
      "1 validation error detected: Value '10001' at 'handler.initDurationMs' failed to satisfy constraint: Member must have value less than or equal to 10000",
    ],
    [
      'handler',
      { failureMode: 'firstAttempts', count: '1001' },
      'ValidationException',
      'Handler.failure.count',
      "1 validation error detected: Value '1001' at 'handler.failure.count' failed to satisfy constraint: Member must have value less than or equal to 1000",
    ],
    [
      'handler',
      { failureMode: 'firstAttempts', count: '1.5' },
      'InvalidRequestContentException',
      'Handler.failure.count',
      'Could not parse request body into json: Cannot coerce Floating-point value (1.5) to `java.lang.Integer` value (for Handler.failure.count)',
    ],
    [
      'handler',
      { failureMode: 'probability', p: '1.1' },
      'ValidationException',
      'Handler.failure.p',
      "1 validation error detected: Value '1.1' at 'handler.failure.p' failed to satisfy constraint: Member must have value less than or equal to 1",
    ],
    [
      'handler',
      { failureMode: 'probability', p: '-0.1' },
      'ValidationException',
      'Handler.failure.p',
      "1 validation error detected: Value '-0.1' at 'handler.failure.p' failed to satisfy constraint: Member must have value greater than or equal to 0",
    ],
  ])('%s %j', (form, edits, type, field, message) => {
    const sim = newSim();
    const { refused, changed } = applyForm(sim, form, edits);
    expect(refused).toEqual({ type, field, message });
    expect(changed).toBe(false);
  });

  it('values at the edges of each range are accepted', () => {
    const sim = newSim();
    for (const [form, edits] of [
      ['general', { Timeout: '900', MemorySize: '10240' }],
      ['general', { Timeout: '1', MemorySize: '128' }],
      ['async', { MaximumRetryAttempts: '0', MaximumEventAgeInSeconds: '60' }],
      ['async', { MaximumRetryAttempts: '2', MaximumEventAgeInSeconds: '21600' }],
      ['reserved', { mode: 'reserved', value: '1000' }],
      ['reserved', { mode: 'reserved', value: '0' }],
      ['handler', { failureMode: 'probability', p: '1', durationMs: '0.5', initDurationMs: '10000' }],
    ] as [FormId, Texts][]) {
      const { refused, changed } = applyForm(sim, form, edits);
      expect(refused, `${form} ${JSON.stringify(edits)}`).toBeUndefined();
      expect(changed).toBe(true);
    }
    expect(read(sim).config).toMatchObject({
      Timeout: 1,
      MemorySize: 128,
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
      ReservedConcurrentExecutions: 0,
    });
  });
});

describe('refusals that depend on other settings', () => {
  it('provisioned concurrency above the reservation', () => {
    const sim = newSim();
    expect(applyForm(sim, 'reserved', { mode: 'reserved', value: '3' }).refused).toBeUndefined();
    const { refused, changed } = applyForm(sim, 'provisioned', { value: '4' });
    expect(refused).toEqual({
      type: 'InvalidParameterValueException',
      field: 'ProvisionedConcurrentExecutions',
      message:
        'Requested Provisioned Concurrency (4) should not be greater than the reservedConcurrentExecution (3) for function cafe-order.',
    });
    expect(changed).toBe(false);
  });

  it('a reservation below the provisioned concurrency', () => {
    const sim = newSim();
    applyForm(sim, 'provisioned', { value: '2' });
    const { refused, changed } = applyForm(sim, 'reserved', { mode: 'reserved', value: '1' });
    expect(refused).toEqual({
      type: 'InvalidParameterValueException',
      field: 'ProvisionedConcurrentExecutions',
      message:
        'Requested Provisioned Concurrency (2) should not be greater than the reservedConcurrentExecution (1) for function cafe-order.',
    });
    expect(changed).toBe(false);
  });

  it('an account limit below the reservation', () => {
    const sim = newSim();
    applyForm(sim, 'reserved', { mode: 'reserved', value: '5' });
    const { refused } = applyForm(sim, 'account', { value: '4' });
    expect(refused).toEqual({
      type: 'InvalidParameterValueException',
      field: 'ReservedConcurrentExecutions',
      message:
        "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [0]: the reserved total 5 exceeds the account limit 4.",
    });
    expect(sim.accountConcurrency()).toBe(1000);
  });

  it('an account limit below the provisioned concurrency', () => {
    const sim = newSim();
    applyForm(sim, 'provisioned', { value: '3' });
    const { refused } = applyForm(sim, 'account', { value: '2' });
    expect(refused).toEqual({
      type: 'InvalidParameterValueException',
      field: 'accountConcurrency',
      message:
        "The account's concurrent executions limit (2) cannot be below cafe-order's provisioned concurrency (3).",
    });
    expect(sim.accountConcurrency()).toBe(1000);
  });
});

describe('client-side refusals read exactly as the model’s own for the same text', () => {
  const cases: [NumberRule, (sim: LambdaSimulation, value: number) => ConfigOp][] = [
    [
      RULES.Timeout,
      (_s, v) => ({ api: 'UpdateFunctionConfiguration', params: { FunctionName: NAME, Timeout: v } }),
    ],
    [
      RULES.MemorySize,
      (_s, v) => ({ api: 'UpdateFunctionConfiguration', params: { FunctionName: NAME, MemorySize: v } }),
    ],
    [
      RULES.MaximumRetryAttempts,
      (_s, v) => ({
        api: 'PutFunctionEventInvokeConfig',
        params: { FunctionName: NAME, MaximumRetryAttempts: v },
      }),
    ],
    [
      RULES.MaximumEventAgeInSeconds,
      (_s, v) => ({
        api: 'PutFunctionEventInvokeConfig',
        params: { FunctionName: NAME, MaximumEventAgeInSeconds: v },
      }),
    ],
    [
      reservedRule(1000),
      (_s, v) => ({
        api: 'PutFunctionConcurrency',
        params: { FunctionName: NAME, ReservedConcurrentExecutions: v },
      }),
    ],
    [
      provisionedRule(null, 1000),
      (_s, v) => ({
        api: 'UpdateFunctionConfiguration',
        params: { FunctionName: NAME, ProvisionedConcurrentExecutions: v },
      }),
    ],
    [RULES.accountConcurrency, (_s, v) => ({ api: 'SetAccountConcurrency', value: v })],
    [
      RULES.durationMs,
      (_s, v) => ({
        api: 'UpdateFunctionConfiguration',
        params: { FunctionName: NAME, Handler: { durationMs: v } },
      }),
    ],
    [
      RULES.jitterMs,
      (_s, v) => ({
        api: 'UpdateFunctionConfiguration',
        params: { FunctionName: NAME, Handler: { jitterMs: v } },
      }),
    ],
    [
      RULES.initDurationMs,
      (_s, v) => ({
        api: 'UpdateFunctionConfiguration',
        params: { FunctionName: NAME, Handler: { initDurationMs: v } },
      }),
    ],
    [
      RULES.failureCount,
      (_s, v) => ({
        api: 'UpdateFunctionConfiguration',
        params: { FunctionName: NAME, Handler: { failure: { mode: 'firstAttempts', count: v } } },
      }),
    ],
    [
      RULES.failureP,
      (_s, v) => ({
        api: 'UpdateFunctionConfiguration',
        params: { FunctionName: NAME, Handler: { failure: { mode: 'probability', p: v } } },
      }),
    ],
  ];
  it.each(cases)('%o', (rule, opFor) => {
    const parsed = parseNumberText(rule, '12abc');
    expect(parsed.ok).toBe(false);
    // Hand the model the raw text the field holds, as an untyped caller could.
    const sim = newSim();
    const modelSays = applyConfigOp(sim, opFor(sim, '12abc' as unknown as number));
    expect(!parsed.ok && parsed.message).toBe(modelSays && refusalText(modelSays));
  });
});

describe('destinations built by the form are accepted by the model with the right type', () => {
  it.each<[string, string, string]>([
    ['sqs', 'cafe-order-served', 'sqs'],
    ['sns', 'orders', 'sns'],
    ['events', 'default', 'events'],
    ['lambda', 'receipt', 'lambda'],
  ])('OnSuccess %s', (service, name) => {
    const sim = newSim();
    const { refused } = applyForm(sim, 'destinations', { onSuccessService: service, onSuccessName: name });
    expect(refused).toBeUndefined();
    expect(read(sim).config.DestinationConfig.OnSuccess?.Destination).toMatch(
      new RegExp(`^arn:aws:${service}:`),
    );
  });

  it('S3 on failure, and a DLQ; the model refuses S3 for a DLQ with its own message', () => {
    const sim = newSim();
    expect(
      applyForm(sim, 'destinations', { onFailureService: 's3', onFailureName: 'cafe-failures' }).refused,
    ).toBeUndefined();
    expect(read(sim).config.DestinationConfig.OnFailure?.Destination).toBe('arn:aws:s3:::cafe-failures');
    expect(applyForm(sim, 'dlq', { dlqService: 'sns', dlqName: 'dead-letters' }).refused).toBeUndefined();
    expect(read(sim).config.DeadLetterConfig.TargetArn).toBe(
      'arn:aws:sns:us-east-1:123456789012:dead-letters',
    );
    expect(
      applyConfigOp(sim, {
        api: 'UpdateFunctionConfiguration',
        params: { FunctionName: NAME, DeadLetterConfig: { TargetArn: 'arn:aws:s3:::cafe-failures' } },
      }),
    ).toEqual({
      type: 'InvalidParameterValueException',
      field: 'DeadLetterConfig.TargetArn',
      message:
        'Value "arn:aws:s3:::cafe-failures" for DeadLetterConfig.TargetArn is invalid: it must be the ARN of an SQS queue or SNS topic.',
    });
    expect(applyForm(sim, 'dlq', { dlqService: 'none' }).refused).toBeUndefined();
    expect(read(sim).config.DeadLetterConfig.TargetArn).toBeUndefined();
  });

  it('changing the retries keeps the destinations (the whole configuration is sent)', () => {
    const sim = newSim();
    applyForm(sim, 'destinations', { onFailureService: 'sqs', onFailureName: 'cafe-order-failed' });
    applyForm(sim, 'async', { MaximumRetryAttempts: '0' });
    expect(read(sim).config).toMatchObject({
      MaximumRetryAttempts: 0,
      DestinationConfig: {
        OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:cafe-order-failed' },
      },
    });
  });
});

/** One warm idle environment, then the change; returns the shutdown reasons it caused. */
function shutdownsAfter(form: FormId, edits: Texts) {
  const sim = newSim();
  void sim.invoke({ FunctionName: NAME }).catch(() => undefined);
  sim.advanceBy(6_000);
  expect(sim.environments().filter((e) => e.state === 'idle')).toHaveLength(1);
  const seen = sim.trace().length;
  const { refused, op } = applyForm(sim, form, edits);
  expect(refused).toBeUndefined();
  const reasons = sim
    .trace()
    .slice(seen)
    .filter((e) => e.type === 'env.shutdown')
    .map((e) => e.reason);
  return { reasons, says: retiresEnvironments(op) };
}

describe('the changes said to retire environments do, and the others do not', () => {
  it.each<[FormId, Texts]>([
    ['general', { Timeout: '20' }],
    ['general', { MemorySize: '512' }],
    ['handler', { durationMs: '100' }],
    ['handler', { failureMode: 'hang' }],
  ])('%s %j retires the idle environment', (form, edits) => {
    expect(shutdownsAfter(form, edits)).toEqual({ reasons: ['ConfigurationUpdated'], says: true });
  });

  it.each<[FormId, Texts]>([
    ['async', { MaximumRetryAttempts: '1' }],
    ['destinations', { onSuccessService: 'sqs' }],
    ['dlq', { dlqService: 'sqs' }],
    ['reserved', { mode: 'reserved', value: '5' }],
  ])('%s %j keeps it', (form, edits) => {
    expect(shutdownsAfter(form, edits)).toEqual({ reasons: [], says: false });
  });
});
