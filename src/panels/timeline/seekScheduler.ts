/**
 * Turns a drag (dozens of positions a second) into few seeks. A seek replays the session from
 * the seed and can take half a second on a long session, so: at most one seek in flight, at most
 * one every `intervalMs` while dragging, always to the latest position asked for, and the final
 * position (pointer released, key pressed) as soon as the one in flight is done.
 */
export interface SeekScheduler {
  /** Asks for t; `final` skips the interval wait (a release or a key press). */
  request(t: number, final?: boolean): void;
  /** The target not yet reached (shown by the playhead meanwhile), if any. */
  pending(): number | undefined;
  /**
   * Drops what has not started (an unmounting panel). Not a final state: React's StrictMode
   * runs effect cleanups once on mount, and the scheduler must keep working after that.
   */
  cancel(): void;
}

export interface SchedulerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: SchedulerClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** `onSettled` runs when a seek ends with nothing more asked for (the playhead may show `now` again). */
export function createSeekScheduler(
  seek: (t: number) => Promise<void>,
  intervalMs = 150,
  clock: SchedulerClock = realClock,
  onSettled: () => void = () => undefined,
): SeekScheduler {
  let latest: number | undefined;
  let latestFinal = false;
  let inFlight: number | undefined;
  let lastFired = -Infinity;
  let timer: unknown;

  function fire() {
    if (latest === undefined) return;
    const t = latest;
    latest = undefined;
    latestFinal = false;
    inFlight = t;
    lastFired = clock.now();
    void seek(t).finally(() => {
      inFlight = undefined;
      pump();
      if (inFlight === undefined && latest === undefined) onSettled();
    });
  }

  function pump() {
    if (inFlight !== undefined || latest === undefined) return;
    const wait = latestFinal ? 0 : lastFired + intervalMs - clock.now();
    if (wait <= 0) {
      fire();
      return;
    }
    if (timer === undefined) {
      timer = clock.setTimeout(() => {
        timer = undefined;
        pump();
      }, wait);
    }
  }

  return {
    request(t, final = false) {
      latest = t;
      latestFinal = latestFinal || final;
      if (final && timer !== undefined) {
        clock.clearTimeout(timer);
        timer = undefined;
      }
      pump();
    },
    pending: () => latest ?? inFlight,
    cancel() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      latest = undefined;
      latestFinal = false;
    },
  };
}
