/**
 * The rules of a function's configuration, in one table (CONFIG_FIELDS) that the model's
 * validation and the configuration panel both read, and the checks themselves. Refusals follow
 * AWS (lambda-facts §10) and name the field they are about (`LambdaServiceError.field`):
 * - a value of the wrong type (text where a number goes, an array, a BigInt from a plain
 *   JavaScript caller) cannot be read as the API's shape: InvalidRequestContentException,
 *   "Could not parse request body into json: Cannot deserialize value of type …";
 * - a value outside its range or enum: ValidationException, "1 validation error detected:
 *   Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or
 *   equal to 900";
 * - anything else (a destination of the wrong kind, reservations above the account limit):
 *   InvalidParameterValueException.
 */
import { ACCOUNT_ID, DEFAULT_HANDLER, LAMBDA_DEFAULTS, REGION, functionArn } from './defaults';
import { invalidContent, invalidParameter, safeString, shortText, validationError } from './errors';
import type { DestinationConfig, FunctionConfig, HandlerBehaviour, ResolvedFunctionConfig } from './types';

/** A numeric configuration field: its range, default and unit, as the model checks it. */
export interface NumberField {
  /** The field's name in the model's API (`Timeout`, `Handler.failure.p`). */
  field: string;
  /** How AWS's validation messages name it (`timeout`, `memorySize`). */
  path: string;
  min: number;
  /** Undefined when the bound is another setting (the account limit, the reservation). */
  max: number | undefined;
  /** Whole numbers only (the API's Integer type). */
  integer: boolean;
  default: number | undefined;
  /** Unit for people: 's', 'MB', 'ms' or '' (a count). */
  unit: 's' | 'MB' | 'ms' | '';
}

const field = (
  name: string,
  min: number,
  max: number | undefined,
  integer: boolean,
  unit: NumberField['unit'],
  fallback?: number,
): NumberField => ({
  field: name,
  // AWS names members in lower camel case: Timeout → 'timeout', Handler.failure.p → 'handler.failure.p'.
  path: name[0].toLowerCase() + name.slice(1),
  min,
  max,
  integer,
  unit,
  default: fallback,
});

/** Every numeric field of a function's configuration (and the account's limit). */
export const CONFIG_FIELDS = {
  Timeout: field('Timeout', 1, 900, true, 's', LAMBDA_DEFAULTS.Timeout),
  MemorySize: field('MemorySize', 128, 10_240, true, 'MB', LAMBDA_DEFAULTS.MemorySize),
  ReservedConcurrentExecutions: field('ReservedConcurrentExecutions', 0, undefined, true, ''),
  ProvisionedConcurrentExecutions: field('ProvisionedConcurrentExecutions', 0, undefined, true, '', 0),
  MaximumRetryAttempts: field('MaximumRetryAttempts', 0, 2, true, '', LAMBDA_DEFAULTS.MaximumRetryAttempts),
  MaximumEventAgeInSeconds: field(
    'MaximumEventAgeInSeconds',
    60,
    21_600,
    true,
    's',
    LAMBDA_DEFAULTS.MaximumEventAgeInSeconds,
  ),
  accountConcurrency: field('accountConcurrency', 1, 1_000_000, true, '', LAMBDA_DEFAULTS.accountConcurrency),
  durationMs: field('Handler.durationMs', 0, 3_600_000, false, 'ms', DEFAULT_HANDLER.durationMs),
  jitterMs: field('Handler.jitterMs', 0, 3_600_000, false, 'ms', DEFAULT_HANDLER.jitterMs),
  initDurationMs: field('Handler.initDurationMs', 0, 10_000, false, 'ms', DEFAULT_HANDLER.initDurationMs),
  failureCount: field('Handler.failure.count', 0, 1000, true, ''),
  failureP: field('Handler.failure.p', 0, 1, false, ''),
  maxMemoryUsedMb: field('Handler.maxMemoryUsedMb', 1, undefined, true, 'MB'),
} as const satisfies Record<string, NumberField>;

