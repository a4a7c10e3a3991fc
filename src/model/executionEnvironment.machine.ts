/**
 * One execution environment (a barista): Init (cold start) → busy with one request →
 * frozen/idle → … → shutdown. It owns a CloudWatch log stream. Timeouts and crashes
 * reset (shut down) the environment; idle on-demand environments shut down after a
 * seeded 5–15 minutes; provisioned ones never shut down for idleness.
 */
import { assign, sendParent, setup } from 'xstate';
import { MODEL_LIMITS } from './defaults';
import type { Ledger } from './ledger';
import { endLine, printedLine, pythonErrorLine, reportLine, startLine, timeoutLine } from './logFormat';
import { uniform } from './prng';
import type { RunPlan } from './runPlan';
import type { EnvironmentView } from './types';

export interface EnvironmentInput {
  envId: string;
  functionName: string;
  ledger: Ledger;
  provisioned: boolean;
  /** Provisioned environments at start are already initialised (no Init phase, no Init Duration). */
  preInitialized: boolean;
  /** Reported Init Duration (ms). */
  initDurationMs: number;
  logStreamName: string;
  /** The request that caused this cold start, run right after Init. */
  run?: RunPlan;
}

interface EnvironmentContext {
  envId: string;
  functionName: string;
  ledger: Ledger;
  view: EnvironmentView;
  provisioned: boolean;
  preInitialized: boolean;
  initDurationMs: number;
  logStreamName: string;
  run: RunPlan | undefined;
  /** The current run follows this environment's Init (a cold start). */
  coldRun: boolean;
  retiring: boolean;
  idleMs: number;
  shutdownReason: string;
}

export type EnvironmentEvent =
  | { type: 'run.assigned'; plan: RunPlan }
  /** The current run's time is up (its end is plain data on the virtual clock; see `startRun`). */
  | { type: 'run.ended' }
  /** Shut down as soon as the current run (if any) ends: config updated, provisioning reduced. */
  | { type: 'env.retire'; reason: string };

/** What an environment tells the Lambda service. */
export type EnvironmentReport =
  | { type: 'env.ready'; envId: string }
  | { type: 'run.finished'; envId: string; plan: RunPlan; resets: boolean; coldStart: boolean }
  | { type: 'env.shutdown'; envId: string; reason: string; provisioned: boolean };

function writeLog(context: EnvironmentContext, message: string): void {
  const requestId = context.run?.requestId;
  context.ledger.log(context.functionName, context.logStreamName, message, requestId);
  // LogType Tail: the invocation keeps its own lines for LogResult.
  if (requestId !== undefined) context.ledger.active.get(requestId)?.tailLines?.push(message);
}

