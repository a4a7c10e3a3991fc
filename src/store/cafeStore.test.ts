import { describe, expect, it } from 'vitest';
import { createCafeStore } from './cafeStore';
import { deriveScene, liveTotals } from '../cafe/sceneModel';
import { FUNCTION_NAME } from './cafeStore';
import { settingsFromConfig } from './kitchen';

function cafe(options: Parameters<typeof createCafeStore>[0] = {}) {
  const store = createCafeStore({ paused: true, ...options });
  const scene = () => deriveScene(store.getState().sim, FUNCTION_NAME);
  const runUntilIdle = () => {
    for (let i = 0; i < 200 && store.getState().sim.nextEventTime() !== undefined; i++)
      store.getState().step();
  };
  return { store, scene, runUntilIdle };
}

function traceOfSeed9() {
  const { store, runUntilIdle } = cafe({ seed: 9, settings: { failure: 'always' } });
  store.getState().order('async', 3);
  store.getState().order('sync');
  runUntilIdle();
  return JSON.stringify(store.getState().sim.trace());
}

describe('the café store', () => {
  it('a sync order waits at the counter, blocked, until its 200', () => {
    const { store, scene, runUntilIdle } = cafe();
    store.getState().order('sync');
    expect(scene().counter.map((c) => [c.number, c.status])).toEqual([[1, 'waiting']]);
    store.getState().step(); // cold start done; the run starts
    expect(scene().counter[0]?.status).toBe('waiting');
    runUntilIdle();
    const done = scene().leaving[0]!;
    expect(done).toMatchObject({ number: 1, status: 'served', statusCode: 200 });
    expect(done.blockedMs).toBeGreaterThan(5_000);
    expect(liveTotals(scene().totals, store.getState().now).blockedMs).toBe(done.blockedMs);
  });

  it('an async order is seated with 202 at once and ends as an effect, never a response', () => {
    const { store, scene, runUntilIdle } = cafe({ settings: { onSuccess: true } });
    store.getState().order('async');
    expect(scene().tables[0]).toMatchObject({ number: 1, status: 'seated', statusCode: 202, blockedMs: 0 });
    runUntilIdle();
    expect(scene().tables[0]).toMatchObject({
      status: 'effect',
      outcomeNote: 'Result sent to the OnSuccess destination',
    });
    expect(scene().onSuccessCount).toBe(1);
  });

  it('beyond the reserved concurrency a sync order is turned away with 429 and an async one waits on the rail', () => {
    const { store, scene } = cafe({ settings: { baristas: 1 } });
    store.getState().order('sync');
    store.getState().order('async');
    store.getState().order('sync');
    const s = scene();
    expect(s.leaving.find((c) => c.number === 3)).toMatchObject({ status: 'turnedAway', statusCode: 429 });
    expect(s.rail.map((t) => t.customer)).toEqual([2]);
  });

  it('Step moves the clock to exactly the next model event and pauses', () => {
    const { store } = cafe();
    store.getState().play();
    store.getState().order('sync');
    const next = store.getState().sim.nextEventTime()!;
    store.getState().step();
    expect(store.getState().now).toBe(next);
    expect(store.getState().playing).toBe(false);
  });

  it('after a step back the café jumps (cards put in place, not glided) until it moves on', async () => {
    const { store } = cafe({ speed: 1 });
    store.getState().order('sync');
    store.getState().step();
    store.getState().step();
    expect(store.getState().jumped).toBe(false);
    await store.getState().stepBack();
    expect(store.getState().jumped).toBe(true);
    await store.getState().stepBack();
    expect(store.getState().jumped).toBe(true);
    store.getState().step();
    expect(store.getState().jumped).toBe(false);
  });

  it('a tick advances virtual time by real time × speed, capped for a hidden tab', () => {
    const { store } = cafe({ speed: 16 });
    store.getState().play();
    store.getState().tick(100);
    expect(store.getState().now).toBe(1_600);
    store.getState().tick(10_000); // a tab that slept: at most 250 ms of real time
    expect(store.getState().now).toBe(1_600 + 250 * 16);
  });

  it('the same seed and the same orders give the same trace', () => {
    expect(traceOfSeed9()).toBe(traceOfSeed9());
  });

  it('a refused seed or speed leaves the simulation as it was and says why', () => {
    const { store } = cafe();
    store.getState().order('sync');
    const sim = store.getState().sim;
    store.getState().reset(-3);
    expect(store.getState().sim).toBe(sim);
    expect(store.getState().notice).toMatch(/Seed must be a whole number/);
    store.getState().setSpeed(3);
    expect(store.getState().speed).toBe(1);
    expect(store.getState().notice).toMatch(/Speed 3× is not offered/);
  });

  it('narration says what happened in plain words', () => {
    const { store } = cafe();
    store.getState().order('sync');
    store.getState().order('async');
    const text = store
      .getState()
      .narration.map((l) => l.text)
      .join('\n');
    expect(text).toContain('Customer 1 is waiting at the counter — a synchronous call blocks the caller');
    expect(text).toContain('Customer 2 got 202 Accepted and sat down');
  });
});

