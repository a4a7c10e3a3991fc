/**
 * The configuration panel's forms as pure data: what each field shows for the current
 * configuration, and the one AWS API call (a store ConfigOp) an Apply makes from the typed text.
 * Each op carries only what changed (UpdateFunctionConfiguration: "you provide only the
 * parameters you want to change"), except PutFunctionEventInvokeConfig, which on AWS replaces
 * the whole asynchronous configuration and so always carries all of it.
 */
import { FAILURE_MODE_NAMES, type FailureMode, type Refusal, type ResolvedFunctionConfig } from '../../model';
import type { ConfigOp } from '../../store/kitchen';
import {
  buildDestination,
  destinationArn,
  parseDestinationArn,
  suggestedName,
  type DestinationService,
  type DestinationSlot,
} from './destinationArn';
import {
  numberText,
  parseNumberText,
  parsePrintedLines,
  parseResultJson,
  printedLinesText,
  provisionedRule,
  reservedRule,
  RULES,
  type NumberRule,
} from './fieldText';

/** What the panel reads from the model. */
export interface ConfigSnapshot {
  config: ResolvedFunctionConfig;
  accountConcurrency: number;
}

/** A form's fields as text, by field key. */
export type Texts = Record<string, string>;

export type Outcome =
  | { kind: 'apply'; op: ConfigOp; changes: string[] }
  | { kind: 'invalid'; errors: Texts }
  | { kind: 'unchanged' };

export type FormId =
  'general' | 'reserved' | 'provisioned' | 'account' | 'handler' | 'async' | 'destinations' | 'dlq';

export type FailureModeName = FailureMode['mode'];
export const FAILURE_MODES: { id: FailureModeName; label: string }[] = [
  { id: 'never', label: 'Never fails' },
  { id: 'always', label: 'Always raises an error' },
  { id: 'firstAttempts', label: 'First N attempts of each event fail' },
  { id: 'probability', label: 'Fails with probability p' },
  { id: 'hang', label: 'Hangs (runs until the timeout)' },
];

