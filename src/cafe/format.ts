/**
 * A count with thousands separators, as en-US writes it: 21,600. Not toLocaleString: its first
 * call loads the browser's number-format data, a long task on a phone at start-up.
 */
export function formatCount(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const digits = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? digits : `${digits}.${fraction}`;
}

/** Virtual milliseconds as m:ss.t (or h:mm:ss for long sessions). */
export function formatClock(ms: number): string {
  // A clock truncates (it never shows a second before it has passed) and must never read "0:60.0".
  const tenths = Math.floor(Math.max(0, ms) / 100);
  const h = Math.floor(tenths / 36_000);
  const m = Math.floor((tenths % 36_000) / 600);
  const s = tenths % 600;
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${String(Math.floor(s / 10)).padStart(2, '0')}`;
  return `${m}:${(s / 10).toFixed(1).padStart(4, '0')}`;
}

/** A duration for people: 850 ms, 5.2 s, 2 min 5 s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  // Round once, then split: 59.96 s must read "1 min", never "60.0 s" or "1 min 60 s".
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m} min ${s} s` : `${m} min`;
}

/**
 * Durations to be compared side by side, all in one unit (the one the largest needs): seconds
 * with a tenth, or minutes with a tenth in long sessions. "5.3 s" against "0.0 s", never
 * "5.3 s" against "0 ms".
 */
export function formatSameUnit(values: number[]): string[] {
  const largest = Math.max(0, ...values);
  if (largest < 600_000) return values.map((v) => `${(Math.round(Math.max(0, v) / 100) / 10).toFixed(1)} s`);
  return values.map((v) => `${(Math.round(Math.max(0, v) / 6_000) / 10).toFixed(1)} min`);
}
