import type { TimeWindow } from '../timeline/timeScale';

/**
 * SVG path data for the small plots, in a fixed viewBox (the SVG stretches it to the panel with
 * preserveAspectRatio="none" and non-scaling strokes; text stays in HTML, so it never
 * stretches). Every path is downsampled to at most `columns` columns, so its size is bounded
 * however long the session: a column draws the highest value held within it.
 */

export interface Point {
  /** Time the value starts holding (a step function: it holds until the next point). */
  t: number;
  v: number;
}

export interface Frame {
  window: TimeWindow;
  /** Values are known up to here (the model's now): nothing is drawn after it. */
  until: number;
  vmax: number;
  width: number;
  height: number;
  columns: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The highest value in each column (undefined where nothing is known). */
function columnMax(points: readonly Point[], f: Frame): (number | undefined)[] {
  const { start, end } = f.window;
  const width = (end - start) / f.columns;
  const out: (number | undefined)[] = Array.from({ length: f.columns });
  const until = Math.min(end, f.until);
  for (let i = 0; i < points.length; i++) {
    const from = Math.max(start, points[i].t);
    const to = Math.min(until, points[i + 1]?.t ?? until);
    if (to < from || (to === from && to !== until)) continue;
    const first = Math.floor((from - start) / width);
    const last = Math.min(f.columns - 1, Math.floor((to - start) / width - 1e-9));
    for (let c = Math.max(0, first); c <= last; c++) out[c] = Math.max(out[c] ?? 0, points[i].v);
  }
  return out;
}

/** A filled step area under a step function (gauges: concurrency, queue depth). */
export function stepAreaPath(points: readonly Point[], f: Frame): string {
  const cols = columnMax(points, f);
  const y = (v: number) => round(f.height - (Math.min(v, f.vmax) / (f.vmax || 1)) * f.height);
  const colW = f.width / f.columns;
  let d = '';
  let open = false;
  for (let c = 0; c <= f.columns; c++) {
    const v = cols[c];
    if (v === undefined) {
      if (open) d += `H${round(c * colW)}V${f.height}Z`;
      open = false;
      continue;
    }
    if (!open) d += `M${round(c * colW)},${f.height}`;
    d += `V${y(v)}H${round((c + 1) * colW)}`;
    open = true;
  }
  return d;
}

/** Bars for counts per bin (throttles, errors), summed into columns when bins are narrower. */
export function barsPath(bins: readonly Point[], binMs: number, f: Frame): string {
  const { start, end } = f.window;
  const sums = new Float64Array(f.columns);
  const width = (end - start) / f.columns;
  for (const b of bins) {
    if (!b.v || b.t + binMs <= start || b.t >= end) continue;
    sums[Math.min(f.columns - 1, Math.max(0, Math.floor((b.t - start) / width)))] += b.v;
  }
  const colW = f.width / f.columns;
  let d = '';
  for (let c = 0; c < f.columns; c++) {
    if (!sums[c]) continue;
    const h = Math.max(1, (Math.min(sums[c], f.vmax) / (f.vmax || 1)) * f.height);
    d += `M${round(c * colW)},${f.height}v${-round(h)}h${round(Math.max(colW * 0.8, 1))}v${round(h)}Z`;
  }
  return d;
}

/** The largest column sum barsPath would draw (its scale). */
export function barsMax(bins: readonly Point[], binMs: number, f: Pick<Frame, 'window' | 'columns'>): number {
  const { start, end } = f.window;
  const width = (end - start) / f.columns;
  const sums = new Map<number, number>();
  for (const b of bins) {
    if (!b.v || b.t + binMs <= start || b.t >= end) continue;
    const c = Math.floor((b.t - start) / width);
    sums.set(c, (sums.get(c) ?? 0) + b.v);
  }
  return Math.max(0, ...sums.values());
}

/** A line through (t, v) points (cumulative totals), clipped to the window. */
export function linePath(points: readonly Point[], f: Frame): string {
  const { start, end } = f.window;
  const x = (t: number) => round(((t - start) / (end - start)) * f.width);
  const y = (v: number) => round(f.height - (Math.min(v, f.vmax) / (f.vmax || 1)) * f.height);
  return points
    .filter((p) => p.t >= start && p.t <= Math.min(end, f.until))
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.t)},${y(p.v)}`)
    .join('');
}
