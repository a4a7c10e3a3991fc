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
    super(shape.message);
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
