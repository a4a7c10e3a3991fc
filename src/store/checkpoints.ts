import { replay, replayOnto, Session, type CafeAction, type SessionStart, type Turn } from './session';

/**
 * Parked sessions at past moments, so a seek replays at most one interval instead of the whole
 * session. The model cannot be copied (XState does not restore pending delays from a snapshot),
 * so a checkpoint is a session replayed to that moment and kept aside; a seek takes it (it then
 * moves on) and the pool rebuilds it in the background, in slices between turns that the store
 * hands out: long ones while paused, short ones in the idle time between frames while playing.
 *
 * The moments lie on a grid that only ever coarsens (15 s, 30 s, 60 s… apart), so checkpoints
 * built while the session was shorter stay useful as it grows: a 10-minute session keeps one
 * every minute, built one by one as play passes each minute.
 */
/**
 * How many checkpoints just below the café's moment a rebuild leaves alone. Measured with the
 * seek benchmark: with 2, a drag back across a 10-minute session found its checkpoints taken
 * and took up to 250 ms a seek; with 4, at most 141 ms.
 */
const KEPT_FOR_MOVING_BACK = 4;

export class CheckpointPool {
  private parked = new Map<number, Session>();
  /**
   * Sessions a seek left behind (the live one it replaced, or a result a newer seek superseded),
   * parked at their own moments: seeking back there is free, and they are bases for rebuilds.
   */
  private spares: Session[] = [];
  private generation = 0;
  private filling: Promise<void> | undefined;
  private fillingGeneration = -1;
  private queued: Promise<void> | undefined;
  /** Asked to fill while a rebuild ran: it makes one more pass. */
  private again = false;
  /** The latest moment the running rebuild is building (changes after it do not concern it). */
  private buildingUpTo = -Infinity;

  constructor(
    private readonly maxCheckpoints = 10,
    private readonly baseIntervalMs = 15_000,
    private readonly maxSpares = 4,
  ) {}

  /** The time of the latest parked session at or before `t`. */
  peek(t: number): number | undefined {
    let best: number | undefined;
    for (const time of this.times()) if (time <= t && (best === undefined || time > best)) best = time;
    return best;
  }

  /** Removes and returns the session parked at `time` (the caller owns it now). */
  take(time: number): Session | undefined {
    const i = this.spares.findIndex((spare) => spare.sim.now() === time);
    if (i >= 0) return this.spares.splice(i, 1)[0];
    const session = this.parked.get(time);
    this.parked.delete(time);
    return session;
  }

  /**
   * Keeps a session a seek left behind; the oldest kept one makes room. The caller vouches that
   * it was built from the current seed and actions. A session that a replay is still moving
   * (a seek waiting on the terminal) belongs to that replay: it is not kept.
   */
  keepSpare(session: Session): boolean {
    if (session.replaying > 0) return false;
    session.onChange = () => undefined;
    this.spares.push(session);
    if (this.spares.length > this.maxSpares) this.spares.shift()!.dispose();
    return true;
  }

  /** Stops a background rebuild without dropping what is built. */
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
    this.spares = this.spares.filter((spare) => {
      if (spare.sim.now() < t) return true;
      spare.dispose();
      return false;
    });
  }

  clear() {
    this.invalidateFrom(-Infinity);
  }

  /** Moments worth a checkpoint for a session recorded up to `end`: at most `maxCheckpoints`, on a coarsening grid. */
  targets(end: number): number[] {
    let interval = this.baseIntervalMs;
    while (Math.ceil(end / interval) - 1 > this.maxCheckpoints) interval *= 2;
    const out: number[] = [];
    for (let t = interval; t < end; t += interval) out.push(t);
    return out;
  }

  /** How many grid checkpoints are parked (the spare is not counted). */
  get size() {
    return this.parked.size;
  }

  /**
   * Builds the missing checkpoints, newest first (right after pausing, a step back or a short
   * scrub needs the newest one), each replayed from the seed in slices between `turn`s. Stops
   * when invalidated.
   */
  fill(source: () => RewindSource, turn: Turn): Promise<void> {
    // A rebuild for the current actions is under way (it makes one more pass, for what a seek
    // took meanwhile or for a grown session), or one is queued: share it. The queued one reads
    // `source` when it starts, so it always builds for the latest actions.
    if (this.filling && this.fillingGeneration === this.generation) {
      this.again = true;
      return this.filling;
    }
    if (this.queued) return this.queued;
    const build = async () => {
      this.queued = undefined;
      const generation = this.generation;
      this.fillingGeneration = generation;
      const cancelled = () => generation !== this.generation;
      do {
        this.again = false;
        await this.pass(source, turn, cancelled);
      } while (this.again && !cancelled());
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

  /**
   * One pass over the grid, newest moment first. A missing moment is built by moving an earlier
   * checkpoint up to it, which leaves a hole lower down, filled the same way: the newest
   * checkpoint is back after an interval or two of replay, not a whole replay from the seed.
   */
  private async pass(source: () => RewindSource, turn: Turn, cancelled: () => boolean) {
    const { start, actions, end, position } = source();
    const wanted = this.targets(end);
    this.buildingUpTo = wanted.length ? wanted[wanted.length - 1] : -Infinity;
    const newestMissing = () => wanted.findLast((time) => !this.parked.has(time));
    // The newest missing moment each time round: a seek may take one while this pass works.
    for (let time = newestMissing(); time !== undefined; time = newestMissing()) {
      const base = this.takeBase(time, position());
      const built = await replayOnto(base ?? new Session(start), actions, time, { turn, cancelled });
      if (!built || cancelled()) {
        (built ?? base)?.dispose();
        return;
      }
      this.parked.set(time, built);
    }
    // Moments a coarser grid no longer wants (they served as bases above while they lasted).
    for (const [time, session] of this.parked) {
      if (!wanted.includes(time)) {
        session.dispose();
        this.parked.delete(time);
      }
    }
  }

  /**
   * The cheapest session to move up to `time` without hurting the next seeks: a spare (seeks
   * left them, nothing counts on them), else a checkpoint that is not among the few latest at or
   * below `position` (a user dragging or stepping back needs those next), else none (the seed).
   */
  private takeBase(time: number, position: number): Session | undefined {
    let spareAt: number | undefined;
    for (const spare of this.spares) {
      const t = spare.sim.now();
      if (t <= time && (spareAt === undefined || t > spareAt)) spareAt = t;
    }
    if (spareAt !== undefined) return this.take(spareAt);
    const below = [...this.parked.keys()].filter((t) => t <= position).toSorted((a, b) => b - a);
    const kept = new Set(below.slice(0, KEPT_FOR_MOVING_BACK));
    const candidates = [...this.parked.keys()].filter((t) => t < time && !kept.has(t));
    return candidates.length ? this.take(Math.max(...candidates)) : undefined;
  }

  private *times(): Iterable<number> {
    yield* this.parked.keys();
    for (const spare of this.spares) yield spare.sim.now();
  }
}

/** What the checkpoints are built from, read when a rebuild starts. */
export interface RewindSource {
  start: SessionStart;
  actions: readonly CafeAction[];
  end: number;
  /** Where the café is now (read at each step of a rebuild). */
  position: () => number;
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
