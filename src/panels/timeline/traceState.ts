import { envIdOf, requestIdOf, type TraceEvent } from '../../model';

/**
 * What the trace implies at one instant, folded event by event: which environments are in use,
 * which async events wait or run, which sync callers are blocked. The timeline (queue depth)
 * and the charts (every gauge) both read the model through this one fold, so they can never
 * disagree about what "in use" or "waiting" means.
 *
 * Definitions follow the model's own: concurrency = environments busy or initialising for a
 * request; an async event waits while queued, throttled or in retry-wait (as sim.queueDepth());
 * a sync caller is blocked from its accepted call until invoke.responded; an async caller is
 * free from its 202 until its event ended (as the café's "Async callers free" total).
 */
export interface TraceState {
  readonly functionName: string;
  /** Environments of this function (known from env.created) and the ones in use now. */
  readonly envs: Set<string>;
  readonly envsInUse: Set<string>;
  /** Async events in flight: where each is now. */
  readonly asyncEvents: Map<string, 'queued' | 'running' | 'retry'>;
  /** Sync requests whose caller is still blocked. */
  readonly syncWaiting: Set<string>;
  queued: number;
  retrying: number;
}

export function createTraceState(functionName: string): TraceState {
  return {
    functionName,
    envs: new Set(),
    envsInUse: new Set(),
    asyncEvents: new Map(),
    syncWaiting: new Set(),
    queued: 0,
    retrying: 0,
  };
}

/** Moves one async event between places, keeping the two counters in step with the map. */
function moveAsync(s: TraceState, requestId: string, to: 'queued' | 'running' | 'retry' | undefined): void {
  const from = s.asyncEvents.get(requestId);
  if (from === 'queued') s.queued--;
  if (from === 'retry') s.retrying--;
  if (to === undefined) {
    s.asyncEvents.delete(requestId);
    return;
  }
  s.asyncEvents.set(requestId, to);
  if (to === 'queued') s.queued++;
  if (to === 'retry') s.retrying++;
}

/**
 * Applies one trace event. Events about requests or environments this state never saw (their
 * start fell out of the bounded trace, or another function's) change nothing, so a fold that
 * starts mid-history undercounts for a while instead of going negative.
 */
export function applyTraceEvent(s: TraceState, e: TraceEvent): void {
  const requestId = requestIdOf(e) ?? '';
  const envId = envIdOf(e) ?? '';
  switch (e.type) {
    case 'invoke.accepted':
      if (e.functionName !== s.functionName) return;
      if (e.invocationType === 'Event') moveAsync(s, requestId, 'queued');
      else if (e.invocationType === 'RequestResponse') s.syncWaiting.add(requestId);
      return;
    case 'invoke.responded':
      s.syncWaiting.delete(requestId);
      return;
    case 'env.created':
      if (e.functionName !== s.functionName) return;
      s.envs.add(envId);
      // Created for a request: its Init counts against concurrency (a provisioned one's does not),
      // and an async event being initialised for has left the queue (as the model's records say).
      if (requestId) s.envsInUse.add(envId);
      if (s.asyncEvents.has(requestId)) moveAsync(s, requestId, 'running');
      return;
    case 'run.started':
      // A trace that starts mid-history never saw env.created: trust the run (one function here).
      s.envs.add(envId);
      s.envsInUse.add(envId);
      if (s.asyncEvents.has(requestId)) moveAsync(s, requestId, 'running');
      return;
    case 'run.succeeded':
    case 'run.failed':
    case 'run.timedOut':
    case 'env.shutdown':
      s.envsInUse.delete(envId);
      return;
    case 'retry.scheduled':
      if (s.asyncEvents.has(requestId)) moveAsync(s, requestId, 'retry');
      return;
    case 'queue.enqueued':
      if (s.asyncEvents.has(requestId)) moveAsync(s, requestId, 'queued');
      return;
    case 'invocation.ended':
      s.syncWaiting.delete(requestId);
      if (s.asyncEvents.has(requestId)) moveAsync(s, requestId, undefined);
      return;
    default:
      return;
  }
}
