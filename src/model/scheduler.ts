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
  private heap: TimerEntry[] = [];
  private readonly byId = new Map<string, TimerEntry>();

  static restore(snapshot: SchedulerSnapshot): Scheduler {
    const s = new Scheduler();
    s.now = snapshot.now;
    s.seq = snapshot.seq;
    for (const t of snapshot.timers) {
      const entry: TimerEntry = { due: t.due, seq: t.seq, key: t.key, id: t.id, event: t.event, index: -1 };
      s.byId.set(slot(t.key, t.id), entry);
      s.push(entry);
    }
    return s;
  }

  snapshot(): SchedulerSnapshot {
    // Heap order is a valid heap again when pushed in the same order.
    return {
      now: this.now,
      seq: this.seq,
      timers: this.heap.map((t) => ({ due: t.due, seq: t.seq, key: t.key, id: t.id, event: t.event })),
    };
  }

  /** Number of pending timers. */
  get size(): number {
    return this.heap.length;
  }

  /** Delivers `event` to instance `key` after `delayMs` (an infinite delay never fires and is not kept). */
  schedule(key: string, id: string, delayMs: number, event: TimerEvent): void {
    this.cancel(key, id);
    if (delayMs === Infinity) return;
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    const entry: TimerEntry = { due: this.now + delay, seq: this.seq++, key, id, event, index: -1 };
    this.byId.set(slot(key, id), entry);
    this.push(entry);
  }

  cancel(key: string, id: string): void {
    const name = slot(key, id);
    const entry = this.byId.get(name);
    if (entry === undefined) return;
    this.byId.delete(name);
    if (entry.index >= 0) this.removeAt(entry.index);
  }

  /** Due time of the earliest pending timer, or undefined when nothing is scheduled. */
  nextDue(): number | undefined {
    return this.heap.length > 0 ? this.heap[0].due : undefined;
  }

  /** Takes the earliest timer due at or before `t` and moves `now` to its due time. */
  takeDue(t: number): TimerEntry | undefined {
    const top = this.heap[0];
    if (top === undefined || top.due > t) return undefined;
    this.removeAt(0);
    this.byId.delete(slot(top.key, top.id));
    this.now = top.due;
    return top;
  }

  private static less(a: TimerEntry, b: TimerEntry): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private push(entry: TimerEntry): void {
    const h = this.heap;
    entry.index = h.length;
    h.push(entry);
    this.siftUp(entry.index);
  }

  private removeAt(i: number): void {
    const h = this.heap;
    h[i].index = -1;
    const last = h.pop() as TimerEntry;
    if (i === h.length) return;
    h[i] = last;
    last.index = i;
    if (i > 0 && Scheduler.less(last, h[(i - 1) >> 1])) this.siftUp(i);
    else this.siftDown(i);
  }

  private siftUp(i: number): void {
    const h = this.heap;
    const x = h[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p];
      if (!Scheduler.less(x, parent)) break;
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
      const m = r < n && Scheduler.less(h[r], h[l]) ? r : l;
      if (!Scheduler.less(h[m], x)) break;
      h[i] = h[m];
      h[i].index = i;
      i = m;
    }
    h[i] = x;
    x.index = i;
  }
}
