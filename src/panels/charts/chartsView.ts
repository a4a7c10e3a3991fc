import { formatDuration } from '../../cafe/format';
import { formatAxisTime, ticks, timeWindow, xPercent, type TimeWindow } from '../timeline/timeScale';
import type { LimitStep } from './limits';
import type { Series } from './series';
import { barsMax, barsPath, linePath, stepAreaPath, type Frame, type Point } from './svgPaths';

/**
 * What the small multiples draw, as data: one path set, scale labels and a sentence of current
 * values per chart. Pure (series in, strings out), recomputed when the model changes.
 */

export const VIEW_W = 600;
export const VIEW_H = 100;
const COLUMNS = 200;

export interface Layer {
  d: string;
  /** CSS class: the colour comes from the theme (charts.css). */
  className: string;
}

export interface ChartView {
  id: 'concurrency' | 'queue' | 'throttles' | 'errors' | 'callers';
  title: string;
  /** The current value, short, beside the title. */
  headline: string;
  /** The text alternative: what the chart shows and its current values. */
  summary: string;
  /** Label of the top of the scale. */
  top: string;
  layers: Layer[];
  /** A labelled horizontal reference (the concurrency limit), in % from the top. */
  reference?: { y: number; label: string };
  legend: { className: string; label: string }[];
}

