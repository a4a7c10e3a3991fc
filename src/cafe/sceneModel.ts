import type { EnvironmentInfo, InvocationRecord, LambdaSimulation } from '../model';

/**
 * The café scene as data: a pure projection of the model at one instant. Views only draw
 * this; nothing here keeps state of its own, so the picture can never disagree with the model.
 */

/** How many finished customers stay visible in each zone (keeps the DOM bounded). */
export const RECENT_KEEP = 6;
/** Most seated async customers / rail tickets drawn; the rest are counted. */
export const TABLE_SEATS = 12;
/** Most waiting sync customers drawn at the counter (with the account limit, hundreds may wait). */
export const COUNTER_SPOTS = 12;
export const RAIL_SLOTS = 10;
/** Most barista places drawn; a larger concurrency limit is shown as a number. */
export const STATION_SLOTS = 10;

export type CallerSource = 'cafe' | 'terminal' | 'outside';

export type CustomerStatus =
  | 'waiting' // sync, blocked at the counter
  | 'served' // sync, 200 with the result
  | 'error' // sync, 200 + FunctionError
  | 'turnedAway' // rejected before running (429 throttle, 4xx)
  | 'seated' // async, 202 receipt in hand, free
  | 'effect' // async, the run succeeded (its result went to OnSuccess, or to nobody)
  | 'failed'; // async, retries exhausted / too old

/**
 * What became of an async event, which its caller is never told: where the "cup" went.
 * Lambda does not bring the result to the table: only an OnSuccess destination receives it.
 */
export type AsyncOutcome = 'result-nobody' | 'result-onsuccess' | 'failed-destination' | 'failed-discarded';

export interface CustomerView {
  id: string;
  number: number;
  /** Who is calling: a café customer, the terminal (the AWS CLI is a caller too), or a real AWS client outside the page. */
  source: CallerSource;
  /** "Customer 3", "Terminal call 2" or "Outside call 1 (aws-cli/2.27.41)". */
  label: string;
  /** "#3", "T2", or "CLI1" / "SDK1" / "HTTP1" from outside: what fits on a ticket. */
  short: string;
  kind: 'sync' | 'async';
  status: CustomerStatus;
  requestId: string;
  statusCode?: number;
  functionError?: string;
  errorName?: string;
  /** Virtual ms when the call was made: live timers count from here (see liveCustomerMs). */
  acceptedAt: number;
  /** Sync: time the caller was blocked, as of derivation (still counting while waiting). */
  blockedMs: number;
  /** Async: time the caller was free while its event was handled (still counting while seated). */
  freeMs: number;
  /** Async, finished: where the outcome went (the caller is not told). */
  outcome?: AsyncOutcome;
  /** The same in words. */
  outcomeNote?: string;
  attempts: number;
}

export interface TicketView {
  requestId: string;
  customer: number;
  /** "#3", "T2" or "CLI1". */
  short: string;
  source: CallerSource;
  status: 'waiting' | 'backoff' | 'retry';
  attempts: number;
  /** Virtual ms of the next attempt, when one is scheduled. */
  dueAt?: number;
  acceptedAt: number;
}

export interface StationView {
  id: string;
  state: EnvironmentInfo['state'] | 'vacant';
  logStreamName?: string;
  invocationCount: number;
  customer?: number;
  /** The order's "#3" / "T2". */
  short?: string;
  requestId?: string;
  kind?: 'sync' | 'async';
  /** Virtual ms span of the current Init or run: live progress is computed from it (stationProgress). */
  busySince?: number;
  busyUntil?: number;
  provisioned: boolean;
}

export interface SceneView {
  now: number;
  counter: CustomerView[];
  counterHidden: number;
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
  /** Async runs that succeeded with no OnSuccess destination: their result reached nobody. */
  resultNobodyCount: number;
  onFailureCount: number;
  dlqCount: number;
  discardedCount: number;
  totals: SceneTotals;
}

/**
 * Caller time, split so views can keep it ticking without re-deriving the scene: settled time
 * plus, for each caller still blocked (sync) or still waiting on its event (async), now − since.
 */
