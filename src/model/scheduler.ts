/**
 * The model's clock and its pending timers, as plain data: each timer says which machine
 * instance gets which event at which virtual time. Because a timer is data (not a closure, as
 * in XState's scheduler or a `setTimeout`), a snapshot of the simulation carries every pending
 * delay — a run in progress, a retry clock, an idle lifetime, a throttle back-off — and a
 * restored simulation fires each at its own time.
 *
 * A binary min-heap ordered by (due time, insertion order): timers fire one at a time, in order,
 * with `now` at each one's own due time. A cancelled timer leaves the heap at once.
 */
import { TimerHeap } from './timerHeap';

export interface TimerEvent {
  type: string;
}

export interface TimerEntry {
  due: number;
  seq: number;
  /** The machine instance the event goes to. */
  key: string;
  /** Unique per instance; scheduling the same id again replaces the timer. */
  id: string;
  event: TimerEvent;
  /** Slot in the heap (-1 once fired or cancelled). */
  index: number;
}

/** Pending timers as plain data (part of a simulation snapshot). */
export interface SchedulerSnapshot {
  now: number;
  seq: number;
  timers: { due: number; seq: number; key: string; id: string; event: TimerEvent }[];
}

const slot = (key: string, id: string): string => `${key}\u0000${id}`;

export class Scheduler {
  now = 0;
  private seq = 0;
  private readonly heap = new TimerHeap<TimerEntry>();
  private readonly byId = new Map<string, TimerEntry>();

  static restore(snapshot: SchedulerSnapshot): Scheduler {
    const s = new Scheduler();
    s.now = snapshot.now;
    s.seq = snapshot.seq;
    for (const t of snapshot.timers) {
      const entry: TimerEntry = { due: t.due, seq: t.seq, key: t.key, id: t.id, event: t.event, index: -1 };
      s.byId.set(slot(t.key, t.id), entry);
      s.heap.push(entry);
    }
    return s;
  }

  snapshot(): SchedulerSnapshot {
    // Heap order is a valid heap again when pushed in the same order.
    return {
      now: this.now,
      seq: this.seq,
      timers: this.heap.items.map((t) => ({ due: t.due, seq: t.seq, key: t.key, id: t.id, event: t.event })),
    };
  }

  /** Number of pending timers. */
  get size(): number {
    return this.heap.size;
  }

  /** Delivers `event` to instance `key` after `delayMs` (an infinite delay never fires and is not kept). */
  schedule(key: string, id: string, delayMs: number, event: TimerEvent): void {
    this.cancel(key, id);
    if (delayMs === Infinity) return;
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    const entry: TimerEntry = { due: this.now + delay, seq: this.seq++, key, id, event, index: -1 };
    this.byId.set(slot(key, id), entry);
    this.heap.push(entry);
  }

  cancel(key: string, id: string): void {
    const name = slot(key, id);
    const entry = this.byId.get(name);
    if (entry === undefined) return;
    this.byId.delete(name);
    if (entry.index >= 0) this.heap.removeAt(entry.index);
  }

  /** Due time of the earliest pending timer, or undefined when nothing is scheduled. */
  nextDue(): number | undefined {
    return this.heap.peek()?.due;
  }

  /** Takes the earliest timer due at or before `t` and moves `now` to its due time. */
  takeDue(t: number): TimerEntry | undefined {
    const top = this.heap.peek();
    if (top === undefined || top.due > t) return undefined;
    this.heap.removeAt(0);
    this.byId.delete(slot(top.key, top.id));
    this.now = top.due;
    return top;
  }
}
