import type { LambdaSimulation, TraceEvent } from '../../model';
import { applyTraceEvent, createTraceState, type TraceState } from '../timeline/traceState';
import { readFeed, traceFeed } from '../timeline/traceFeed';
import { concurrencyLimit, observeLimit, type LimitStep } from './limits';

/**
 * The charts' time series, folded incrementally from the trace. Each update reads only the
 * events after the last one it folded (traceFeed), so a frame at 16× costs the few new events,
 * not the 20,000 the trace keeps. Memory is bounded too: time is cut into at most MAX_BINS bins, and
 * when the session outgrows them, neighbours merge and the bin width doubles.
 */

/** Bins kept; ~one per horizontal pixel of a small multiple, so more would not be drawn. */
export const MAX_BINS = 240;
/** The first bins are a quarter second: a fresh session's 5 s runs show as a clear shape. */
export const FIRST_BIN_MS = 250;

export interface Bin {
  /** Gauges: the highest value held for any positive time within the bin. */
  concurrency: number;
  queued: number;
  retrying: number;
  /** Queued + retrying (its own maximum: the two need not peak together). */
  waiting: number;
  /** Counts of events in the bin. */
  rejected429: number;
  queueThrottles: number;
  errors: number;
  retries: number;
  /** Integrals: caller-milliseconds blocked (sync) and free (async) within the bin. */
  blockedMs: number;
  freeMs: number;
}

export interface SeriesTotals {
  syncOrders: number;
  asyncOrders: number;
  rejected429: number;
  queueThrottles: number;
  errors: number;
  timeouts: number;
  retries: number;
  peakConcurrency: number;
  /** Caller time up to `lastT` (add the open callers × (now − lastT) for a live figure). */
  blockedMs: number;
  freeMs: number;
}

export interface Series {
  readonly functionName: string;
  binMs: number;
  bins: Bin[];
  state: TraceState;
  /** Virtual time the gauges and integrals are folded up to. */
  lastT: number;
  /** Sequence number of the next trace event to fold (see traceFeed). */
  seq: number;
  /** Time of the first event this series saw (later than 0 when older ones had been dropped). */
  firstT: number | undefined;
  /** Older events were gone before they could be folded: the charts show a recent window. */
  truncated: boolean;
  seen: { accepted: number; rejected: number };
  totals: SeriesTotals;
  limits: LimitStep[];
}

function emptyBin(): Bin {
  return {
    concurrency: 0,
    queued: 0,
    retrying: 0,
    waiting: 0,
    rejected429: 0,
    queueThrottles: 0,
    errors: 0,
    retries: 0,
    blockedMs: 0,
    freeMs: 0,
  };
}

/**
 * A new, empty series. `previous` (the series of the simulation this one replaces after a seek)
 * lends its limit history: replay is deterministic, so the past it recorded is this one's past.
 */
export function createSeries(functionName: string, previous?: Series, replacedAt = 0): Series {
  return {
    functionName,
    binMs: FIRST_BIN_MS,
    bins: [],
    state: createTraceState(functionName),
    lastT: 0,
    seq: 0,
    firstT: undefined,
    truncated: false,
    seen: { accepted: 0, rejected: 0 },
    totals: {
      syncOrders: 0,
      asyncOrders: 0,
      rejected429: 0,
      queueThrottles: 0,
      errors: 0,
      timeouts: 0,
      retries: 0,
      peakConcurrency: 0,
      blockedMs: 0,
      freeMs: 0,
    },
    // Strictly before the seek target: a reset lands at 0 and must not inherit the old start.
    limits: previous ? previous.limits.filter((step) => step.t < replacedAt) : [],
  };
}

function mergePairs(series: Series): void {
  const merged: Bin[] = [];
  for (let i = 0; i < series.bins.length; i += 2) {
    const a = series.bins[i];
    const b = series.bins[i + 1] ?? emptyBin();
    merged.push({
      concurrency: Math.max(a.concurrency, b.concurrency),
      queued: Math.max(a.queued, b.queued),
      retrying: Math.max(a.retrying, b.retrying),
      waiting: Math.max(a.waiting, b.waiting),
      rejected429: a.rejected429 + b.rejected429,
      queueThrottles: a.queueThrottles + b.queueThrottles,
      errors: a.errors + b.errors,
      retries: a.retries + b.retries,
      blockedMs: a.blockedMs + b.blockedMs,
      freeMs: a.freeMs + b.freeMs,
    });
  }
  series.bins = merged;
  series.binMs *= 2;
}