export interface SceneTotals {
  syncOrders: number;
  asyncOrders: number;
  settledMs: { blocked: number; free: number };
  openSince: { blocked: number[]; free: number[] };
  /**
   * Σ (202 − call) over the async orders: how long async callers were blocked. The model answers
   * 202 at the moment it accepts an event, so this is 0 — derived, not assumed, so the contrast
   * would show it if that ever changed. (Records the model dropped answered the same way.)
   */
  asyncBlockedMs: number;
}

export function liveTotals(totals: SceneTotals, now: number): { blockedMs: number; freeMs: number } {
  const open = (since: number[]) => since.reduce((sum, t) => sum + (now - t), 0);
  return {
    blockedMs: totals.settledMs.blocked + open(totals.openSince.blocked),
    freeMs: totals.settledMs.free + open(totals.openSince.free),
  };
}

/** How far the current Init or run is at `now` (0–1) and what is left, for progress bars. */
export function stationProgress(
  s: StationView,
  now: number,
): { progress: number; remainingMs: number } | undefined {
  if (s.busySince === undefined || s.busyUntil === undefined || s.busyUntil <= s.busySince) return undefined;
  return {
    progress: Math.min(1, Math.max(0, (now - s.busySince) / (s.busyUntil - s.busySince))),
    remainingMs: Math.max(0, s.busyUntil - now),
  };
}

/** A customer's running timer at `now`: blocked while waiting, free while seated, else as settled. */
export function liveCustomerMs(c: CustomerView, now: number): { blockedMs: number; freeMs: number } {
  if (c.status === 'waiting') return { blockedMs: now - c.acceptedAt, freeMs: 0 };
  if (c.status === 'seated') return { blockedMs: 0, freeMs: now - c.acceptedAt };
  return { blockedMs: c.blockedMs, freeMs: c.freeMs };
}

const FINAL_ASYNC = new Set(['succeeded', 'failed', 'destination', 'discarded']);

/** Outside callers are named `outside-<cli|sdk|http>-<n>` by the bridge (src/bridge). */
const OUTSIDE = /^outside-([a-z]+)-\d+$/;

function sourceOf(inv: InvocationRecord): CallerSource {
  const id = inv.callerId ?? '';
  return id.startsWith('terminal') ? 'terminal' : OUTSIDE.test(id) ? 'outside' : 'cafe';
}

function shortName(inv: InvocationRecord): string {
  const outside = OUTSIDE.exec(inv.callerId ?? '');
  if (outside) return `${outside[1].toUpperCase()}${customerNumber(inv)}`;
  return `${inv.callerId?.startsWith('terminal') ? 'T' : '#'}${customerNumber(inv)}`;
}

/**
 * A caller that retries (the terminal's CLI, a real SDK) keeps its caller id: each attempt is
 * the same customer coming back, so only its latest call is drawn. Café customers never retry,
 * and are skipped without a lookup; the others are few, so one backward scan finds them.
 */
