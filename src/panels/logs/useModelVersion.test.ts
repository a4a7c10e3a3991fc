import { describe, expect, it } from 'vitest';
import { cafePresetFunction, createLambdaSimulation } from '../../model';
import { modelVersion, subscribeModel } from './useModelVersion';

describe('the model version the panels re-derive on', () => {
  it('moves with model events, not with a clock that only ticks', () => {
    const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
    let notified = 0;
    const stop = subscribeModel(sim, () => notified++);
    const start = modelVersion(sim);
    sim.advanceBy(1_000); // nothing scheduled: no model event
    expect(modelVersion(sim)).toBe(start);
    sim.invoke({ FunctionName: 'cafe-order' });
    expect(modelVersion(sim)).toBe(start + 1);
    sim.advanceBy(100); // inside Init: nothing happens yet
    expect(modelVersion(sim)).toBe(start + 1);
    sim.advanceBy(6_000); // Init ends, the run starts and ends
    expect(modelVersion(sim)).toBe(start + 2);
    sim.updateFunctionConfiguration({ FunctionName: 'cafe-order', Handler: { durationMs: 1_000 } });
    expect(modelVersion(sim)).toBe(start + 3);
    expect(notified).toBe(3);
    stop();
  });

  it('shares one subscription per simulation and lets go of it when the last panel leaves', () => {
    const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
    const seen: string[] = [];
    const stopA = subscribeModel(sim, () => seen.push('a'));
    const stopB = subscribeModel(sim, () => seen.push('b'));
    const before = modelVersion(sim);
    sim.invoke({ FunctionName: 'cafe-order' });
    expect(seen).toEqual(['a', 'b']);
    expect(modelVersion(sim)).toBe(before + 1); // counted once, however many panels listen
    stopA();
    stopB();
    sim.invoke({ FunctionName: 'cafe-order' });
    expect(seen).toEqual(['a', 'b']);
    // A panel that comes back re-reads: what changed meanwhile was not seen.
    const stopC = subscribeModel(sim, () => seen.push('c'));
    expect(modelVersion(sim)).toBe(before + 2);
    stopC();
  });
});
