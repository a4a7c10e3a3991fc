import { describe, expect, it } from 'vitest';
import { createLambdaSimulation } from './simulation';

/** 300 calls (a tenth without a caller) to a function with 1 place, half failing, kept up to `finishedInvocations`. */
function busyRun(finishedInvocations: number) {
  const sim = createLambdaSimulation({
    seed: 4,
    limits: { finishedInvocations },
    functions: [
      {
        FunctionName: 'f',
        ReservedConcurrentExecutions: 1,
        MaximumRetryAttempts: 0,
        Handler: { durationMs: 250, failure: { mode: 'probability', p: 0.5 } },
      },
    ],
  });
  for (let i = 0; i < 300; i++) {
    sim.advanceTo(i * 100);
    const caller = i % 10 === 9 ? {} : { callerId: `c-${i}` }; // some calls have no caller
    sim
      .invoke({ FunctionName: 'f', InvocationType: i % 3 ? 'Event' : 'RequestResponse' }, caller)
      .catch(() => 0);
  }
  sim.advanceBy(600_000);
  return sim;
}

describe('bounded memory', () => {
  it('finished invocations leave no running child actors and buffers stay bounded', () => {
    const limits = {
      traceEvents: 500,
      logEvents: 300,
      finishedInvocations: 200,
      destinationRecords: 50,
      shutdownEnvironments: 10,
    };
    const sim = createLambdaSimulation({
      seed: 9,
      limits,
      functions: [
        {
          FunctionName: 'busy',
          ReservedConcurrentExecutions: 5,
          MaximumRetryAttempts: 0,
          Timeout: 2,
          Handler: { durationMs: 300, jitterMs: 200, failure: { mode: 'probability', p: 0.2 } },
          DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:f' } },
        },
        { FunctionName: 'other', Handler: { durationMs: 100, failure: { mode: 'hang' } }, Timeout: 1 },
      ],
    });
    for (let i = 0; i < 4000; i++) {
      sim.advanceTo(i * 60);
      sim.invoke({
        FunctionName: i % 4 === 0 ? 'other' : 'busy',
        InvocationType: i % 2 ? 'Event' : 'RequestResponse',
      });
    }
    const liveEnvs = sim.environments().filter((e) => e.state !== 'shutdown').length;
    expect(sim.actorCount()).toBe(1 + 2 + liveEnvs); // the service, one queue per function, live environments
    expect(liveEnvs).toBeLessThanOrEqual(5 + 10);
    sim.advanceBy(2 * 3_600_000);
    expect(sim.stats().active).toBe(0);
    expect(sim.actorCount()).toBe(3); // every environment shut down after idling; no actor per invocation
    expect(sim.trace()).toHaveLength(limits.traceEvents);
    expect(sim.logEvents()).toHaveLength(limits.logEvents);
    expect(sim.invocations()).toHaveLength(limits.finishedInvocations);
    expect(sim.destinationRecords()).toHaveLength(limits.destinationRecords);
    expect(sim.environments().length).toBeLessThanOrEqual(limits.shutdownEnvironments);
    // Running totals are not bounded: nothing was lost, only forgotten.
    const s = sim.stats();
    expect(s.accepted + s.rejected).toBe(4000);
    expect(Object.values(s.outcomes).reduce((a, b) => a + b, 0)).toBe(s.accepted);
    // The newest events are the ones kept.
    expect(sim.trace().at(-1)?.t).toBe(Math.max(...sim.trace().map((e) => e.t)));
  });

  it('what fell out of the kept invocations is summed per function, exactly', () => {
    const all = busyRun(1_000).invocations();
    const small = busyRun(40);
    const kept = new Set(small.invocations().map((r) => r.requestId));
    const gone = all.filter((r) => !kept.has(r.requestId) && r.callerId !== undefined);
    const sync = gone.filter((r) => r.invocationType === 'RequestResponse');
    const events = gone.filter((r) => r.invocationType === 'Event');
    const ran = (rs: typeof gone) => rs.filter((r) => r.state !== 'rejected');
    expect(small.droppedInvocations('f')).toEqual({
      requestResponse: sync.length,
      event: events.length,
      rejectedRequestResponse: sync.length - ran(sync).length,
      rejectedEvent: events.length - ran(events).length,
      blockedMs: ran(sync).reduce((ms, r) => ms + r.respondedAt! - r.acceptedAt, 0),
      eventHandlingMs: ran(events).reduce((ms, r) => ms + r.endedAt! - r.acceptedAt, 0),
      discarded: gone.filter((r) => r.outcome === 'discarded').length,
    });
    expect(sync.length - ran(sync).length).toBeGreaterThan(0); // 429s were among them
    expect(small.droppedInvocations('nobody')).toMatchObject({ requestResponse: 0, event: 0 });
  });
});
