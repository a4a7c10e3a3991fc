/**
 * Command history for the terminal's up/down keys, as pure functions over an immutable value
 * (the UI keeps it in state). Like bash: blank lines and an immediate repeat are not recorded,
 * and what you were typing before pressing "up" comes back when you press "down" past the end.
 */

export interface History {
  readonly entries: readonly string[];
  /** Index into entries of the line on show; entries.length = the line being typed. */
  readonly cursor: number;
  /** The unfinished line saved when the user first pressed "up". */
  readonly draft: string;
  readonly limit: number;
}

export interface HistoryStep {
  history: History;
  /** What the input box should show now. */
  line: string;
}

export function createHistory(entries: readonly string[] = [], limit = 500): History {
  const kept = entries.slice(-limit);
  return { entries: kept, cursor: kept.length, draft: '', limit };
}

/** Records a submitted line and returns to the end of the list. */
export function recordLine(history: History, line: string): History {
  const last = history.entries[history.entries.length - 1];
  const entries =
    line.trim() === '' || line === last ? history.entries : [...history.entries, line].slice(-history.limit);
  return { ...history, entries, cursor: entries.length, draft: '' };
}

/** "Up": the previous line; stays on the oldest one. `current` is what the input box holds now. */
export function previousLine(history: History, current: string): HistoryStep {
  if (history.cursor === 0)
    return { history, line: history.entries.length > 0 ? history.entries[0] : current };
  const draft = history.cursor === history.entries.length ? current : history.draft;
  const cursor = history.cursor - 1;
  return { history: { ...history, cursor, draft }, line: history.entries[cursor] };
}

/** "Down": the next line, or the saved draft after the newest one. */
export function nextLine(history: History, current: string): HistoryStep {
  if (history.cursor >= history.entries.length) return { history, line: current };
  const cursor = history.cursor + 1;
  const line = cursor === history.entries.length ? history.draft : history.entries[cursor];
  return { history: { ...history, cursor }, line };
}
