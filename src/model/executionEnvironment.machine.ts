/**
 * One execution environment (a barista):
 *
 *   starting → initializing → busy ⇄ idle → shutdown
 *
 * Init (a cold start) then the request that caused it; frozen (idle) between requests; shut
 * down after a seeded idle lifetime, after a timeout (the reset), or when a configuration change
 * retires it. Provisioned environments start already initialised and never idle out.
 *
 * Every delay is an `after` from the context (Init duration, the run's span, the idle
 * lifetime): the lifetime is drawn by the service when it hands over a run, since a machine
 * has no random generator of its own. Times the views show (busy since/until, shut down at)
 * follow from the creation time and those delays, or come with the event. What happens —
 * a run started or ended, Init done, ready, shut down — is emitted; the service writes the
 * logs and the trace.
 */
import { assertEvent, assign, emit, setup } from 'xstate';
import type { RunPlan } from './runPlan';

export interface EnvironmentInput {
  envId: string;
  functionName: string;
  logStreamName: string;
  provisioned: boolean;
  /** Provisioned environments at start are already initialised (no Init phase, no Init Duration). */
  preInitialized: boolean;
  /** Reported Init Duration (ms); the phase lasts its ceiling. */
  initDurationMs: number;
  /** Virtual ms it was created. */
  createdAt: number;
  /** The request that caused this cold start, run right after Init. */
  run?: RunPlan;
  /** How long it stays warm when it next goes idle (ms). */
  idleMs: number;
}

export interface EnvironmentContext {
  envId: string;
  functionName: string;
  logStreamName: string;
  provisioned: boolean;
  preInitialized: boolean;
  initDurationMs: number;
  createdAt: number;
  run: RunPlan | undefined;
  /** The current run follows this environment's Init (a cold start). */
  coldRun: boolean;
  /** The current (or last) request started cold (for the views). */
  coldStart: boolean;
  retiring: boolean;
  idleMs: number;
  invocationCount: number;
  busySince: number | undefined;
  busyUntil: number | undefined;
  idleSince: number | undefined;
  shutdownAt: number | undefined;
  shutdownReason: string;
}

export type EnvironmentEvent =
  | { type: 'run.assigned'; plan: RunPlan; now: number; idleMs: number }
  /** Shut down as soon as the current run (if any) ends: configuration updated, provisioning reduced. */
  | { type: 'env.retire'; reason: string; now: number };

export type EnvironmentEmitted =
  | {
      type: 'env.created';
      envId: string;
      functionName: string;
      provisioned: boolean;
      logStreamName: string;
      requestId: string | undefined;
    }
  | { type: 'env.initialized'; envId: string; initDurationMs: number; forRequest: boolean }
  /** Idle and free for a warm start. */
  | { type: 'env.ready'; envId: string }
  | { type: 'run.started'; envId: string; plan: RunPlan; coldStart: boolean }
  | {
      type: 'run.ended';
      envId: string;
      plan: RunPlan;
      /** Init Duration, on the run that followed Init. */
      initDurationMs: number | undefined;
      /** The environment does not stay (timed out, or retiring). */
      resets: boolean;
    }
  | { type: 'env.shutdown'; envId: string; reason: string; provisioned: boolean };

/** The run under way (the machine only asks in states that have one). */
function runOf(context: EnvironmentContext): RunPlan {
  if (context.run === undefined) throw new Error(`model bug: environment ${context.envId} has no run`);
  return context.run;
}

