import type { FunctionConfig, HandlerBehaviour } from './types';

export const REGION = 'us-east-1';
export const ACCOUNT_ID = '123456789012';

/** Lambda's own defaults for the fields a FunctionConfig may omit. */
export const LAMBDA_DEFAULTS = {
  Timeout: 3,
  MemorySize: 128,
  MaximumRetryAttempts: 2,
  MaximumEventAgeInSeconds: 21600,
  accountConcurrency: 1000,
} as const;

/** The tutorial's handler: sleeps 5 s, prints "Processing complete", returns 200 "Hello from Lambda!". */
export const DEFAULT_HANDLER: Readonly<HandlerBehaviour> = Object.freeze({
  durationMs: 5000,
  jitterMs: 0,
  // A Python 3.x hello-world cold start: INIT of roughly 250 ms (plus 0–15 ms seeded noise).
  initDurationMs: 250,
  printedLines: ['Processing complete'],
  result: { statusCode: 200, body: '"Hello from Lambda!"' },
  failure: { mode: 'never' } as const,
});

/** Limits of the Invoke API and of the model's bounded buffers. */
export const MODEL_LIMITS = {
  syncPayloadBytes: 6 * 1024 * 1024,
  asyncPayloadBytes: 1024 * 1024,
  tailLogBytes: 4096,
  traceEvents: 20_000,
  logEvents: 10_000,
  finishedInvocations: 10_000,
  destinationRecords: 10_000,
  shutdownEnvironments: 100,
  /** Idle environments shut down after a seeded 5–15 minutes (a simplification). */
  idleShutdownMinMs: 5 * 60_000,
  idleShutdownMaxMs: 15 * 60_000,
  /** Async retries: about 1 minute, then about 2 minutes, after a failed attempt. */
  retryDelaysMs: [60_000, 120_000] as readonly number[],
  /** Poller backoff after a throttle: 1 s doubling up to 5 min. */
  throttleBackoffMinMs: 1000,
  throttleBackoffMaxMs: 5 * 60_000,
  /** A timed-out run overruns its Timeout by a seeded 0–20 ms (so "after 10.01 seconds"). */
  timeoutOverrunMaxMs: 20,
} as const;

/** Default simulation start: 2026-01-15 09:00:00 UTC (virtual time 0). */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 15, 9, 0, 0);

/** The café's preset function: the seed's handler with a 10 s timeout (the 3 s default would time it out). */
export function cafePresetFunction(overrides: Partial<FunctionConfig> = {}): FunctionConfig {
  return {
    FunctionName: 'cafe-order',
    Timeout: 10,
    MemorySize: 128,
    ...overrides,
    Handler: { ...DEFAULT_HANDLER, printedLines: [...DEFAULT_HANDLER.printedLines], ...overrides.Handler },
  };
}

export function functionArn(name: string): string {
  return `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${name}`;
}
