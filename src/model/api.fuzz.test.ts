import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cafePresetFunction } from './defaults';
import { LambdaServiceError } from './errors';
import { createLambdaSimulation, type LambdaSimulation } from './simulation';
import { fuzzRuns, reportFuzz } from '../fuzz/fuzzRuns';

// Fuzzing the model's public API (#15 item 7): random sequences of valid and invalid calls, with
// arguments a plain JavaScript caller could pass (wrong types, BigInts, Symbols, huge numbers,
// nulls). Nothing may throw but a LambdaServiceError or a RangeError; every accepted invocation
// ends with exactly one outcome; a valid call still works afterwards.
// `npm run fuzz` runs ≥ 10,000 calls (FUZZ_CASES; a session holds ~6 calls); `npm test` a short pass.

/** The test runner's environment (the app's types have no Node globals). */
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const RUNS = fuzzRuns(300, 6);

const weird = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    0,
    -1,
    1.5,
    Number.NaN,
    Infinity,
    -Infinity,
    1e16,
    8.64e15,
    '',
    '10',
    'abc',
    ' ',
    [],
    [1],
    {},
    { a: 1 },
    true,
    false,
    10n,
    Symbol('s'),
    () => 0,
    'x'.repeat(5000),
    'arn:aws:lambda:us-east-1:123456789012:function:cafe-order',
    '123456789012:function:cafe-order:$LATEST',
    'cafe-order:prod',
    Object.create(null) as unknown,
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
);

const functionName = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom<unknown>(
      'cafe-order',
      'arn:aws:lambda:us-east-1:123456789012:function:cafe-order',
    ),
  },
  { weight: 1, arbitrary: weird },
);
const invocationType = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom<unknown>('RequestResponse', 'Event', 'Event', 'DryRun', undefined),
  },
  { weight: 1, arbitrary: weird },
);
const payload = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(undefined, '{"order":1}', '"latte"', '[1,2]') },
  { weight: 1, arbitrary: weird },
  { weight: 1, arbitrary: fc.json() },
);
const maybe = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: valid as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: weird });

type Call = (sim: LambdaSimulation, accepted: Set<string>) => unknown;

const callArb: fc.Arbitrary<Call> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        FunctionName: functionName,
        InvocationType: invocationType,
        Payload: payload,
        Qualifier: fc.oneof(
          { weight: 6, arbitrary: fc.constant<unknown>(undefined) },
          { weight: 1, arbitrary: weird },
        ),
        LogType: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom<unknown>(undefined, 'Tail') },
          { weight: 1, arbitrary: weird },
        ),
        options: fc.oneof(
          {
            weight: 4,
            arbitrary: fc.constantFrom<unknown>(undefined, { callerId: 'c' }, { detached: true }),
          },
          { weight: 1, arbitrary: weird },
        ),
        inputIsWeird: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
        weirdInput: weird,
      })
      .map((r): Call => (sim, accepted) => {
        const input = r.inputIsWeird
          ? r.weirdInput
          : {
              FunctionName: r.FunctionName,
              InvocationType: r.InvocationType,
              Payload: r.Payload,
              Qualifier: r.Qualifier,
              LogType: r.LogType,
            };
        const p = sim.invoke(input as never, r.options as never);
        p.catch(() => undefined);
        const id = p.requestId;
        if (id !== undefined) {
          const record = sim.invocation(id);
          if (record && record.state !== 'rejected') accepted.add(id);
        }
        return id;
      }),
  },
  {
    weight: 3,
    arbitrary: maybe(fc.integer({ min: 0, max: 20_000 })).map(
      (ms): Call =>
        (sim) =>
          sim.advanceBy(ms as number),
    ),
  },
  {
    weight: 1,
    arbitrary: maybe(fc.integer({ min: 0, max: 60_000 })).map(
      (t): Call =>
        (sim) =>
          sim.advanceTo(t as number),
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        FunctionName: functionName,
        Timeout: maybe(fc.integer({ min: 1, max: 12 })),
        MemorySize: maybe(fc.constantFrom(128, 256)),
        Handler: maybe(
          fc.record({
            durationMs: maybe(fc.integer({ min: 0, max: 6000 })),
            failure: maybe(
              fc.constantFrom(
                { mode: 'never' },
                { mode: 'always' },
                { mode: 'hang' },
                { mode: 'probability', p: 0.3 },
              ),
            ),
          }),
        ),
        whole: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        weirdArg: weird,
      })
      .map(
        (r): Call =>
          (sim) =>
            sim.updateFunctionConfiguration(
              (r.whole
                ? r.weirdArg
                : {
                    FunctionName: r.FunctionName,
                    Timeout: r.Timeout,
                    MemorySize: r.MemorySize,
                    Handler: r.Handler,
                  }) as never,
            ),
      ),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        FunctionName: functionName,
        MaximumRetryAttempts: maybe(fc.integer({ min: 0, max: 2 })),
        MaximumEventAgeInSeconds: maybe(fc.integer({ min: 60, max: 600 })),
        DestinationConfig: maybe(
          fc.constantFrom({}, { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:f' } }),
        ),
        whole: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        weirdArg: weird,
      })
      .map(
        (r): Call =>
          (sim) =>
            sim.putFunctionEventInvokeConfig(
              (r.whole
                ? r.weirdArg
                : {
                    FunctionName: r.FunctionName,
                    MaximumRetryAttempts: r.MaximumRetryAttempts,
                    MaximumEventAgeInSeconds: r.MaximumEventAgeInSeconds,
                    DestinationConfig: r.DestinationConfig,
                  }) as never,
            ),
      ),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        FunctionName: functionName,
        value: maybe(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null })),
      })
      .map(
        (r): Call =>
          (sim) =>
            sim.putFunctionConcurrency({
              FunctionName: r.FunctionName,
              ReservedConcurrentExecutions: r.value,
            } as never),
      ),
  },
  {
    weight: 1,
    arbitrary: weird.map(
      (w): Call =>
        (sim) =>
          sim.deleteFunctionConcurrency(w as never),
    ),
  },
  {
    weight: 1,
    arbitrary: maybe(fc.integer({ min: 4, max: 20 })).map(
      (n): Call =>
        (sim) =>
          sim.setAccountConcurrency(n as number),
    ),
  },
  {
    weight: 2,
    arbitrary: weird.map((w): Call => (sim) => {
      // Reads take anything and never throw.
      sim.getFunctionConfiguration('cafe-order');
      sim.invocation(w as never);
      sim.response(w as never);
      sim.context(w as never);
      sim.queueDepth(w as never);
      sim.droppedInvocations(w as never);
      sim.logEvents(w as never);
      sim.invocations();
      sim.environments();
      sim.destinationRecords();
      sim.stats();
      return sim.trace().length;
    }),
  },
  {
    weight: 1,
    arbitrary: weird.map(
      (w): Call =>
        (sim) =>
          sim.getFunctionConfiguration(w as never),
    ),
  },
);

