import type { LambdaSimulation } from '../../model';

/** The concurrency limit from time t on; `source` says which limit it is (for the label). */
export interface LimitStep {
  t: number;
  limit: number;
  source: 'reserved' | 'account';
}

/**
 * The function's concurrency limit now: its reserved concurrency, or else the account's
 * unreserved pool (the account limit minus every other function's reservation).
 */
export function concurrencyLimit(sim: LambdaSimulation, functionName: string): Omit<LimitStep, 't'> {
  const reserved = sim.getFunctionConfiguration(functionName).ReservedConcurrentExecutions;
  if (reserved !== null && reserved !== undefined) return { limit: reserved, source: 'reserved' };
  const others = sim
    .listFunctions()
    .filter((f) => f.FunctionName !== functionName)
    .reduce((sum, f) => sum + (f.ReservedConcurrentExecutions ?? 0), 0);
  return { limit: Math.max(0, sim.accountConcurrency() - others), source: 'account' };
}

/**
 * Records the limit when it differs from the last one recorded. The trace says *that* the
 * configuration changed (config.updated names the fields, not the values), so the value is read
 * from the model when the change is folded: exact while playing (one change per frame), and
 * collapsed onto the latest change when many are folded at once (a panel opened late). With no
 * change folded yet, the limit has held since the start.
 */
export function observeLimit(
  steps: LimitStep[],
  current: Omit<LimitStep, 't'>,
  changedAt: number | undefined,
  now: number,
): void {
  const last = steps.at(-1);
  if (last && last.limit === current.limit && last.source === current.source) return;
  const t = last ? Math.max(changedAt ?? now, last.t) : (changedAt ?? 0);
  if (last && last.t === t) steps.pop();
  steps.push({ t, ...current });
}