export const FAILURE_MODE_NAMES = ['never', 'always', 'firstAttempts', 'probability', 'hang'] as const;

/** Jackson's name for a JSON value's token, as AWS's parse errors quote it. */
function jsonKind(value: unknown): string {
  if (typeof value === 'string') return `String ${JSON.stringify(shortText(value, 80))}`;
  if (typeof value === 'boolean') return 'Boolean value';
  if (Array.isArray(value)) return 'Array value (token `JsonToken.START_ARRAY`)';
  if (typeof value === 'object' && value !== null) return 'Object value (token `JsonToken.START_OBJECT`)';
  if (typeof value === 'number') return `Floating-point value (${value})`;
  return `${typeof value} value ${shortText(safeString(value), 80)} (not JSON)`;
}

/** The refusal for a value that is not of the field's type, as AWS gives it for a request body it cannot read. */
export function typeRefusal(
  javaType: 'Integer' | 'Double' | 'String' | 'Boolean',
  value: unknown,
  name: string,
) {
  const java = `\`java.lang.${javaType}\``;
  if (typeof value === 'number' && javaType === 'Integer')
    return invalidContent(`Cannot coerce ${jsonKind(value)} to ${java} value (for ${name})`, name);
  return invalidContent(
    `Cannot deserialize value of type ${java} from ${jsonKind(value)} (for ${name})`,
    name,
  );
}

/** The refusal for `value` in `f`, or undefined when it is a valid value. `max` overrides the table's. */
export function numberRefusal(f: NumberField, value: unknown, max = f.max) {
  if (typeof value !== 'number' || !Number.isFinite(value) || (f.integer && !Number.isInteger(value)))
    return typeRefusal(f.integer ? 'Integer' : 'Double', value, f.field);
  if (value < f.min)
    return validationError(
      f.path,
      value,
      `Member must have value greater than or equal to ${f.min}`,
      f.field,
    );
  if (max !== undefined && value > max)
    return validationError(f.path, value, `Member must have value less than or equal to ${max}`, f.field);
  return undefined;
}

function checkNumber(f: NumberField, value: unknown, max = f.max): number {
  const refusal = numberRefusal(f, value, max);
  if (refusal) throw refusal;
  return value as number;
}

function checkString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw typeRefusal('String', value, name);
  return value;
}

/** The destination service, derived from an ARN (arn:aws:<service>:...). */
export function destinationTypeOf(arn: string): 'sqs' | 'sns' | 'lambda' | 'events' | 's3' | undefined {
  const m = /^arn:aws[a-zA-Z-]*:([a-z0-9]+):/.exec(arn);
  const service = m?.[1];
  return service === 'sqs' ||
    service === 'sns' ||
    service === 'lambda' ||
    service === 'events' ||
    service === 's3'
    ? service
    : undefined;
}

const NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** A function's own name, as CreateFunction takes it. */
export function checkFunctionName(name: unknown): string {
  if (name === undefined || name === null)
    throw validationError('functionName', null, 'Member must not be null', 'FunctionName');
  if (typeof name !== 'string') throw typeRefusal('String', name, 'FunctionName');
  if (name.length > 64)
    throw validationError(
      'functionName',
      name,
      'Member must have length less than or equal to 64',
      'FunctionName',
    );
  if (!NAME.test(name))
    throw validationError(
      'functionName',
      name,
      'Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+',
      'FunctionName',
    );
  return name;
}

/**
 * Every form of FunctionName Lambda's Invoke accepts (lambda-facts §10): `name`, `name:qualifier`,
 * the partial ARN `123456789012:function:name[:qualifier]`, and the full ARN
 * `arn:aws:lambda:us-east-1:123456789012:function:name[:qualifier]`.
 */
