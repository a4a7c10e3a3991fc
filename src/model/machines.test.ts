import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor, setup, type ActorOptions, type AnyStateMachine } from 'xstate';
import { environmentMachine, type EnvironmentInput } from './executionEnvironment.machine';
import { eventQueueMachine } from './eventQueue.machine';
import { invocationMachine, type EventPolicy, type InvocationInput } from './invocation.machine';
import { lambdaServiceMachine, type InvokeRequestFacts } from './lambdaService.machine';
import { MachineRunner, type MachineEvent } from './machineRunner';
import { machineSubsetProblems } from './machineSubset';
import type { RunPlan } from './runPlan';
import { Scheduler } from './scheduler';
import { VirtualClock } from './virtualClock';

// Each machine runs alone in XState — createActor(machine, { input }) — as any XState reader
// would run it; and the model's MachineRunner, which runs the same definitions as plain data,
// gives the same states, contexts and emitted events for random event sequences.

const policy = (now: number, extra: Partial<EventPolicy> = {}): EventPolicy => ({
  now,
  maximumRetryAttempts: 2,
  maximumEventAgeMs: 21_600_000,
  onSuccess: undefined,
  onFailure: undefined,
  deadLetterQueue: undefined,
  ...extra,
});
const ok = { functionError: undefined, payloadText: '"done"', payload: 'done' } as const;
const failed = {
  functionError: 'Unhandled',
  payloadText: '{"errorMessage":"x"}',
  payload: { errorMessage: 'x' },
} as const;
const input = (invocationType: 'RequestResponse' | 'Event'): InvocationInput => ({
  requestId: 'r1',
  functionName: 'f',
  invocationType,
  acceptedAt: 0,
  payload: '{}',
});

/** An XState actor that records what it emits. */
function start(machine: AnyStateMachine, actorInput: unknown, clock?: VirtualClock) {
  const options: ActorOptions<AnyStateMachine> = { input: actorInput, ...(clock ? { clock } : {}) };
  const actor = createActor(machine, options);
  const emitted: MachineEvent[] = [];
  actor.on('*', (e: MachineEvent) => emitted.push(e));
  actor.start();
  return { actor, emitted };
}

