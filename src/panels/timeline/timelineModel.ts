import {
  requestIdOf,
  type EnvironmentView,
  type InvocationRecord,
  type LambdaSimulation,
  type TraceEvent,
} from '../../model';
import { traceFeed } from './traceFeed';
import { updateHistory, type EnvSpan, type QueueStep, type TimelineHistory } from './timelineHistory';

export type { EnvSpan, EnvSpanKind, QueueStep } from './timelineHistory';

/**
 * The timeline (sequence view) as data: callers, execution environments and the event queue
 * over virtual time, projected from the model's records and trace. Pure: the panel derives it
 * when the model changes and only draws it. Lanes are bounded (the most recent callers, the
 * oldest live environments); the rest are counted, never drawn. The whole-session parts (queue,
 * environment spans) come folded from timelineHistory; this reads only the recent tail.
 */

export const MAX_CALLER_LANES = 24;
export const MAX_ENV_LANES = 12;

/** A caller's time: blocked (sync) or its async event's life after the 202 (the caller is free). */
export type CallerSpanKind = 'blocked' | 'queued' | 'throttled' | 'running' | 'retry-wait';

export interface Span<K extends string> {
  kind: K;
  from: number;
  /** Undefined while it is still going on (drawn up to now). */
  to: number | undefined;
  requestId?: string;
}

export type MarkerKind =
  | 'ok' // sync 200
  | 'function-error' // sync 200 with FunctionError
  | 'accepted-async' // 202 at the call
  | 'rejected' // 429 (or another 4xx) at the call
  | 'attempt-failed'
  | 'retry'
  | 'delivered'
  | 'discarded';

export interface Marker {
  kind: MarkerKind;
  t: number;
  /** What fits beside the mark: "200", "202", "429", "↻". */
  label: string;
  /** The same as a sentence, for details and screen readers. */
  text: string;
  requestId: string;
}

export interface CallerLane {
  id: string;
  label: string;
  kind: 'sync' | 'async';
  calls: InvocationRecord[];
  spans: Span<CallerSpanKind>[];
  markers: Marker[];
}

export interface EnvLane {
  env: EnvironmentView;
  spans: EnvSpan[];
}

export interface TimelineData {
  now: number;
  /** Where the bounded trace begins: earlier spans are "not recorded" (0 unless events were dropped). */
  recordedFrom: number;
  truncated: boolean;
  callers: CallerLane[];
  /** Calls (all kinds, all callers) not drawn: the lanes show only the most recent callers. */
  hiddenCalls: number;
  envs: EnvLane[];
  hiddenEnvs: number;
  queue: QueueStep[];
  queuePeak: number;
}

const CALLER_EVENTS = new Set([
  'env.created',
  'run.started',
  'run.succeeded',
  'run.failed',
  'run.timedOut',
  'retry.scheduled',
  'queue.enqueued',
  'queue.throttled',
  'destination.delivered',
  'event.discarded',
  'invocation.ended',
]);

