import { DEFAULT_HANDLER, LAMBDA_DEFAULTS, functionArn } from './defaults';
import { invalidParameter } from './errors';
import type { DestinationConfig, FunctionConfig, HandlerBehaviour, ResolvedFunctionConfig } from './types';

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

function checkInteger(field: string, value: unknown, min: number, max: number, unit = ''): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidParameter(
      `Value ${JSON.stringify(value)} for ${field} is invalid: it must be an integer between ${min} and ${max}${unit}.`,
    );
  }
  return value;
}

function checkNumber(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidParameter(
      `Value ${JSON.stringify(value)} for ${field} is invalid: it must be a number between ${min} and ${max}.`,
    );
  }
  return value;
}

export function checkFunctionName(name: unknown): string {
  if (typeof name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(name)) {
    throw invalidParameter(
      `Value ${JSON.stringify(name)} for FunctionName is invalid: it must be 1 to 64 characters of letters, digits, hyphens and underscores.`,
    );
  }
  return name;
}

function checkDestinationConfig(config: DestinationConfig | undefined): DestinationConfig {
  const out: DestinationConfig = {};
  if (config === undefined) return out;
  for (const kind of ['OnSuccess', 'OnFailure'] as const) {
    const target = config[kind];
    if (target === undefined) continue;
    const arn = target.Destination;
    const type = typeof arn === 'string' ? destinationTypeOf(arn) : undefined;
    if (type === undefined || (type === 's3' && kind === 'OnSuccess')) {
      throw invalidParameter(
        `Value ${JSON.stringify(arn)} for DestinationConfig.${kind}.Destination is invalid: it must be the ARN of an SQS queue, SNS topic, Lambda function or EventBridge event bus${kind === 'OnFailure' ? ', or an S3 bucket' : ''}.`,
      );
    }
    out[kind] = { Destination: arn };
  }
  return out;
}

function checkDeadLetter(config: { TargetArn?: string } | undefined): { TargetArn?: string } {
  const arn = config?.TargetArn;
  if (arn === undefined || arn === '') return {};
  const type = destinationTypeOf(arn);
  if (type !== 'sqs' && type !== 'sns') {
    throw invalidParameter(
      `Value ${JSON.stringify(arn)} for DeadLetterConfig.TargetArn is invalid: it must be the ARN of an SQS queue or SNS topic.`,
    );
  }
  return { TargetArn: arn };
}

function checkErrorFields(field: string, f: { errorType?: unknown; errorMessage?: unknown }): void {
  if (f.errorType !== undefined && typeof f.errorType !== 'string')
    throw invalidParameter(`${field}.errorType must be a string.`);
  if (f.errorMessage !== undefined && typeof f.errorMessage !== 'string')
    throw invalidParameter(`${field}.errorMessage must be a string.`);
}

export function resolveHandler(
  partial: Partial<HandlerBehaviour> | undefined,
  memorySize: number,
): HandlerBehaviour {
  const h: HandlerBehaviour = {
    ...DEFAULT_HANDLER,
    printedLines: [...DEFAULT_HANDLER.printedLines],
    ...partial,
  };
  checkNumber('Handler.durationMs', h.durationMs, 0, 3_600_000);
  checkNumber('Handler.jitterMs', h.jitterMs, 0, 3_600_000);
  checkNumber('Handler.initDurationMs', h.initDurationMs, 0, 10_000);
  if (!Array.isArray(h.printedLines) || h.printedLines.some((l) => typeof l !== 'string')) {
    throw invalidParameter('Handler.printedLines must be an array of strings.');
  }
  try {
    if (JSON.stringify(h.result) === undefined) throw new Error('undefined');
  } catch {
    throw invalidParameter('Handler.result must be a JSON-serialisable value.');
  }
  const f = h.failure as unknown as Record<string, unknown> | undefined;
  switch (f?.mode) {
    case 'never':
    case 'hang':
      break;
    case 'always':
      checkErrorFields('Handler.failure', f);
      break;
    case 'firstAttempts':
      checkInteger('Handler.failure.count', f.count, 0, 1000);
      checkErrorFields('Handler.failure', f);
      break;
    case 'probability':
      checkNumber('Handler.failure.p', f.p, 0, 1);
      checkErrorFields('Handler.failure', f);
      break;
    default:
      throw invalidParameter(
        `Value ${JSON.stringify(f?.mode)} for Handler.failure.mode is invalid: it must be one of never, always, firstAttempts, probability, hang.`,
      );
  }
  if (h.maxMemoryUsedMb !== undefined)
    checkInteger('Handler.maxMemoryUsedMb', h.maxMemoryUsedMb, 1, memorySize, ' (MB, at most MemorySize)');
  return { ...h, printedLines: [...h.printedLines], failure: { ...h.failure } };
}

/**
 * Fills defaults and checks every field against AWS's ranges; throws an
 * InvalidParameterValueException-shaped error naming the field and the allowed range.
 * `accountConcurrency` bounds the concurrency settings.
 */
export function resolveFunctionConfig(
  config: FunctionConfig,
  accountConcurrency: number,
): ResolvedFunctionConfig {
  if (config === null || typeof config !== 'object')
    throw invalidParameter('A function configuration must be an object.');
  const name = checkFunctionName(config.FunctionName);
  const Timeout = checkInteger('Timeout', config.Timeout ?? LAMBDA_DEFAULTS.Timeout, 1, 900, ' (seconds)');
  const MemorySize = checkInteger(
    'MemorySize',
    config.MemorySize ?? LAMBDA_DEFAULTS.MemorySize,
    128,
    10240,
    ' (MB)',
  );
  const reserved = config.ReservedConcurrentExecutions ?? null;
  if (reserved !== null) checkInteger('ReservedConcurrentExecutions', reserved, 0, accountConcurrency);
  const provisioned = config.ProvisionedConcurrentExecutions ?? 0;
  checkInteger('ProvisionedConcurrentExecutions', provisioned, 0, reserved ?? accountConcurrency);
  const MaximumRetryAttempts = checkInteger(
    'MaximumRetryAttempts',
    config.MaximumRetryAttempts ?? LAMBDA_DEFAULTS.MaximumRetryAttempts,
    0,
    2,
  );
  const MaximumEventAgeInSeconds = checkInteger(
    'MaximumEventAgeInSeconds',
    config.MaximumEventAgeInSeconds ?? LAMBDA_DEFAULTS.MaximumEventAgeInSeconds,
    60,
    21600,
    ' (seconds)',
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
  if (word) return `Unrecognized token '${word[0]}': was expecting ('true', 'false' or 'null')`;
  if (trimmed.length === 0) return 'No content to map due to end-of-input';
  const ch = trimmed[0];
  if (ch === '{' || ch === '[' || ch === '"') return 'Unexpected end-of-input or malformed JSON';
  return `Unexpected character ('${ch}' (code ${ch.charCodeAt(0)})): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`;
}