export const environmentMachine = setup({
  types: {
    context: {} as EnvironmentContext,
    events: {} as EnvironmentEvent,
    input: {} as EnvironmentInput,
  },
  guards: {
    isPreInitialized: ({ context }) => context.preInitialized,
    hasRequestWaiting: ({ context }) => context.run !== undefined,
    runResetsEnvironment: ({ context }) => context.run?.outcome === 'timeout',
    isRetiring: ({ context }) => context.retiring,
  },
  delays: {
    initDuration: ({ context }) => Math.ceil(context.initDurationMs),
    // Provisioned: never. (Also covers a pre-initialised environment's very first idle
    // entry, where XState runs the showIdle action only once the actor starts.)
    idleLifetime: ({ context }) => (context.provisioned ? Infinity : context.idleMs),
  },
  actions: {
    showInitializing: ({ context }) => {
      const { view, ledger } = context;
      view.state = 'initializing';
      view.busySince = ledger.now();
      view.busyUntil = ledger.now() + Math.ceil(context.initDurationMs);
      view.currentRequestId = context.run?.requestId;
      view.coldStart = context.run !== undefined;
    },
    recordInitialized: ({ context }) => {
      if (context.run !== undefined) context.ledger.totals.coldStarts++;
      context.ledger.note('env.initialized', {
        envId: context.envId,
        initDurationMs: context.initDurationMs,
      });
    },
    // Per-run bookkeeping mutates the environment's own context in place (the run, cold
    // flag, shutdown reason are plain data no one else reads): an `assign` would rebuild
    // the context and the snapshot twice per run, which is most of the garbage at scale.
    takeRun: ({ context, event }) => {
      context.run = event.type === 'run.assigned' ? event.plan : undefined;
      context.coldRun = false;
    },
    markColdRun: ({ context }) => {
      context.coldRun = context.run !== undefined;
    },
    startRun: ({ context, self }) => {
      const { ledger, view } = context;
      const plan = context.run as RunPlan;
      const now = ledger.now();
      view.state = 'busy';
      view.busySince = now;
      view.busyUntil = now + plan.spanMs;
      view.currentRequestId = plan.requestId;
      view.invocationCount++;
      view.coldStart = context.coldRun;
      const invocation = ledger.active.get(plan.requestId);
      if (invocation) {
        invocation.deadline = now + plan.timeoutMs;
        if (invocation.logType === 'Tail') invocation.tailLines = [];
      }
      ledger.record({
        t: now,
        type: 'run.started',
        requestId: plan.requestId,
        envId: context.envId,
        attempt: plan.attempt,
        coldStart: context.coldRun,
      });
      writeLog(context, startLine(plan.requestId));
      // The run's end is plain data on the virtual clock rather than an XState `after`
      // timer (no scheduler bookkeeping per run); a run is never cut short, so it is
      // never cancelled. The event reaches the environment exactly as a delayed event would.
      ledger.clock.setTimeout(() => self.send({ type: 'run.ended' }), plan.spanMs);
    },
    writeRunEnd: ({ context }) => {
      const { ledger } = context;
      const plan = context.run as RunPlan;
      const epoch = ledger.epoch();
      if (plan.outcome === 'success') {
        for (const line of plan.printedLines) writeLog(context, printedLine(line));
      } else if (plan.outcome === 'error') {
        writeLog(context, pythonErrorLine(plan.errorType ?? 'Exception', plan.errorMessage ?? ''));
      } else {
        writeLog(context, timeoutLine(epoch, plan.requestId, plan.durationMs));
      }
      writeLog(context, endLine(plan.requestId));
      const initDurationMs = context.coldRun ? context.initDurationMs : undefined;
      // UNCONFIRMED: since INIT is billed (Aug 2025) the cold start's Billed Duration includes it.
      const billedMs = Math.ceil(plan.durationMs + (initDurationMs ?? 0));
      writeLog(
        context,
        reportLine({
          requestId: plan.requestId,
          durationMs: plan.durationMs,
          billedMs,
          memorySizeMb: plan.memorySizeMb,
          maxMemoryUsedMb: plan.maxMemoryUsedMb,
          initDurationMs,
        }),
      );
      const type =
        plan.outcome === 'success'
          ? 'run.succeeded'
          : plan.outcome === 'error'
            ? 'run.failed'
            : 'run.timedOut';
      const t = ledger.now();
      ledger.record({
        t,
        type,
        requestId: plan.requestId,
        envId: context.envId,
        durationMs: plan.durationMs,
        billedMs,
      });
      // Still here after the run (no timeout reset, not retiring): the environment freezes.
      if (plan.outcome !== 'timeout' && !context.retiring)
        ledger.record({ t, type: 'env.frozen', envId: context.envId });
    },
    reportRunFinished: sendParent(({ context }): EnvironmentReport => ({
      type: 'run.finished',
      envId: context.envId,
      plan: context.run as RunPlan,
      resets: context.run?.outcome === 'timeout' || context.retiring,
      coldStart: context.coldRun,
    })),
    clearRun: ({ context }) => {
      context.run = undefined;
      context.coldRun = false;
    },
    showIdle: ({ context }) => {
      const { view } = context;
      view.state = 'idle';
      view.busySince = undefined;
      view.busyUntil = undefined;
      view.currentRequestId = undefined;
      // Provisioned environments never idle out (no draw); see the idleLifetime delay.
      if (!context.provisioned) {
        context.idleMs = Math.round(
          uniform(context.ledger.random, MODEL_LIMITS.idleShutdownMinMs, MODEL_LIMITS.idleShutdownMaxMs),
        );
      }
    },
    reportReady: sendParent(({ context }): EnvironmentReport => ({
      type: 'env.ready',
      envId: context.envId,
    })),
    markRetiring: assign({
      retiring: true,
      shutdownReason: ({ event }) => (event.type === 'env.retire' ? event.reason : 'Retired'),
    }),
    noteResetReason: ({ context }) => {
      context.shutdownReason = 'TaskTimedOut';
    },
    noteIdleReason: ({ context }) => {
      context.shutdownReason = 'IdleTimeout';
    },
    recordShutdown: ({ context }) => {
      const { view, ledger } = context;
      view.state = 'shutdown';
      view.busySince = undefined;
      view.busyUntil = undefined;
      view.currentRequestId = undefined;
      view.shutdownAt = ledger.now();
      view.shutdownReason = context.shutdownReason;
      ledger.note('env.shutdown', { envId: context.envId, reason: context.shutdownReason });
    },
    reportShutdown: sendParent(({ context }): EnvironmentReport => ({
      type: 'env.shutdown',
      envId: context.envId,
      reason: context.shutdownReason,
      provisioned: context.provisioned,
    })),
  },
}).createMachine({
  id: 'executionEnvironment',
  context: ({ input }) => {
    const view: EnvironmentView = {
      id: input.envId,
      functionName: input.functionName,
      state: input.preInitialized ? 'idle' : 'initializing',
      logStreamName: input.logStreamName,
      invocationCount: 0,
      provisioned: input.provisioned,
      coldStart: false,
      createdAt: input.ledger.now(),
    };
    input.ledger.environments.set(input.envId, view);
    input.ledger.note('env.created', {
      envId: input.envId,
      functionName: input.functionName,
      provisioned: input.provisioned,
      logStreamName: input.logStreamName,
      ...(input.run ? { requestId: input.run.requestId } : {}),
    });
    return {
      envId: input.envId,
      functionName: input.functionName,
      ledger: input.ledger,
      view,
      provisioned: input.provisioned,
      preInitialized: input.preInitialized,
      initDurationMs: input.initDurationMs,
      logStreamName: input.logStreamName,
      run: input.run,
      coldRun: false,
      retiring: false,
      idleMs: 0,
      shutdownReason: 'IdleTimeout',
    };
  },
  initial: 'starting',
  on: {
    'env.retire': { actions: 'markRetiring' },
  },
  states: {
    starting: {
      always: [
        { guard: 'isPreInitialized', target: 'idle', actions: 'reportReady' },
        { target: 'initializing' },
      ],
    },
    initializing: {
      entry: 'showInitializing',
      after: {
        initDuration: [
          { guard: 'hasRequestWaiting', target: 'busy', actions: ['recordInitialized', 'markColdRun'] },
          { guard: 'isRetiring', target: 'shutdown', actions: 'recordInitialized' },
          { target: 'idle', actions: ['recordInitialized', 'reportReady'] },
        ],
      },
    },
    busy: {
      entry: 'startRun',
      on: {
        'run.ended': [
          {
            guard: 'runResetsEnvironment',
            target: 'shutdown',
            actions: ['writeRunEnd', 'reportRunFinished', 'noteResetReason', 'clearRun'],
          },
          {
            guard: 'isRetiring',
            target: 'shutdown',
            actions: ['writeRunEnd', 'reportRunFinished', 'clearRun'],
          },
          { target: 'idle', actions: ['writeRunEnd', 'reportRunFinished'] },
        ],
      },
    },
    idle: {
      entry: 'showIdle',
      on: {
        'run.assigned': { target: 'busy', actions: 'takeRun' },
        'env.retire': { target: 'shutdown', actions: 'markRetiring' },
      },
      after: {
        idleLifetime: { target: 'shutdown', actions: 'noteIdleReason' },
      },
    },
    shutdown: {
      type: 'final',
      entry: ['recordShutdown', 'reportShutdown'],
    },
  },
});
