import type { ActorOptions, AnyActorLogic } from 'xstate';
import { TimerHeap } from './timerHeap';

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
  private readonly timers = new TimerHeap<Timer>();
  private seq = 0;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** Number of timers still pending (cancelled ones excluded). */
  pendingCount(): number {
    return this.timers.size;
  }

  setTimeout(fn: (...args: unknown[]) => void, ms: number): TimerId {
    // An infinite delay never fires: the timer is handed out (so it can be cleared) but never queued.
    const delay = ms === Infinity ? Infinity : Number.isFinite(ms) && ms > 0 ? ms : 0;
    const timer = new Timer(this.time + delay, this.seq++, fn as () => void, -1);
    if (delay === Infinity) return timer;
    this.timers.push(timer);
    return timer;
  }

  clearTimeout(id: unknown): void {
    if (id === null || typeof id !== 'object' || !('seq' in id)) return;
    let timer: Timer | undefined;
    if (id instanceof Timer) timer = id;
    else {
      // An id that is not one of ours but names a pending timer by its sequence number.
      const seq = (id as TimerId).seq;
      timer = this.timers.items.find((t) => t.seq === seq);
    }
    if (timer === undefined || timer.index < 0 || this.timers.items[timer.index] !== timer) return;
    this.timers.removeAt(timer.index);
  }

  /** Due time of the earliest pending timer, or undefined when nothing is scheduled. */
  nextDueTime(): number | undefined {
    return this.timers.peek()?.due;
  }

  /**
   * Fires, one at a time and in (due time, insertion order), every timer due at or before
   * `t` — including timers scheduled by the callbacks — with `now()` at each timer's due
   * time; then sets `now()` to `t`. Moving backwards is an error.
   */
  advanceTo(t: number): void {
    if (t < this.time) throw new RangeError(`VirtualClock cannot go back from ${this.time} to ${t}`);
    for (let top = this.timers.peek(); top !== undefined && top.due <= t; top = this.timers.peek()) {
      this.timers.removeAt(0);
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
}
