/** One block of terminal scrollback: what was typed, printed, or said by the panel itself. */
export interface ScrollEntry {
  id: number;
  kind: 'input' | 'stdout' | 'stderr' | 'info';
  text: string;
}

/** Scrollback is bounded: a class can leave `aws logs tail --follow` running for hours. */
export const SCROLLBACK_LIMIT = 500;

/** Appends blocks with fresh ids, dropping the oldest beyond the limit. */
export function appendEntries(
  entries: readonly ScrollEntry[],
  add: readonly Omit<ScrollEntry, 'id'>[],
  limit = SCROLLBACK_LIMIT,
): ScrollEntry[] {
  let id = entries.at(-1)?.id ?? -1;
  const next = [...entries, ...add.map((entry) => ({ ...entry, id: ++id }))];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
