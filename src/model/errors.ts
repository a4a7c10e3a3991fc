/** Errors shaped like the AWS SDK v3 service exceptions the Lambda client throws. */

export type ThrottleReason =
  'ReservedFunctionConcurrentInvocationLimitExceeded' | 'ConcurrentInvocationLimitExceeded';

export interface LambdaErrorShape {
  name: string;
  message: string;
  httpStatusCode: number;
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
  }

  /** The text the AWS CLI prints: `An error occurred (<Code>) when calling the <Op> operation: <Message>`. */
  cliMessage(operation = 'Invoke'): string {
    return `An error occurred (${this.name}) when calling the ${operation} operation: ${this.message}`;
  }
}

export function invalidParameter(message: string): LambdaServiceError {
  return new LambdaServiceError({ name: 'InvalidParameterValueException', message, httpStatusCode: 400 });
}
