/** Reading the typed trace: the fields most events share, without casts. */
import type { TraceEvent, TraceEventOf, TraceEventType } from './types';

/** The request an event is about, if it is about one. */
export function requestIdOf(e: TraceEvent): string | undefined {
  return 'requestId' in e ? e.requestId : undefined;
}

/** The execution environment an event is about, if it is about one. */
export function envIdOf(e: TraceEvent): string | undefined {
  return 'envId' in e ? e.envId : undefined;
}

/** Whether `e` is of type `type` (narrows it: `isTrace(e, 'run.started') && e.attempt`). */
export function isTrace<T extends TraceEventType>(e: TraceEvent, type: T): e is TraceEventOf<T> {
  return e.type === type;
}

/** The events of one type (about one request, when given), typed. */
export function traceOf<T extends TraceEventType>(
  trace: readonly TraceEvent[],
  type: T,
  requestId?: string,
): TraceEventOf<T>[] {
  return trace.filter(
    (e): e is TraceEventOf<T> => e.type === type && (requestId === undefined || requestIdOf(e) === requestId),
  );
}
