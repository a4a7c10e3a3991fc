import type { SessionCheckpoint } from './session';

/**
 * Rewind checkpoints: the session as data (`Session.checkpoint()`, the model's snapshot plus the
 * terminal and narration), taken as play — or a seek's replay — passes each moment
 * CHECKPOINT_SPACING_MS apart. A seek restores the nearest one at or before its moment and
 * replays the recorded actions from there: at most one spacing of model time near where the
 * café is, a little more further away.
 *
 * Bounded: dense near the café's moment, sparser with distance from it (at most MAX_CHECKPOINTS,
 * and at most CHECKPOINT_BUDGET invocations and environments copied among them all),
 * and none further back than REWIND_REACH_MS of model time or REWIND_REACH_EVENTS model events
 * before the newest (memory, not time, is what a class that leaves the café running at 64× needs
 * bounded). Rewind does not reach before the oldest one; the actions before it are dropped.
 */
export const CHECKPOINT_SPACING_MS = 5_000;
export const MAX_CHECKPOINTS = 64;
/** A checkpoint d ms from the café's moment is at least d / DENSITY from the next one kept. */
const DENSITY = 10;
export const REWIND_REACH_MS = 30 * 60_000;
export const REWIND_REACH_EVENTS = 120_000;
/**
 * What all checkpoints together may copy: each one copies the invocations still under way and
 * the live environments (what is finished, it shares). A café left overloaded builds a backlog
 * of thousands of waiting events; then it keeps fewer checkpoints (sparser), not more memory.
 */
export const CHECKPOINT_BUDGET = 150_000;

/** Model events recorded up to the checkpoint (the trace's running count). */
const eventsOf = (cp: SessionCheckpoint): number => cp.model.trace.total;

/** What a checkpoint copies rather than shares (see CHECKPOINT_BUDGET). */
const weightOf = (cp: SessionCheckpoint): number =>
  1 + cp.model.invocations.length + cp.model.environments.length;

export class Checkpoints {
  /** Sorted by time, then by actions applied. */
  private list: SessionCheckpoint[] = [];

  get size(): number {
    return this.list.length;
  }

  oldest(): SessionCheckpoint | undefined {
    return this.list[0];
  }

  /** The latest checkpoint at or before `t`. */
  at(t: number): SessionCheckpoint | undefined {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[mid].t <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.list[lo - 1] : undefined;
  }

  /** Whether a checkpoint at `t` would add anything: none within a spacing of it. */
  wanted(t: number): boolean {
    const before = this.at(t);
    if (before !== undefined && t - before.t < CHECKPOINT_SPACING_MS) return false;
    const i = before === undefined ? 0 : this.list.indexOf(before) + 1;
    const after = this.list[i];
    return after === undefined || after.t - t >= CHECKPOINT_SPACING_MS;
  }

  /** Adds a checkpoint, then thins the list around `position` (the café's moment). */
  add(cp: SessionCheckpoint, position: number): void {
    let i = this.list.length;
    while (
      i > 0 &&
      (this.list[i - 1].t > cp.t || (this.list[i - 1].t === cp.t && this.list[i - 1].applied > cp.applied))
    )
      i--;
    this.list.splice(i, 0, cp);
    this.thin(position);
  }

  /**
   * The actions after the first `kept` changed at time `t` (the user acted in the past):
   * checkpoints of the future that no longer happens go.
   */
  invalidate(t: number, kept: number): void {
    this.list = this.list.filter((cp) => cp.t <= t && cp.applied <= kept);
  }

  clear(): void {
    this.list = [];
  }

  private thin(position: number): void {
    const newest = this.list[this.list.length - 1];
    if (newest === undefined) return;
    // Reach: never the newest one itself.
    this.list = this.list.filter(
      (cp) =>
        cp === newest ||
        (newest.t - cp.t <= REWIND_REACH_MS && eventsOf(newest) - eventsOf(cp) <= REWIND_REACH_EVENTS),
    );
    const weight = () => this.list.reduce((sum, cp) => sum + weightOf(cp), 0);
    for (
      let density = DENSITY;
      this.list.length > 2 && (this.list.length > MAX_CHECKPOINTS || weight() > CHECKPOINT_BUDGET);
      density /= 1.5
    ) {
      const before = this.list.length;
      this.list = spread(this.list, position, density);
      // Thinning cannot go below the nearest ones and the ends; drop the oldest then.
      if (this.list.length === before && density < 1e-3) this.list.shift();
    }
  }
}

/**
 * Keeps checkpoints so that, walking away from `position` on either side, each kept one is at
 * least max(spacing, distance / density) from the previous kept one. The nearest on each side,
 * the oldest and the newest always stay.
 */
function spread(list: SessionCheckpoint[], position: number, density: number): SessionCheckpoint[] {
  const keep = new Set<SessionCheckpoint>([list[0], list[list.length - 1]]);
  const below = list.filter((cp) => cp.t <= position).toReversed();
  const above = list.filter((cp) => cp.t > position);
  for (const side of [below, above]) {
    let last: SessionCheckpoint | undefined;
    for (const cp of side) {
      if (
        last === undefined ||
        Math.abs(cp.t - last.t) >= Math.max(CHECKPOINT_SPACING_MS, Math.abs(position - cp.t) / density)
      ) {
        keep.add(cp);
        last = cp;
      }
    }
  }
  return list.filter((cp) => keep.has(cp));
}