const FUNCTION_NAME_PATTERN =
  // oxlint-disable-next-line no-useless-escape -- `\.` as AWS writes it: the message quotes this pattern's text.
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;
/** The pattern as AWS quotes it (without the anchors). */
const FUNCTION_NAME_TEXT = FUNCTION_NAME_PATTERN.source.slice(1, -1);

export interface FunctionRef {
  /** The function's name. */
  name: string;
  /** The version or alias named in the FunctionName or the Qualifier parameter. */
  qualifier: string | undefined;
  /** The ARN of another Region or account: the café's functions are not there. */
  elsewhere: boolean;
}

/** Reads a FunctionName (and Qualifier) as Lambda does; throws Lambda's refusal for a malformed one. */
export function resolveFunctionRef(functionName: unknown, qualifier?: unknown): FunctionRef {
  if (functionName === undefined || functionName === null)
    throw validationError('functionName', null, 'Member must not be null', 'FunctionName');
  if (typeof functionName !== 'string') throw typeRefusal('String', functionName, 'FunctionName');
  const bad = (constraint: string) =>
    validationError('functionName', functionName, constraint, 'FunctionName');
  const badPattern = () => bad(`Member must satisfy regular expression pattern: ${FUNCTION_NAME_TEXT}`);
  if (functionName.length < 1) throw bad('Member must have length greater than or equal to 1');
  if (functionName.length > 170) throw bad('Member must have length less than or equal to 170');
  const m = FUNCTION_NAME_PATTERN.exec(functionName);
  if (!m) throw badPattern();
  if (qualifier !== undefined && qualifier !== null) {
    if (typeof qualifier !== 'string') throw typeRefusal('String', qualifier, 'Qualifier');
    if (qualifier.length < 1 || qualifier.length > 128 || !/^(|[a-zA-Z0-9$_-]+)$/.test(qualifier))
      throw validationError(
        'qualifier',
        qualifier,
        qualifier.length > 128
          ? 'Member must have length less than or equal to 128'
          : qualifier.length < 1
            ? 'Member must have length greater than or equal to 1'
            : 'Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)',
        'Qualifier',
      );
  }
  const region = m[3]?.slice(0, -1);
  const account = m[5]?.slice(0, -1);
  // A partial ARN needs "function:"; a name with colons otherwise is not one Lambda reads.
  if ((m[5] !== undefined || m[1] !== undefined) && m[6] === undefined) throw badPattern();
  const derived = m[9];
  const given = typeof qualifier === 'string' ? qualifier : undefined;
  if (derived !== undefined && given !== undefined && derived !== given)
    throw invalidParameter(
      'The derived qualifier from the function name does not match the specified qualifier.',
      'Qualifier',
    );
  return {
    name: m[7],
    qualifier: derived ?? given,
    elsewhere:
      (region !== undefined && region !== REGION) || (account !== undefined && account !== ACCOUNT_ID),
  };
}

/** The ARN a refusal names for a function reference (the café's Region and account). */
export function refArn(ref: FunctionRef, original: string): string {
  if (ref.elsewhere) return original.startsWith('arn:') ? original : `arn:aws:lambda:${REGION}:${original}`;
  return functionArn(ref.name) + (ref.qualifier !== undefined ? `:${ref.qualifier}` : '');
}

function checkDestinationConfig(config: unknown): DestinationConfig {
  const out: DestinationConfig = {};
  if (config === undefined || config === null) return out;
  if (typeof config !== 'object' || Array.isArray(config))
    throw invalidContent(
      `Cannot deserialize value of type \`DestinationConfig\` from ${jsonKind(config)}`,
      'DestinationConfig',
    );
  for (const kind of ['OnSuccess', 'OnFailure'] as const) {
    const target = (config as DestinationConfig)[kind] as unknown;
    if (target === undefined || target === null) continue;
    const name = `DestinationConfig.${kind}.Destination`;
    const arn = typeof target === 'object' ? (target as { Destination?: unknown }).Destination : undefined;
    const type = typeof arn === 'string' ? destinationTypeOf(arn) : undefined;
    if (type === undefined || (type === 's3' && kind === 'OnSuccess')) {
      throw invalidParameter(
        `Value ${JSON.stringify(shortText(safeString(arn ?? null)))} for ${name} is invalid: it must be the ARN of an SQS queue, SNS topic, Lambda function or EventBridge event bus${kind === 'OnFailure' ? ', or an S3 bucket' : ''}.`,
        name,
      );
    }
    out[kind] = { Destination: arn as string };
  }
  return out;
}

