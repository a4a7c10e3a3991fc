import { describe, expect, it } from 'vitest';
import { createSeekScheduler, type SchedulerClock } from './seekScheduler';

/** A hand-driven clock and a seek that settles when the test says so. */
function harness() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const clock: SchedulerClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => void timers.splice(timers.indexOf(handle as (typeof timers)[0]), 1),
  };
  const seeks: number[] = [];
  const settle: (() => void)[] = [];
  const settled: number[] = [];
  const scheduler = createSeekScheduler(
    (t) => {
      seeks.push(t);
      return new Promise<void>((resolve) => settle.push(resolve));
    },
    150,
    clock,
    () => settled.push(seeks.at(-1)!),
  );
  return {
    scheduler,
    seeks,
    settled,
    async advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((x) => x.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.fn();
      }
      await Promise.resolve();
    },
    async finishSeek() {
      settle.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('seeking while dragging', () => {
  it('seeks at most once per 150 ms and never runs two seeks at once, always to the latest position', async () => {
    const h = harness();
    h.scheduler.request(1_000);
    expect(h.seeks).toEqual([1_000]);
    h.scheduler.request(2_000);
    h.scheduler.request(3_000);
    await h.advance(200);
    expect(h.seeks).toEqual([1_000]); // the first seek is still replaying
    expect(h.scheduler.pending()).toBe(3_000);
    await h.finishSeek();
    expect(h.seeks).toEqual([1_000, 3_000]);
    expect(h.settled).toEqual([]);
    await h.finishSeek();
    expect(h.scheduler.pending()).toBeUndefined();
    expect(h.settled).toEqual([3_000]); // only now may the playhead follow the clock again
  });

  it('a release seeks to where the pointer was let go as soon as the running seek ends', async () => {
    const h = harness();
    h.scheduler.request(1_000);
    await h.finishSeek();
    h.scheduler.request(4_000); // within 150 ms of the last: waits
    expect(h.seeks).toEqual([1_000]);
    h.scheduler.request(5_000, true);
    expect(h.seeks).toEqual([1_000, 5_000]);
  });

  it('waits out the interval while dragging, then seeks the latest position', async () => {
    const h = harness();
    h.scheduler.request(1_000);
    await h.finishSeek();
    h.scheduler.request(2_000);
    h.scheduler.request(2_500);
    await h.advance(100);
    expect(h.seeks).toEqual([1_000]);
    await h.advance(60);
    expect(h.seeks).toEqual([1_000, 2_500]);
  });

  it('cancelling drops a waiting position but keeps working (StrictMode runs cleanups on mount)', async () => {
    const h = harness();
    h.scheduler.request(1_000);
    await h.finishSeek();
    h.scheduler.request(2_000);
    h.scheduler.cancel();
    await h.advance(200);
    expect(h.seeks).toEqual([1_000]);
    h.scheduler.request(3_000, true);
    expect(h.seeks).toEqual([1_000, 3_000]);
  });
});
