/**
 * A buffer that keeps the newest `capacity` items, oldest first, stored in fixed-size chunks.
 * A full chunk is never written again, so a snapshot shares the full chunks with the live buffer
 * and copies only the newest, partly filled one: snapshotting a 20,000-event trace copies at most
 * CHUNK items, and ten checkpoints of one session hold each event once.
 */
const CHUNK = 512;

/** A buffer's contents as plain data (inside a simulation snapshot; never mutated). */
export interface RingBufferSnapshot<T> {
  capacity: number;
  total: number;
  /** Index, in chunks[0], of the oldest kept item. */
  head: number;
  count: number;
  chunks: T[][];
}

export class RingBuffer<T> {
  private chunks: T[][] = [];
  private head = 0;
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
  }

  static restore<T>(snapshot: RingBufferSnapshot<T>, onDrop?: (item: T) => void): RingBuffer<T> {
    const buffer = new RingBuffer<T>(snapshot.capacity, onDrop);
    const chunks = snapshot.chunks.slice();
    // The newest chunk is written to again: copy it, so the snapshot stays as it was.
    if (chunks.length > 0) chunks[chunks.length - 1] = chunks[chunks.length - 1].slice();
    buffer.chunks = chunks;
    buffer.head = snapshot.head;
    buffer.count = snapshot.count;
    buffer.total = snapshot.total;
    return buffer;
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    this.total++;
    const last = this.chunks[this.chunks.length - 1];
    if (last !== undefined && last.length < CHUNK) last.push(item);
    else this.chunks.push([item]);
    if (this.count < this.capacity) {
      this.count++;
      return;
    }
    const first = this.chunks[0];
    this.onDrop?.(first[this.head]);
    this.head++;
    if (this.head === CHUNK) {
      this.chunks.shift();
      this.head = 0;
    }
  }

  /** Item `i` (0 = oldest kept). */
  private at(i: number): T {
    const k = this.head + i;
    return this.chunks[Math.floor(k / CHUNK)][k % CHUNK];
  }

  /** The newest item matching `test`, searching from the newest end without copying. */
  findLast(test: (item: T) => boolean): T | undefined {
    for (let i = this.count - 1; i >= 0; i--) {
      const item = this.at(i);
      if (test(item)) return item;
    }
    return undefined;
  }

  toArray(): T[] {
    const out: T[] = Array.from({ length: this.count });
    let i = 0;
    for (let c = 0; c < this.chunks.length && i < this.count; c++) {
      const chunk = this.chunks[c];
      for (let j = c === 0 ? this.head : 0; j < chunk.length && i < this.count; j++) out[i++] = chunk[j];
    }
    return out;
  }

  /**
   * The kept items as blocks: `sealed` are whole chunks that are never written again (a snapshot
   * and every buffer restored from it share them, by identity), `loose` the rest (the oldest
   * chunk once items fall out of it, and the newest, still filling), oldest first throughout.
   * Readers that fold over every item may keep a result per sealed block.
   */
  blocks(): { sealed: readonly (readonly T[])[]; loose: T[] } {
    const sealed: T[][] = [];
    const loose: T[] = [];
    let left = this.count;
    for (let c = 0; c < this.chunks.length && left > 0; c++) {
      const chunk = this.chunks[c];
      const from = c === 0 ? this.head : 0;
      const n = Math.min(chunk.length - from, left);
      if (from === 0 && n === CHUNK) sealed.push(chunk);
      else for (let j = from; j < from + n; j++) loose.push(chunk[j]);
      left -= n;
    }
    return { sealed, loose };
  }

  /** The contents as plain data; full chunks are shared (never written again), the newest is copied. */
  snapshot(): RingBufferSnapshot<T> {
    const chunks = this.chunks.slice();
    if (chunks.length > 0) chunks[chunks.length - 1] = chunks[chunks.length - 1].slice();
    return { capacity: this.capacity, total: this.total, head: this.head, count: this.count, chunks };
  }
}
