import type {
  EnvironmentInfo,
  InvocationBlocks,
  InvocationRecord,
  KeptInvocation,
  LambdaSimulation,
} from '../model';

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

/** Callers that never retry: each of their calls is a customer of its own (see retries below). */
const isCafeCustomer = (callerId: string) => callerId.startsWith('customer-');

/** Picks the `k` records with the lowest (`earliest`) or highest acceptance seq, and counts them all. */
class Pick {
  items: KeptInvocation[] = [];
  count = 0;
  constructor(
    private readonly k: number,
    private readonly earliest: boolean,
  ) {}
  offer(kept: KeptInvocation) {
    this.count++;
    const { items, k } = this;
    if (items.length === k) {
      const worst = items[items.length - 1].seq;
      if (this.earliest ? kept.seq > worst : kept.seq < worst) return;
      items.pop();
    }
    let i = items.length;
    while (i > 0 && (this.earliest ? items[i - 1].seq > kept.seq : items[i - 1].seq < kept.seq)) i--;
    items.splice(i, 0, kept);
  }
  merge(other: Pick) {
    for (const kept of other.items) this.offer(kept);
    this.count += other.count - other.items.length;
  }
}

const RAIL_STATES = new Set(['queued', 'retry-wait', 'throttled-backoff']);

/**
 * What a run of records adds to the scene: the zones' picks and the caller-time sums. Sums and
 * picks merge, so a block of finished records is folded once and its fold reused by every
 * frame and every simulation restored from a snapshot (they share the block).
 */
class SceneFold {
  readonly counter = new Pick(COUNTER_SPOTS, true);
  /** Who just left, newest first. */
  readonly leaving = new Pick(RECENT_KEEP, false);
  readonly seated = new Pick(TABLE_SEATS, true);
  readonly doneAsync = new Pick(RECENT_KEEP, false);
  readonly rail = new Pick(RAIL_SLOTS, true);
  syncOrders = 0;
  asyncOrders = 0;
  settledBlocked = 0;
  settledFree = 0;
  asyncBlockedMs = 0;
  discarded = 0;
  resultNobody = 0;
  readonly openBlocked: number[] = [];
  readonly openFree: number[] = [];
  /** Records whose share depends on the moment (`now`) or on later calls: added at each derivation. */
  readonly deferred: KeptInvocation[] = [];

  add(kept: KeptInvocation, now: number) {
    const inv = kept.record;
    if (inv.outcome === 'discarded') this.discarded++;
    if (inv.invocationType === 'Event' && inv.outcome === 'succeeded') this.resultNobody++;
    const status = statusOf(inv);
    if (inv.invocationType !== 'Event') {
      this.syncOrders++;
      if (status === 'waiting') this.openBlocked.push(inv.acceptedAt);
      else if (status !== 'turnedAway') this.settledBlocked += inv.respondedAt! - inv.acceptedAt;
    } else if (status !== 'turnedAway') {
      this.asyncOrders++;
      this.asyncBlockedMs += (inv.respondedAt ?? inv.acceptedAt) - inv.acceptedAt;
      if (status === 'seated') this.openFree.push(inv.acceptedAt);
      else this.settledFree += (inv.endedAt ?? now) - inv.acceptedAt;
    }
    if (status === 'waiting') this.counter.offer(kept);
    else if (inv.invocationType !== 'Event' || status === 'turnedAway') this.leaving.offer(kept);
    else if (status === 'seated') this.seated.offer(kept);
    else this.doneAsync.offer(kept);
    if (inv.invocationType === 'Event' && RAIL_STATES.has(inv.state)) this.rail.offer(kept);
  }

  /** Whether a record's share is the same at every moment: it can go into a kept block fold. */
  static settled(inv: InvocationRecord): boolean {
    const status = statusOf(inv);
    if (status === 'waiting' || status === 'seated') return false;
    return inv.invocationType !== 'Event' || status === 'turnedAway' || inv.endedAt !== undefined;
  }

  merge(other: SceneFold) {
    for (const pick of ['counter', 'leaving', 'seated', 'doneAsync', 'rail'] as const)
      this[pick].merge(other[pick]);
    this.syncOrders += other.syncOrders;
    this.asyncOrders += other.asyncOrders;
    this.settledBlocked += other.settledBlocked;
    this.settledFree += other.settledFree;
    this.asyncBlockedMs += other.asyncBlockedMs;
    this.discarded += other.discarded;
    this.resultNobody += other.resultNobody;
    this.openBlocked.push(...other.openBlocked);
    this.openFree.push(...other.openFree);
    this.deferred.push(...other.deferred);
  }
}

/**
 * Sorts a run of records for one function: café customers' settled records are folded, the rest
 * (calls still going, and callers that retry) deferred.
 */
function foldRun(run: readonly KeptInvocation[], functionName: string): SceneFold {
  const fold = new SceneFold();
  for (const kept of run) {
    const { functionName: fn, callerId } = kept.record;
    if (fn !== functionName || !callerId) continue;
    if (isCafeCustomer(callerId) && SceneFold.settled(kept.record)) fold.add(kept, 0);
    else fold.deferred.push(kept);
  }
  return fold;
}

