import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLambdaSimulation, type LambdaSimulation } from './simulation';
import type { FailureMode, FunctionConfig, InvokeInput, SimulationOptions } from './types';

const names = ['alpha', 'beta', 'gamma'];

const failureArb: fc.Arbitrary<FailureMode> = fc.oneof(
  fc.constant<FailureMode>({ mode: 'never' }),
  fc.constant<FailureMode>({ mode: 'always' }),
  fc.constant<FailureMode>({ mode: 'hang' }),
  fc.integer({ min: 0, max: 3 }).map((count): FailureMode => ({ mode: 'firstAttempts', count })),
  fc.double({ min: 0, max: 1, noNaN: true }).map((p): FailureMode => ({ mode: 'probability', p })),
);

const functionArb = (name: string): fc.Arbitrary<FunctionConfig> =>
  fc
    .record({
      Timeout: fc.integer({ min: 1, max: 6 }),
      reserved: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
      provisioned: fc.integer({ min: 0, max: 2 }),
      MaximumRetryAttempts: fc.integer({ min: 0, max: 2 }),
      MaximumEventAgeInSeconds: fc.integer({ min: 60, max: 900 }),
      target: fc.constantFrom('none', 'onFailure', 'dlq', 'onSuccess', 'both'),
      durationMs: fc.integer({ min: 0, max: 5000 }),
      jitterMs: fc.integer({ min: 0, max: 800 }),
      failure: failureArb,
    })
    .map((r) => ({
      FunctionName: name,
      Timeout: r.Timeout,
      ReservedConcurrentExecutions: r.reserved,
      ProvisionedConcurrentExecutions:
        r.reserved === null ? r.provisioned : Math.min(r.provisioned, r.reserved),
      MaximumRetryAttempts: r.MaximumRetryAttempts,
      MaximumEventAgeInSeconds: r.MaximumEventAgeInSeconds,
      DestinationConfig: {
        ...(r.target === 'onFailure' || r.target === 'both'
          ? { OnFailure: { Destination: `arn:aws:sqs:us-east-1:123456789012:${name}-f` } }
          : {}),
        ...(r.target === 'onSuccess' || r.target === 'both'
          ? { OnSuccess: { Destination: `arn:aws:events:us-east-1:123456789012:event-bus/${name}` } }
          : {}),
      },
      DeadLetterConfig:
        r.target === 'dlq' ? { TargetArn: `arn:aws:sns:us-east-1:123456789012:${name}-dlq` } : undefined,
      Handler: { durationMs: r.durationMs, jitterMs: r.jitterMs, failure: r.failure },
    }));