describe('the invocation lifecycle, alone in XState', () => {
  it('sync: received → running → succeeded; the caller is answered, then it ends', () => {
    const { actor, emitted } = start(invocationMachine, input('RequestResponse'));
    actor.send({ type: 'run.started', envId: 'env-1', now: 0 });
    expect(actor.getSnapshot().value).toBe('running');
    actor.send({ type: 'run.finished', outcome: 'success', response: ok, policy: policy(5_300) });
    expect(actor.getSnapshot().value).toBe('succeeded');
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context).toMatchObject({ statusCode: 200, respondedAt: 5_300, attempts: 1 });
    expect(emitted.map((e) => e.type)).toEqual(['invoke.responded', 'invocation.ended']);
  });

  it('sync: a handler error is 200 with FunctionError, returned to the caller, never retried', () => {
    const { actor, emitted } = start(invocationMachine, input('RequestResponse'));
    actor.send({ type: 'run.started', envId: 'env-1', now: 0 });
    actor.send({ type: 'run.finished', outcome: 'error', response: failed, policy: policy(100) });
    expect(actor.getSnapshot().value).toBe('returnedError');
    expect(emitted.at(-1)).toEqual({
      type: 'invocation.ended',
      requestId: 'r1',
      outcome: 'failed-returned-to-caller',
      reason: 'FunctionError',
    });
  });

  it('async: 202 at once; a failure waits about a minute, runs again, and after the last retry goes to OnFailure', () => {
    const { actor, emitted } = start(invocationMachine, input('Event'));
    expect(actor.getSnapshot().context).toMatchObject({ statusCode: 202, respondedAt: 0 });
    actor.send({ type: 'event.queued' });
    expect(actor.getSnapshot().value).toBe('queued');
    const onFailure = 'arn:aws:sqs:us-east-1:123456789012:failed';
    let now = 0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      actor.send({ type: 'run.started', envId: 'env-1', now });
      now += 100;
      actor.send({
        type: 'run.finished',
        outcome: 'error',
        response: failed,
        policy: policy(now, { onFailure }),
      });
      if (attempt < 3) {
        expect(actor.getSnapshot().value).toBe('retryWaiting');
        expect(actor.getSnapshot().context.nextAttemptAt).toBe(now + (attempt === 1 ? 60_000 : 120_000));
        now = actor.getSnapshot().context.nextAttemptAt!;
        actor.send({ type: 'retry.due', policy: policy(now, { onFailure }) });
        expect(actor.getSnapshot().value).toBe('queued');
      }
    }
    expect(actor.getSnapshot().value).toBe('deliveredOnFailure');
    expect(actor.getSnapshot().context).toMatchObject({
      attempts: 3,
      outcome: 'delivered',
      outcomeReason: 'RetriesExhausted',
      destinationArn: onFailure,
    });
    expect(emitted.map((e) => e.type)).toEqual([
      'retry.scheduled',
      'retry.queued',
      'retry.scheduled',
      'retry.queued',
      'event.delivered',
      'invocation.ended',
    ]);
  });

  it('async: an event too old when its retry is due is not retried (EventAgeExceeded); with no destination it is discarded', () => {
    const { actor, emitted } = start(invocationMachine, input('Event'));
    actor.send({ type: 'run.started', envId: 'env-1', now: 0 });
    actor.send({
      type: 'run.finished',
      outcome: 'timeout',
      response: failed,
      policy: policy(3_000, { maximumEventAgeMs: 60_000 }),
    });
    // The retry would come after the maximum age: it is due when the event reaches it.
    expect(actor.getSnapshot().context.nextAttemptAt).toBe(60_000);
    actor.send({ type: 'retry.due', policy: policy(60_000, { maximumEventAgeMs: 60_000 }) });
    expect(actor.getSnapshot().value).toBe('discarded');
    expect(emitted.at(-1)).toMatchObject({ outcome: 'discarded', reason: 'EventAgeExceeded' });
  });

  it('async: reserved concurrency 0 sends it straight to the dead-letter queue, without an attempt', () => {
    const { actor } = start(invocationMachine, input('Event'));
    actor.send({
      type: 'event.dropped',
      condition: 'ZeroReservedConcurrency',
      policy: policy(0, { deadLetterQueue: 'arn:aws:sqs:us-east-1:123456789012:dlq' }),
    });
    expect(actor.getSnapshot().value).toBe('deadLettered');
    expect(actor.getSnapshot().context).toMatchObject({
      attempts: 0,
      outcomeReason: 'ZeroReservedConcurrency',
    });
  });

  it('a sync call cannot be queued (the guard refuses the event)', () => {
    const { actor } = start(invocationMachine, input('RequestResponse'));
    actor.send({ type: 'event.queued' });
    expect(actor.getSnapshot().value).toBe('received');
  });
});

const facts = (extra: Partial<InvokeRequestFacts> = {}): InvokeRequestFacts => ({
  functionFound: true,
  invocationType: 'RequestResponse',
  payloadBytes: 2,
  payloadIsJson: true,
  throttleReason: undefined,
  reservedConcurrencyIsZero: false,
  pollerIsIdle: true,
  ...extra,
});

describe('the front door, alone in XState: the state it ends in is the answer', () => {
  it.each<[Partial<InvokeRequestFacts>, string]>([
    [{}, 'syncAccepted'],
    [{ functionFound: false, payloadIsJson: false }, 'notFound'],
    [{ invocationType: 'Later' }, 'invalidInvocationType'],
    [{ payloadBytes: 6 * 1024 * 1024 + 1 }, 'tooLarge'],
    [{ invocationType: 'Event', payloadBytes: 1024 * 1024 + 1 }, 'tooLarge'],
    [{ payloadIsJson: false }, 'notJson'],
    [{ invocationType: 'DryRun', throttleReason: 'ConcurrentInvocationLimitExceeded' }, 'dryRun'],
    [{ throttleReason: 'ReservedFunctionConcurrentInvocationLimitExceeded' }, 'throttled'],
    [{ invocationType: 'Event', throttleReason: 'ConcurrentInvocationLimitExceeded' }, 'eventQueued'],
    [{ invocationType: 'Event', pollerIsIdle: false }, 'eventQueued'],
    [{ invocationType: 'Event' }, 'eventRunsAtOnce'],
    [{ invocationType: 'Event', reservedConcurrencyIsZero: true }, 'eventToFailure'],
  ])('%j → %s', (extra, decision) => {
    expect(start(lambdaServiceMachine, facts(extra)).actor.getSnapshot().value).toBe(decision);
  });
});

