import { describe, expect, it } from 'vitest';
import type { LambdaSimulation } from '../../model';
import { deriveTimeline, MAX_CALLER_LANES } from './timelineModel';
import { createHistory, type TimelineHistory } from './timelineHistory';
import { FAILURE_ARN, order, testCafe } from './testCafe';

/** The panel keeps one history per simulation and derives from it whenever the model changed. */
const histories = new WeakMap<LambdaSimulation, TimelineHistory>();
function derive(sim: LambdaSimulation) {
  if (!histories.has(sim)) histories.set(sim, createHistory('cafe-order'));
  return deriveTimeline(sim, histories.get(sim)!);
}

describe('timeline lanes', () => {
  it("a sync caller's lane is blocked from its call until its 200", () => {
    const sim = testCafe();
    sim.advanceBy(2_000);
    const requestId = order(sim, 'sync', 1);
    sim.advanceBy(3_000);
    const during = derive(sim).callers[0];
    expect(during).toMatchObject({ id: 'customer-1', label: 'Customer 1', kind: 'sync' });
    // Still waiting: the blocked span is open (drawn to the playhead).
    expect(during.spans).toEqual([{ kind: 'blocked', from: 2_000, to: undefined, requestId }]);
    expect(during.markers).toEqual([]);

    sim.advanceBy(10_000);
    const after = derive(sim).callers[0];
    const respondedAt = sim.invocation(requestId)!.respondedAt!;
    expect(respondedAt).toBeGreaterThan(7_000);
    expect(after.spans).toEqual([{ kind: 'blocked', from: 2_000, to: respondedAt, requestId }]);
    expect(after.markers).toMatchObject([{ kind: 'ok', t: respondedAt, label: '200' }]);
  });

  it("an async caller's lane marks 202 at the call and is never blocked", () => {
    const sim = testCafe();
    const requestId = order(sim, 'async', 1);
    sim.advanceBy(10_000);
    const lane = derive(sim).callers[0];
    expect(lane.kind).toBe('async');
    expect(lane.markers[0]).toMatchObject({ kind: 'accepted-async', t: 0, label: '202' });
    expect(lane.spans.some((s) => s.kind === 'blocked')).toBe(false);
    // The event's life after the 202: it ran (cold start first), then ended.
    const endedAt = sim.invocation(requestId)!.endedAt!;
    expect(lane.spans.at(-1)).toMatchObject({ kind: 'running', to: endedAt });
    expect(lane.spans.every((s) => s.to !== undefined)).toBe(true);
  });

  it('a throttled sync call is marked 429 at its call and never blocked', () => {
    const sim = testCafe({ ReservedConcurrentExecutions: 1 });
    order(sim, 'sync', 1);
    order(sim, 'sync', 2);
    const lane = derive(sim).callers[1];
    expect(lane.spans).toEqual([]);
    expect(lane.markers).toMatchObject([{ kind: 'rejected', t: 0, label: '429' }]);
  });

  it('a failing async event shows its retry waits, the retries and the delivery to OnFailure', () => {
    const sim = testCafe({
      Handler: { failure: { mode: 'always' } },
      DestinationConfig: { OnFailure: { Destination: FAILURE_ARN } },
    });
    order(sim, 'async', 1);
    sim.advanceBy(5 * 60_000);
    const lane = derive(sim).callers[0];
    expect(lane.spans.filter((s) => s.kind === 'retry-wait').map((s) => s.to! - s.from)).toEqual([
      60_000, 120_000,
    ]);
    expect(lane.spans.filter((s) => s.kind === 'running')).toHaveLength(3);
    expect(lane.markers.map((m) => m.kind)).toEqual([
      'accepted-async',
      'attempt-failed',
      'retry',
      'attempt-failed',
      'retry',
      'attempt-failed',
      'delivered',
    ]);
    expect(lane.markers.at(-1)!.text).toContain('OnFailure');
  });

  it(`only the ${MAX_CALLER_LANES} most recent callers get lanes; the rest are counted`, () => {
    const sim = testCafe();
    for (let i = 1; i <= 30; i++) {
      order(sim, i % 2 ? 'sync' : 'async', i);
      sim.advanceBy(100);
    }
    const data = derive(sim);
    expect(data.callers).toHaveLength(MAX_CALLER_LANES);
    expect(data.hiddenCalls).toBe(6);
    expect(data.callers[0].id).toBe('customer-7');
    expect(data.callers.at(-1)!.id).toBe('customer-30');
  });

  it('an environment lane shows its Init, its runs coloured by caller, idle time and shutdown', () => {
    const sim = testCafe();
    order(sim, 'sync', 1);
    sim.advanceBy(20_000);
    order(sim, 'async', 2);
    sim.advanceBy(20 * 60_000); // past the idle lifetime (5–15 min): shut down
    const [lane] = derive(sim).envs;
    expect(lane.env.state).toBe('shutdown');
    expect(lane.spans.map((s) => [s.kind, s.callKind])).toEqual([
      ['init', undefined],
      ['busy', 'sync'],
      ['idle', undefined],
      ['busy', 'async'],
      ['idle', undefined],
    ]);
    expect(lane.spans[1]).toMatchObject({ callerId: 'customer-1', coldStart: true });
    expect(lane.spans.at(-1)!.to).toBe(lane.env.shutdownAt);
  });

  it('the queue depth steps up while async events wait for a barista and down as they start', () => {
    const sim = testCafe({ ReservedConcurrentExecutions: 1 });
    for (let i = 1; i <= 3; i++) order(sim, 'async', i);
    sim.advanceBy(30_000);
    const { queue, queuePeak } = derive(sim);
    expect(queuePeak).toBe(2);
    expect(queue[0]).toEqual({ t: 0, queued: 2, retrying: 0 });
    expect(queue.at(-1)).toMatchObject({ queued: 0, retrying: 0 });
    // Never a zero-width spike: each step lasts.
    for (let i = 1; i < queue.length; i++) expect(queue[i].t).toBeGreaterThan(queue[i - 1].t);
  });

  it('a trace that lost its oldest events says where the record begins', () => {
    const sim = testCafe({}, { traceEvents: 100 });
    for (let i = 1; i <= 40; i++) {
      order(sim, 'async', i);
      sim.advanceBy(1_000);
    }
    const data = derive(sim);
    expect(data.truncated).toBe(true);
    expect(data.recordedFrom).toBe(sim.trace()[0].t);
    expect(data.envs[0].spans[0]).toMatchObject({ kind: 'unknown', from: 0, to: data.recordedFrom });
  });
});
