/**
 * The terminal's CLI emulator comes in a chunk of its own: a student who never types a command
 * does not download it (it was about a tenth of the first view). The store starts loading it in
 * the browser's first idle moment, and anything that needs it — a typed command, a recorded one
 * about to be replayed, a seek through one — waits for it (see cafeStore: `terminalReady`).
 */
import type * as Terminal from '../terminal/cli';

let loaded: typeof Terminal | undefined;
let loading: Promise<typeof Terminal> | undefined;

export function loadTerminal(): Promise<typeof Terminal> {
  loading ??= import('../terminal/cli').then((mod) => (loaded = mod));
  return loading;
}

/** The CLI module if it has arrived. */
export function terminalModule(): typeof Terminal | undefined {
  return loaded;
}

/** Starts the download when the browser is idle (at once elsewhere, e.g. in tests and Node). */
export function preloadTerminal(): void {
  if (loading) return;
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(() => void loadTerminal(), { timeout: 2000 });
  else void loadTerminal();
}
