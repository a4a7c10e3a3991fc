/** Turns a function's handler behaviour into one run's concrete plan, drawing from the seeded PRNG. */
import { MODEL_LIMITS } from './defaults';
import { uniform, type Random } from './prng';
import type { ResolvedFunctionConfig } from './types';

export type RunOutcome = 'success' | 'error' | 'timeout';

/** One run of the handler, decided when it starts (plain data; never changed afterwards). */
export interface RunPlan {
  requestId: string;
  functionName: string;
  /** 1-based attempt number of this event. */
  attempt: number;
  outcome: RunOutcome;
  /** Reported Duration (ms, 2 decimals). */
  durationMs: number;
  /** Virtual ms the run occupies the environment: ceil(durationMs). */
  spanMs: number;
  timeoutMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  printedLines: readonly string[];
  /** Response payload (JSON text) for a success. */
  resultPayload?: string;
  /** Parsed result (for destination records). */
  result?: unknown;
  errorType?: string;
  errorMessage?: string;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The handler's result as JSON, computed once per handler configuration. */
const resultJson = new WeakMap<object, string>();
function resultPayloadOf(h: ResolvedFunctionConfig['Handler']): string {
  let text = resultJson.get(h);
  if (text === undefined) {
    text = JSON.stringify(h.result);
    resultJson.set(h, text);
  }
  return text;
}

/** Reported init duration of a cold start: initDurationMs plus 0–15 ms seeded noise. */
export function planInitDuration(random: Random, config: ResolvedFunctionConfig): number {
  return round2(config.Handler.initDurationMs + uniform(random, 0, 15));
}

export function planRun(
  random: Random,
  config: ResolvedFunctionConfig,
  requestId: string,
  attempt: number,
): RunPlan {
  const h = config.Handler;
  const timeoutMs = config.Timeout * 1000;
  let base = h.durationMs;
  if (h.jitterMs > 0) base = Math.max(0, base + uniform(random, -h.jitterMs, h.jitterMs));
  // The runtime's own overhead: 0.2–3.2 ms on top of the handler's time (seeded).
  let durationMs = round2(base + uniform(random, 0.2, 3.2));
  const f = h.failure;
  let failed = false;
  switch (f.mode) {
    case 'always':
      failed = true;
      break;
    case 'firstAttempts':
      failed = attempt <= f.count;
      break;
    case 'probability':
      failed = random.next() < f.p;
      break;
    default:
      break;
  }
  let outcome: RunOutcome = failed ? 'error' : 'success';
  if (f.mode === 'hang' || durationMs > timeoutMs) {
    outcome = 'timeout';
    durationMs = round2(timeoutMs + uniform(random, 0, MODEL_LIMITS.timeoutOverrunMaxMs));
  }
  const plan: RunPlan = {
    requestId,
    functionName: config.FunctionName,
    attempt,
    outcome,
    durationMs,
    spanMs: Math.ceil(durationMs),
    timeoutMs,
    memorySizeMb: config.MemorySize,
    maxMemoryUsedMb: h.maxMemoryUsedMb ?? Math.min(75, config.MemorySize),
    printedLines: h.printedLines,
  };
  if (outcome === 'success') {
    plan.result = h.result;
    plan.resultPayload = resultPayloadOf(h);
  } else if (outcome === 'error' && f.mode !== 'never' && f.mode !== 'hang') {
    plan.errorType = f.errorType ?? 'Exception';
    plan.errorMessage = f.errorMessage ?? 'Something went wrong';
  }
  return plan;
}
