import type { EnvironmentInfo, InvocationRecord, LambdaSimulation } from '../model';

/**
 * The café scene as data: a pure projection of the model at one instant. Views only draw
 * this; nothing here keeps state of its own, so the picture can never disagree with the model.
 */

/** How many finished customers stay visible in each zone (keeps the DOM bounded). */
export const RECENT_KEEP = 6;
/** Most seated async customers / rail tickets drawn; the rest are counted. */
export const TABLE_SEATS = 12;
export const RAIL_SLOTS = 10;
/** Most barista places drawn; a larger concurrency limit is shown as a number. */
export const STATION_SLOTS = 10;

export type CustomerStatus =
  | 'waiting' // sync, blocked at the counter
  | 'served' // sync, 200 with the result
  | 'error' // sync, 200 + FunctionError
  | 'turnedAway' // rejected before running (429 throttle, 4xx)
  | 'seated' // async, 202 receipt in hand, free
  | 'effect' // async, the run succeeded (result reached a destination, or only the logs)
  | 'failed'; // async, retries exhausted / too old

export interface CustomerView {
  id: string;
  number: number;
  kind: 'sync' | 'async';
  status: CustomerStatus;
  requestId: string;
  statusCode?: number;
  functionError?: string;
  errorName?: string;
  /** Sync: time the caller was blocked (still counting while waiting). */
  blockedMs: number;
  /** Async: time the caller has been free since the 202. */
  freeMs: number;
  /** Async, finished: where the outcome went. */
  outcomeNote?: string;
  attempts: number;
}

export interface TicketView {
  requestId: string;
  customer: number;
  status: 'waiting' | 'backoff' | 'retry';
  attempts: number;
  /** Virtual ms until the next attempt, when one is scheduled. */
  dueInMs?: number;
  ageMs: number;
}

export interface StationView {
  id: string;
  state: EnvironmentInfo['state'] | 'vacant';
  logStreamName?: string;
  invocationCount: number;
  customer?: number;
  requestId?: string;
  kind?: 'sync' | 'async';
  progress?: number;
  remainingMs?: number;
  provisioned: boolean;
}

export interface SceneView {
  now: number;
  counter: CustomerView[];
  leaving: CustomerView[];
  tables: CustomerView[];
  tablesHidden: number;
  rail: TicketView[];
  railHidden: number;
  stations: StationView[];
  stationsHidden: number;
  limit: number;
  limitSource: 'reserved' | 'account';
  onSuccessCount: number;
  onFailureCount: number;
  dlqCount: number;
  discardedCount: number;
  totals: { syncOrders: number; asyncOrders: number; blockedMs: number; freeMs: number };
}

const FINAL_ASYNC = new Set(['succeeded', 'failed', 'destination', 'discarded']);

function customerNumber(inv: InvocationRecord): number {
  const match = /(\d+)$/.exec(inv.callerId ?? '');
  return match ? Number(match[1]) : 0;
}

/** An async success delivered to OnSuccess is recorded as outcome 'delivered' with reason 'Success'. */
function asyncSucceeded(inv: InvocationRecord): boolean {
  return inv.outcome === 'succeeded' || (inv.outcome === 'delivered' && inv.outcomeReason === 'Success');
}

function asyncOutcomeNote(inv: InvocationRecord, onSuccessConfigured: boolean): string {
  if (asyncSucceeded(inv)) {
    return onSuccessConfigured
      ? 'Result sent to the OnSuccess destination'
      : 'Done — the result is only in the logs; the caller is never told';
  }
  if (inv.outcome === 'delivered') return `Failed → ${inv.outcomeReason ?? 'sent to the failure destination'}`;
  if (inv.outcome === 'discarded') return `Failed and discarded (${inv.outcomeReason ?? 'no destination'})`;
  return inv.outcomeReason ?? '';
}

function toCustomer(inv: InvocationRecord, now: number, onSuccessConfigured: boolean): CustomerView {
  const kind = inv.invocationType === 'Event' ? 'async' : 'sync';
  const base = {
    id: inv.callerId ?? inv.requestId,
    number: customerNumber(inv),
    kind,
    requestId: inv.requestId,
    statusCode: inv.statusCode,
    functionError: inv.functionError,
    attempts: inv.attempts,
  } as const;
  if (inv.state === 'rejected') {
    return { ...base, status: 'turnedAway', errorName: inv.outcomeReason, blockedMs: 0, freeMs: 0 };
  }
  if (kind === 'sync') {
    const responded = inv.respondedAt !== undefined;
    return {
      ...base,
      status: !responded ? 'waiting' : inv.functionError ? 'error' : 'served',
      blockedMs: (inv.respondedAt ?? now) - inv.acceptedAt,
      freeMs: 0,
    };
  }
  const finished = FINAL_ASYNC.has(inv.state);
  return {
    ...base,
    status: !finished ? 'seated' : asyncSucceeded(inv) ? 'effect' : 'failed',
    blockedMs: 0,
    freeMs: now - inv.acceptedAt,
    outcomeNote: finished ? asyncOutcomeNote(inv, onSuccessConfigured) : undefined,
  };
}