export interface ChartsView {
  window: TimeWindow;
  ticks: { x: number; label: string }[];
  /** Where the model's now falls (%), for a thin playhead line. */
  nowX: number;
  charts: ChartView[];
  /** Set when older trace events had been dropped: the charts show a recent window. */
  recordedFrom: number | undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function points(series: Series, value: (b: Series['bins'][number]) => number): Point[] {
  return series.bins.map((b, i) => ({ t: i * series.binMs, v: value(b) }));
}

/** The limit as a step line: along each step's value until the next step (or now). */
function limitPath(limits: readonly LimitStep[], f: Frame): string {
  const corners: Point[] = [];
  limits.forEach((step, i) => {
    corners.push({ t: Math.max(step.t, f.window.start), v: step.limit });
    corners.push({ t: Math.min(limits[i + 1]?.t ?? f.until, f.until), v: step.limit });
  });
  return linePath(corners, f);
}

function concurrencyChart(series: Series, frame: Omit<Frame, 'vmax'>): ChartView {
  const data = points(series, (b) => b.concurrency);
  const inUse = series.state.envsInUse.size;
  const peak = series.totals.peakConcurrency;
  const limit = series.limits.at(-1);
  const source = limit?.source === 'reserved' ? 'reserved concurrency' : 'account limit';
  // A limit far above the use (the account's 1,000) would flatten the plot: then it is named, not drawn.
  const drawLimit = limit !== undefined && limit.limit <= Math.max(peak, 1) * 4;
  const vmax = Math.max(peak, drawLimit ? Math.max(...series.limits.map((l) => l.limit)) : 0, 1) * 1.15;
  const f = { ...frame, vmax };
  return {
    id: 'concurrency',
    title: 'Concurrency: baristas in use vs the limit',
    headline: limit ? `${inUse} of ${limit.limit}` : `${inUse}`,
    summary:
      `Environments in use now: ${inUse}; peak ${peak}. ` +
      (limit
        ? `Limit: ${limit.limit} (${source})${drawLimit ? '' : ', far above the use, so not drawn to scale'}.`
        : ''),
    top: String(Math.floor(vmax)),
    layers: [
      { d: stepAreaPath(data, f), className: 'chart-area in-use' },
      ...(drawLimit ? [{ d: limitPath(series.limits, f), className: 'chart-line limit' }] : []),
    ],
    reference:
      drawLimit && limit ? { y: 100 - (limit.limit / vmax) * 100, label: `limit ${limit.limit}` } : undefined,
    legend: [
      { className: 'in-use', label: 'in use (busy or Init)' },
      ...(drawLimit ? [{ className: 'limit', label: `limit (${source})` }] : []),
    ],
  };
}

function queueChart(series: Series, frame: Omit<Frame, 'vmax'>): ChartView {
  const waiting = points(series, (b) => b.waiting);
  const peakWaiting = Math.max(0, ...waiting.map((p) => p.v));
  const peak = Math.max(1, peakWaiting);
  const f = { ...frame, vmax: peak * 1.15 };
  const { queued, retrying } = series.state;
  return {
    id: 'queue',
    title: 'Event queue: async events waiting',
    headline: String(queued + retrying),
    summary: `Async events waiting now: ${queued} in the queue and ${retrying} waiting to retry; peak ${peakWaiting}.`,
    top: String(peak),
    layers: [
      { d: stepAreaPath(waiting, f), className: 'chart-area retrying' },
      {
        d: stepAreaPath(
          points(series, (b) => b.queued),
          f,
        ),
        className: 'chart-area queued',
      },
    ],
    legend: [
      { className: 'queued', label: 'in the queue' },
      { className: 'retrying', label: 'with retry waits' },
    ],
  };
}

/** Two counts per bin as stacked bars: `lower` at the bottom, `upper` drawn above it (the total behind). */
function stackedBars(
  series: Series,
  frame: Omit<Frame, 'vmax'>,
  lower: (b: Series['bins'][number]) => number,
  upper: (b: Series['bins'][number]) => number,
): { total: string; lower: string; top: number } {
  const total = points(series, (b) => lower(b) + upper(b));
  const top = Math.max(1, barsMax(total, series.binMs, frame));
  const f = { ...frame, vmax: top };
  return {
    total: barsPath(total, series.binMs, f),
    lower: barsPath(points(series, lower), series.binMs, f),
    top,
  };
}

function throttlesChart(series: Series, frame: Omit<Frame, 'vmax'>): ChartView {
  const bars = stackedBars(
    series,
    frame,
    (b) => b.rejected429,
    (b) => b.queueThrottles,
  );
  const { rejected429, queueThrottles } = series.totals;
  return {
    id: 'throttles',
    title: 'Throttles',
    headline: String(rejected429 + queueThrottles),
    summary: `${plural(rejected429, '429 response')} to synchronous callers; the async queue's poller was throttled ${plural(queueThrottles, 'time')} (async callers never see those).`,
    top: String(bars.top),
    layers: [
      { d: bars.total, className: 'chart-bars queue-throttle' },
      { d: bars.lower, className: 'chart-bars rejected' },
    ],
    legend: [
      { className: 'rejected', label: '429 to a sync caller' },
      { className: 'queue-throttle', label: 'queue poller backed off' },
    ],
  };
}

function errorsChart(series: Series, frame: Omit<Frame, 'vmax'>): ChartView {
  const bars = stackedBars(
    series,
    frame,
    (b) => b.errors,
    (b) => b.retries,
  );
  const { errors, timeouts, retries } = series.totals;
  return {
    id: 'errors',
    title: 'Function errors and retries',
    headline: `${errors} / ${retries}`,
    summary: `${plural(errors, 'function error')}${timeouts ? ` (${timeouts} timed out)` : ''}; ${plural(retries, 'retry', 'retries')} scheduled for async events.`,
    top: String(bars.top),
    layers: [
      { d: bars.total, className: 'chart-bars retry' },
      { d: bars.lower, className: 'chart-bars error' },
    ],
    legend: [
      { className: 'error', label: 'function error' },
      { className: 'retry', label: 'retry scheduled' },
    ],
  };
}

function callersChart(series: Series, frame: Omit<Frame, 'vmax'>): ChartView {
  const blocked: Point[] = [{ t: frame.window.start, v: 0 }];
  const free: Point[] = [{ t: frame.window.start, v: 0 }];
  let b = 0;
  let fr = 0;
  series.bins.forEach((bin, i) => {
    b += bin.blockedMs;
    fr += bin.freeMs;
    const t = Math.min((i + 1) * series.binMs, series.lastT);
    blocked.push({ t, v: b });
    free.push({ t, v: fr });
  });
  const vmax = Math.max(b, fr, 1_000) * 1.1;
  const f = { ...frame, vmax };
  const { syncOrders, asyncOrders } = series.totals;
  return {
    id: 'callers',
    title: 'Caller time: blocked (sync) vs free (async)',
    headline: '',
    summary:
      `Synchronous callers were blocked ${formatDuration(b)} in all over ${plural(syncOrders, 'order')}; ` +
      `asynchronous callers were blocked 0 ms and free ${formatDuration(fr)} over ${plural(asyncOrders, 'order')} while their events were handled.`,
    top: formatDuration(vmax),
    layers: [
      { d: linePath(free, f), className: 'chart-line free' },
      { d: linePath(blocked, f), className: 'chart-line blocked' },
    ],
    legend: [
      { className: 'blocked', label: 'sync callers blocked (total)' },
      { className: 'free', label: 'async callers free (total)' },
    ],
  };
}

export function chartsView(series: Series, now: number, sessionEnd: number): ChartsView {
  const recordedFrom = series.truncated ? (series.firstT ?? 0) : undefined;
  const whole = timeWindow('all', now, sessionEnd);
  const window = { start: recordedFrom ?? 0, end: whole.end };
  const frame = { window, until: series.lastT, width: VIEW_W, height: VIEW_H, columns: COLUMNS };
  return {
    window,
    ticks: ticks(window, 4).map((t) => ({ x: xPercent(t, window), label: formatAxisTime(t) })),
    nowX: xPercent(now, window),
    charts: [
      callersChart(series, frame),
      concurrencyChart(series, frame),
      queueChart(series, frame),
      throttlesChart(series, frame),
      errorsChart(series, frame),
    ],
    recordedFrom,
  };
}
