import { describe, expect, it } from 'vitest';
import { cafePresetFunction } from './defaults';
import { createLambdaSimulation } from './simulation';
import type { SimulationOptions } from './types';

function scenario(seed: number) {
  const options: SimulationOptions = {
    seed,
    accountConcurrency: 4,
    functions: [
      cafePresetFunction({
        ReservedConcurrentExecutions: 2,
        Handler: { durationMs: 800, jitterMs: 400, failure: { mode: 'probability', p: 0.3 } },
      }),
      {
        FunctionName: 'thumbnail',
        Timeout: 2,
        Handler: { durationMs: 1500, jitterMs: 800 },
        DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq' },
      },
    ],
  };
  const sim = createLambdaSimulation(options);
  for (let i = 0; i < 60; i++) {
    sim.advanceTo(i * 250);
    sim.invoke({
      FunctionName: i % 3 === 0 ? 'thumbnail' : 'cafe-order',
      InvocationType: i % 2 ? 'Event' : 'RequestResponse',
      Payload: `{"i":${i}}`,
    });
  }
  sim.advanceBy(3_600_000);
  return sim;
}

function firstRequestId(seed: string): string | undefined {
  return createLambdaSimulation({ seed, functions: [cafePresetFunction()] }).invoke({
    FunctionName: 'cafe-order',
  }).requestId;
}

describe('determinism', () => {
  it('same seed same trace byte for byte', () => {
    const a = scenario(123);
    const b = scenario(123);
    expect(JSON.stringify(a.trace())).toBe(JSON.stringify(b.trace()));
    expect(JSON.stringify(a.logEvents())).toBe(JSON.stringify(b.logEvents()));
    expect(JSON.stringify(a.invocations())).toBe(JSON.stringify(b.invocations()));
    expect(a.trace().length).toBeGreaterThan(300);
  });

  it('a different seed gives different request ids and timings', () => {
    expect(JSON.stringify(scenario(1).trace())).not.toBe(JSON.stringify(scenario(2).trace()));
  });

  it('string seeds work too', () => {
    expect(firstRequestId('class-3b')).toBe(firstRequestId('class-3b'));
    expect(firstRequestId('class-3b')).not.toBe(firstRequestId('class-3c'));
  });

  it('the trace is JSON-serialisable and every event has a time and a dotted type', () => {
    const trace = scenario(5).trace();
    expect(JSON.parse(JSON.stringify(trace))).toEqual(trace);
    for (const e of trace) {
      expect(typeof e.t).toBe('number');
      expect(e.type).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });

  it('step() advances to the next scheduled model event', () => {
    const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
    sim.invoke({ FunctionName: 'cafe-order' });
    const next = sim.nextEventTime()!;
    expect(next).toBeGreaterThanOrEqual(250); // end of Init
    expect(sim.step()).toBe(next);
    expect(sim.now()).toBe(next);
    expect(sim.trace().at(-1)?.type).toBe('run.started');
  });

  it('subscribers get the new trace events after each change', () => {
    const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
    const batches: string[][] = [];
    const off = sim.subscribe((events) => batches.push(events.map((e) => e.type)));
    sim.invoke({ FunctionName: 'cafe-order' });
    sim.advanceBy(10_000);
    off();
    sim.invoke({ FunctionName: 'cafe-order' });
    expect(batches).toEqual([
      ['invoke.accepted', 'env.created'],
      [
        'env.initialized',
        'run.started',
        'run.succeeded',
        'env.frozen',
        'invoke.responded',
        'invocation.ended',
      ],
    ]);
  });
});
