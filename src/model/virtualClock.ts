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
 * fires them one at a time, with `now()` equal to each timer's own due time. A cleared
 * timer leaves the heap at once (each timer knows its heap slot), so cancelled timers —
 * one per warm start, for the idle timer it cuts short — never pile up as garbage.
 */
export interface TimerId {
  readonly seq: number;
}

/** A pending timer; it is also the id `setTimeout` hands out. */
class Timer implements TimerId {
  constructor(
    readonly due: number,
    readonly seq: number,
    public fn: (() => void) | undefined,
    /** Slot in the heap; -1 once fired, cleared, or never queued (infinite delay). */
    public index: number,
  ) {}
}

export class VirtualClock implements XStateClock {
  private time: number;
  private heap: Timer[] = [];
  private seq = 0;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** Number of timers still pending (cancelled ones excluded). */
  pendingCount(): number {
    return this.heap.length;
  }

  setTimeout(fn: (...args: unknown[]) => void, ms: number): TimerId {
    // An infinite delay never fires: the timer is handed out (so it can be cleared) but never queued.
    const delay = ms === Infinity ? Infinity : Number.isFinite(ms) && ms > 0 ? ms : 0;
    const timer = new Timer(this.time + delay, this.seq++, fn as () => void, -1);
    if (delay === Infinity) return timer;
    this.push(timer);
    return timer;
  }

  clearTimeout(id: unknown): void {
    if (id === null || typeof id !== 'object' || !('seq' in id)) return;
    let timer: Timer | undefined;
    if (id instanceof Timer) timer = id;
    else {
      // An id that is not one of ours but names a pending timer by its sequence number.
      const seq = (id as TimerId).seq;
      timer = this.heap.find((t) => t.seq === seq);
    }
    if (timer === undefined || timer.index < 0 || this.heap[timer.index] !== timer) return;
    this.removeAt(timer.index);
  }

  /** Due time of the earliest pending timer, or undefined when nothing is scheduled. */
  nextDueTime(): number | undefined {
    return this.heap.length > 0 ? this.heap[0].due : undefined;
  }

  /**
   * Fires, one at a time and in (due time, insertion order), every timer due at or before
   * `t` — including timers scheduled by the callbacks — with `now()` at each timer's due
   * time; then sets `now()` to `t`. Moving backwards is an error.
   */
  advanceTo(t: number): void {
    if (t < this.time) throw new RangeError(`VirtualClock cannot go back from ${this.time} to ${t}`);
    const h = this.heap;
    while (h.length > 0 && h[0].due <= t) {
      const top = h[0];
      this.removeAt(0);
      this.time = top.due;
      const fn = top.fn as () => void;
      top.fn = undefined;
      fn();
    }
    this.time = t;
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.time + ms);
  }

  private static less(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private push(timer: Timer): void {
    const h = this.heap;
    timer.index = h.length;
    h.push(timer);
    this.siftUp(timer.index);
  }

  /** Takes the timer at slot `i` out of the heap (it no longer fires). */
  private removeAt(i: number): void {
    const h = this.heap;
    const removed = h[i];
    removed.index = -1;
    const last = h.pop() as Timer;
    if (i === h.length) return;
    h[i] = last;
    last.index = i;
    if (i > 0 && VirtualClock.less(last, h[(i - 1) >> 1])) this.siftUp(i);
    else this.siftDown(i);
  }

  private siftUp(i: number): void {
    const h = this.heap;
    const x = h[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p];
      if (!VirtualClock.less(x, parent)) break;
      h[i] = parent;
      parent.index = i;
      i = p;
    }
    h[i] = x;
    x.index = i;
  }

  private siftDown(i: number): void {
    const h = this.heap;
    const n = h.length;
    const x = h[i];
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && VirtualClock.less(h[r], h[l]) ? r : l;
      if (!VirtualClock.less(h[m], x)) break;
      h[i] = h[m];
      h[i].index = i;
      i = m;
    }
    h[i] = x;
    x.index = i;
  }
}