function checkDeadLetter(config: unknown): { TargetArn?: string } {
  if (config === undefined || config === null) return {};
  if (typeof config !== 'object' || Array.isArray(config))
    throw invalidContent(
      `Cannot deserialize value of type \`DeadLetterConfig\` from ${jsonKind(config)}`,
      'DeadLetterConfig',
    );
  const arn = (config as { TargetArn?: unknown }).TargetArn;
  if (arn === undefined || arn === null || arn === '') return {};
  const type = typeof arn === 'string' ? destinationTypeOf(arn) : undefined;
  if (type !== 'sqs' && type !== 'sns') {
    throw invalidParameter(
      `Value ${JSON.stringify(shortText(safeString(arn)))} for DeadLetterConfig.TargetArn is invalid: it must be the ARN of an SQS queue or SNS topic.`,
      'DeadLetterConfig.TargetArn',
    );
  }
  return { TargetArn: arn as string };
}

export function resolveHandler(partial: unknown, memorySize: number): HandlerBehaviour {
  if (partial !== undefined && partial !== null && (typeof partial !== 'object' || Array.isArray(partial)))
    throw invalidContent(`Cannot deserialize value of type \`Handler\` from ${jsonKind(partial)}`, 'Handler');
  const h: HandlerBehaviour = {
    ...DEFAULT_HANDLER,
    printedLines: [...DEFAULT_HANDLER.printedLines],
    ...(partial as Partial<HandlerBehaviour> | undefined),
  };
  checkNumber(CONFIG_FIELDS.durationMs, h.durationMs);
  checkNumber(CONFIG_FIELDS.jitterMs, h.jitterMs);
  checkNumber(CONFIG_FIELDS.initDurationMs, h.initDurationMs);
  if (!Array.isArray(h.printedLines)) throw typeRefusal('String', h.printedLines, 'Handler.printedLines');
  for (const line of h.printedLines as unknown[]) checkString(line, 'Handler.printedLines');
  try {
    if (JSON.stringify(h.result) === undefined) throw new Error('undefined');
  } catch {
    throw invalidContent(`Handler.result is not a JSON value (${jsonKind(h.result)})`, 'Handler.result');
  }
  const f = h.failure as unknown;
  if (typeof f !== 'object' || f === null || Array.isArray(f))
    throw invalidContent(
      `Cannot deserialize value of type \`FailureMode\` from ${jsonKind(f)}`,
      'Handler.failure.mode',
    );
  const failure = f as Record<string, unknown>;
  const mode = failure.mode;
  if (typeof mode !== 'string' || !(FAILURE_MODE_NAMES as readonly string[]).includes(mode))
    throw validationError(
      'handler.failure.mode',
      mode ?? null,
      `Member must satisfy enum value set: [${FAILURE_MODE_NAMES.join(', ')}]`,
      'Handler.failure.mode',
    );
  if (mode !== 'never' && mode !== 'hang') {
    checkString(failure.errorType, 'Handler.failure.errorType');
    checkString(failure.errorMessage, 'Handler.failure.errorMessage');
  }
  if (mode === 'firstAttempts') checkNumber(CONFIG_FIELDS.failureCount, failure.count);
  if (mode === 'probability') checkNumber(CONFIG_FIELDS.failureP, failure.p);
  if (h.maxMemoryUsedMb !== undefined)
    checkNumber(CONFIG_FIELDS.maxMemoryUsedMb, h.maxMemoryUsedMb, memorySize);
  return { ...h, printedLines: [...h.printedLines], failure: { ...h.failure } };
}

