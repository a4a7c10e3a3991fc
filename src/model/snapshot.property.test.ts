import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cafePresetFunction } from './defaults';
import { createLambdaSimulation, type LambdaSimulation } from './simulation';
import type { FailureMode, FunctionConfig, InvokeInput } from './types';

// A snapshot taken at any moment continues exactly as the simulation it came from: the same
// trace, logs, records, destination records, environments and totals, byte for byte — with
// runs in progress, retry clocks, idle lifetimes, throttle back-offs, queued events and the
// random generators all carried in plain data.

const names = ['alpha', 'beta'];

const failureArb: fc.Arbitrary<FailureMode> = fc.oneof(
  fc.constant<FailureMode>({ mode: 'never' }),
  fc.constant<FailureMode>({ mode: 'always' }),
  fc.constant<FailureMode>({ mode: 'hang' }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((p): FailureMode => ({ mode: 'probability', p })),
);

const functionArb = (name: string): fc.Arbitrary<FunctionConfig> =>
  fc
    .record({
      Timeout: fc.integer({ min: 1, max: 6 }),
      reserved: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      provisioned: fc.integer({ min: 0, max: 1 }),
      retries: fc.integer({ min: 0, max: 2 }),
      age: fc.integer({ min: 60, max: 400 }),
      target: fc.constantFrom('none', 'onFailure', 'dlq', 'onSuccess'),
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
      MaximumRetryAttempts: r.retries,
      MaximumEventAgeInSeconds: r.age,
      DestinationConfig: {
        ...(r.target === 'onFailure'
          ? { OnFailure: { Destination: `arn:aws:sqs:us-east-1:123456789012:${name}-f` } }
          : {}),
        ...(r.target === 'onSuccess'
          ? { OnSuccess: { Destination: `arn:aws:sns:us-east-1:123456789012:${name}-ok` } }
          : {}),
      },
      DeadLetterConfig:
        r.target === 'dlq' ? { TargetArn: `arn:aws:sqs:us-east-1:123456789012:${name}-dlq` } : undefined,
      Handler: { durationMs: r.durationMs, jitterMs: r.jitterMs, failure: r.failure },
    }));

