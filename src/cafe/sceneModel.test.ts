import { describe, expect, it } from 'vitest';
import { createLambdaSimulation, type SimulationLimits } from '../model';
import { deriveScene, liveTotals } from './sceneModel';

/** A busy café: 2 baristas, a handler that fails 30 % of the time, failed events discarded. */
function busyCafe(limits: SimulationLimits) {
  const sim = createLambdaSimulation({
    seed: 21,
    limits,
    functions: [
      {
        FunctionName: 'cafe-order',
        ReservedConcurrentExecutions: 2,
        MaximumRetryAttempts: 0,
        Handler: { durationMs: 400, failure: { mode: 'probability', p: 0.3 } },
      },
    ],
  });
  for (let i = 1; i <= 600; i++) {
    sim.advanceTo(i * 150);
    sim
      .invoke(
        { FunctionName: 'cafe-order', InvocationType: i % 2 ? 'Event' : 'RequestResponse' },
        { callerId: `customer-${i}`, callerLabel: `Customer ${i}` },
      )
      .catch(() => undefined);
  }
  sim.advanceBy(60_000);
  return sim;
}

describe('the café totals in long sessions', () => {
  it('count every order and all caller time even after the model dropped the oldest records', () => {
    const everything = deriveScene(busyCafe({ finishedInvocations: 10_000 }), 'cafe-order');
    const forgetful = busyCafe({ finishedInvocations: 50 });
    expect(forgetful.invocations()).toHaveLength(50); // 550 of the 600 records are gone…
    const scene = deriveScene(forgetful, 'cafe-order');
    // …and yet the café's numbers are the ones it would show with every record kept.
    expect(scene.totals.syncOrders).toBe(300);
    expect(scene.totals.syncOrders).toBe(everything.totals.syncOrders);
    expect(scene.totals.asyncOrders).toBe(everything.totals.asyncOrders);
    expect(liveTotals(scene.totals, scene.now)).toEqual(liveTotals(everything.totals, everything.now));
    expect(scene.discardedCount).toBe(everything.discardedCount);
    expect(scene.discardedCount).toBeGreaterThan(0);
    // Throttled calls were part of it: a sync 429 counts as a sync order blocked 0 ms.
    expect(forgetful.stats().rejected).toBeGreaterThan(0);
  });
});