const plan = (outcome: RunPlan['outcome'], spanMs = 1000): RunPlan => ({
  requestId: 'r1',
  functionName: 'f',
  attempt: 1,
  outcome,
  durationMs: spanMs - 0.5,
  spanMs,
  timeoutMs: 3000,
  memorySizeMb: 128,
  maxMemoryUsedMb: 75,
  printedLines: [],
});
const envInput = (extra: Partial<EnvironmentInput> = {}): EnvironmentInput => ({
  envId: 'env-1',
  functionName: 'f',
  logStreamName: 's',
  provisioned: false,
  preInitialized: false,
  initDurationMs: 250.4,
  createdAt: 0,
  idleMs: 300_000,
  ...extra,
});

describe('an execution environment, alone in XState on a virtual clock', () => {
  it('cold start: Init (its ceiling), the run, frozen; shut down after its idle lifetime', () => {
    const clock = new VirtualClock();
    const { actor, emitted } = start(environmentMachine, envInput({ run: plan('success') }), clock);
    expect(actor.getSnapshot().value).toBe('initializing');
    clock.advanceTo(251);
    expect(actor.getSnapshot().value).toBe('busy');
    expect(actor.getSnapshot().context).toMatchObject({ busySince: 251, busyUntil: 1251, coldStart: true });
    clock.advanceTo(1251);
    expect(actor.getSnapshot().value).toBe('idle');
    clock.advanceTo(1251 + 300_000);
    expect(actor.getSnapshot().value).toBe('shutdown');
    expect(actor.getSnapshot().context).toMatchObject({ shutdownReason: 'IdleTimeout', shutdownAt: 301_251 });
    expect(emitted.map((e) => e.type)).toEqual([
      'env.created',
      'env.initialized',
      'run.started',
      'run.ended',
      'env.shutdown',
    ]);
  });

  it('a timeout resets it: shut down right after the run', () => {
    const clock = new VirtualClock();
    const { actor, emitted } = start(
      environmentMachine,
      envInput({ preInitialized: true, initDurationMs: 0 }),
      clock,
    );
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'run.assigned', plan: plan('timeout', 3010), now: 0, idleMs: 300_000 });
    clock.advanceTo(3010);
    expect(actor.getSnapshot().value).toBe('shutdown');
    expect(actor.getSnapshot().context.shutdownReason).toBe('TaskTimedOut');
    expect(emitted.find((e) => e.type === 'run.ended')).toMatchObject({ resets: true });
  });

  it('retired while busy: finishes the run, then shuts down', () => {
    const clock = new VirtualClock();
    const { actor } = start(environmentMachine, envInput({ preInitialized: true, initDurationMs: 0 }), clock);
    actor.send({ type: 'run.assigned', plan: plan('success'), now: 0, idleMs: 300_000 });
    actor.send({ type: 'env.retire', reason: 'ConfigurationUpdated', now: 10 });
    expect(actor.getSnapshot().value).toBe('busy');
    clock.advanceTo(1000);
    expect(actor.getSnapshot().value).toBe('shutdown');
    expect(actor.getSnapshot().context).toMatchObject({
      shutdownReason: 'ConfigurationUpdated',
      shutdownAt: 1000,
    });
  });
});