/** Folds of sealed blocks (they never change), per block and function. */
const blockFolds = new WeakMap<readonly KeptInvocation[], Map<string, SceneFold>>();

function foldBlock(block: readonly KeptInvocation[], functionName: string): SceneFold {
  let byFunction = blockFolds.get(block);
  if (!byFunction) blockFolds.set(block, (byFunction = new Map()));
  let fold = byFunction.get(functionName);
  if (!fold) byFunction.set(functionName, (fold = foldRun(block, functionName)));
  return fold;
}

/**
 * Every kept record of `functionName`, folded. A caller that retries (the terminal's CLI, a
 * real SDK) keeps its caller id: each attempt is the same customer coming back, so only its
 * latest call counts. Café customers never retry; the others are few, and deferred to here.
 */
function foldAll(
  blocks: InvocationBlocks,
  functionName: string,
  now: number,
): { fold: SceneFold; counts: (kept: KeptInvocation) => boolean } {
  const all = new SceneFold();
  for (const block of blocks.sealed) all.merge(foldBlock(block, functionName));
  all.merge(foldRun(blocks.loose, functionName));
  all.merge(foldRun(blocks.active, functionName));
  const latest = new Map<string, KeptInvocation>();
  for (const kept of all.deferred) {
    const callerId = kept.record.callerId!;
    if (isCafeCustomer(callerId)) continue;
    const seen = latest.get(callerId);
    if (!seen || seen.seq < kept.seq) latest.set(callerId, kept);
  }
  const counts = (kept: KeptInvocation) => {
    const callerId = kept.record.callerId!;
    return isCafeCustomer(callerId) || latest.get(callerId) === kept;
  };
  for (const kept of all.deferred) if (counts(kept)) all.add(kept, now);
  return { fold: all, counts };
}

export function deriveScene(sim: LambdaSimulation, functionName: string): SceneView {
  return sceneOf(sim, functionName, sim.invocationBlocks());
}

/** The scene from the records in `blocks` (tests pass them all as one run, to check the block folds). */
export function sceneOf(sim: LambdaSimulation, functionName: string, blocks: InvocationBlocks): SceneView {
  const now = sim.now();
  const config = sim.getFunctionConfiguration(functionName);
  const ctx: OutcomeContext = { dlqArn: config.DeadLetterConfig?.TargetArn };
  const envs = sim
    .environments()
    .filter((env) => env.functionName === functionName && env.state !== 'shutdown');
  const { fold, counts } = foldAll(blocks, functionName, now);
  // Long sessions outgrow the model's kept records: start from what the dropped ones added up to.
  const dropped = sim.droppedInvocations(functionName);
  const totals: SceneTotals = {
    syncOrders: dropped.requestResponse + fold.syncOrders,
    asyncOrders: dropped.event - dropped.rejectedEvent + fold.asyncOrders,
    settledMs: {
      blocked: dropped.blockedMs + fold.settledBlocked,
      free: dropped.eventHandlingMs + fold.settledFree,
    },
    openSince: {
      blocked: fold.openBlocked.toSorted((a, b) => a - b),
      free: fold.openFree.toSorted((a, b) => a - b),
    },
    asyncBlockedMs: fold.asyncBlockedMs,
  };
  // Who is at each station: a call still going, drawn as the customer it belongs to.
  const byRequest = new Map<string, InvocationRecord>();
  const atStations = new Set(envs.map((env) => env.currentRequestId));
  for (const kept of blocks.active) {
    const inv = kept.record;
    if (atStations.has(inv.requestId) && inv.functionName === functionName && inv.callerId && counts(kept))
      byRequest.set(inv.requestId, inv);
  }
  const rail: TicketView[] = fold.rail.items.map(({ record: inv }) => ({
    requestId: inv.requestId,
    customer: customerNumber(inv),
    short: shortName(inv),
    source: sourceOf(inv),
    status: inv.state === 'retry-wait' ? 'retry' : inv.state === 'throttled-backoff' ? 'backoff' : 'waiting',
    attempts: inv.attempts,
    dueAt: inv.nextAttemptAt,
    acceptedAt: inv.acceptedAt,
  }));
  const view = (pick: Pick) => pick.items.map(({ record }) => toCustomer(record, now, ctx));

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
    counter: view(fold.counter),
    counterHidden: Math.max(0, fold.counter.count - COUNTER_SPOTS),
    leaving: view(fold.leaving),
    tables: [...view(fold.seated), ...view(fold.doneAsync)],
    tablesHidden: Math.max(0, fold.seated.count - TABLE_SEATS),
    rail,
    railHidden: Math.max(0, fold.rail.count - RAIL_SLOTS),
    stations: stations.slice(0, STATION_SLOTS),
    stationsHidden: Math.max(0, stations.length - STATION_SLOTS),
    limit,
    limitSource: reserved !== undefined ? 'reserved' : 'account',
    onSuccessCount: records.filter((r) => r.kind === 'OnSuccess').length,
    resultNobodyCount: fold.resultNobody,
    onFailureCount: records.filter((r) => r.kind === 'OnFailure').length,
    dlqCount: records.filter((r) => r.kind === 'DLQ').length,
    discardedCount: dropped.discarded + fold.discarded,
    totals,
  };
}
