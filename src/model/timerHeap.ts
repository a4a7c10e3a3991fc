/**
 * A binary min-heap of timers ordered by (due time, insertion order), where each timer knows its
 * slot, so a cancelled timer leaves the heap at once (no garbage piling up). Shared by the
 * model's scheduler (timers as data) and the VirtualClock handed to XState actors.
 */
export interface HeapTimer {
  readonly due: number;
  readonly seq: number;
  /** Slot in the heap; -1 once taken out (fired, cancelled) or never queued. */
  index: number;
}

export class TimerHeap<T extends HeapTimer> {
  readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  private static less(a: HeapTimer, b: HeapTimer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  push(timer: T): void {
    const h = this.items;
    timer.index = h.length;
    h.push(timer);
    this.siftUp(timer.index);
  }

  /** Takes the timer at slot `i` out of the heap. */
  removeAt(i: number): void {
    const h = this.items;
    h[i].index = -1;
    const last = h.pop() as T;
    if (i === h.length) return;
    h[i] = last;
    last.index = i;
    if (i > 0 && TimerHeap.less(last, h[(i - 1) >> 1])) this.siftUp(i);
    else this.siftDown(i);
  }

  private siftUp(i: number): void {
    const h = this.items;
    const x = h[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p];
      if (!TimerHeap.less(x, parent)) break;
      h[i] = parent;
      parent.index = i;
      i = p;
    }
    h[i] = x;
    x.index = i;
  }

  private siftDown(i: number): void {
    const h = this.items;
    const n = h.length;
    const x = h[i];
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && TimerHeap.less(h[r], h[l]) ? r : l;
      if (!TimerHeap.less(h[m], x)) break;
      h[i] = h[m];
      h[i].index = i;
      i = m;
    }
    h[i] = x;
    x.index = i;
  }
}
