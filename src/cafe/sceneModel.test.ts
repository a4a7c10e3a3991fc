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

/** One async order to a café with the given destinations, run to its end. */
function cafeWith(config: { onSuccess?: boolean; failing?: boolean }) {
  const sim = createLambdaSimulation({
    seed: 5,
    functions: [
      {
        FunctionName: 'cafe-order',
        Timeout: 10,
        MaximumRetryAttempts: 0,
        DestinationConfig: {
          ...(config.onSuccess
            ? { OnSuccess: { Destination: 'arn:aws:sqs:us-east-1:123456789012:served' } }
            : {}),
          OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' },
        },
        Handler: { failure: config.failing ? { mode: 'always' } : { mode: 'never' } },
      },
    ],
  });
  sim.invoke(
    { FunctionName: 'cafe-order', InvocationType: 'Event' },
    { callerId: 'customer-1', detached: true },
  );
  sim.advanceBy(60_000);
  return deriveScene(sim, 'cafe-order');
}

describe('where an async result goes (the caller is never told)', () => {
  it('without an OnSuccess destination the result reaches nobody, and the scene says so (not "the logs")', () => {
    const scene = cafeWith({});
    const [customer] = scene.tables;
    expect(customer).toMatchObject({ kind: 'async', status: 'effect', outcome: 'result-nobody' });
    expect(customer.outcomeNote).toMatch(/reached nobody/);
    expect(customer.outcomeNote).not.toMatch(/log/i);
    expect(scene.resultNobodyCount).toBe(1);
    expect(scene.onSuccessCount).toBe(0);
  });

  it('with OnSuccess the result goes to the destination, not to the caller', () => {
    const scene = cafeWith({ onSuccess: true });
    expect(scene.tables[0]).toMatchObject({ status: 'effect', outcome: 'result-onsuccess' });
    expect(scene.onSuccessCount).toBe(1);
    expect(scene.resultNobodyCount).toBe(0);
  });

  it('a failed event is an outcome of its own, beside the 202 the caller got', () => {
    const scene = cafeWith({ failing: true });
    expect(scene.tables[0]).toMatchObject({
      status: 'failed',
      statusCode: 202,
      outcome: 'failed-destination',
    });
    expect(scene.tables[0].outcomeNote).toMatch(/OnFailure \(RetriesExhausted\)/);
  });

  it('async callers are blocked 0 ms: the 202 comes at the moment the event is accepted', () => {
    const scene = cafeWith({});
    expect(scene.totals.asyncOrders).toBe(1);
    expect(scene.totals.asyncBlockedMs).toBe(0);
    expect(liveTotals(scene.totals, scene.now).freeMs).toBeGreaterThan(5_000);
  });
});

describe('who each zone draws in a busy café', () => {
  it('the counter and the tables show who has waited longest; "leaving" shows who just left, newest first', () => {
    const sim = createLambdaSimulation({
      seed: 4,
      functions: [
        { FunctionName: 'cafe-order', ReservedConcurrentExecutions: 1, Handler: { durationMs: 2_000 } },
      ],
    });
    // 20 sync callers at once: one runs, the rest are turned away (429) at once.
    for (let i = 1; i <= 20; i++)
      sim.invoke({ FunctionName: 'cafe-order' }, { callerId: `customer-${i}`, detached: true });
    // Then 30 async events, a few ms apart, that queue behind the one barista.
    for (let i = 21; i <= 50; i++) {
      sim.advanceBy(5);
      sim.invoke(
        { FunctionName: 'cafe-order', InvocationType: 'Event' },
        { callerId: `customer-${i}`, detached: true },
      );
    }
    const scene = deriveScene(sim, 'cafe-order');
    expect(scene.counter.map((c) => c.number)).toEqual([1]);
    expect(scene.leaving.map((c) => c.number)).toEqual([20, 19, 18, 17, 16, 15]);
    expect(scene.leaving.every((c) => c.status === 'turnedAway' && c.statusCode === 429)).toBe(true);
    expect(scene.tables.map((c) => c.number)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);
    expect(scene.tablesHidden).toBe(30 - 12);
  });

  it('a terminal caller that retried is drawn once, as its latest call', () => {
    const sim = createLambdaSimulation({
      seed: 4,
      functions: [
        { FunctionName: 'cafe-order', ReservedConcurrentExecutions: 1, Handler: { durationMs: 500 } },
      ],
    });
    sim.invoke({ FunctionName: 'cafe-order' }, { callerId: 'customer-1', detached: true });
    // The CLI's first attempt is throttled; it retries under the same caller id and is served.
    const first = sim.invoke({ FunctionName: 'cafe-order' }, { callerId: 'terminal-1', detached: true });
    sim.advanceBy(1_000);
    const retry = sim.invoke({ FunctionName: 'cafe-order' }, { callerId: 'terminal-1', detached: true });
    sim.advanceBy(1_000);
    const scene = deriveScene(sim, 'cafe-order');
    const terminal = scene.leaving.filter((c) => c.id === 'terminal-1');
    expect(terminal).toHaveLength(1);
    expect(terminal[0]).toMatchObject({ requestId: retry.requestId, status: 'served', short: 'T1' });
    expect(sim.invocation(first.requestId!)?.state).toBe('rejected');
  });
});