function run(calls: Call[]) {
  const sim = createLambdaSimulation({
    seed: 1,
    accountConcurrency: 8,
    functions: [cafePresetFunction({ ReservedConcurrentExecutions: 2, MaximumEventAgeInSeconds: 300 })],
    limits: { traceEvents: 1_000_000, finishedInvocations: 1_000_000 },
  });
  const accepted = new Set<string>();
  let refusals = 0;
  for (const call of calls) {
    try {
      call(sim, accepted);
    } catch (e) {
      if (!(e instanceof LambdaServiceError) && !(e instanceof RangeError)) throw e;
      refusals++;
    }
  }
  return { sim, accepted, refusals };
}

describe('model API fuzz (random valid and invalid calls)', () => {
  it(`${RUNS} random sessions: only Lambda's exceptions or RangeErrors, every accepted event ends once, and the model keeps working`, async () => {
    let callCount = 0;
    let acceptedCount = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(callArb, { minLength: 1, maxLength: 40 }), async (calls) => {
        callCount += calls.length;
        const { sim, accepted } = run(calls);
        acceptedCount += accepted.size;
        // Long enough for anything to end: event age ≤ 5 min here, retries, back-off, idle shutdowns.
        sim.advanceBy(3 * 3_600_000);
        const ended = new Map<string, number>();
        for (const e of sim.trace())
          if (e.type === 'invocation.ended')
            ended.set(String(e.requestId), (ended.get(String(e.requestId)) ?? 0) + 1);
        for (const id of accepted) expect(ended.get(id), `invocation ${id}`).toBe(1);
        expect(sim.stats().active).toBe(0);
        // The next valid calls work.
        sim.putFunctionConcurrency({ FunctionName: 'cafe-order', ReservedConcurrentExecutions: null });
        sim.setAccountConcurrency(8);
        sim.updateFunctionConfiguration({
          FunctionName: 'cafe-order',
          Timeout: 10,
          Handler: { failure: { mode: 'never' }, durationMs: 100 },
        });
        const event = await sim.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' });
        expect(event.StatusCode).toBe(202);
        const sync = sim.invoke({ FunctionName: 'cafe-order' });
        sim.advanceBy(20_000);
        expect((await sync).StatusCode).toBe(200);
      }),
      { numRuns: RUNS, seed: Number(env.FUZZ_SEED ?? 20260115) },
    );
    reportFuzz('model API', {
      calls: callCount,
      sessions: RUNS,
      crashes: 0,
      'events accepted': acceptedCount,
      'stranded events': 0,
    });
  }, 600_000);
});
