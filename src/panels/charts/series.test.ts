import { describe, expect, it } from 'vitest';
import { FAILURE_ARN, order, testCafe } from '../timeline/testCafe';
import { createSeries, liveCallerTime, MAX_BINS, updateSeries, type Series } from './series';

const fresh = () => createSeries('cafe-order');
const sum = (series: Series, key: 'rejected429' | 'queueThrottles' | 'errors' | 'retries') =>
  series.bins.reduce((n, b) => n + b[key], 0);

/** Two minutes of alternating orders with two baristas, folded every `updateEvery` ms. */
function playAlternating(updateEvery: number): Series {
  const sim = testCafe({ ReservedConcurrentExecutions: 2 });
  const series = fresh();
  for (let t = 0, n = 1; t < 120_000; t += 1_000) {
    if (t % 3_000 === 0) order(sim, n % 2 ? 'sync' : 'async', n++);
    sim.advanceBy(1_000);
    if ((t + 1_000) % updateEvery === 0) updateSeries(series, sim);
  }
  return updateSeries(series, sim);
}

describe('chart series', () => {
  it('concurrency in use never exceeds the reserved limit and 429s are counted', () => {
    const sim = testCafe({ ReservedConcurrentExecutions: 3 });
    const series = fresh();
    for (let i = 1; i <= 5; i++) order(sim, 'sync', i);
    for (let i = 6; i <= 9; i++) order(sim, 'async', i);
    for (let t = 0; t < 60_000; t += 500) {
      sim.advanceBy(500);
      updateSeries(series, sim);
    }
    expect(Math.max(...series.bins.map((b) => b.concurrency))).toBe(3);
    expect(series.totals.peakConcurrency).toBe(3);
    expect(series.totals.rejected429).toBe(2);
    expect(sum(series, 'rejected429')).toBe(2);
    // The async events waited behind the full kitchen: the poller was throttled, never the callers.
    expect(series.totals.queueThrottles).toBeGreaterThan(0);
    expect(sum(series, 'queueThrottles')).toBe(series.totals.queueThrottles);
    expect(Math.max(...series.bins.map((b) => b.queued))).toBe(4);
    expect(series.limits).toEqual([{ t: 0, limit: 3, source: 'reserved' }]);
  });

  it('blocked vs free totals for five sync and five async orders', () => {
    const sim = testCafe();
    const series = fresh();
    for (let i = 1; i <= 5; i++) order(sim, 'sync', i);
    for (let i = 6; i <= 10; i++) order(sim, 'async', i);
    sim.advanceBy(30_000);
    updateSeries(series, sim);
    const records = sim.invocations();
    const blocked = records
      .filter((r) => r.invocationType === 'RequestResponse')
      .reduce((ms, r) => ms + r.respondedAt! - r.acceptedAt, 0);
    const free = records
      .filter((r) => r.invocationType === 'Event')
      .reduce((ms, r) => ms + r.endedAt! - r.acceptedAt, 0);
    expect(series.totals).toMatchObject({ syncOrders: 5, asyncOrders: 5 });
    expect(series.totals.blockedMs).toBeCloseTo(blocked, 6);
    expect(series.totals.freeMs).toBeCloseTo(free, 6);
    // Each caller of the 5 s handler waits its run plus a cold start: about 26 s for five.
    expect(blocked).toBeGreaterThan(25_000);
    expect(blocked).toBeLessThan(27_000);
    const binned = series.bins.reduce((acc, b) => [acc[0] + b.blockedMs, acc[1] + b.freeMs], [0, 0]);
    expect(binned[0]).toBeCloseTo(blocked, 6);
    expect(binned[1]).toBeCloseTo(free, 6);
  });

  it('caller time keeps ticking between model events', () => {
    const sim = testCafe();
    const series = fresh();
    order(sim, 'sync', 1);
    order(sim, 'async', 2);
    sim.advanceBy(1_000);
    updateSeries(series, sim);
    expect(liveCallerTime(series, 3_000)).toEqual({ blockedMs: 3_000, freeMs: 3_000 });
  });

  it('counts function errors and the retries of a failing async event', () => {
    const sim = testCafe({
      Handler: { failure: { mode: 'always' } },
      DestinationConfig: { OnFailure: { Destination: FAILURE_ARN } },
    });
    const series = fresh();
    order(sim, 'async', 1);
    sim.advanceBy(5 * 60_000);
    updateSeries(series, sim);
    expect(series.totals).toMatchObject({ errors: 3, retries: 2, asyncOrders: 1 });
    expect(sum(series, 'errors')).toBe(3);
    expect(sum(series, 'retries')).toBe(2);
  });

  it('folding in many small updates gives the same series as one update at the end', () => {
    const often = playAlternating(1_000);
    const once = playAlternating(Infinity);
    expect(often.binMs).toBe(once.binMs);
    expect(often.bins.map((b) => [b.concurrency, b.queued, b.retrying, b.rejected429, b.errors])).toEqual(
      once.bins.map((b) => [b.concurrency, b.queued, b.retrying, b.rejected429, b.errors]),
    );
    expect(often.totals.blockedMs).toBeCloseTo(once.totals.blockedMs, 3);
    expect(often.totals.freeMs).toBeCloseTo(once.totals.freeMs, 3);
  });

  it('a long session keeps at most MAX_BINS bins, widening them', () => {
    const sim = testCafe();
    const series = fresh();
    order(sim, 'sync', 1);
    sim.advanceBy(3 * 3_600_000);
    updateSeries(series, sim);
    expect(series.bins.length).toBeLessThanOrEqual(MAX_BINS);
    expect(series.binMs * MAX_BINS).toBeGreaterThanOrEqual(3 * 3_600_000);
  });

  it('says so when older events had already been dropped from the bounded trace', () => {
    const sim = testCafe({}, { traceEvents: 200 });
    for (let i = 1; i <= 60; i++) {
      order(sim, 'async', i);
      sim.advanceBy(1_000);
    }
    const series = updateSeries(fresh(), sim);
    expect(series.truncated).toBe(true);
    expect(series.firstT).toBeGreaterThan(0);

    const small = testCafe();
    order(small, 'sync', 1);
    small.advanceBy(10_000);
    expect(updateSeries(fresh(), small).truncated).toBe(false);
  });

  it('records a change of reserved concurrency at its moment, and keeps it across a seek', () => {
    const sim = testCafe({ ReservedConcurrentExecutions: 3 });
    const series = fresh();
    sim.advanceBy(10_000);
    updateSeries(series, sim);
    sim.putFunctionConcurrency({ FunctionName: 'cafe-order', ReservedConcurrentExecutions: 1 });
    sim.advanceBy(5_000);
    updateSeries(series, sim);
    sim.deleteFunctionConcurrency({ FunctionName: 'cafe-order' });
    updateSeries(series, sim);
    expect(series.limits).toEqual([
      { t: 0, limit: 3, source: 'reserved' },
      { t: 10_000, limit: 1, source: 'reserved' },
      { t: 15_000, limit: 1000, source: 'account' },
    ]);

    // A seek to 12 s rebuilds the model: the replacement folds its whole trace at once, yet keeps
    // the history its predecessor saw (replay is deterministic).
    const replayed = testCafe({ ReservedConcurrentExecutions: 3 });
    replayed.advanceBy(10_000);
    replayed.putFunctionConcurrency({ FunctionName: 'cafe-order', ReservedConcurrentExecutions: 1 });
    replayed.advanceBy(2_000);
    expect(updateSeries(createSeries('cafe-order', series, replayed.now()), replayed).limits).toEqual(
      series.limits.slice(0, 2),
    );
  });
});