/** Live environments first (oldest first, so lanes stay put while playing), then the latest shut down. */
function pickEnvs(envs: EnvironmentView[], max: number): EnvironmentView[] {
  const live = envs.filter((e) => e.state !== 'shutdown').toSorted((a, b) => a.createdAt - b.createdAt);
  const gone = envs
    .filter((e) => e.state === 'shutdown')
    .toSorted((a, b) => (b.shutdownAt ?? 0) - (a.shutdownAt ?? 0));
  return [...live, ...gone]
    .slice(0, max)
    .toSorted((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function statusLabel(inv: InvocationRecord): string {
  return String(inv.statusCode ?? '');
}

/** A sync caller: blocked from the call until its answer, then the answer's mark. */
function syncLane(inv: InvocationRecord, spans: Span<CallerSpanKind>[], markers: Marker[]): void {
  const { requestId } = inv;
  if (inv.state === 'rejected') {
    markers.push({
      kind: 'rejected',
      t: inv.acceptedAt,
      label: statusLabel(inv),
      text: `${inv.statusCode} ${inv.outcomeReason ?? 'rejected'} at once: never ran, never blocked`,
      requestId,
    });
    return;
  }
  spans.push({ kind: 'blocked', from: inv.acceptedAt, to: inv.respondedAt, requestId });
  if (inv.respondedAt !== undefined) {
    markers.push(
      inv.functionError
        ? {
            kind: 'function-error',
            t: inv.respondedAt,
            label: '200',
            text: `200 with FunctionError: ${inv.functionError}`,
            requestId,
          }
        : { kind: 'ok', t: inv.respondedAt, label: '200', text: '200 OK with the result', requestId },
    );
  }
}

/** An async caller: 202 at the call, then its event's life (queued, running, waiting to retry). */
function asyncLane(
  inv: InvocationRecord,
  events: readonly TraceEvent[],
  spans: Span<CallerSpanKind>[],
  markers: Marker[],
): void {
  const { requestId } = inv;
  const mark = (kind: MarkerKind, t: number, label: string, text: string) =>
    markers.push({ kind, t, label, text, requestId });
  if (inv.state === 'rejected') {
    mark(
      'rejected',
      inv.acceptedAt,
      statusLabel(inv),
      `${inv.statusCode} ${inv.outcomeReason ?? 'rejected'}`,
    );
    return;
  }
  mark('accepted-async', inv.acceptedAt, '202', '202 Accepted: the caller is free at once');
  let current: Span<CallerSpanKind> | undefined = {
    kind: 'queued',
    from: inv.acceptedAt,
    to: undefined,
    requestId,
  };
  const enter = (kind: CallerSpanKind | undefined, t: number) => {
    if (current?.kind === kind) return;
    if (current) {
      current.to = t;
      if (t > current.from) spans.push(current);
    }
    current = kind ? { kind, from: t, to: undefined, requestId } : undefined;
  };
  let attempt = 0;
  for (const e of events) {
    switch (e.type) {
      case 'env.created': // a cold start for this event: its Init is part of the run
        enter('running', e.t);
        break;
      case 'run.started':
        attempt = e.attempt;
        enter('running', e.t);
        break;
      case 'run.failed':
      case 'run.timedOut':
        mark(
          'attempt-failed',
          e.t,
          '✕',
          `Attempt ${attempt} ${e.type === 'run.timedOut' ? 'timed out' : 'failed'}`,
        );
        enter('queued', e.t);
        break;
      case 'run.succeeded':
        enter('queued', e.t);
        break;
      case 'retry.scheduled':
        mark('retry', e.t, '↻', `Retry ${e.attempt - 1} scheduled, due in ${Math.round(e.delayMs / 1000)} s`);
        enter('retry-wait', e.t);
        break;
      case 'queue.enqueued':
        enter('queued', e.t);
        break;
      case 'queue.throttled':
        enter('throttled', e.t);
        break;
      case 'destination.delivered':
        mark('delivered', e.t, '→', `Record delivered to ${e.kind} (${e.condition})`);
        break;
      case 'event.discarded':
        mark('discarded', e.t, '✕', `Event discarded (${e.reason})`);
        break;
      case 'invocation.ended':
        enter(undefined, e.t);
        break;
    }
  }
  // Still in flight: the last state runs on to now.
  const open = current as Span<CallerSpanKind> | undefined;
  if (open) spans.push(open);
}

/**
 * The most recent calls, walking back from the newest trace event: up to `max` callers, oldest
 * first (a sequence diagram reads top to bottom). Returns where the oldest was found, so the
 * events of those calls are read from there on only.
 */
function recentCalls(
  sim: LambdaSimulation,
  events: readonly TraceEvent[],
  functionName: string,
  max: number,
): { lanes: Map<string, InvocationRecord[]>; from: number } {
  const lanes = new Map<string, InvocationRecord[]>();
  let from = events.length;
  for (let i = events.length - 1; i >= 0 && lanes.size < max; i--) {
    const e = events[i];
    if ((e.type !== 'invoke.accepted' && e.type !== 'invoke.rejected') || e.functionName !== functionName)
      continue;
    const inv = sim.invocation(e.requestId);
    if (!inv) continue;
    const id = inv.callerId ?? inv.requestId;
    lanes.set(id, [inv, ...(lanes.get(id) ?? [])]);
    from = i;
  }
  return { lanes: new Map([...lanes].toReversed()), from };
}

/** An environment's spans, with what came before the record marked as such. */
function envLane(env: EnvironmentView, h: TimelineHistory, recordedFrom: number): EnvLane {
  const history = h.envs.get(env.id);
  const spans: EnvSpan[] = history ? [...history.spans] : [];
  const knownFrom = history ? (spans[0]?.from ?? history.recordedFrom) : recordedFrom;
  if (!history && env.state !== 'shutdown') {
    // No event since the record began: it has been idle (or provisioned and waiting) all along.
    spans.push({
      kind: env.state === 'busy' ? 'busy' : env.state === 'initializing' ? 'init' : 'idle',
      from: recordedFrom,
      to: undefined,
    });
  }
  if (env.createdAt < knownFrom) spans.unshift({ kind: 'unknown', from: env.createdAt, to: knownFrom });
  return { env, spans };
}

export function deriveTimeline(
  sim: LambdaSimulation,
  history: TimelineHistory,
  maxCallers = MAX_CALLER_LANES,
  maxEnvs = MAX_ENV_LANES,
): TimelineData {
  const functionName = history.functionName;
  updateHistory(history, sim);
  const now = sim.now();
  const stats = sim.stats();
  const truncated = stats.accepted + stats.rejected > history.calls;
  const recordedFrom = truncated ? (history.firstT ?? 0) : 0;

  const { events } = traceFeed(sim);
  const { lanes, from } = recentCalls(sim, events, functionName, maxCallers);
  // Events of the drawn async calls: they all come after the oldest drawn call.
  const wanted = new Map<string, TraceEvent[]>();
  for (const calls of lanes.values())
    for (const inv of calls) if (inv.invocationType === 'Event') wanted.set(inv.requestId, []);
  for (let i = from; i < events.length; i++) {
    const e = events[i];
    const requestId = requestIdOf(e);
    if (requestId !== undefined && CALLER_EVENTS.has(e.type)) wanted.get(requestId)?.push(e);
  }

  const callers: CallerLane[] = [];
  let drawnCalls = 0;
  for (const [id, calls] of lanes) {
    const spans: Span<CallerSpanKind>[] = [];
    const markers: Marker[] = [];
    for (const inv of calls) {
      if (inv.invocationType === 'Event') asyncLane(inv, wanted.get(inv.requestId) ?? [], spans, markers);
      else syncLane(inv, spans, markers);
    }
    drawnCalls += calls.length;
    const latest = calls.at(-1)!;
    callers.push({
      id,
      label: latest.callerLabel ?? id,
      kind: latest.invocationType === 'Event' ? 'async' : 'sync',
      calls,
      spans,
      markers: markers.toSorted((a, b) => a.t - b.t),
    });
  }

  const allEnvs = sim.environments().filter((env) => env.functionName === functionName);
  const envs = pickEnvs(allEnvs, maxEnvs).map((env) => envLane(env, history, recordedFrom));
  // From the step in force when the record begins (earlier ones describe what was not recorded).
  let first = 0;
  while (first + 1 < history.queue.length && history.queue[first + 1].t <= recordedFrom) first++;
  const queue = history.queue.slice(first);

  return {
    now,
    recordedFrom,
    truncated,
    callers,
    hiddenCalls: Math.max(0, stats.accepted + stats.rejected - drawnCalls),
    envs,
    hiddenEnvs: Math.max(0, allEnvs.length - envs.length),
    queue,
    queuePeak: history.queuePeak,
  };
}

/** A caller id as the café names it: customer-3 → "Customer 3", terminal-2 → "Terminal call 2", outside-cli-1 → "Outside call 1". */
export function callerName(callerId: string | undefined): string {
  const outside = /^outside-[a-z]+-(\d+)$/.exec(callerId ?? '');
  if (outside) return `Outside call ${outside[1]}`;
  const match = /^(customer|terminal)-(\d+)$/.exec(callerId ?? '');
  if (!match) return callerId ?? 'an unnamed caller';
  return match[1] === 'customer' ? `Customer ${match[2]}` : `Terminal call ${match[2]}`;
}
