import { describe, expect, it } from 'vitest';
import { order, testCafe } from '../timeline/testCafe';
import { chartsView } from './chartsView';
import { createSeries, updateSeries } from './series';

const view = (sim: ReturnType<typeof testCafe>) =>
  chartsView(updateSeries(createSeries('cafe-order'), sim), sim.now(), sim.now());
const chart = (v: ReturnType<typeof chartsView>, id: string) => v.charts.find((c) => c.id === id)!;

describe('charts as words and paths', () => {
  it('each chart states its current values in its text alternative', () => {
    const sim = testCafe({ ReservedConcurrentExecutions: 2 });
    for (let i = 1; i <= 3; i++) order(sim, 'sync', i);
    for (let i = 4; i <= 6; i++) order(sim, 'async', i);
    sim.advanceBy(2_000);
    const v = view(sim);
    expect(chart(v, 'concurrency').summary).toBe(
      'Environments in use now: 2; peak 2. Limit: 2 (reserved concurrency).',
    );
    expect(chart(v, 'queue').summary).toBe(
      'Async events waiting now: 3 in the queue and 0 waiting to retry; peak 3.',
    );
    expect(chart(v, 'throttles').summary).toContain('1 429 response to synchronous callers');
    expect(chart(v, 'callers').summary).toMatch(
      /^Synchronous callers were blocked 4\.0 s in all over 2 orders; asynchronous callers were blocked 0 ms and free 6\.0 s over 3 orders/,
    );
    // Every chart with something to show draws it (no function errors here, so no error bars).
    for (const c of v.charts) expect(c.layers.some((l) => l.d.length > 0)).toBe(c.id !== 'errors');
  });

  it('draws the reserved limit as a line, but only names an account limit far above the use', () => {
    const reserved = testCafe({ ReservedConcurrentExecutions: 3 });
    order(reserved, 'sync', 1);
    reserved.advanceBy(1_000);
    expect(chart(view(reserved), 'concurrency').reference).toMatchObject({ label: 'limit 3' });

    const account = testCafe();
    order(account, 'sync', 1);
    account.advanceBy(1_000);
    const c = chart(view(account), 'concurrency');
    expect(c.reference).toBeUndefined();
    expect(c.summary).toContain('Limit: 1000 (account limit), far above the use, so not drawn to scale.');
  });

  it('starts the time axis where the record starts when older events were dropped', () => {
    const sim = testCafe({}, { traceEvents: 100 });
    for (let i = 1; i <= 40; i++) {
      order(sim, 'async', i);
      sim.advanceBy(1_000);
    }
    const v = view(sim);
    expect(v.recordedFrom).toBeGreaterThan(0);
    expect(v.window.start).toBe(v.recordedFrom);
  });
});
