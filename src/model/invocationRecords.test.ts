import { describe, expect, it } from 'vitest';
import { cafePresetFunction } from './defaults';
import { createLambdaSimulation } from './simulation';

const NAME = 'cafe-order';

describe('invocationRecords(): the records views read at every frame, without copies', () => {
  it('follows every change: after each model event it reads as each call asked for alone', () => {
    const sim = createLambdaSimulation({
      seed: 3,
      functions: [
        cafePresetFunction({
          ReservedConcurrentExecutions: 1,
          Handler: { durationMs: 1_000, failure: { mode: 'always', errorType: 'E', errorMessage: 'm' } },
        }),
      ],
    });
    const ids = [
      sim.invoke({ FunctionName: NAME, InvocationType: 'Event' }, { callerId: 'customer-1', detached: true }),
      sim.invoke({ FunctionName: NAME }, { callerId: 'customer-2', detached: true }),
      sim.invoke({ FunctionName: NAME, InvocationType: 'Event' }, { callerId: 'customer-3', detached: true }),
    ].map((p) => p.requestId);
    const states = new Set<string>();
    for (let i = 0; i < 200 && sim.nextEventTime() !== undefined; i++) {
      sim.step();
      const records = sim.invocationRecords();
      // Read twice in one model state: the same array (nothing rebuilt, nothing copied).
      expect(sim.invocationRecords()).toBe(records);
      expect(records).toEqual(ids.map((id) => id && sim.invocation(id)));
      for (const r of records) states.add(`${r.callerId} ${r.state}`);
    }
    // The sync call was refused (429: the one allowed run was busy); both events ran and failed
    // and waited to be retried.
    expect(states).toContain('customer-2 rejected');
    expect(states).toContain('customer-1 running');
    expect(states).toContain('customer-3 retry-wait');
    expect(states).toContain('customer-3 discarded');
    expect(sim.invocationRecords()).toEqual(sim.invocations());
  });

  it('hands out frozen records, so a view cannot change what the model keeps', () => {
    const sim = createLambdaSimulation({ seed: 3, functions: [cafePresetFunction()] });
    sim.invoke({ FunctionName: NAME }, { callerId: 'customer-1', detached: true });
    sim.advanceBy(60_000);
    const [record] = sim.invocationRecords();
    expect(Object.isFrozen(record)).toBe(true);
    expect(() => {
      (record as { state: string }).state = 'queued';
    }).toThrow(TypeError);
    expect(sim.invocations()[0].state).toBe('succeeded');
  });
});

describe('invocationBlocks(): the same records in blocks a view can fold once', () => {
  it('holds every kept record once, and a restored simulation shares the sealed blocks', () => {
    const sim = createLambdaSimulation({
      seed: 9,
      limits: { finishedInvocations: 1_500 },
      functions: [cafePresetFunction({ ReservedConcurrentExecutions: 2 })],
    });
    for (let i = 1; i <= 2_000; i++) {
      sim.advanceBy(100);
      sim.invoke(
        { FunctionName: NAME, InvocationType: i % 2 ? 'Event' : 'RequestResponse' },
        { callerId: `customer-${i}`, detached: true },
      );
    }
    const { sealed, loose, active } = sim.invocationBlocks();
    const kept = [...sealed.flat(), ...loose, ...active].toSorted((a, b) => a.seq - b.seq);
    // The oldest 500 finished records fell out; the rest are all here, in acceptance order once sorted.
    expect(kept.map((k) => k.record)).toEqual(sim.invocations());
    expect(sealed.length).toBeGreaterThan(0);
    for (const block of sealed) expect(block).toHaveLength(512);
    expect(active.map((k) => k.record.state)).not.toContain('succeeded');
    const restored = createLambdaSimulation({ snapshot: sim.snapshot() });
    const again = restored.invocationBlocks();
    expect(again.sealed).toHaveLength(sealed.length);
    again.sealed.forEach((block, i) => expect(block).toBe(sealed[i]));
    // The calls still going are the same records too (built once per state, during play), and
    // read as a restore that shares nothing with the original (a structured clone) reads them.
    const records = (s: typeof sim) => s.invocationBlocks().active.map((k) => k.record);
    expect(records(restored)).toHaveLength(active.length);
    records(restored).forEach((record, i) => expect(record).toBe(active[i].record));
    const cloned = createLambdaSimulation({ snapshot: structuredClone(sim.snapshot()) });
    expect(records(cloned)).toEqual(records(restored));
    expect(records(cloned)[0]).not.toBe(records(restored)[0]);
    // The restored run goes on and finishes more calls: the shared blocks stay as they were.
    const before = sealed.map((b) => b.map((k) => k.record.requestId));
    restored.advanceBy(60_000);
    expect(sealed.map((b) => b.map((k) => k.record.requestId))).toEqual(before);
  });
});