/** The bin holding time t, created (and the resolution halved when needed) on demand. */
function binAt(series: Series, t: number): Bin {
  while (Math.floor(t / series.binMs) >= MAX_BINS) mergePairs(series);
  const i = Math.floor(t / series.binMs);
  while (series.bins.length <= i) series.bins.push(emptyBin());
  return series.bins[i];
}

/** Holds the current state from lastT to t: gauges into each bin's maximum, callers into integrals. */
export function foldTime(series: Series, t: number): void {
  const s = series.state;
  const blocked = s.syncWaiting.size;
  const free = s.asyncEvents.size;
  const concurrency = s.envsInUse.size;
  while (series.lastT < t) {
    const bin = binAt(series, series.lastT);
    const binEnd = (Math.floor(series.lastT / series.binMs) + 1) * series.binMs;
    const step = Math.min(t, binEnd) - series.lastT;
    bin.concurrency = Math.max(bin.concurrency, concurrency);
    bin.queued = Math.max(bin.queued, s.queued);
    bin.retrying = Math.max(bin.retrying, s.retrying);
    bin.waiting = Math.max(bin.waiting, s.queued + s.retrying);
    bin.blockedMs += blocked * step;
    bin.freeMs += free * step;
    series.totals.blockedMs += blocked * step;
    series.totals.freeMs += free * step;
    series.lastT += step;
  }
  series.totals.peakConcurrency = Math.max(series.totals.peakConcurrency, concurrency);
}

function count(series: Series, e: TraceEvent): void {
  const { totals } = series;
  switch (e.type) {
    case 'invoke.accepted':
      series.seen.accepted++;
      if (e.functionName !== series.functionName) return;
      if (e.invocationType === 'Event') totals.asyncOrders++;
      else if (e.invocationType === 'RequestResponse') totals.syncOrders++;
      return;
    case 'invoke.rejected':
      series.seen.rejected++;
      if (e.statusCode === 429 && e.functionName === series.functionName) {
        totals.rejected429++;
        binAt(series, e.t).rejected429++;
      }
      return;
    case 'queue.throttled':
      totals.queueThrottles++;
      binAt(series, e.t).queueThrottles++;
      return;
    case 'run.failed':
    case 'run.timedOut':
      totals.errors++;
      if (e.type === 'run.timedOut') totals.timeouts++;
      binAt(series, e.t).errors++;
      return;
    case 'retry.scheduled':
      totals.retries++;
      binAt(series, e.t).retries++;
      return;
    default:
      return;
  }
}

/** Folds the events after the last processed one, then holds the state up to the model's now. */
export function updateSeries(series: Series, sim: LambdaSimulation): Series {
  const { events, next, gap } = readFeed(traceFeed(sim), series.seq);
  series.seq = next;
  let lastConfigT: number | undefined;
  for (const e of events) {
    if (series.firstT === undefined) series.firstT = e.t;
    foldTime(series, e.t);
    applyTraceEvent(series.state, e);
    count(series, e);
    if (e.type === 'config.updated') lastConfigT = e.t;
  }
  const now = sim.now();
  foldTime(series, now);
  const stats = sim.stats();
  if (gap || stats.accepted + stats.rejected > series.seen.accepted + series.seen.rejected)
    series.truncated = true;
  observeLimit(series.limits, concurrencyLimit(sim, series.functionName), lastConfigT, now);
  return series;
}

/** Caller time blocked and free at `now`, ticking between model events. */
export function liveCallerTime(series: Series, now: number): { blockedMs: number; freeMs: number } {
  const extra = Math.max(0, now - series.lastT);
  return {
    blockedMs: series.totals.blockedMs + series.state.syncWaiting.size * extra,
    freeMs: series.totals.freeMs + series.state.asyncEvents.size * extra,
  };
}
