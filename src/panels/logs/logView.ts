/**
 * The CloudWatch Logs view as data: log streams (one per execution environment), the filter,
 * and the bounded window of events drawn. Pure: it reads what the model returned and never
 * changes a message.
 */
import type { EnvironmentInfo, EnvironmentState, LogEvent } from '../../model';
import { formatCount } from '../../cafe/format';

/** Most log events drawn at once; the rest stay in the model's buffer. */
export const MAX_SHOWN_EVENTS = 300;
/** Most log streams listed at once (the selected one is always listed). */
export const MAX_SHOWN_STREAMS = 50;
/** Characters per tab stop when drawing tab-separated fields (a terminal's 8). */
export const TAB_SIZE = 8;

export interface StreamView {
  logStreamName: string;
  /** The environment that writes it; undefined once the model stopped listing it. */
  envId?: string;
  state?: EnvironmentState;
  shutdownReason?: string;
  /** Epoch ms of its newest event in the model's buffer. */
  lastEventTime?: number;
  eventCount: number;
}

/**
 * One stream per environment the model lists (shut-down ones included), plus streams whose
 * events are still buffered after their environment left the list. Newest activity first,
 * as the CloudWatch console sorts by last event time.
 */
export function deriveStreams(
  environments: readonly EnvironmentInfo[],
  events: readonly LogEvent[],
): StreamView[] {
  const byName = new Map<string, StreamView>();
  const order = new Map<string, number>();
  for (const env of environments) {
    byName.set(env.logStreamName, {
      logStreamName: env.logStreamName,
      envId: env.id,
      state: env.state,
      shutdownReason: env.shutdownReason,
      eventCount: 0,
    });
    order.set(env.logStreamName, Number(env.id.replace(/\D/g, '')) || 0);
  }
  for (const e of events) {
    let s = byName.get(e.logStreamName);
    if (!s) {
      s = { logStreamName: e.logStreamName, eventCount: 0 };
      byName.set(e.logStreamName, s);
    }
    s.eventCount++;
    if (s.lastEventTime === undefined || e.timestamp > s.lastEventTime) s.lastEventTime = e.timestamp;
  }
  return [...byName.values()].toSorted(
    (a, b) =>
      (b.lastEventTime ?? -Infinity) - (a.lastEventTime ?? -Infinity) ||
      (order.get(b.logStreamName) ?? -1) - (order.get(a.logStreamName) ?? -1),
  );
}

/** The first `limit` streams, keeping `keep` (the selected stream) listed even when it is older. */
export function boundedStreams(
  streams: readonly StreamView[],
  limit: number,
  keep?: string,
): { shown: StreamView[]; hidden: number } {
  if (streams.length <= limit) return { shown: [...streams], hidden: 0 };
  const shown = streams.slice(0, limit);
  if (keep !== undefined && !shown.some((s) => s.logStreamName === keep)) {
    const kept = streams.find((s) => s.logStreamName === keep);
    if (kept) shown[limit - 1] = kept;
  }
  return { shown, hidden: streams.length - limit };
}

export function streamLabel(stream: StreamView): string {
  if (stream.envId === undefined) return 'Barista no longer listed by the model';
  const state =
    stream.state === 'shutdown'
      ? `shut down${stream.shutdownReason ? ` (${stream.shutdownReason})` : ''}`
      : stream.state === 'idle'
        ? 'idle (frozen)'
        : stream.state === 'initializing'
          ? 'initializing (Init)'
          : (stream.state ?? '');
  return `Barista ${stream.envId} · ${state}`;
}

export interface LogQuery {
  logStreamName?: string;
  requestId?: string;
  /** Plain text: a case-insensitive substring of the message or the request id. */
  text?: string;
}

/** A matcher for a text filter: plain substring, case-insensitive, no pattern syntax at all. */
export function textMatcher(text: string | undefined): (event: LogEvent) => boolean {
  const needle = (text ?? '').trim().toLowerCase();
  if (needle === '') return () => true;
  return (e) =>
    e.message.toLowerCase().includes(needle) || (e.requestId?.toLowerCase().includes(needle) ?? false);
}

export function filterLogEvents(events: readonly LogEvent[], query: LogQuery): LogEvent[] {
  const matchesText = textMatcher(query.text);
  return events.filter(
    (e) =>
      (query.logStreamName === undefined || e.logStreamName === query.logStreamName) &&
      (query.requestId === undefined || e.requestId === query.requestId) &&
      matchesText(e),
  );
}

export interface EventWindow<T> {
  /** The newest `limit` items, oldest first. */
  shown: T[];
  /** How many matched in all. */
  total: number;
  /** Matched but not drawn (older). */
  hidden: number;
}

export function newestWindow<T>(items: readonly T[], limit: number): EventWindow<T> {
  const shown = items.length > limit ? items.slice(items.length - limit) : [...items];
  return { shown, total: items.length, hidden: items.length - shown.length };
}

/** The note above a truncated list; undefined when everything that matched is drawn. */
export function windowNote(window: EventWindow<unknown>): string | undefined {
  if (window.hidden === 0) return undefined;
  return `Showing the newest ${formatCount(window.shown.length)} of ${formatCount(window.total)} matching events; older lines are still in the model's buffer.`;
}

/** CloudWatch's timestamp column, in UTC: 2026-01-15T09:00:05.253Z. */
export function cloudWatchTime(epochMs: number): string {
  return new Date(Math.floor(epochMs)).toISOString();
}

export interface TabField {
  text: string;
  /** Columns up to the next tab stop when a tab follows; undefined for the last field. */
  columns?: number;
}

/**
 * A message split at its tabs, each field padded to the next tab stop, exactly as a
 * terminal lays tabs out (a field that fills its stop still gets a whole one more). Fields
 * start at tab stops, so the same fields of different REPORT lines line up.
 */
export function tabFields(message: string, tabSize = TAB_SIZE): TabField[] {
  const parts = message.split('\t');
  return parts.map((text, i) => {
    if (i === parts.length - 1) return { text };
    const lastLine = text.slice(text.lastIndexOf('\n') + 1);
    return { text, columns: (Math.floor(lastLine.length / tabSize) + 1) * tabSize };
  });
}

/**
 * Stable keys for drawn lines: the same event keeps its key as the window slides (identical
 * lines of one stream at one instant are numbered in order).
 */
export function eventKeys(events: readonly LogEvent[]): string[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const base = `${e.timestamp}|${e.logStreamName}|${e.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}|${n}`;
  });
}

/** The kind of a Lambda log line, for colouring (never changes the text). */
export function lineKind(message: string): 'platform' | 'report' | 'error' | 'timeout' | 'output' {
  if (message.startsWith('REPORT ')) return 'report';
  if (message.startsWith('START ') || message.startsWith('END ')) return 'platform';
  if (message.startsWith('[ERROR]')) return 'error';
  if (/^\S+ \S+ Task timed out after /.test(message)) return 'timeout';
  return 'output';
}