/** Whether a concurrency value is absent (null or undefined: no reservation). */
const absent = (v: unknown) => v === undefined || v === null;

/**
 * Fills defaults and checks every field (see the top of the file); `accountConcurrency` bounds
 * the concurrency settings.
 */
export function resolveFunctionConfig(
  config: FunctionConfig,
  accountConcurrency: number,
): ResolvedFunctionConfig {
  if (config === null || typeof config !== 'object' || Array.isArray(config))
    throw invalidContent(
      `Cannot deserialize value of type \`FunctionConfiguration\` from ${jsonKind(config)}`,
    );
  const name = checkFunctionName(config.FunctionName);
  const Timeout = checkNumber(CONFIG_FIELDS.Timeout, config.Timeout ?? LAMBDA_DEFAULTS.Timeout);
  const MemorySize = checkNumber(CONFIG_FIELDS.MemorySize, config.MemorySize ?? LAMBDA_DEFAULTS.MemorySize);
  const reserved = absent(config.ReservedConcurrentExecutions)
    ? null
    : checkNumber(CONFIG_FIELDS.ReservedConcurrentExecutions, config.ReservedConcurrentExecutions);
  if (reserved !== null && reserved > accountConcurrency)
    throw invalidParameter(
      `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [0]: ${reserved} is more than the account's ${accountConcurrency}.`,
      'ReservedConcurrentExecutions',
    );
  const provisioned = checkNumber(
    CONFIG_FIELDS.ProvisionedConcurrentExecutions,
    config.ProvisionedConcurrentExecutions ?? 0,
  );
  if (provisioned > (reserved ?? accountConcurrency))
    throw invalidParameter(
      reserved !== null
        ? `Requested Provisioned Concurrency (${provisioned}) should not be greater than the reservedConcurrentExecution (${reserved}) for function ${name}.`
        : `Requested Provisioned Concurrency (${provisioned}) should not be greater than the account's concurrent executions limit (${accountConcurrency}).`,
      'ProvisionedConcurrentExecutions',
    );
  const MaximumRetryAttempts = checkNumber(
    CONFIG_FIELDS.MaximumRetryAttempts,
    config.MaximumRetryAttempts ?? LAMBDA_DEFAULTS.MaximumRetryAttempts,
  );
  const MaximumEventAgeInSeconds = checkNumber(
    CONFIG_FIELDS.MaximumEventAgeInSeconds,
    config.MaximumEventAgeInSeconds ?? LAMBDA_DEFAULTS.MaximumEventAgeInSeconds,
  );
  return {
    FunctionName: name,
    FunctionArn: functionArn(name),
    Timeout,
    MemorySize,
    ReservedConcurrentExecutions: reserved,
    ProvisionedConcurrentExecutions: provisioned,
    MaximumRetryAttempts,
    MaximumEventAgeInSeconds,
    DestinationConfig: checkDestinationConfig(config.DestinationConfig),
    DeadLetterConfig: checkDeadLetter(config.DeadLetterConfig),
    Handler: resolveHandler(config.Handler, MemorySize),
  };
}

/** UTF-8 byte length of a string, without TextEncoder/Buffer. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The Jackson-style message Lambda gives for a body that is not JSON. */
export function describeJsonError(text: string): string {
  const trimmed = text.trimStart();
  const word = /^[A-Za-z_$][\w$]*/.exec(trimmed);
  if (word)
    return `Unrecognized token '${shortText(word[0], 80)}': was expecting ('true', 'false' or 'null')`;
  if (trimmed.length === 0) return 'No content to map due to end-of-input';
  const ch = trimmed[0];
  if (ch === '{' || ch === '[' || ch === '"') return 'Unexpected end-of-input or malformed JSON';
  return `Unexpected character ('${ch}' (code ${ch.charCodeAt(0)})): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`;
}