type Op =
  | {
      kind: 'invoke';
      gap: number;
      fn: number;
      type: 'RequestResponse' | 'Event' | 'DryRun';
      bad: 'none' | 'json' | 'unknown' | 'qualifier';
      tail: boolean;
    }
  | { kind: 'concurrency'; gap: number; fn: number; value: number | null }
  | { kind: 'retries'; gap: number; fn: number; value: number }
  /** Many async events at once: the queue fills behind a busy or throttled function. */
  | { kind: 'burst'; gap: number; fn: number; count: number }
  | { kind: 'eventAge'; gap: number; fn: number; value: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('invoke' as const),
      gap: fc.integer({ min: 0, max: 3000 }),
      fn: fc.integer({ min: 0, max: 2 }),
      type: fc.constantFrom('RequestResponse' as const, 'Event' as const, 'DryRun' as const),
      bad: fc.constantFrom(
        'none' as const,
        'none' as const,
        'none' as const,
        'json' as const,
        'unknown' as const,
        'qualifier' as const,
      ),
      tail: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('concurrency' as const),
      gap: fc.integer({ min: 0, max: 3000 }),
      fn: fc.integer({ min: 0, max: 2 }),
      value: fc.option(fc.integer({ min: -1, max: 5 }), { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('retries' as const),
      gap: fc.integer({ min: 0, max: 3000 }),
      fn: fc.integer({ min: 0, max: 2 }),
      value: fc.integer({ min: -1, max: 3 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('burst' as const),
      gap: fc.integer({ min: 0, max: 3000 }),
      fn: fc.integer({ min: 0, max: 2 }),
      count: fc.integer({ min: 2, max: 15 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('eventAge' as const),
      gap: fc.integer({ min: 0, max: 3000 }),
      fn: fc.integer({ min: 0, max: 2 }),
      // Mostly short ages (the ones that expire queued events), sometimes out of range.
      value: fc.oneof(fc.integer({ min: 60, max: 120 }), fc.integer({ min: 59, max: 21_601 })),
    }),
  },
);

const scenarioArb = fc.record({
  seed: fc.integer(),
  accountConcurrency: fc.integer({ min: 3, max: 12 }),
  functionCount: fc.integer({ min: 1, max: 3 }),
  functions: fc.tuple(functionArb('alpha'), functionArb('beta'), functionArb('gamma')),
  ops: fc.array(opArb, { maxLength: 40 }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * Runs the ops, skipping those in `skip`; returns the simulation and which ops were refused.
 * `after` is called after each op and at the end.
 */
function run(
  s: Scenario,
  skip: Set<number>,
  after?: (sim: LambdaSimulation) => void,
): { sim: LambdaSimulation; refused: Set<number>; accepted: string[] } {
  const functions = s.functions.slice(0, s.functionCount);
  const reservedTotal = functions.reduce((a, f) => a + (f.ReservedConcurrentExecutions ?? 0), 0);
  const options: SimulationOptions = {
    seed: s.seed,
    accountConcurrency: Math.max(s.accountConcurrency, reservedTotal),
    functions,
    limits: { traceEvents: 1_000_000, logEvents: 1_000_000, finishedInvocations: 1_000_000 },
  };
  const sim = createLambdaSimulation(options);
  const refused = new Set<number>();
  const accepted: string[] = [];
  let t = 0;
  s.ops.forEach((op, i) => {
    t += op.gap;
    if (skip.has(i)) return;
    sim.advanceTo(t);
    const name = names[op.fn % s.functionCount];
    try {
      if (op.kind === 'invoke') {
        const input: InvokeInput = {
          FunctionName: op.bad === 'unknown' ? 'missing' : name,
          InvocationType: op.type,
        };
        if (op.bad === 'json') input.Payload = '{not json';
        if (op.bad === 'qualifier') input.Qualifier = '7';
        if (op.tail) input.LogType = 'Tail';
        const before = sim.trace().length;
        const p = sim.invoke(input);
        p.catch(() => undefined);
        const newEvents = sim.trace().slice(before);
        if (newEvents.some((e) => e.type === 'invoke.rejected')) refused.add(i);
        else if (newEvents.some((e) => e.type === 'invoke.accepted')) accepted.push(p.requestId!);
      } else if (op.kind === 'burst') {
        for (let k = 0; k < op.count; k++) {
          const before = sim.trace().length;
          const p = sim.invoke({ FunctionName: name, InvocationType: 'Event' });
          p.catch(() => undefined);
          if (
            sim
              .trace()
              .slice(before)
              .some((e) => e.type === 'invoke.accepted')
          )
            accepted.push(p.requestId!);
        }
      } else if (op.kind === 'eventAge') {
        sim.putFunctionEventInvokeConfig({ FunctionName: name, MaximumEventAgeInSeconds: op.value });
      } else if (op.kind === 'concurrency') {
        sim.putFunctionConcurrency({ FunctionName: name, ReservedConcurrentExecutions: op.value });
      } else {
        sim.putFunctionEventInvokeConfig({ FunctionName: name, MaximumRetryAttempts: op.value });
      }
    } catch {
      refused.add(i); // an invalid configuration call throws and must change nothing
    }
    after?.(sim);
  });
  // Far enough: max event age ≤ 6 h, retries ≤ 3 min, backoff ≤ 5 min, idle shutdown ≤ 15 min.
  sim.advanceBy(8 * 3_600_000);
  after?.(sim);
  return { sim, refused, accepted };
}

const withoutRefusals = (sim: LambdaSimulation) => ({
  trace: sim.trace().filter((e) => e.type !== 'invoke.rejected' && e.type !== 'invoke.dryRun'),
  logs: sim.logEvents(),
  destinations: sim.destinationRecords(),
  environments: sim.environments(),
  invocations: sim.invocations().filter((i) => i.state !== 'rejected'),
  stats: { ...sim.stats(), rejected: 0, dryRuns: 0 },
});

describe('invariants (property-based)', () => {
  it('every accepted invocation ends in exactly one recorded outcome, and every rejected call changed nothing', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { sim, refused, accepted } = run(s, new Set());
        // 1. Nothing lost: each accepted invocation ended exactly once, with an outcome.
        const ended = new Map<string, number>();
        for (const e of sim.trace())
          if (e.type === 'invocation.ended')
            ended.set(e.requestId as string, (ended.get(e.requestId as string) ?? 0) + 1);
        for (const id of accepted) {
          expect(ended.get(id)).toBe(1);
          const rec = sim.invocation(id)!;
          expect(['succeeded', 'failed-returned-to-caller', 'delivered', 'discarded']).toContain(rec.outcome);
          if (rec.outcome === 'discarded') expect(rec.outcomeReason).toBeTruthy();
          if (rec.outcome === 'delivered')
            expect(sim.destinationRecords().filter((d) => d.requestId === id)).toHaveLength(1);
        }
        expect(ended.size).toBe(accepted.length);
        expect(sim.stats().active).toBe(0);
        expect(sim.queueDepth()).toBe(0);
        expect(sim.environments().every((e) => e.state === 'shutdown' || e.state === 'idle')).toBe(true);
        // 2. Rejected calls changed nothing: the same run without them is identical.
        const twin = run(s, refused).sim;
        expect(withoutRefusals(twin)).toEqual(withoutRefusals(sim));
      }),
      { numRuns: 80, seed: 20260115 },
    );
  });
});

describe('the records views read (property-based)', () => {
  it('invocationRecords(), cached between model changes, always equals the list a fresh restore builds', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        let checks = 0;
        run(s, new Set(), (sim) => {
          // Read it first (warm the cache), move the model a little, then compare with a
          // simulation restored from a snapshot, whose list is built from scratch.
          sim.invocationRecords();
          sim.advanceBy(250);
          const fresh = createLambdaSimulation({ snapshot: sim.snapshot() });
          expect(sim.invocationRecords()).toEqual(fresh.invocationRecords());
          expect(sim.invocationRecords()).toEqual(sim.invocations());
          checks++;
        });
        expect(checks).toBe(s.ops.length + 1);
      }),
      { numRuns: 40, seed: 20261202 },
    );
  });
});