describe('kitchen knobs and the real configuration', () => {
  it('a knob changes only what it names: a reservation made in the terminal survives a handler change', () => {
    const { store } = cafe();
    store
      .getState()
      .runCommand(
        'aws lambda put-function-concurrency --function-name cafe-order --reserved-concurrent-executions 7',
      );
    store.getState().changeSettings({ failure: 'always' });
    const config = store.getState().sim.getFunctionConfiguration('cafe-order');
    expect(config.ReservedConcurrentExecutions).toBe(7);
    expect(config.Handler.failure.mode).toBe('always');
    expect(settingsFromConfig(config)).toMatchObject({
      baristas: 7,
      failure: 'always',
      failureTarget: 'OnFailure',
    });
  });

  it('moving failed events to the DLQ removes the OnFailure destination and keeps OnSuccess', () => {
    const { store } = cafe({ settings: { onSuccess: true } });
    store.getState().changeSettings({ failureTarget: 'DLQ' });
    const config = store.getState().sim.getFunctionConfiguration('cafe-order');
    expect(config.DestinationConfig.OnFailure).toBeUndefined();
    expect(config.DestinationConfig.OnSuccess?.Destination).toMatch(/cafe-order-served$/);
    expect(config.DeadLetterConfig.TargetArn).toMatch(/cafe-order-dlq$/);
  });

  it('a refused configuration change says why and changes nothing', () => {
    const { store } = cafe();
    const refused = store.getState().configure({
      api: 'UpdateFunctionConfiguration',
      params: { FunctionName: 'cafe-order', Timeout: 901 },
    });
    // Out of range: ValidationException (lambda-facts §10).
    expect(refused).toMatch(/^ValidationException: 1 validation error detected: Value '901' at 'timeout'/);
    expect(store.getState().sim.getFunctionConfiguration('cafe-order').Timeout).toBe(10);
    expect(store.getState().actions).toEqual([]);
  });
});

/** Plays a paused café for `ms` of virtual time at 1×, frame by frame. */
function play(store: ReturnType<typeof cafe>['store'], ms: number) {
  store.getState().play();
  for (let left = ms; left > 0; left -= 250) store.getState().tick(Math.min(250, left));
  store.getState().pause();
}

describe('a scripted scenario (a lesson step’s run)', () => {
  const scenario = {
    seed: 11,
    settings: { baristas: 1 },
    configOps: [
      { api: 'UpdateFunctionConfiguration', params: { FunctionName: 'cafe-order', Timeout: 3 } } as const,
    ],
    actions: [
      { t: 2_000, type: 'order.placed', kind: 'async', customer: 2 } as const,
      { t: 1_000, type: 'order.placed', kind: 'sync', customer: 1 } as const,
    ],
  };

  it('starts paused at 0 with its settings and configuration, and plays its actions at their times', () => {
    const { store, scene } = cafe({ paused: false, problems: ['speed=3 is not offered.'] });
    expect(store.getState().loadScenario(scenario)).toBeUndefined();
    const s = store.getState();
    expect([s.playing, s.now, s.seed, s.settings.baristas]).toEqual([false, 0, 11, 1]);
    expect(s.sim.getFunctionConfiguration('cafe-order').Timeout).toBe(3);
    expect(s.customerCount).toBe(0);
    expect(s.notice).toBe('speed=3 is not offered.'); // not the user's reset: their message stays
    play(store, 1_500);
    expect(scene().counter.map((c) => c.number)).toEqual([1]);
    play(store, 1_000);
    // The only barista is busy: the async order's ticket waits on the rail.
    expect(scene().rail.map((t) => t.customer)).toEqual([2]);
  });

  it('gives the same run whatever the café did before, and again after a seek back', async () => {
    const fresh = cafe();
    fresh.store.getState().loadScenario(scenario);
    play(fresh.store, 12_000);
    const expected = JSON.stringify(fresh.store.getState().sim.trace());

    const used = cafe({ settings: { failure: 'always', onSuccess: true } });
    used.store.getState().order('async', 3);
    used.store.getState().configure({
      api: 'UpdateFunctionConfiguration',
      params: { FunctionName: 'cafe-order', MemorySize: 512 },
    });
    play(used.store, 4_000);
    used.store.getState().loadScenario(scenario);
    play(used.store, 12_000);
    expect(JSON.stringify(used.store.getState().sim.trace())).toBe(expected);

    await used.store.getState().seek(1_500);
    play(used.store, 10_500);
    expect(JSON.stringify(used.store.getState().sim.trace())).toBe(expected);
  });

  it('a refused part is returned and leaves no scripted future', () => {
    const { store } = cafe();
    const refused = store.getState().loadScenario({
      ...scenario,
      configOps: [
        { api: 'UpdateFunctionConfiguration', params: { FunctionName: 'cafe-order', Timeout: 901 } },
      ],
    });
    expect(refused).toMatch(/ValidationException: 1 validation error detected: Value '901' at 'timeout'/);
    expect(store.getState().actions.some((a) => a.type === 'order.placed')).toBe(false);
  });
});
