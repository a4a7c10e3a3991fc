import { replay, replayOnto, type CafeAction, type Session, type SessionStart } from './session';

/**
 * Parked sessions at past moments, so a seek replays at most one interval instead of the whole
 * session. The model cannot be copied (XState does not restore pending delays from a snapshot),
 * so a checkpoint is a session replayed to that moment and kept aside; a seek takes it (it then
 * moves on) and the pool rebuilds it in the background: at once while the café is paused, and
 * in idle time while it plays at up to 4× (faster play needs the whole frame budget).
 */
export class CheckpointPool {
  private parked = new Map<number, Session>();
  private generation = 0;
  private filling: Promise<void> | undefined;
  private fillingGeneration = -1;
  private queued: Promise<void> | undefined;
  /** The latest moment the running rebuild is building (changes after it do not concern it). */
  private buildingUpTo = -Infinity;

  constructor(
    private readonly maxCheckpoints = 10,
    private readonly minIntervalMs = 15_000,
  ) {}

  /** The time of the latest parked session at or before `t`. */
  peek(t: number): number | undefined {
    let best: number | undefined;
    for (const time of this.parked.keys()) if (time <= t && (best === undefined || time > best)) best = time;
    return best;
  }

  /** Removes and returns the session parked at `time` (the caller owns it now). */
  take(time: number): Session | undefined {
    const session = this.parked.get(time);
    this.parked.delete(time);
    return session;
  }

  /** Stops a background rebuild (e.g. the café plays again) without dropping what is built. */
  stopFilling() {
    this.generation++;
  }

  /**
   * Drops checkpoints at or after `t` (the actions after `t` changed) and stops a rebuild that
   * reaches `t`. An order placed live (after every checkpoint) leaves a running rebuild alone.
   */
  invalidateFrom(t: number) {
    if (t <= this.buildingUpTo) this.stopFilling();
    for (const [time, session] of this.parked) {
      if (time >= t) {
        session.dispose();
        this.parked.delete(time);
      }
    }
  }

  clear() {
    this.invalidateFrom(-Infinity);
  }

  /** Moments worth a checkpoint for a session recorded up to `end`. */
  targets(end: number): number[] {
    const interval = Math.max(this.minIntervalMs, Math.ceil(end / this.maxCheckpoints / 1_000) * 1_000);
    const out: number[] = [];
    for (let t = interval; t < end; t += interval) out.push(t);
    return out;
  }

  get size() {
    return this.parked.size;
  }

  /**
   * Builds the missing checkpoints in the background, each replayed from the seed a few hundred
   * actions per turn of the event loop (for a 10-minute session, about four full replays of work
   * in all). Stops when invalidated or when the café plays again.
   */
  fill(source: () => RewindSource, options: { whenIdle?: boolean } = {}): Promise<void> {
    // A rebuild for the current actions is under way, or one is queued: share it. The queued one
    // reads `source` when it starts, so it always builds for the latest actions.
    if (this.filling && this.fillingGeneration === this.generation) return this.filling;
    if (this.queued) return this.queued;
    const build = async () => {
      this.queued = undefined;
      const generation = this.generation;
      this.fillingGeneration = generation;
      const cancelled = () => generation !== this.generation;
      const { start, actions, end } = source();
      const wanted = this.targets(end);
      this.buildingUpTo = wanted.length ? wanted[wanted.length - 1] : -Infinity;
      for (const [time, session] of this.parked) {
        if (!wanted.includes(time)) {
          session.dispose();
          this.parked.delete(time);
        }
      }
      // Latest first: right after pausing, a step back or a short scrub needs the newest one.
      for (const time of wanted.toReversed()) {
        if (this.parked.has(time)) continue;
        // While the café plays, build in small slices in the browser's idle time only.
        const built = await replay(
          start,
          actions,
          time,
          options.whenIdle ? { yieldEvery: 25, cancelled, turn: idleTurn } : { yieldEvery: 200, cancelled },
        );
        if (!built || cancelled()) return built?.dispose();
        this.parked.set(time, built);
      }
    };
    // A cancelled rebuild stops at its next turn; the new one starts after it.
    const filling = (this.filling ?? Promise.resolve()).then(build);
    if (this.filling) this.queued = filling;
    this.filling = filling;
    void filling.finally(() => {
      if (this.filling === filling) {
        this.filling = undefined;
        this.buildingUpTo = -Infinity;
      }
    });
    return filling;
  }
}

/** Waits for the browser to be idle (between frames); elsewhere (tests, benchmarks) for a turn. */
function idleTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1_000 });
    else setTimeout(resolve, 0);
  });
}

/** What the checkpoints are built from, read when a rebuild starts. */
export interface RewindSource {
  start: SessionStart;
  actions: readonly CafeAction[];
  end: number;
}

/** Seeks by continuing the best starting point: a checkpoint, the live session (if earlier), or the seed. */
export async function sessionAt(
  pool: CheckpointPool,
  live: Session,
  start: SessionStart,
  actions: readonly CafeAction[],
  t: number,
): Promise<{ session: Session; reusedLive: boolean }> {
  const parkedAt = pool.peek(t);
  const liveNow = live.sim.now();
  if (liveNow <= t && (parkedAt === undefined || liveNow >= parkedAt)) {
    return { session: (await replayOnto(live, actions, t))!, reusedLive: true };
  }
  const parked = parkedAt === undefined ? undefined : pool.take(parkedAt);
  const session = parked ? (await replayOnto(parked, actions, t))! : (await replay(start, actions, t))!;
  return { session, reusedLive: false };
}
