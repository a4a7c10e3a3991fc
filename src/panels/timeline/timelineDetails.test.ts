import { describe, expect, it } from 'vitest';
import type { LambdaSimulation } from '../../model';
import { keyTarget } from './Axis';
import { callerDetails, callerSummary, envDetails, envSummary } from './timelineDetails';
import { createHistory } from './timelineHistory';
import { deriveTimeline } from './timelineModel';
import { order, testCafe } from './testCafe';

const derive = (sim: LambdaSimulation) => deriveTimeline(sim, createHistory('cafe-order'));

describe('timeline words', () => {
  it("a lane's accessible name starts with its visible label and kind, then tells the caller's story", () => {
    const sim = testCafe({ ReservedConcurrentExecutions: 1 });
    order(sim, 'sync', 1);
    order(sim, 'sync', 2);
    order(sim, 'async', 3);
    sim.advanceBy(2_000);
    const [waiting, throttled, seated] = derive(sim).callers;
    expect(callerSummary(waiting, sim.now())).toBe('Customer 1, sync: blocked 2.0 s so far');
    expect(callerSummary(throttled, sim.now())).toBe(
      'Customer 2, sync: 429 TooManyRequestsException at once, never blocked',
    );
    expect(callerSummary(seated, sim.now())).toBe(
      'Customer 3, async: 202 at once, free; event held back (the poller was throttled)',
    );
    sim.advanceBy(20_000);
    const done = derive(sim).callers;
    expect(callerSummary(done[0], sim.now())).toMatch(/^Customer 1, sync: blocked 5\.\d s, then 200 OK$/);
    expect(callerSummary(done[2], sim.now())).toMatch(
      /^Customer 3, async: 202 at once, free; event succeeded after 1\d\.\d s$/,
    );
  });

  it('details describe the span and the marks under the pointer', () => {
    const sim = testCafe();
    order(sim, 'async', 1);
    sim.advanceBy(10_000);
    const data = derive(sim);
    const lines = callerDetails(data.callers[0], sim.now(), 0, 100);
    expect(lines[0]).toBe('Customer 1 (asynchronous: Event)');
    expect(lines).toContain('0:00.0: 202 Accepted: the caller is free at once');
    expect(lines.some((l) => l.startsWith('At 0:00.0: event running'))).toBe(true);

    const env = data.envs[0];
    expect(envSummary(env)).toBe('env-1: idle (frozen), 1 order run');
    expect(envDetails(env, sim.now(), 1_000)).toContain(
      "At 0:01.0: running Customer 1's order (async), after a cold start (0:00.2–0:05.2, 5.0 s)",
    );
  });

  it('the playhead slider moves 1 s per arrow, 10 s per page, to the ends with Home/End, never outside', () => {
    expect(keyTarget('ArrowRight', false, 5_000, 60_000)).toBe(6_000);
    expect(keyTarget('ArrowLeft', true, 5_000, 60_000)).toBe(4_900);
    expect(keyTarget('PageDown', false, 5_000, 60_000)).toBe(0);
    expect(keyTarget('PageUp', false, 55_000, 60_000)).toBe(60_000);
    expect(keyTarget('Home', false, 5_000, 60_000)).toBe(0);
    expect(keyTarget('End', false, 5_000, 60_000)).toBe(60_000);
    expect(keyTarget('x', false, 5_000, 60_000)).toBeUndefined();
  });
});
