import { describe, expect, it } from 'vitest';
import { cafePresetFunction, MODEL_LIMITS } from './defaults';
import { createLambdaSimulation } from './simulation';
import { flush, watch } from './testSupport';

describe('execution environments', () => {
  it('cold start creates an environment (Init), a later request reuses it warm', () => {
    const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
    const first = sim.invoke({ FunctionName: 'cafe-order' });
    expect(sim.environments()[0]).toMatchObject({
      state: 'initializing',
      currentRequestId: first.requestId,
      coldStart: true,
    });
    sim.advanceBy(10_000);
    expect(sim.environments()[0]).toMatchObject({ state: 'idle', invocationCount: 1 });
    const second = sim.invoke({ FunctionName: 'cafe-order' });
    expect(sim.environments()).toHaveLength(1);
    expect(sim.environments()[0]).toMatchObject({
      state: 'busy',
      currentRequestId: second.requestId,
      coldStart: false,
      busySince: 10_000,
    });
    const started = sim.trace().filter((e) => e.type === 'run.started');
    expect(started.map((e) => e.coldStart)).toEqual([true, false]);
    expect(sim.trace().filter((e) => e.type === 'env.created')).toHaveLength(1);
  });

  it('REPORT line has Init Duration only on a cold start', () => {
    const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
    const a = sim.invoke({ FunctionName: 'cafe-order' });
    sim.advanceBy(10_000);
    const b = sim.invoke({ FunctionName: 'cafe-order' });
    sim.advanceBy(10_000);
    const report = (id: string) =>
      sim.logEvents({ requestId: id }).find((e) => e.message.startsWith('REPORT'))!.message;
    expect(report(a.requestId!)).toMatch(
      /^REPORT RequestId: \S+\tDuration: 500\d\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: 75 MB\tInit Duration: 2[56]\d\.\d\d ms\t$/,
    );
    expect(report(b.requestId!)).toMatch(
      /^REPORT RequestId: \S+\tDuration: 500\d\.\d\d ms\tBilled Duration: 500\d ms\tMemory Size: 128 MB\tMax Memory Used: 75 MB\t$/,
    );
    const warm = report(b.requestId!);
    const duration = Number(/Duration: ([\d.]+) ms/.exec(warm)![1]);
    expect(Number(/Billed Duration: (\d+) ms/.exec(warm)![1])).toBe(Math.ceil(duration));
  });

  it('one request at a time: concurrent requests get their own environments', () => {
    const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
    for (let i = 0; i < 3; i++) sim.invoke({ FunctionName: 'cafe-order' });
    const envs = sim.environments();
    expect(envs.map((e) => e.id)).toEqual(['env-1', 'env-2', 'env-3']);
    expect(new Set(envs.map((e) => e.currentRequestId)).size).toBe(3);
    expect(new Set(envs.map((e) => e.logStreamName)).size).toBe(3);
  });

  it('idle environments shut down after a seeded 5–15 minutes', () => {
    const sim = createLambdaSimulation({ seed: 3, functions: [cafePresetFunction()] });
    sim.invoke({ FunctionName: 'cafe-order' });
    sim.advanceBy(10_000);
    const frozenAt = sim.trace().find((e) => e.type === 'env.frozen')!.t;
    sim.advanceBy(MODEL_LIMITS.idleShutdownMaxMs + 1000);
    const shutdown = sim.trace().find((e) => e.type === 'env.shutdown')!;
    expect(shutdown.reason).toBe('IdleTimeout');
    expect(shutdown.t - frozenAt).toBeGreaterThanOrEqual(MODEL_LIMITS.idleShutdownMinMs);
    expect(shutdown.t - frozenAt).toBeLessThanOrEqual(MODEL_LIMITS.idleShutdownMaxMs);
    expect(sim.environments()[0]).toMatchObject({ state: 'shutdown', shutdownReason: 'IdleTimeout' });
    // The next request starts cold again, in a new environment.
    sim.invoke({ FunctionName: 'cafe-order' });
    expect(sim.environments().map((e) => e.state)).toEqual(['shutdown', 'initializing']);
  });

  it("timeout logs 'Task timed out after 10.0x seconds' and resets the environment", async () => {
    const sim = createLambdaSimulation({
      seed: 4,
      functions: [cafePresetFunction({ Handler: { failure: { mode: 'hang' } } })],
    });
    const p = sim.invoke({ FunctionName: 'cafe-order' });
    const s = watch(p);
    sim.advanceBy(20_000);
    await flush();
    const lines = sim.logEvents({ requestId: p.requestId }).map((e) => e.message);
    expect(lines[0]).toBe(`START RequestId: ${p.requestId} Version: $LATEST`);
    expect(lines[1]).toMatch(
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ${p.requestId} Task timed out after 10\\.0\\d seconds$`,
      ),
    );
    expect(lines[2]).toBe(`END RequestId: ${p.requestId}`);
    expect(lines[3]).toMatch(/^REPORT RequestId: .*\tDuration: 100\d\d\.\d\d ms\t/);
    expect(s.output?.FunctionError).toBe('Unhandled');
    expect(sim.environments()[0]).toMatchObject({ state: 'shutdown', shutdownReason: 'TaskTimedOut' });
    sim.invoke({ FunctionName: 'cafe-order' });
    expect(sim.environments()).toHaveLength(2); // the next request re-initialises
    expect(sim.environments()[1].state).toBe('initializing');
  });

  it('a handled error does not reset the environment', () => {
    const sim = createLambdaSimulation({
      seed: 5,
      functions: [cafePresetFunction({ Handler: { durationMs: 10, failure: { mode: 'always' } } })],
    });
    sim.invoke({ FunctionName: 'cafe-order' });
    sim.advanceBy(5000);
    sim.invoke({ FunctionName: 'cafe-order' });
    expect(sim.environments()).toHaveLength(1);
    expect(sim.environments()[0].state).toBe('busy');
  });

  it('provisioned concurrency: pre-initialised environments, no Init Duration, never shut down for idleness', () => {
    const sim = createLambdaSimulation({
      seed: 6,
      functions: [cafePresetFunction({ ProvisionedConcurrentExecutions: 2 })],
    });
    expect(sim.environments().map((e) => [e.state, e.provisioned])).toEqual([
      ['idle', true],
      ['idle', true],
    ]);
    const p = sim.invoke({ FunctionName: 'cafe-order' });
    expect(sim.environments()[0].state === 'busy' || sim.environments()[1].state === 'busy').toBe(true);
    sim.advanceBy(10_000);
    const report = sim
      .logEvents({ requestId: p.requestId })
      .find((e) => e.message.startsWith('REPORT'))!.message;
    expect(report).not.toContain('Init Duration');
    expect(sim.trace().find((e) => e.type === 'run.started')!.t).toBe(0); // no cold start wait
    sim.advanceBy(3 * 3_600_000);
    expect(sim.environments().map((e) => e.state)).toEqual(['idle', 'idle']);
  });

  it('a provisioned environment reset by a timeout is replaced by a new pre-initialised one', () => {
    const sim = createLambdaSimulation({
      seed: 6,
      functions: [
        cafePresetFunction({
          ProvisionedConcurrentExecutions: 1,
          Timeout: 1,
          Handler: { failure: { mode: 'hang' } },
        }),
      ],
    });
    sim.invoke({ FunctionName: 'cafe-order' });
    sim.advanceBy(5000);
    expect(sim.environments().map((e) => [e.id, e.state, e.provisioned])).toEqual([
      ['env-1', 'shutdown', true],
      ['env-2', 'idle', true],
    ]);
  });

  it('updating the function configuration retires warm environments: the next request starts cold', () => {
    const sim = createLambdaSimulation({ seed: 7, functions: [cafePresetFunction()] });
    sim.invoke({ FunctionName: 'cafe-order' });
    sim.advanceBy(10_000);
    sim.updateFunctionConfiguration({ FunctionName: 'cafe-order', MemorySize: 256 });
    expect(sim.environments()[0]).toMatchObject({
      state: 'shutdown',
      shutdownReason: 'ConfigurationUpdated',
    });
    const p = sim.invoke({ FunctionName: 'cafe-order' });
    sim.advanceBy(10_000);
    const report = sim
      .logEvents({ requestId: p.requestId })
      .find((e) => e.message.startsWith('REPORT'))!.message;
    expect(report).toContain('Memory Size: 256 MB');
    expect(report).toContain('Init Duration');
  });

  it('environment log streams carry their creation date and all that environment’s requests', () => {
    const sim = createLambdaSimulation({
      seed: 8,
      startTime: Date.UTC(2025, 11, 31, 23, 59, 59),
      functions: [cafePresetFunction()],
    });
    sim.invoke({ FunctionName: 'cafe-order' });
    sim.advanceBy(10_000);
    sim.invoke({ FunctionName: 'cafe-order' });
    sim.advanceBy(10_000);
    const stream = sim.environments()[0].logStreamName;
    expect(stream).toMatch(/^2025\/12\/31\/\[\$LATEST\][0-9a-f]{32}$/);
    expect(
      sim.logEvents().every((e) => e.logStreamName === stream && e.logGroupName === '/aws/lambda/cafe-order'),
    ).toBe(true);
    expect(sim.logEvents().filter((e) => e.message.startsWith('START'))).toHaveLength(2);
  });
});