function byLatest(a: CustomerView, b: CustomerView) {
  return b.number - a.number;
}

export function deriveScene(sim: LambdaSimulation, functionName: string): SceneView {
  const now = sim.now();
  const config = sim.getFunctionConfiguration(functionName);
  const onSuccessConfigured = Boolean(config.DestinationConfig?.OnSuccess?.Destination);
  const invocations = sim.invocations().filter((inv) => inv.functionName === functionName && inv.callerId);
  const byRequest = new Map(invocations.map((inv) => [inv.requestId, inv]));

  const counter: CustomerView[] = [];
  const leaving: CustomerView[] = [];
  const seated: CustomerView[] = [];
  const doneAsync: CustomerView[] = [];
  const rail: TicketView[] = [];
  const totals = { syncOrders: 0, asyncOrders: 0, blockedMs: 0, freeMs: 0 };

  for (const inv of invocations) {
    const customer = toCustomer(inv, now, onSuccessConfigured);
    if (customer.kind === 'sync') {
      totals.syncOrders++;
      totals.blockedMs += customer.blockedMs;
    } else if (customer.status !== 'turnedAway') {
      totals.asyncOrders++;
      totals.freeMs += customer.freeMs;
    }
    if (customer.status === 'waiting') counter.push(customer);
    else if (customer.kind === 'sync' || customer.status === 'turnedAway') leaving.push(customer);
    else if (customer.status === 'seated') seated.push(customer);
    else doneAsync.push(customer);

    if (inv.invocationType === 'Event' && ['queued', 'retry-wait', 'throttled-backoff'].includes(inv.state)) {
      rail.push({
        requestId: inv.requestId,
        customer: customer.number,
        status: inv.state === 'retry-wait' ? 'retry' : inv.state === 'throttled-backoff' ? 'backoff' : 'waiting',
        attempts: inv.attempts,
        dueInMs: inv.nextAttemptAt !== undefined ? Math.max(0, inv.nextAttemptAt - now) : undefined,
        ageMs: now - inv.acceptedAt,
      });
    }
  }

  const reserved = config.ReservedConcurrentExecutions;
  const limit = reserved ?? sim.accountConcurrency();
  const envs = sim.environments().filter((env) => env.functionName === functionName && env.state !== 'shutdown');
  const stations: StationView[] = envs.map((env) => {
    const inv = env.currentRequestId ? byRequest.get(env.currentRequestId) : undefined;
    const span = env.busyUntil !== undefined && env.busySince !== undefined ? env.busyUntil - env.busySince : 0;
    return {
      id: env.id,
      state: env.state,
      logStreamName: env.logStreamName,
      invocationCount: env.invocationCount,
      customer: inv ? customerNumber(inv) : undefined,
      requestId: env.currentRequestId,
      kind: inv ? (inv.invocationType === 'Event' ? 'async' : 'sync') : undefined,
      progress: span > 0 ? Math.min(1, Math.max(0, (now - env.busySince!) / span)) : undefined,
      remainingMs: env.busyUntil !== undefined ? Math.max(0, env.busyUntil - now) : undefined,
      provisioned: env.provisioned,
    };
  });
  const vacant = Math.max(0, Math.min(limit, STATION_SLOTS) - stations.length);
  for (let i = 0; i < vacant; i++) {
    stations.push({ id: `vacant-${i}`, state: 'vacant', invocationCount: 0, provisioned: false });
  }

  const records = sim.destinationRecords().filter((r) => r.functionName === undefined || r.functionName === functionName);
  const discardedCount = invocations.filter((inv) => inv.outcome === 'discarded').length;

  const seatedInOrder = seated.toSorted((a, b) => a.number - b.number);
  return {
    now,
    counter: counter.toSorted((a, b) => a.number - b.number),
    leaving: leaving.toSorted(byLatest).slice(0, RECENT_KEEP),
    tables: [...seatedInOrder.slice(0, TABLE_SEATS), ...doneAsync.toSorted(byLatest).slice(0, RECENT_KEEP)],
    tablesHidden: Math.max(0, seated.length - TABLE_SEATS),
    rail: rail.slice(0, RAIL_SLOTS),
    railHidden: Math.max(0, rail.length - RAIL_SLOTS),
    stations: stations.slice(0, STATION_SLOTS),
    stationsHidden: Math.max(0, stations.length - STATION_SLOTS),
    limit,
    limitSource: reserved !== undefined ? 'reserved' : 'account',
    onSuccessCount: records.filter((r) => r.kind === 'OnSuccess').length,
    onFailureCount: records.filter((r) => r.kind === 'OnFailure').length,
    dlqCount: records.filter((r) => r.kind === 'DLQ').length,
    discardedCount,
    totals,
  };
}