describe('an event queue and its poller, alone in XState', () => {
  it('asks about the head, backs off 1 s, 2 s … when throttled, and starts it when capacity frees', () => {
    const clock = new VirtualClock();
    const { actor, emitted } = start(eventQueueMachine, { functionName: 'f' }, clock);
    actor.send({ type: 'event.queued', requestId: 'a', retry: false });
    expect(actor.getSnapshot().value).toBe('awaitingService');
    const throttled = {
      type: 'head.checked',
      tooOld: false,
      reservedConcurrencyIsZero: false,
      throttleReason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
    } as const;
    actor.send(throttled);
    expect(actor.getSnapshot().value).toBe('backingOff');
    clock.advanceTo(1000);
    actor.send(throttled);
    actor.send({ type: 'capacity.freed' });
    actor.send({
      type: 'head.checked',
      tooOld: false,
      reservedConcurrencyIsZero: false,
      throttleReason: undefined,
    });
    expect(actor.getSnapshot().value).toBe('idle');
    expect(emitted.filter((e) => e.type === 'head.throttled')).toEqual([
      {
        type: 'head.throttled',
        requestId: 'a',
        reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
        delayMs: 1000,
      },
      {
        type: 'head.throttled',
        requestId: 'a',
        reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
        delayMs: 2000,
      },
    ]);
    expect(emitted.at(-1)).toEqual({ type: 'head.started', requestId: 'a' });
  });

  it('drops heads that are too old, one after another, and keeps polling', () => {
    const { actor, emitted } = start(eventQueueMachine, { functionName: 'f' });
    for (const id of ['a', 'b', 'c']) actor.send({ type: 'event.queued', requestId: id, retry: false });
    const old = {
      type: 'head.checked',
      tooOld: true,
      reservedConcurrencyIsZero: false,
      throttleReason: undefined,
    } as const;
    actor.send(old);
    actor.send(old);
    expect(actor.getSnapshot().value).toBe('awaitingService');
    expect(actor.getSnapshot().context.ready).toEqual(['c']);
    expect(
      emitted.filter((e) => e.type === 'head.dropped').map((e) => ('requestId' in e ? e.requestId : '')),
    ).toEqual(['a', 'b']);
  });
});

// ---- the runner against XState --------------------------------------------------------

/** Drives one machine with the same events in XState and in the runner; returns both runs' observations. */
function both(machine: AnyStateMachine, actorInput: unknown, events: MachineEvent[], times: number[]) {
  const clock = new VirtualClock();
  const xs = start(machine, actorInput, clock);
  const scheduler = new Scheduler();
  const emitted: MachineEvent[] = [];
  const runner = new MachineRunner({ scheduler, emitted: (_i, e) => emitted.push(e) }, { m: machine });
  const instance = runner.create('m', 'k', actorInput);
  const seen = { xstate: [] as unknown[], runner: [] as unknown[] };
  const observe = () => {
    const snap = xs.actor.getSnapshot();
    seen.xstate.push([snap.value, snap.context]);
    seen.runner.push([instance.value, instance.context]);
  };
  observe();
  events.forEach((event, i) => {
    const t = times[i];
    clock.advanceTo(Math.max(clock.now(), t));
    for (let timer = scheduler.takeDue(t); timer; timer = scheduler.takeDue(t))
      runner.send(instance, timer.event);
    scheduler.now = Math.max(scheduler.now, t);
    xs.actor.send(event);
    runner.send(instance, event);
    observe();
  });
  return { seen, emitted: { xstate: xs.emitted, runner: emitted } };
}

const invocationEventArb: fc.Arbitrary<MachineEvent> = fc.oneof(
  fc.record({ type: fc.constant('run.started'), envId: fc.constant('env-1'), now: fc.nat(1e6) }),
  fc.constant({ type: 'event.queued' }),
  fc.record({ type: fc.constant('attempt.throttled'), retryAt: fc.nat(1e6) }),
  fc.record({
    type: fc.constant('run.finished'),
    outcome: fc.constantFrom('success', 'error', 'timeout'),
    response: fc.constantFrom(ok, failed),
    policy: fc.record({
      now: fc.nat(1e6),
      maximumRetryAttempts: fc.integer({ min: 0, max: 2 }),
      maximumEventAgeMs: fc.constantFrom(60_000, 21_600_000),
      onSuccess: fc.constantFrom(undefined, 'arn:aws:sns:us-east-1:123456789012:ok'),
      onFailure: fc.constantFrom(undefined, 'arn:aws:sqs:us-east-1:123456789012:f'),
      deadLetterQueue: fc.constantFrom(undefined, 'arn:aws:sqs:us-east-1:123456789012:d'),
    }),
  }),
  fc.record({
    type: fc.constant('retry.due'),
    policy: fc.record({
      now: fc.nat(1e6),
      maximumRetryAttempts: fc.constant(2),
      maximumEventAgeMs: fc.constantFrom(60_000, 21_600_000),
      onSuccess: fc.constant(undefined),
      onFailure: fc.constantFrom(undefined, 'arn:aws:sqs:us-east-1:123456789012:f'),
      deadLetterQueue: fc.constant(undefined),
    }),
  }),
  fc.record({
    type: fc.constant('event.dropped'),
    condition: fc.constantFrom('EventAgeExceeded', 'ZeroReservedConcurrency'),
    policy: fc.constant(policy(0)),
  }),
);

