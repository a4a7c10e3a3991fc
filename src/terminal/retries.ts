/**
 * AWS CLI v2's default retries (botocore "standard" mode, awscli/botocore/retries/standard.py):
 * 3 attempts in all; a throttle (TooManyRequestsException is in its list of throttling codes)
 * or a 500/502/503/504 is retried after `rand(0,1) × min(2^(attempt−1), 20)` seconds; when the
 * last allowed attempt fails, the error says so (botocore/exceptions.py ClientError):
 * `… when calling the Invoke operation (reached max retries: 2): Rate Exceeded.`
 * AWS_MAX_ATTEMPTS and AWS_RETRY_MODE change it, as in the real CLI.
 */
import type { LambdaServiceError } from '../model';
import type { CommandOutput } from './types';
import { generalError } from './cliErrors';

/** botocore's DEFAULT_MAX_ATTEMPTS for standard mode. */
export const DEFAULT_MAX_ATTEMPTS = 3;
const MAX_BACKOFF_S = 20;
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

export interface RetryConfig {
  maxAttempts: number;
  mode: 'standard' | 'adaptive';
}

/**
 * The retry settings from the terminal's environment, or the CLI's own error when they are
 * invalid (botocore's InvalidMaxRetryAttemptsError / InvalidRetryModeError, a Python int()
 * failure; all general errors, exit 255).
 */
export function retryConfig(env: ReadonlyMap<string, string>): RetryConfig | CommandOutput {
  const rawMode = env.get('AWS_RETRY_MODE');
  if (rawMode !== undefined && rawMode !== 'standard' && rawMode !== 'adaptive') {
    return generalError(
      `Invalid value provided to "mode": "${rawMode}" must be one of: "standard" or "adaptive"`,
    );
  }
  const rawAttempts = env.get('AWS_MAX_ATTEMPTS');
  let maxAttempts = DEFAULT_MAX_ATTEMPTS;
  if (rawAttempts !== undefined) {
    if (!/^\s*[-+]?\d+\s*$/.test(rawAttempts))
      return generalError(`invalid literal for int() with base 10: '${rawAttempts}'`);
    maxAttempts = Number(rawAttempts);
    if (maxAttempts < 1) {
      return generalError(
        `Value provided to "max_attempts": ${maxAttempts} must be an integer greater than or equal to one.`,
      );
    }
  }
  return { maxAttempts, mode: rawMode ?? 'standard' };
}

/** Whether standard mode retries an error (its code is a throttling code, or its status is transient). */
export function isRetryable(errorName: string | undefined, statusCode: number | undefined): boolean {
  return (
    (errorName !== undefined && THROTTLING_CODES.has(errorName)) ||
    (statusCode !== undefined && TRANSIENT_STATUS.has(statusCode))
  );
}

/** FNV-1a of the call and attempt, as a fraction in [0, 1): the CLI's random.random(), but seeded, so a replay retries at the same moments. */
function jitter(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 2 ** 32;
}

/** How long (virtual ms) the CLI sleeps after `attempt` (1-based) failed. */
export function retryDelayMs(callerId: string, attempt: number): number {
  const seconds = jitter(`${callerId}#${attempt}`) * Math.min(2 ** (attempt - 1), MAX_BACKOFF_S);
  return Math.round(seconds * 1000);
}

/**
 * The CLI's text for a service error. botocore adds the retry count whenever the last allowed
 * attempt failed (its max-attempts check flags it before looking at the error): so with
 * AWS_MAX_ATTEMPTS=1 even a 404 says "(reached max retries: 0)".
 */
export function serviceErrorText(
  error: LambdaServiceError,
  operation: string,
  attempt: number,
  config: RetryConfig,
): string {
  const retryInfo = attempt >= config.maxAttempts ? ` (reached max retries: ${attempt - 1})` : '';
  return `An error occurred (${error.name}) when calling the ${operation} operation${retryInfo}: ${error.message}`;
}
