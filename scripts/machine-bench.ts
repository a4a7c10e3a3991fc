/**
 * How to run the model's machines: the candidates measured for the snapshot design (#14).
 * The same machine (the execution environment: idle → busy → idle, one run per cycle) is driven
 * 200,000 cycles three ways, and its state copied and restored:
 * - an XState actor (`createActor` with a virtual clock; `after` delays are XState timers);
 * - XState's pure `transition()` (delays come back as actions the caller must schedule);
 * - the model's MachineRunner (instances as plain data, delays in the model's Scheduler).
 * Run: npx tsx scripts/machine-bench.ts
 */
import { createActor, getInitialSnapshot, transition, type AnyEventObject } from 'xstate';
import { environmentMachine, type EnvironmentInput } from '../src/model/executionEnvironment.machine';
import { MachineRunner, type Instance } from '../src/model/machineRunner';
import type { RunPlan } from '../src/model/runPlan';
import { Scheduler } from '../src/model/scheduler';
import { VirtualClock } from '../src/model/virtualClock';

const CYCLES = Number(process.env.CYCLES ?? 200_000);
const plan: RunPlan = {
  requestId: 'r',
  functionName: 'f',
  attempt: 1,
  outcome: 'success',
  durationMs: 10.5,
  spanMs: 11,
  timeoutMs: 3000,
  memorySizeMb: 128,
  maxMemoryUsedMb: 75,
  printedLines: [],
};
const input: EnvironmentInput = {
  envId: 'env-1',
  functionName: 'f',
  logStreamName: 's',
  provisioned: false,
  preInitialized: true,
  initDurationMs: 0,
  createdAt: 0,
  idleMs: 600_000,
};
const ms = (t0: number) => performance.now() - t0;
const rate = (n: number, t: number) => `${Math.round(n / (t / 1000)).toLocaleString('en')}/s`;

// 1. XState actor on a virtual clock.
{
  const clock = new VirtualClock();
  const actor = createActor(environmentMachine, { input, clock }).start();
  const t0 = performance.now();
  let now = 0;
  for (let i = 0; i < CYCLES; i++) {
    actor.send({ type: 'run.assigned', plan, now, idleMs: 600_000 });
    now += 11;
    clock.advanceTo(now); // the run's `after` fires: back to idle
  }
  const t = ms(t0);
  const s0 = performance.now();
  const persisted = actor.getPersistedSnapshot();
  const copy = structuredClone(persisted);
  createActor(environmentMachine, { input, clock, snapshot: copy }).start();
  console.log(
    `XState actor:          ${rate(2 * CYCLES, t)} transitions (${t.toFixed(0)} ms); persist + restore ${ms(s0).toFixed(2)} ms — pending delays are not restored (statelyai/xstate#5331)`,
  );
}

// 2. XState's pure transition().
{
  let snapshot = getInitialSnapshot(environmentMachine, input);
  const t0 = performance.now();
  let now = 0;
  let delayed = 0;
  for (let i = 0; i < CYCLES; i++) {
    let actions;
    [snapshot, actions] = transition(environmentMachine, snapshot, {
      type: 'run.assigned',
      plan,
      now,
      idleMs: 600_000,
    });
    delayed += actions.length;
    now += 11;
    // The run's end: the caller owns the timer and sends XState's after-event itself.
    const after = `xstate.after.runDuration.${environmentMachine.id}.busy`;
    [snapshot] = transition(environmentMachine, snapshot, { type: after } as AnyEventObject as never);
  }
  const t = ms(t0);
  console.log(
    `XState transition():   ${rate(2 * CYCLES, t)} transitions (${t.toFixed(0)} ms), ${delayed} action objects to interpret`,
  );
}

// 3. The model's runner.
{
  const scheduler = new Scheduler();
  let emitted = 0;
  const runner = new MachineRunner(
    { scheduler, emitted: () => void emitted++ },
    { environment: environmentMachine },
  );
  const env: Instance = runner.create('environment', 'env:env-1', input);
  const t0 = performance.now();
  let now = 0;
  for (let i = 0; i < CYCLES; i++) {
    runner.send(env, { type: 'run.assigned', plan, now, idleMs: 600_000 });
    now += 11;
    for (let timer = scheduler.takeDue(now); timer; timer = scheduler.takeDue(now))
      runner.send(env, timer.event);
  }
  const t = ms(t0);
  const s0 = performance.now();
  const copy = structuredClone({ scheduler: scheduler.snapshot(), env: { ...env, mailbox: undefined } });
  Scheduler.restore(copy.scheduler);
  runner.revive(copy.env);
  console.log(
    `MachineRunner:         ${rate(2 * CYCLES, t)} transitions (${t.toFixed(0)} ms, ${emitted} events emitted); snapshot + restore ${ms(s0).toFixed(2)} ms, delays included`,
  );
}
