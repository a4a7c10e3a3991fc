/** A fixed-capacity buffer that keeps the newest `capacity` items, oldest first. */
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private start = 0;
  private count = 0;
  /** How many items were ever pushed (including the ones that fell out). */
  total = 0;

  constructor(
    readonly capacity: number,
    /** Told about each item that falls out (running totals stay exact past the capacity). */
    private readonly onDrop?: (item: T) => void,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('RingBuffer capacity must be a positive integer');
    this.items = [];
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    this.total++;
    if (this.count < this.capacity) {
      this.items[(this.start + this.count) % this.capacity] = item;
      this.count++;
    } else {
      this.onDrop?.(this.items[this.start] as T);
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** The newest item matching `test`, searching from the newest end without copying. */
  findLast(test: (item: T) => boolean): T | undefined {
    for (let i = this.count - 1; i >= 0; i--) {
      const item = this.items[(this.start + i) % this.capacity] as T;
      if (test(item)) return item;
    }
    return undefined;
  }

  toArray(): T[] {
    const out: T[] = Array.from({ length: this.count });
    for (let i = 0; i < this.count; i++) out[i] = this.items[(this.start + i) % this.capacity] as T;
    return out;
  }

  /** Items pushed after the first `total` (newest ones still held). */
  since(total: number): T[] {
    const n = Math.min(this.count, Math.max(0, this.total - total));
    const out: T[] = Array.from({ length: n });
    for (let i = 0; i < n; i++) out[i] = this.items[(this.start + this.count - n + i) % this.capacity] as T;
    return out;
  }
}

/** An unbounded FIFO with O(1) push, shift and unshift (a growable circular array). */
export class Deque<T> {
  private items: (T | undefined)[] = Array.from({ length: 16 });
  private head = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  private grow(): void {
    const next: (T | undefined)[] = Array.from({ length: this.items.length * 2 });
    for (let i = 0; i < this.count; i++) next[i] = this.items[(this.head + i) % this.items.length];
    this.items = next;
    this.head = 0;
  }

  push(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) % this.items.length] = item;
    this.count++;
  }

  unshift(item: T): void {
    if (this.count === this.items.length) this.grow();
    this.head = (this.head - 1 + this.items.length) % this.items.length;
    this.items[this.head] = item;
    this.count++;
  }

  peek(): T | undefined {
    return this.count === 0 ? undefined : this.items[this.head];
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) % this.items.length;
    this.count--;
    return item;
  }

  toArray(): T[] {
    const out: T[] = Array.from({ length: this.count });
    for (let i = 0; i < this.count; i++) out[i] = this.items[(this.head + i) % this.items.length] as T;
    return out;
  }
}