/** Accumulates parsed fields and the messages of those that did not parse. */
class Reader {
  readonly errors: Texts = {};
  constructor(private readonly texts: Texts) {}
  number(key: string, rule: NumberRule): number | undefined {
    const parsed = parseNumberText(rule, this.texts[key] ?? '');
    if (parsed.ok) return parsed.value;
    this.errors[key] = parsed.message;
    return undefined;
  }
  text(key: string): string {
    return this.texts[key] ?? '';
  }
  fail(key: string, message: string) {
    this.errors[key] = message;
  }
  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

const unit = (value: number, suffix: string) => `${value}${suffix}`;

function change(field: string, from: unknown, to: unknown, suffix = ''): string {
  const show = (v: unknown) =>
    typeof v === 'number' ? unit(v, suffix) : v === null ? 'unreserved' : JSON.stringify(v);
  return `${field} ${show(from)} → ${show(to)}`;
}

// ---------------------------------------------------------------- UpdateFunctionConfiguration

export function generalValues({ config }: ConfigSnapshot): Texts {
  return { Timeout: numberText(config.Timeout), MemorySize: numberText(config.MemorySize) };
}

export function buildGeneral(s: ConfigSnapshot, texts: Texts): Outcome {
  const r = new Reader(texts);
  const Timeout = r.number('Timeout', RULES.Timeout);
  const MemorySize = r.number('MemorySize', RULES.MemorySize);
  if (!r.ok || Timeout === undefined || MemorySize === undefined)
    return { kind: 'invalid', errors: r.errors };
  const { config } = s;
  const params: Extract<ConfigOp, { api: 'UpdateFunctionConfiguration' }>['params'] = {
    FunctionName: config.FunctionName,
  };
  const changes: string[] = [];
  if (Timeout !== config.Timeout) {
    params.Timeout = Timeout;
    changes.push(change('Timeout', config.Timeout, Timeout, ' s'));
  }
  if (MemorySize !== config.MemorySize) {
    params.MemorySize = MemorySize;
    changes.push(change('MemorySize', config.MemorySize, MemorySize, ' MB'));
  }
  if (changes.length === 0) return { kind: 'unchanged' };
  return { kind: 'apply', op: { api: 'UpdateFunctionConfiguration', params }, changes };
}

// ---------------------------------------------------------------- concurrency

export function reservedValues({ config }: ConfigSnapshot): Texts {
  const reserved = config.ReservedConcurrentExecutions;
  return {
    mode: reserved === null ? 'unreserved' : 'reserved',
    value: reserved === null ? '' : numberText(reserved),
  };
}

export function buildReserved(s: ConfigSnapshot, texts: Texts): Outcome {
  const current = s.config.ReservedConcurrentExecutions;
  let next: number | null = null;
  if (texts.mode !== 'unreserved') {
    const r = new Reader(texts);
    const value = r.number('value', reservedRule(s.accountConcurrency));
    if (value === undefined) return { kind: 'invalid', errors: r.errors };
    next = value;
  }
  if (next === current) return { kind: 'unchanged' };
  return {
    kind: 'apply',
    op: {
      api: 'PutFunctionConcurrency',
      params: { FunctionName: s.config.FunctionName, ReservedConcurrentExecutions: next },
    },
    changes: [change('ReservedConcurrentExecutions', current, next)],
  };
}

export function provisionedValues({ config }: ConfigSnapshot): Texts {
  return { value: numberText(config.ProvisionedConcurrentExecutions) };
}

export function buildProvisioned(s: ConfigSnapshot, texts: Texts): Outcome {
  const r = new Reader(texts);
  const value = r.number(
    'value',
    provisionedRule(s.config.ReservedConcurrentExecutions, s.accountConcurrency),
  );
  if (value === undefined) return { kind: 'invalid', errors: r.errors };
  const current = s.config.ProvisionedConcurrentExecutions;
  if (value === current) return { kind: 'unchanged' };
  return {
    kind: 'apply',
    op: {
      api: 'UpdateFunctionConfiguration',
      params: { FunctionName: s.config.FunctionName, ProvisionedConcurrentExecutions: value },
    },
    changes: [change('ProvisionedConcurrentExecutions', current, value)],
  };
}

export function accountValues(s: ConfigSnapshot): Texts {
  return { value: numberText(s.accountConcurrency) };
}

export function buildAccount(s: ConfigSnapshot, texts: Texts): Outcome {
  const r = new Reader(texts);
  const value = r.number('value', RULES.accountConcurrency);
  if (value === undefined) return { kind: 'invalid', errors: r.errors };
  if (value === s.accountConcurrency) return { kind: 'unchanged' };
  return {
    kind: 'apply',
    op: { api: 'SetAccountConcurrency', value },
    changes: [change('Concurrent executions (account)', s.accountConcurrency, value)],
  };
}

// ---------------------------------------------------------------- the handler (the code)

/** A failure mode's fields in one order, undefined ones left out: two equal modes compare equal as JSON. */
export function canonicalFailure(f: FailureMode): FailureMode {
  switch (f.mode) {
    case 'never':
    case 'hang':
      return { mode: f.mode };
    case 'always':
      return omitUndefined({ mode: 'always', errorType: f.errorType, errorMessage: f.errorMessage });
    case 'firstAttempts':
      return omitUndefined({
        mode: 'firstAttempts',
        count: f.count,
        errorType: f.errorType,
        errorMessage: f.errorMessage,
      });
    case 'probability':
      return omitUndefined({
        mode: 'probability',
        p: f.p,
        errorType: f.errorType,
        errorMessage: f.errorMessage,
      });
  }
}

function omitUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const DEFAULT_FAILURE_COUNT = 1;
export const DEFAULT_FAILURE_P = 0.5;

export function handlerValues({ config }: ConfigSnapshot): Texts {
  const h = config.Handler;
  const f = h.failure;
  const withError =
    f.mode === 'always' || f.mode === 'firstAttempts' || f.mode === 'probability' ? f : undefined;
  return {
    durationMs: numberText(h.durationMs),
    jitterMs: numberText(h.jitterMs),
    initDurationMs: numberText(h.initDurationMs),
    failureMode: f.mode,
    errorType: withError?.errorType ?? '',
    errorMessage: withError?.errorMessage ?? '',
    count: numberText(f.mode === 'firstAttempts' ? f.count : DEFAULT_FAILURE_COUNT),
    p: numberText(f.mode === 'probability' ? f.p : DEFAULT_FAILURE_P),
    printedLines: printedLinesText(h.printedLines),
    result: JSON.stringify(h.result),
  };
}

function failureFrom(r: Reader): FailureMode | undefined {
  const mode = r.text('failureMode');
  const errorType = r.text('errorType').trim() || undefined;
  const errorMessage = r.text('errorMessage') || undefined;
  switch (mode) {
    case 'never':
    case 'hang':
      return { mode };
    case 'always':
      return canonicalFailure({ mode, errorType, errorMessage });
    case 'firstAttempts': {
      const count = r.number('count', RULES.failureCount);
      return count === undefined ? undefined : canonicalFailure({ mode, count, errorType, errorMessage });
    }
    case 'probability': {
      const p = r.number('p', RULES.failureP);
      return p === undefined ? undefined : canonicalFailure({ mode, p, errorType, errorMessage });
    }
    default:
      r.fail(
        'failureMode',
        `ValidationException: 1 validation error detected: Value '${mode}' at 'handler.failure.mode' failed to satisfy constraint: Member must satisfy enum value set: [${FAILURE_MODE_NAMES.join(', ')}]`,
      );
      return undefined;
  }
}

export function buildHandler(s: ConfigSnapshot, texts: Texts): Outcome {
  const r = new Reader(texts);
  const durationMs = r.number('durationMs', RULES.durationMs);
  const jitterMs = r.number('jitterMs', RULES.jitterMs);
  const initDurationMs = r.number('initDurationMs', RULES.initDurationMs);
  const failure = failureFrom(r);
  const printedLines = parsePrintedLines(r.text('printedLines'));
  const result = parseResultJson(r.text('result'));
  if (!result.ok) r.fail('result', result.message);
  if (
    !r.ok ||
    durationMs === undefined ||
    jitterMs === undefined ||
    initDurationMs === undefined ||
    !failure ||
    !result.ok
  ) {
    return { kind: 'invalid', errors: r.errors };
  }
  const h = s.config.Handler;
  const patch: NonNullable<Extract<ConfigOp, { api: 'UpdateFunctionConfiguration' }>['params']['Handler']> =
    {};
  const changes: string[] = [];
  const numbers = { durationMs, jitterMs, initDurationMs } as const;
  for (const key of ['durationMs', 'jitterMs', 'initDurationMs'] as const) {
    if (numbers[key] !== h[key]) {
      patch[key] = numbers[key];
      changes.push(change(`Handler.${key}`, h[key], numbers[key], ' ms'));
    }
  }
  if (JSON.stringify(failure) !== JSON.stringify(canonicalFailure(h.failure))) {
    patch.failure = failure;
    changes.push(change('Handler.failure', canonicalFailure(h.failure), failure));
  }
  if (JSON.stringify(printedLines) !== JSON.stringify(h.printedLines)) {
    patch.printedLines = printedLines;
    changes.push(change('Handler.printedLines', h.printedLines, printedLines));
  }
  if (JSON.stringify(result.value) !== JSON.stringify(h.result)) {
    patch.result = result.value;
    changes.push(change('Handler.result', h.result, result.value));
  }
  if (changes.length === 0) return { kind: 'unchanged' };
  return {
    kind: 'apply',
    op: {
      api: 'UpdateFunctionConfiguration',
      params: { FunctionName: s.config.FunctionName, Handler: patch },
    },
    changes,
  };
}

// ---------------------------------------------------------------- asynchronous invocation

type EventInvokeParams = Extract<ConfigOp, { api: 'PutFunctionEventInvokeConfig' }>['params'];

/** PutFunctionEventInvokeConfig replaces the whole configuration: start from all of the current one. */
function eventInvokeParams(config: ResolvedFunctionConfig): EventInvokeParams {
  return {
    FunctionName: config.FunctionName,
    MaximumRetryAttempts: config.MaximumRetryAttempts,
    MaximumEventAgeInSeconds: config.MaximumEventAgeInSeconds,
    DestinationConfig: structuredClone(config.DestinationConfig),
  };
}

export function asyncValues({ config }: ConfigSnapshot): Texts {
  return {
    MaximumRetryAttempts: numberText(config.MaximumRetryAttempts),
    MaximumEventAgeInSeconds: numberText(config.MaximumEventAgeInSeconds),
  };
}

export function buildAsync(s: ConfigSnapshot, texts: Texts): Outcome {
  const r = new Reader(texts);
  const retries = r.number('MaximumRetryAttempts', RULES.MaximumRetryAttempts);
  const age = r.number('MaximumEventAgeInSeconds', RULES.MaximumEventAgeInSeconds);
  if (!r.ok || retries === undefined || age === undefined) return { kind: 'invalid', errors: r.errors };
  const { config } = s;
  const changes: string[] = [];
  if (retries !== config.MaximumRetryAttempts)
    changes.push(change('MaximumRetryAttempts', config.MaximumRetryAttempts, retries));
  if (age !== config.MaximumEventAgeInSeconds) {
    changes.push(change('MaximumEventAgeInSeconds', config.MaximumEventAgeInSeconds, age, ' s'));
  }
  if (changes.length === 0) return { kind: 'unchanged' };
  return {
    kind: 'apply',
    op: {
      api: 'PutFunctionEventInvokeConfig',
      params: { ...eventInvokeParams(config), MaximumRetryAttempts: retries, MaximumEventAgeInSeconds: age },
    },
    changes,
  };
}

/** A destination slot as two fields: the service ('none' for no destination) and the resource name. */
function slotTexts(slot: DestinationSlot, arn: string | undefined, functionName: string) {
  if (!arn) return { service: 'none', name: suggestedName(slot, functionName) };
  // Only an ARN the fields rebuild exactly (this region and account) is split; others stay whole.
  const parsed = parseDestinationArn(arn);
  return parsed && destinationArn(parsed.service, parsed.name) === arn
    ? { service: parsed.service, name: parsed.name }
    : { service: 'other', name: arn };
}

/** The ARN a slot's fields give: undefined = no destination. Untouched fields keep the current ARN as it is. */
function slotArn(
  r: Reader,
  slot: DestinationSlot,
  prefix: string,
  current: string | undefined,
  functionName: string,
): string | undefined | null {
  const service = r.text(`${prefix}Service`);
  const name = r.text(`${prefix}Name`);
  const before = slotTexts(slot, current, functionName);
  if (service === before.service && name === before.name && current) return current;
  if (service === 'none') return undefined;
  if (service === 'other') return name.trim();
  const built = buildDestination(slot, service as DestinationService, name);
  if (built.ok) return built.value;
  r.fail(`${prefix}Name`, built.message);
  return null;
}

export function destinationValues({ config }: ConfigSnapshot): Texts {
  const success = slotTexts(
    'OnSuccess',
    config.DestinationConfig.OnSuccess?.Destination,
    config.FunctionName,
  );
  const failure = slotTexts(
    'OnFailure',
    config.DestinationConfig.OnFailure?.Destination,
    config.FunctionName,
  );
  return {
    onSuccessService: success.service,
    onSuccessName: success.name,
    onFailureService: failure.service,
    onFailureName: failure.name,
  };
}

const show = (arn: string | undefined) => arn ?? 'none';

export function buildDestinations(s: ConfigSnapshot, texts: Texts): Outcome {
  const { config } = s;
  const r = new Reader(texts);
  const current = config.DestinationConfig;
  const onSuccess = slotArn(r, 'OnSuccess', 'onSuccess', current.OnSuccess?.Destination, config.FunctionName);
  const onFailure = slotArn(r, 'OnFailure', 'onFailure', current.OnFailure?.Destination, config.FunctionName);
  if (!r.ok || onSuccess === null || onFailure === null) return { kind: 'invalid', errors: r.errors };
  const changes: string[] = [];
  if (onSuccess !== current.OnSuccess?.Destination) {
    changes.push(`OnSuccess ${show(current.OnSuccess?.Destination)} → ${show(onSuccess)}`);
  }
  if (onFailure !== current.OnFailure?.Destination) {
    changes.push(`OnFailure ${show(current.OnFailure?.Destination)} → ${show(onFailure)}`);
  }
  if (changes.length === 0) return { kind: 'unchanged' };
  return {
    kind: 'apply',
    op: {
      api: 'PutFunctionEventInvokeConfig',
      params: {
        ...eventInvokeParams(config),
        DestinationConfig: {
          ...(onSuccess ? { OnSuccess: { Destination: onSuccess } } : {}),
          ...(onFailure ? { OnFailure: { Destination: onFailure } } : {}),
        },
      },
    },
    changes,
  };
}

export function dlqValues({ config }: ConfigSnapshot): Texts {
  const dlq = slotTexts('DLQ', config.DeadLetterConfig.TargetArn, config.FunctionName);
  return { dlqService: dlq.service, dlqName: dlq.name };
}

export function buildDlq(s: ConfigSnapshot, texts: Texts): Outcome {
  const { config } = s;
  const r = new Reader(texts);
  const current = config.DeadLetterConfig.TargetArn;
  const arn = slotArn(r, 'DLQ', 'dlq', current, config.FunctionName);
  if (arn === null) return { kind: 'invalid', errors: r.errors };
  if (arn === current) return { kind: 'unchanged' };
  return {
    kind: 'apply',
    // An empty TargetArn removes the dead-letter queue.
    op: {
      api: 'UpdateFunctionConfiguration',
      params: { FunctionName: config.FunctionName, DeadLetterConfig: { TargetArn: arn ?? '' } },
    },
    changes: [`DeadLetterConfig.TargetArn ${show(current)} → ${show(arn)}`],
  };
}

// ---------------------------------------------------------------- the forms together

interface FormSpec {
  values(s: ConfigSnapshot): Texts;
  build(s: ConfigSnapshot, texts: Texts): Outcome;
  /** Field key → the API fields a refusal may be about (`Refusal.field`); the first also takes refusals about none. */
  fields: [key: string, apiNames: string[]][];
}

export const FORMS: Record<FormId, FormSpec> = {
  general: {
    values: generalValues,
    build: buildGeneral,
    fields: [
      ['Timeout', ['Timeout']],
      ['MemorySize', ['MemorySize', 'Handler.maxMemoryUsedMb']],
    ],
  },
  reserved: {
    values: reservedValues,
    build: buildReserved,
    fields: [['value', ['ReservedConcurrentExecutions']]],
  },
  provisioned: {
    values: provisionedValues,
    build: buildProvisioned,
    fields: [['value', ['ProvisionedConcurrentExecutions']]],
  },
  account: {
    values: accountValues,
    build: buildAccount,
    fields: [['value', ['accountConcurrency', 'ReservedConcurrentExecutions']]],
  },
  handler: {
    values: handlerValues,
    build: buildHandler,
    fields: [
      ['durationMs', ['Handler.durationMs']],
      ['jitterMs', ['Handler.jitterMs']],
      ['initDurationMs', ['Handler.initDurationMs']],
      ['count', ['Handler.failure.count']],
      ['p', ['Handler.failure.p']],
      ['errorType', ['Handler.failure.errorType']],
      ['errorMessage', ['Handler.failure.errorMessage']],
      ['failureMode', ['Handler.failure.mode']],
      ['printedLines', ['Handler.printedLines']],
      ['result', ['Handler.result']],
    ],
  },
  async: {
    values: asyncValues,
    build: buildAsync,
    fields: [
      ['MaximumRetryAttempts', ['MaximumRetryAttempts']],
      ['MaximumEventAgeInSeconds', ['MaximumEventAgeInSeconds']],
    ],
  },
  destinations: {
    values: destinationValues,
    build: buildDestinations,
    fields: [
      ['onSuccessName', ['DestinationConfig.OnSuccess.Destination']],
      ['onFailureName', ['DestinationConfig.OnFailure.Destination', 'DestinationConfig']],
    ],
  },
  dlq: {
    values: dlqValues,
    build: buildDlq,
    fields: [['dlqName', ['DeadLetterConfig.TargetArn', 'DeadLetterConfig']]],
  },
};

/**
 * The field a refusal belongs next to: the one it is about (the model says which, as
 * `Refusal.field`), else the first field the person changed (e.g. a smaller reservation refused
 * because of provisioned concurrency), else the form's first field.
 */
export function fieldForRefusal(form: FormId, refusal: Refusal, edited: readonly string[] = []): string {
  const fields = FORMS[form].fields;
  const named =
    refusal.field === undefined ? undefined : fields.find(([, names]) => names.includes(refusal.field!));
  if (named) return named[0];
  const keys = new Set(fields.map(([key]) => key));
  return edited.find((k) => keys.has(k)) ?? fields[0][0];
}

/** The AWS API this change is on AWS (the store records some under the model's own calls). */
export function awsApiName(op: ConfigOp): string {
  switch (op.api) {
    case 'UpdateFunctionConfiguration':
      if (op.params.ProvisionedConcurrentExecutions !== undefined) {
        return op.params.ProvisionedConcurrentExecutions === 0
          ? 'DeleteProvisionedConcurrencyConfig'
          : 'PutProvisionedConcurrencyConfig';
      }
      return op.params.Handler !== undefined ? 'UpdateFunctionCode' : 'UpdateFunctionConfiguration';
    case 'PutFunctionConcurrency':
      return op.params.ReservedConcurrentExecutions === null
        ? 'DeleteFunctionConcurrency'
        : 'PutFunctionConcurrency';
    case 'PutFunctionEventInvokeConfig':
      return 'PutFunctionEventInvokeConfig';
    case 'SetAccountConcurrency':
      return 'a Service Quotas change (Concurrent executions)';
  }
}

/** Changing Timeout, MemorySize or the code retires the function's environments: the next request starts cold. */
export function retiresEnvironments(op: ConfigOp): boolean {
  if (op.api !== 'UpdateFunctionConfiguration') return false;
  const p = op.params;
  return p.Timeout !== undefined || p.MemorySize !== undefined || p.Handler !== undefined;
}

/** What the panel reads, as one string: it changes only when the configuration does (not every frame). */
export function snapshotKey(
  sim: { getFunctionConfiguration(name: string): ResolvedFunctionConfig; accountConcurrency(): number },
  functionName: string,
): string {
  const snapshot: ConfigSnapshot = {
    config: sim.getFunctionConfiguration(functionName),
    accountConcurrency: sim.accountConcurrency(),
  };
  return JSON.stringify(snapshot);
}
