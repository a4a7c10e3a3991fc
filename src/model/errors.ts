/** Errors shaped like the AWS SDK v3 service exceptions the Lambda client throws. */

export type ThrottleReason =
  'ReservedFunctionConcurrentInvocationLimitExceeded' | 'ConcurrentInvocationLimitExceeded';

export interface LambdaErrorShape {
  name: string;
  message: string;
  httpStatusCode: number;
  /** The request field the refusal is about (its API name: `Timeout`, `Handler.failure.p`), when there is one. */
  field?: string;
  requestId?: string;
  Reason?: ThrottleReason;
  retryAfterSeconds?: string;
}

export class LambdaServiceError extends Error {
  readonly $fault: 'client' | 'server';
  readonly $metadata: {
    httpStatusCode: number;
    requestId?: string;
    attempts: number;
    totalRetryDelay: number;
  };
  readonly Type = 'User';
  readonly Reason?: ThrottleReason;
  /** As in the SDK, a string (the Retry-After header). */
  readonly retryAfterSeconds?: string;
  /** The request field the refusal is about (its API name), so a form can show it there. */
  readonly field?: string;

  constructor(shape: LambdaErrorShape) {
    // A busy café refuses thousands of calls (429s), and replaying a session refuses them all
    // again: V8's stack capture was a visible share of a seek. These errors are data for the
    // caller, and their stack would only ever point into the model.
    const engine = Error as { stackTraceLimit?: number };
    const limit = engine.stackTraceLimit;
    engine.stackTraceLimit = 0;
    super(shape.message);
    engine.stackTraceLimit = limit;
    this.name = shape.name;
    this.$fault = shape.httpStatusCode >= 500 ? 'server' : 'client';
    this.$metadata = {
      httpStatusCode: shape.httpStatusCode,
      requestId: shape.requestId,
      attempts: 1,
      totalRetryDelay: 0,
    };
    if (shape.Reason !== undefined) this.Reason = shape.Reason;
    if (shape.retryAfterSeconds !== undefined) this.retryAfterSeconds = shape.retryAfterSeconds;
    if (shape.field !== undefined) this.field = shape.field;
  }

  /** The refusal as data: `{ field, type, message }`. */
  refusal(): Refusal {
    return { field: this.field, type: this.name, message: this.message };
  }

  /** The text the AWS CLI prints: `An error occurred (<Code>) when calling the <Op> operation: <Message>`. */
  cliMessage(operation = 'Invoke'): string {
    return `An error occurred (${this.name}) when calling the ${operation} operation: ${this.message}`;
  }
}

/** A refused request, as data (what a form shows next to `field`). */
export interface Refusal {
  field: string | undefined;
  /** The AWS exception name. */
  type: string;
  message: string;
}

/** A semantic problem with a request (lambda-facts §10: not a shape or range violation). */
export function invalidParameter(message: string, field?: string): LambdaServiceError {
  return new LambdaServiceError({
    name: 'InvalidParameterValueException',
    message,
    httpStatusCode: 400,
    field,
  });
}

/** A value outside its field's constraint: AWS's JSON-protocol wording (lambda-facts §10). */
export function validationError(
  path: string,
  value: unknown,
  constraint: string,
  field?: string,
): LambdaServiceError {
  const shown = value === null || value === undefined ? 'null' : `'${shortText(safeString(value))}'`;
  return new LambdaServiceError({
    name: 'ValidationException',
    message: `1 validation error detected: Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`,
    httpStatusCode: 400,
    field,
  });
}

/** A request whose body is not the API's shape (a string where a number goes, an array, …). */
export function invalidContent(detail: string, field?: string): LambdaServiceError {
  return new LambdaServiceError({
    name: 'InvalidRequestContentException',
    message: `Could not parse request body into json: ${detail}`,
    httpStatusCode: 400,
    field,
  });
}

/** Any value as text, never throwing (symbols, BigInts, objects without a prototype). */
export function safeString(value: unknown): string {
  try {
    if (typeof value === 'string') return value;
    if (typeof value === 'symbol') return value.toString();
    if (typeof value === 'bigint') return `${value.toString()}n`;
    if (Array.isArray(value)) return `[${value.map(safeString).join(', ')}]`;
    if (typeof value === 'object' && value !== null) return JSON.stringify(value) ?? '{}';
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Long values are quoted in part (a 12 KB value makes no readable message). */
export function shortText(text: string, max = 256): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
