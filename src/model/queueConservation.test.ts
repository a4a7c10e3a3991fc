import { describe, expect, it } from 'vitest';
import { createLambdaSimulation } from './simulation';
import type { FunctionConfig } from './types';

// Issue #15's reproductions: the poller must keep polling after it drops the head of its queue
// without an attempt (too old, or reserved concurrency 0). Before the fix the events behind the
// dropped head stayed `queued` forever and nextEventTime() was undefined.

const ONFAILURE = 'arn:aws:sqs:us-east-1:123456789012:cafe-failed';
const fnConfig = (overrides: Partial<FunctionConfig> = {}): FunctionConfig => ({
  FunctionName: 'cafe-order',
  Timeout: 10,
  ReservedConcurrentExecutions: 1,
  DestinationConfig: { OnFailure: { Destination: ONFAILURE } },
  Handler: { durationMs: 5000 },
  ...overrides,
});

describe('every accepted async event ends (issue #15)', () => {
  it('20 events on one barista with a 60 s maximum age: every one succeeds or goes to OnFailure as EventAgeExceeded', () => {
    const sim = createLambdaSimulation({
      seed: 7,
      functions: [fnConfig({ MaximumEventAgeInSeconds: 60 })],
    });
    const ids = Array.from(
      { length: 20 },
      () =>
        sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' }, { detached: true }).requestId!,
    );
    sim.advanceBy(3_600_000);
    const records = ids.map((id) => sim.invocation(id)!);
    expect(records.filter((r) => r.state === 'queued')).toEqual([]);
    expect(sim.queueDepth('cafe-order')).toBe(0);
    // 5 s runs one at a time: events that started within the first 60 s ran (12 of them, the
    // 13th reached the head at 60 s and was too old); the others expired at the head.
    const succeeded = records.filter((r) => r.outcome === 'succeeded');
    const expired = records.filter((r) => r.outcomeReason === 'EventAgeExceeded');
    expect(succeeded.length + expired.length).toBe(20);
    expect(succeeded.length).toBe(12);
    expect(expired.every((r) => r.outcome === 'delivered' && r.destinationArn === ONFAILURE)).toBe(true);
    expect(sim.destinationRecords().filter((d) => d.kind === 'OnFailure')).toHaveLength(8);
  });

  it('the café reproduction: 5 async orders on one barista, then reserved concurrency 0 — the waiting ones go to OnFailure at once', () => {
    const sim = createLambdaSimulation({ seed: 42, functions: [fnConfig()] });
    const ids = Array.from(
      { length: 5 },
      () =>
        sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' }, { detached: true }).requestId!,
    );
    sim.putFunctionConcurrency({ FunctionName: 'cafe-order', ReservedConcurrentExecutions: 0 });
    sim.advanceBy(12 * 60_000);
    const records = ids.map((id) => sim.invocation(id)!);
    expect(records.map((r) => r.state)).not.toContain('queued');
    // The first one was already running and finishes; the four waiting ones are sent to
    // OnFailure without an attempt, as Lambda does since August 2021.
    expect(records[0].outcome).toBe('succeeded');
    for (const r of records.slice(1)) {
      expect(r.outcome).toBe('delivered');
      expect(r.outcomeReason).toBe('ZeroReservedConcurrency');
      expect(r.attempts).toBe(0);
    }
    // And a new event accepted afterwards is not stranded either.
    sim.putFunctionConcurrency({ FunctionName: 'cafe-order', ReservedConcurrentExecutions: 1 });
    const later = sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' }, { detached: true });
    sim.advanceBy(60_000);
    expect(sim.invocation(later.requestId!)!.outcome).toBe('succeeded');
  });

  it('while a dropped head leaves events behind, the model always has a next event to run', () => {
    const sim = createLambdaSimulation({
      seed: 3,
      functions: [fnConfig({ MaximumEventAgeInSeconds: 60 })],
    });
    for (let i = 0; i < 20; i++)
      sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' }, { detached: true });
    for (let guard = 0; guard < 10_000 && sim.queueDepth('cafe-order') > 0; guard++) {
      expect(sim.nextEventTime()).not.toBeUndefined();
      sim.step();
    }
    expect(sim.queueDepth('cafe-order')).toBe(0);
  });
});
