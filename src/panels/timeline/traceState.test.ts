import { describe, expect, it } from 'vitest';
import { applyTraceEvent, createTraceState } from './traceState';
import { FAILURE_ARN, order, testCafe } from './testCafe';

describe('folding the trace', () => {
  it('agrees with the model at every step: queue depth, environments in use, callers blocked and free', () => {
    const sim = testCafe({
      ReservedConcurrentExecutions: 2,
      Handler: { durationMs: 3_000, failure: { mode: 'firstAttempts', count: 1 } },
      DestinationConfig: { OnFailure: { Destination: FAILURE_ARN } },
    });
    const state = createTraceState('cafe-order');
    sim.subscribe((events) => events.forEach((e) => applyTraceEvent(state, e)));
    let n = 0;
    for (let i = 0; i < 400 && (n < 12 || sim.nextEventTime() !== undefined); i++) {
      if (n < 12 && i % 3 === 0) order(sim, ++n % 3 ? 'async' : 'sync', n);
      else sim.step();
      const records = sim.invocations();
      expect(state.queued + state.retrying).toBe(sim.queueDepth('cafe-order'));
      expect(state.envsInUse.size).toBe(
        sim.environments().filter((e) => e.state === 'busy' || e.state === 'initializing').length,
      );
      expect(state.syncWaiting.size).toBe(
        records.filter(
          (r) =>
            r.invocationType === 'RequestResponse' && r.state !== 'rejected' && r.respondedAt === undefined,
        ).length,
      );
      expect(state.asyncEvents.size).toBe(
        records.filter((r) => r.invocationType === 'Event' && r.endedAt === undefined).length,
      );
    }
    expect(n).toBe(12);
    expect(state.asyncEvents.size + state.syncWaiting.size + state.envsInUse.size).toBe(0);
  });
});