describe('the runner runs the same machines as XState does', () => {
  it('the invocation machine: same states, contexts and emitted events for random event sequences', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('RequestResponse' as const, 'Event' as const),
        fc.array(invocationEventArb, { maxLength: 12 }),
        (type, events) => {
          const r = both(
            invocationMachine,
            input(type),
            events,
            events.map(() => 0),
          );
          expect(r.seen.runner).toEqual(r.seen.xstate);
          expect(r.emitted.runner).toEqual(r.emitted.xstate);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('the event queue: same for random events at random times (back-off delays included)', () => {
    const queueEvent: fc.Arbitrary<MachineEvent> = fc.oneof(
      fc.record({
        type: fc.constant('event.queued'),
        requestId: fc.constantFrom('a', 'b', 'c', 'd'),
        retry: fc.boolean(),
      }),
      fc.record({
        type: fc.constant('head.checked'),
        tooOld: fc.boolean(),
        reservedConcurrencyIsZero: fc.boolean(),
        throttleReason: fc.constantFrom(undefined, 'ConcurrentInvocationLimitExceeded'),
      }),
      fc.constant({ type: 'capacity.freed' }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(queueEvent, fc.nat(5000)), { maxLength: 20 }), (steps) => {
        let t = 0;
        const times = steps.map(([, gap]) => (t += gap));
        const r = both(
          eventQueueMachine,
          { functionName: 'f' },
          steps.map(([e]) => e),
          times,
        );
        expect(r.seen.runner).toEqual(r.seen.xstate);
        expect(r.emitted.runner).toEqual(r.emitted.xstate);
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('the environment: same for random runs and retirements over time (Init, run and idle delays included)', () => {
    const envEvent: fc.Arbitrary<MachineEvent> = fc.oneof(
      fc.record({
        type: fc.constant('run.assigned'),
        plan: fc.constantFrom(plan('success'), plan('error', 200), plan('timeout', 3010)),
        now: fc.constant(0),
        idleMs: fc.integer({ min: 1000, max: 9000 }),
      }),
      fc.record({
        type: fc.constant('env.retire'),
        reason: fc.constant('ConfigurationUpdated'),
        now: fc.constant(0),
      }),
    );
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.tuple(envEvent, fc.nat(6000)), { maxLength: 10 }),
        (pre, steps) => {
          let t = 0;
          const times = steps.map(([, gap]) => (t += gap));
          const r = both(
            environmentMachine,
            envInput({ preInitialized: pre, run: pre ? undefined : plan('success') }),
            steps.map(([e], i) => ({ ...e, now: times[i] })),
            times,
          );
          expect(r.seen.runner).toEqual(r.seen.xstate);
          expect(r.emitted.runner).toEqual(r.emitted.xstate);
        },
      ),
      { numRuns: 300, seed: 9 },
    );
  });
});

describe('the runner runs only what it runs the way XState does', () => {
  it.each<[string, AnyStateMachine]>([
    ['invocation', invocationMachine],
    ['lambdaService', lambdaServiceMachine],
    ['executionEnvironment', environmentMachine],
    ['eventQueue', eventQueueMachine],
  ])('the %s machine keeps to the subset', (_name, machine) => {
    expect(machineSubsetProblems(machine)).toEqual([]);
  });

  it.each<[string, () => AnyStateMachine, RegExp]>([
    [
      'nested states',
      () => setup({}).createMachine({ initial: 'a', states: { a: { initial: 'b', states: { b: {} } } } }),
      /state property "initial"/,
    ],
    [
      'an inline action',
      () => setup({}).createMachine({ initial: 'a', states: { a: { entry: () => undefined } } }),
      /inline action/,
    ],
    [
      'a parallel machine',
      () => setup({}).createMachine({ type: 'parallel', states: { a: {}, b: {} } }),
      /machine property "type"/,
    ],
  ])('%s is named as a problem', (_label, make, problem) => {
    expect(machineSubsetProblems(make()).join('; ')).toMatch(problem);
  });
});