export const environmentMachine = setup({
  types: {
    context: {} as EnvironmentContext,
    events: {} as EnvironmentEvent,
    input: {} as EnvironmentInput,
    emitted: {} as EnvironmentEmitted,
  },
  guards: {
    isPreInitialized: ({ context }) => context.preInitialized,
    hasRequestWaiting: ({ context }) => context.run !== undefined,
    runResetsEnvironment: ({ context }) => context.run?.outcome === 'timeout',
    isRetiring: ({ context }) => context.retiring,
  },
  delays: {
    initDuration: ({ context }) => Math.ceil(context.initDurationMs),
    runDuration: ({ context }) => context.run?.spanMs ?? 0,
    // Provisioned: never.
    idleLifetime: ({ context }) => (context.provisioned ? Infinity : context.idleMs),
  },
  actions: {
    announceCreated: emit(({ context }): EnvironmentEmitted => ({
      type: 'env.created',
      envId: context.envId,
      functionName: context.functionName,
      provisioned: context.provisioned,
      logStreamName: context.logStreamName,
      requestId: context.run?.requestId,
    })),
    showInitializing: assign({
      busySince: ({ context }) => context.createdAt,
      busyUntil: ({ context }) => context.createdAt + Math.ceil(context.initDurationMs),
      coldStart: ({ context }) => context.run !== undefined,
    }),
    announceInitialized: emit(({ context }): EnvironmentEmitted => ({
      type: 'env.initialized',
      envId: context.envId,
      initDurationMs: context.initDurationMs,
      forRequest: context.run !== undefined,
    })),
    /** The run that caused the cold start begins when Init ends. */
    startColdRun: assign({
      coldRun: true,
      busySince: ({ context }) => context.busyUntil,
      busyUntil: ({ context }) => (context.busyUntil ?? 0) + (context.run?.spanMs ?? 0),
    }),
    takeRun: assign(({ event }) => {
      assertEvent(event, 'run.assigned');
      const { plan, now, idleMs } = event;
      return {
        run: plan,
        idleMs,
        coldRun: false,
        busySince: now,
        busyUntil: now + plan.spanMs,
        idleSince: undefined,
      };
    }),
    countRun: assign({
      invocationCount: ({ context }) => context.invocationCount + 1,
      coldStart: ({ context }) => context.coldRun,
    }),
    announceRunStarted: emit(({ context }): EnvironmentEmitted => ({
      type: 'run.started',
      envId: context.envId,
      plan: runOf(context),
      coldStart: context.coldRun,
    })),
    announceRunEnded: emit(({ context }): EnvironmentEmitted => ({
      type: 'run.ended',
      envId: context.envId,
      plan: runOf(context),
      initDurationMs: context.coldRun ? context.initDurationMs : undefined,
      resets: context.run?.outcome === 'timeout' || context.retiring,
    })),
    showIdle: assign({
      idleSince: ({ context }) => context.busyUntil ?? context.createdAt,
      busySince: undefined,
      busyUntil: undefined,
      run: undefined,
      coldRun: false,
    }),
    announceReady: emit(({ context }): EnvironmentEmitted => ({ type: 'env.ready', envId: context.envId })),
    markRetiring: assign(({ event }) => {
      assertEvent(event, 'env.retire');
      return { retiring: true, shutdownReason: event.reason };
    }),
    retireNow: assign(({ event }) => {
      assertEvent(event, 'env.retire');
      return { shutdownAt: event.now };
    }),
    /** A timeout resets the environment (lambda-facts §5). */
    resetAfterTimeout: assign({ shutdownReason: 'TaskTimedOut' }),
    endWithRun: assign({ shutdownAt: ({ context }) => context.busyUntil }),
    idleOut: assign({
      shutdownReason: 'IdleTimeout',
      shutdownAt: ({ context }) => (context.idleSince ?? context.createdAt) + context.idleMs,
    }),
    showShutdown: assign({ busySince: undefined, busyUntil: undefined, run: undefined, coldRun: false }),
    announceShutdown: emit(({ context }): EnvironmentEmitted => ({
      type: 'env.shutdown',
      envId: context.envId,
      reason: context.shutdownReason,
      provisioned: context.provisioned,
    })),
  },
}).createMachine({
  id: 'executionEnvironment',
  context: ({ input }) => ({
    envId: input.envId,
    functionName: input.functionName,
    logStreamName: input.logStreamName,
    provisioned: input.provisioned,
    preInitialized: input.preInitialized,
    initDurationMs: input.initDurationMs,
    createdAt: input.createdAt,
    run: input.run,
    coldRun: false,
    coldStart: false,
    retiring: false,
    idleMs: input.idleMs,
    invocationCount: 0,
    busySince: undefined,
    busyUntil: undefined,
    idleSince: undefined,
    shutdownAt: undefined,
    shutdownReason: 'IdleTimeout',
  }),
  initial: 'starting',
  on: {
    'env.retire': { actions: 'markRetiring' },
  },
  states: {
    starting: {
      entry: 'announceCreated',
      always: [
        { guard: 'isPreInitialized', target: 'idle', actions: 'announceReady' },
        { target: 'initializing' },
      ],
    },
    /** Init: extensions, the runtime, the function's code outside the handler. */
    initializing: {
      entry: 'showInitializing',
      after: {
        initDuration: [
          { guard: 'hasRequestWaiting', target: 'busy', actions: ['announceInitialized', 'startColdRun'] },
          { guard: 'isRetiring', target: 'shutdown', actions: ['announceInitialized', 'endWithRun'] },
          { target: 'idle', actions: ['announceInitialized', 'announceReady'] },
        ],
      },
    },
    /** One request at a time. */
    busy: {
      entry: ['countRun', 'announceRunStarted'],
      after: {
        runDuration: [
          {
            guard: 'runResetsEnvironment',
            target: 'shutdown',
            actions: ['announceRunEnded', 'resetAfterTimeout', 'endWithRun'],
          },
          { guard: 'isRetiring', target: 'shutdown', actions: ['announceRunEnded', 'endWithRun'] },
          { target: 'idle', actions: 'announceRunEnded' },
        ],
      },
    },
    /** Frozen between requests. */
    idle: {
      entry: 'showIdle',
      on: {
        'run.assigned': { target: 'busy', actions: 'takeRun' },
        'env.retire': { target: 'shutdown', actions: ['markRetiring', 'retireNow'] },
      },
      after: {
        idleLifetime: { target: 'shutdown', actions: 'idleOut' },
      },
    },
    shutdown: {
      type: 'final',
      entry: ['showShutdown', 'announceShutdown'],
    },
  },
});