function latestCallByCaller(invocations: readonly InvocationRecord[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (let i = invocations.length - 1; i >= 0; i--) {
    const { callerId, requestId } = invocations[i];
    if (callerId && !callerId.startsWith('customer-') && !latest.has(callerId))
      latest.set(callerId, requestId);
  }
  return latest;
}

function customerNumber(inv: InvocationRecord): number {
  const match = /(\d+)$/.exec(inv.callerId ?? '');
  return match ? Number(match[1]) : 0;
}

/** An async success delivered to OnSuccess is recorded as outcome 'delivered' with reason 'Success'. */
function asyncSucceeded(inv: InvocationRecord): boolean {
  return inv.outcome === 'succeeded' || (inv.outcome === 'delivered' && inv.outcomeReason === 'Success');
}

interface OutcomeContext {
  /** The dead-letter queue's ARN, to tell a DLQ delivery from an OnFailure one. */
  dlqArn: string | undefined;
}

function asyncOutcome(inv: InvocationRecord, ctx: OutcomeContext): { outcome: AsyncOutcome; note: string } {
  if (asyncSucceeded(inv)) {
    // Decided by the record, not today's settings: OnSuccess may have been switched on since.
    return inv.outcome === 'delivered'
      ? {
          outcome: 'result-onsuccess',
          note: 'Result sent to the OnSuccess destination',
        }
      : { outcome: 'result-nobody', note: 'Ran OK · the result reached nobody (no OnSuccess destination)' };
  }
  const reason = inv.outcomeReason ? ` (${inv.outcomeReason})` : '';
  if (inv.outcome === 'delivered') {
    const where =
      inv.destinationArn && inv.destinationArn === ctx.dlqArn ? 'the dead-letter queue' : 'OnFailure';
    return { outcome: 'failed-destination', note: `Failed · event sent to ${where}${reason}` };
  }
  return { outcome: 'failed-discarded', note: `Failed · event discarded${reason}; nobody is told` };
}

function toCustomer(inv: InvocationRecord, now: number, ctx: OutcomeContext): CustomerView {
  const kind = inv.invocationType === 'Event' ? 'async' : 'sync';
  const base = {
    id: inv.callerId ?? inv.requestId,
    number: customerNumber(inv),
    source: sourceOf(inv),
    label: inv.callerLabel ?? inv.callerId ?? inv.requestId,
    short: shortName(inv),
    acceptedAt: inv.acceptedAt,
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
  const result = finished ? asyncOutcome(inv, ctx) : undefined;
  return {
    ...base,
    status: !finished ? 'seated' : asyncSucceeded(inv) ? 'effect' : 'failed',
    blockedMs: 0,
    // Free for as long as the work went on without it: 202 until the event was finished.
    freeMs: (finished ? (inv.endedAt ?? now) : now) - inv.acceptedAt,
    outcome: result?.outcome,
    outcomeNote: result?.note,
  };
}

function statusOf(inv: InvocationRecord): CustomerStatus {
  if (inv.state === 'rejected') return 'turnedAway';
  if (inv.invocationType !== 'Event') {
    return inv.respondedAt === undefined ? 'waiting' : inv.functionError ? 'error' : 'served';
  }
  if (!FINAL_ASYNC.has(inv.state)) return 'seated';
  return asyncSucceeded(inv) ? 'effect' : 'failed';
}

/**
 * The first `k` records offered, and how many were offered. Records come in acceptance order
 * (the model's), so these are the ones who have waited longest. A busy café keeps thousands
 * of records; only a dozen per zone are drawn, so only those become views.
 */
class Earliest {
  readonly items: InvocationRecord[] = [];
  count = 0;
  constructor(private readonly k: number) {}
  offer(inv: InvocationRecord) {
    if (this.count++ < this.k) this.items.push(inv);
  }
}

/** The last `k` records offered, newest first: who just left. */
class Latest {
  private readonly ring: InvocationRecord[] = [];
  private next = 0;
  constructor(private readonly k: number) {}
  offer(inv: InvocationRecord) {
    this.ring[this.next] = inv;
    this.next = (this.next + 1) % this.k;
  }
  get items(): InvocationRecord[] {
    const { ring, next } = this;
    return [...ring.slice(next), ...ring.slice(0, next)].toReversed();
  }
}

export function deriveScene(sim: LambdaSimulation, functionName: string): SceneView {
  const now = sim.now();
  const config = sim.getFunctionConfiguration(functionName);
  const ctx: OutcomeContext = { dlqArn: config.DeadLetterConfig?.TargetArn };
  const envs = sim
    .environments()
    .filter((env) => env.functionName === functionName && env.state !== 'shutdown');
  const atStations = new Set(envs.map((env) => env.currentRequestId));
  const byRequest = new Map<string, InvocationRecord>();

  const counter = new Earliest(COUNTER_SPOTS);
  const leaving = new Latest(RECENT_KEEP);
  const seated = new Earliest(TABLE_SEATS);
  const doneAsync = new Latest(RECENT_KEEP);
  const rail: TicketView[] = [];
  let railCount = 0;
  // Long sessions outgrow the model's kept records: start from what the dropped ones added up to.
  const dropped = sim.droppedInvocations(functionName);
  let discardedCount = dropped.discarded;
  let resultNobodyCount = 0;
  const totals: SceneTotals = {
    syncOrders: dropped.requestResponse,
    asyncOrders: dropped.event - dropped.rejectedEvent,
    settledMs: { blocked: dropped.blockedMs, free: dropped.eventHandlingMs },
    openSince: { blocked: [], free: [] },
    asyncBlockedMs: 0,
  };

  const invocations = sim.invocationRecords();
  const latestCall = latestCallByCaller(invocations);
  for (const inv of invocations) {
    if (inv.functionName !== functionName || !inv.callerId) continue;
    const latest = latestCall.get(inv.callerId);
    if (latest !== undefined && latest !== inv.requestId) continue;
    if (atStations.has(inv.requestId)) byRequest.set(inv.requestId, inv);
    if (inv.outcome === 'discarded') discardedCount++;
    if (inv.invocationType === 'Event' && inv.outcome === 'succeeded') resultNobodyCount++;
    const status = statusOf(inv);
    if (inv.invocationType !== 'Event') {
      totals.syncOrders++;
      if (status === 'waiting') totals.openSince.blocked.push(inv.acceptedAt);
      else if (status !== 'turnedAway') totals.settledMs.blocked += inv.respondedAt! - inv.acceptedAt;
    } else if (status !== 'turnedAway') {
      totals.asyncOrders++;
      totals.asyncBlockedMs += (inv.respondedAt ?? inv.acceptedAt) - inv.acceptedAt;
      if (status === 'seated') totals.openSince.free.push(inv.acceptedAt);
      else totals.settledMs.free += (inv.endedAt ?? now) - inv.acceptedAt;
    }
    if (status === 'waiting') counter.offer(inv);
    else if (inv.invocationType !== 'Event' || status === 'turnedAway') leaving.offer(inv);
    else if (status === 'seated') seated.offer(inv);
    else doneAsync.offer(inv);

    if (inv.invocationType === 'Event' && ['queued', 'retry-wait', 'throttled-backoff'].includes(inv.state)) {
      if (railCount++ >= RAIL_SLOTS) continue;
      rail.push({
        requestId: inv.requestId,
        customer: customerNumber(inv),
        short: shortName(inv),
        source: sourceOf(inv),
        status:
          inv.state === 'retry-wait' ? 'retry' : inv.state === 'throttled-backoff' ? 'backoff' : 'waiting',
        attempts: inv.attempts,
        dueAt: inv.nextAttemptAt,
        acceptedAt: inv.acceptedAt,
      });
    }
  }
  const view = (top: Earliest | Latest) => top.items.map((inv) => toCustomer(inv, now, ctx));

  const reserved = config.ReservedConcurrentExecutions;
  const limit = reserved ?? sim.accountConcurrency();
  const stations: StationView[] = envs.map((env) => {
    const inv = env.currentRequestId ? byRequest.get(env.currentRequestId) : undefined;
    return {
      id: env.id,
      state: env.state,
      logStreamName: env.logStreamName,
      invocationCount: env.invocationCount,
      customer: inv ? customerNumber(inv) : undefined,
      short: inv ? shortName(inv) : undefined,
      requestId: env.currentRequestId,
      kind: inv ? (inv.invocationType === 'Event' ? 'async' : 'sync') : undefined,
      busySince: env.busySince,
      busyUntil: env.busyUntil,
      provisioned: env.provisioned,
    };
  });
  const vacant = Math.max(0, Math.min(limit, STATION_SLOTS) - stations.length);
  for (let i = 0; i < vacant; i++) {
    stations.push({ id: `vacant-${i}`, state: 'vacant', invocationCount: 0, provisioned: false });
  }

  const records = sim
    .destinationRecords()
    .filter((r) => r.functionName === undefined || r.functionName === functionName);
  return {
    now,
    counter: view(counter),
    counterHidden: Math.max(0, counter.count - COUNTER_SPOTS),
    leaving: view(leaving),
    tables: [...view(seated), ...view(doneAsync)],
    tablesHidden: Math.max(0, seated.count - TABLE_SEATS),
    rail,
    railHidden: Math.max(0, railCount - RAIL_SLOTS),
    stations: stations.slice(0, STATION_SLOTS),
    stationsHidden: Math.max(0, stations.length - STATION_SLOTS),
    limit,
    limitSource: reserved !== undefined ? 'reserved' : 'account',
    onSuccessCount: records.filter((r) => r.kind === 'OnSuccess').length,
    resultNobodyCount,
    onFailureCount: records.filter((r) => r.kind === 'OnFailure').length,
    dlqCount: records.filter((r) => r.kind === 'DLQ').length,
    discardedCount,
    totals,
  };
}