type Op =
  | {
      kind: 'invoke';
      gap: number;
      fn: number;
      type: 'RequestResponse' | 'Event' | 'DryRun';
      tail: boolean;
      bad: boolean;
    }
  | { kind: 'burst'; gap: number; fn: number; count: number }
  | { kind: 'concurrency'; gap: number; fn: number; value: number | null }
  | { kind: 'timeout'; gap: number; fn: number; value: number }
  | { kind: 'eventAge'; gap: number; fn: number; value: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('invoke' as const),
      gap: fc.integer({ min: 0, max: 4000 }),
      fn: fc.integer({ min: 0, max: 1 }),
      type: fc.constantFrom(
        'RequestResponse' as const,
        'Event' as const,
        'Event' as const,
        'DryRun' as const,
      ),
      tail: fc.boolean(),
      bad: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('burst' as const),
      gap: fc.integer({ min: 0, max: 4000 }),
      fn: fc.integer({ min: 0, max: 1 }),
      count: fc.integer({ min: 2, max: 10 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('concurrency' as const),
      gap: fc.integer({ min: 0, max: 4000 }),
      fn: fc.integer({ min: 0, max: 1 }),
      value: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('timeout' as const),
      gap: fc.integer({ min: 0, max: 4000 }),
      fn: fc.integer({ min: 0, max: 1 }),
      value: fc.integer({ min: 1, max: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('eventAge' as const),
      gap: fc.integer({ min: 0, max: 4000 }),
      fn: fc.integer({ min: 0, max: 1 }),
      value: fc.integer({ min: 60, max: 300 }),
    }),
  },
);

const sessionArb = fc.record({
  seed: fc.integer(),
  accountConcurrency: fc.integer({ min: 4, max: 10 }),
  functions: fc.tuple(functionArb('alpha'), functionArb('beta')),
  ops: fc.array(opArb, { minLength: 1, maxLength: 30 }),
  /** Where the snapshot is taken: before op `at` (or at the end of the ops), plus some extra time. */
  at: fc.nat(),
  extraMs: fc.integer({ min: 0, max: 9000 }),
});

type Session = typeof sessionArb extends fc.Arbitrary<infer T> ? T : never;

function apply(sim: LambdaSimulation, op: Op): void {
  const name = names[op.fn];
  try {
    if (op.kind === 'invoke') {
      const input: InvokeInput = { FunctionName: name, InvocationType: op.type, Payload: `{"n":${op.gap}}` };
      if (op.tail) input.LogType = 'Tail';
      if (op.bad) input.Payload = '{oops';
      sim.invoke(input).catch(() => undefined);
    } else if (op.kind === 'burst') {
      for (let k = 0; k < op.count; k++)
        sim.invoke({ FunctionName: name, InvocationType: 'Event' }, { detached: true });
    } else if (op.kind === 'concurrency') {
      sim.putFunctionConcurrency({ FunctionName: name, ReservedConcurrentExecutions: op.value });
    } else if (op.kind === 'timeout') {
      sim.updateFunctionConfiguration({ FunctionName: name, Timeout: op.value });
    } else {
      sim.putFunctionEventInvokeConfig({ FunctionName: name, MaximumEventAgeInSeconds: op.value });
    }
  } catch {
    // A refused configuration changes nothing (the reserved total may exceed the account).
  }
}

function create(s: Session): LambdaSimulation {
  const reserved = s.functions.reduce((a, f) => a + (f.ReservedConcurrentExecutions ?? 0), 0);
  return createLambdaSimulation({
    seed: s.seed,
    accountConcurrency: Math.max(s.accountConcurrency, reserved),
    functions: [...s.functions],
    limits: { traceEvents: 50_000, logEvents: 50_000, finishedInvocations: 50_000 },
  });
}

/** Runs ops [from, to) starting at time `t0`; returns the time reached. */
function runOps(sim: LambdaSimulation, s: Session, from: number, to: number, t0: number): number {
  let t = t0;
  for (let i = from; i < to; i++) {
    t += s.ops[i].gap;
    sim.advanceTo(t);
    apply(sim, s.ops[i]);
  }
  return t;
}

const observable = (sim: LambdaSimulation) =>
  JSON.stringify({
    now: sim.now(),
    trace: sim.trace(),
    logs: sim.logEvents(),
    invocations: sim.invocations(),
    destinations: sim.destinationRecords(),
    environments: sim.environments(),
    stats: sim.stats(),
    next: sim.nextEventTime() ?? null,
    queue: sim.queueDepth(),
    configs: sim.listFunctions(),
  });

describe('snapshots (property-based)', () => {
  it('snapshot at a random moment → restore → run on gives the same simulation as never snapshotting, also through structuredClone', () => {
    fc.assert(
      fc.property(sessionArb, (s) => {
        const at = s.at % (s.ops.length + 1);
        const straight = create(s);
        const tAt = runOps(straight, s, 0, at, 0);
        straight.advanceBy(s.extraMs);
        const snapshot = straight.snapshot();
        const cloned = structuredClone(snapshot);
        const restored = createLambdaSimulation({ snapshot });
        const fromClone = createLambdaSimulation({ snapshot: cloned });
        // Right after restoring, everything observable is the same.
        expect(observable(restored)).toBe(observable(straight));
        // And every moment after it: the rest of the session, then long enough for everything to end.
        const t = tAt + s.extraMs;
        for (const sim of [straight, restored, fromClone]) {
          runOps(sim, s, at, s.ops.length, t);
          sim.advanceBy(3 * 3_600_000);
        }
        const expected = observable(straight);
        expect(observable(restored)).toBe(expected);
        expect(observable(fromClone)).toBe(expected);
      }),
      { numRuns: 120, seed: 20260301 },
    );
  });

  it('restoring twice from one snapshot gives two independent simulations; the snapshot itself never changes', () => {
    const sim = createLambdaSimulation({
      seed: 3,
      functions: [cafePresetFunction({ ReservedConcurrentExecutions: 1 })],
    });
    for (let i = 0; i < 6; i++)
      sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' }, { detached: true });
    sim.advanceBy(2_000);
    const snapshot = sim.snapshot();
    const frozen = JSON.stringify(structuredClone(snapshot));
    const a = createLambdaSimulation({ snapshot });
    const b = createLambdaSimulation({ snapshot });
    a.invoke({ FunctionName: 'cafe-order' }, { detached: true });
    a.advanceBy(600_000);
    sim.advanceBy(600_000);
    expect(JSON.stringify(structuredClone(snapshot))).toBe(frozen);
    b.advanceBy(600_000);
    expect(JSON.stringify(b.trace())).toBe(JSON.stringify(sim.trace()));
    expect(a.trace().length).toBeGreaterThan(b.trace().length);
  });
});

describe('a restored simulation and the callers that were waiting', () => {
  it('a sync call in progress at the snapshot is answered in the restored simulation’s records and response(), not by the old promise', async () => {
    const sim = createLambdaSimulation({ seed: 7, functions: [cafePresetFunction()] });
    const call = sim.invoke({ FunctionName: 'cafe-order', LogType: 'Tail' }, { callerId: 'T1' });
    sim.advanceBy(2_000);
    const restored = createLambdaSimulation({ snapshot: sim.snapshot() });
    expect(restored.response(call.requestId!)).toBeUndefined();
    expect(restored.invocation(call.requestId!)).toMatchObject({ state: 'running', callerId: 'T1' });
    const answers: unknown[] = [];
    restored.subscribe((events) => {
      for (const e of events)
        if (e.type === 'invoke.responded' && e.requestId === call.requestId)
          answers.push(restored.response(call.requestId!));
    });
    restored.advanceBy(10_000);
    sim.advanceBy(10_000);
    const original = await call;
    expect(answers).toEqual([original]);
    expect(restored.response(call.requestId!)).toEqual(original);
    expect(original).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST' });
    expect(original.LogResult).toBeDefined();
  });

  it('a snapshot that is not one is refused with a clear error', () => {
    expect(() => createLambdaSimulation({ snapshot: { format: 'nope' } as never })).toThrow(
      /sim\.snapshot\(\)/,
    );
  });
});
