/**
 * The timeline's time axis: which stretch of virtual time is drawn, round tick positions, and
 * where a time falls (as a percentage, so lanes scale with the panel without measuring it).
 */

export type Zoom = 'all' | '5m' | '1m';

export const ZOOM_SPANS: Record<Exclude<Zoom, 'all'>, number> = { '5m': 5 * 60_000, '1m': 60_000 };
/** A fresh session still shows half a minute, so the first orders are not stretched edge to edge. */
export const MIN_SPAN_MS = 30_000;

/** Tick spacings a person reads easily. */
const NICE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800].map(
  (s) => s * 1000,
);

export interface TimeWindow {
  start: number;
  end: number;
}

export function tickStep(span: number, maxTicks = 8): number {
  return NICE_STEPS.find((step) => span / step <= maxTicks) ?? NICE_STEPS.at(-1)!;
}

/**
 * The window drawn. "all": 0 to the recorded end, rounded up to a tick so the axis holds still
 * while playing and the playhead moves across it. A fixed span ends at the recorded end, unless
 * the playhead was stepped back before it: then it slides back to keep the playhead in view.
 */
export function timeWindow(zoom: Zoom, now: number, sessionEnd: number): TimeWindow {
  if (zoom === 'all') {
    const span = Math.max(sessionEnd, MIN_SPAN_MS);
    const step = tickStep(span);
    return { start: 0, end: Math.ceil(span / step) * step };
  }
  const span = ZOOM_SPANS[zoom];
  const step = tickStep(span);
  const end = Math.max(span, Math.ceil(sessionEnd / step) * step);
  if (now >= end - span) return { start: end - span, end };
  const start = Math.max(0, Math.floor((now - span * 0.1) / step) * step);
  return { start, end: start + span };
}

export function ticks(w: TimeWindow, maxTicks = 8): number[] {
  const step = tickStep(w.end - w.start, maxTicks);
  const out: number[] = [];
  for (let t = Math.ceil(w.start / step) * step; t <= w.end; t += step) out.push(t);
  return out;
}

/** Where t falls in the window, 0–100 (clamped: spans reaching outside end at the edge). */
export function xPercent(t: number, w: TimeWindow): number {
  const x = ((t - w.start) / (w.end - w.start)) * 100;
  return Math.min(100, Math.max(0, x));
}

/** The time at a fraction (0–1) across the window. */
export function timeAt(fraction: number, w: TimeWindow): number {
  return w.start + Math.min(1, Math.max(0, fraction)) * (w.end - w.start);
}

/** Axis labels: m:ss, or h:mm:ss past the hour (whole seconds: ticks are round). */
export function formatAxisTime(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
