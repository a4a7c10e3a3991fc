import type { ActorOptions, AnyActorLogic } from 'xstate';

/** XState's clock interface (not exported by name from 'xstate'). */
export type XStateClock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/**
 * A virtual clock for XState actors (`createActor(machine, { clock })`) and for the
 * simulation facade.
 *
 * Why not XState's `SimulatedClock`:
 * - `SimulatedClock.increment(ms)` sets `now()` to the END of the span before it fires the
 *   due timers, so a timer due at 1 s that schedules another timer sees `now()` = the end
 *   of the span and every follow-up timer lands too late.
 * - it re-sorts every pending timer each time a timer is added (quadratic with thousands
 *   of pending timers).
 * This clock keeps timers in a binary min-heap ordered by (due time, insertion order) and
 * fires them one at a time, with `now()` equal to each timer's own due time.
 */
export interface TimerId {
  readonly seq: number;
}

interface Timer {
  due: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class VirtualClock implements XStateClock {
  private time: number;
  private heap: Timer[] = [];
  private bySeq = new Map<number, Timer>();
  private seq = 0;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** Number of timers still pending (cancelled ones excluded). */
  pendingCount(): number {
    return this.bySeq.size;
  }

  setTimeout(fn: (...args: unknown[]) => void, ms: number): TimerId {
    // An infinite delay never fires: the timer is registered (so it can be cleared) but never queued.
    const delay = ms === Infinity ? Infinity : Number.isFinite(ms) && ms > 0 ? ms : 0;
    const timer: Timer = { due: this.time + delay, seq: this.seq++, fn, cancelled: false };
    if (delay === Infinity) return { seq: timer.seq };
    this.bySeq.set(timer.seq, timer);
    this.push(timer);
    return { seq: timer.seq };
  }

  clearTimeout(id: unknown): void {
    if (id === null || typeof id !== 'object' || !('seq' in id)) return;
    const seq = (id as TimerId).seq;
    const timer = this.bySeq.get(seq);
    if (!timer) return;
    timer.cancelled = true;
    this.bySeq.delete(seq);
    // Lazy deletion: cancelled timers are dropped when they reach the top of the heap.
    // Compact when they dominate, so a long-running café does not accumulate garbage.
    if (this.heap.length > 64 && this.heap.length > 2 * this.bySeq.size) this.compact();
  }

  /** Due time of the earliest pending timer, or undefined when nothing is scheduled. */
  nextDueTime(): number | undefined {
    this.dropCancelledTop();
    return this.heap.length > 0 ? this.heap[0].due : undefined;
  }

  /**
   * Fires, one at a time and in (due time, insertion order), every timer due at or before
   * `t` — including timers scheduled by the callbacks — with `now()` at each timer's due
   * time; then sets `now()` to `t`. Moving backwards is an error.
   */
  advanceTo(t: number): void {
    if (t < this.time) throw new RangeError(`VirtualClock cannot go back from ${this.time} to ${t}`);
    for (;;) {
      this.dropCancelledTop();
      const top = this.heap[0];
      if (top === undefined || top.due > t) break;
      this.pop();
      this.bySeq.delete(top.seq);
      this.time = top.due;
      top.fn();
    }
    this.time = t;
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  private dropCancelledTop(): void {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
  }

  private compact(): void {
    const live = this.heap.filter((x) => !x.cancelled);
    this.heap = [];
    for (const x of live) this.push(x);
  }

  private static less(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private push(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!VirtualClock.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last !== undefined) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && VirtualClock.less(h[l], h[m])) m = l;
        if (r < h.length && VirtualClock.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
