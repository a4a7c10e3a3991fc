/**
 * The Lambda service around the machines: it looks up the facts the machines decide on (is the
 * function there, is its concurrency in use, how old is an event), carries out what they decide
 * (takes a concurrency slot, plans a run, hands it to an environment), and writes down what they
 * emit (trace, CloudWatch logs, destination records, the caller's answer).
 *
 * Everything here is plain data — function states, machine instances (`{ value, context }`,
 * contexts never mutated), timers, bounded buffers, the random generators' state — so
 * `snapshot()` copies it and `LambdaEngine.restore()` continues exactly where it left off.
 */
import { MODEL_LIMITS, functionArn } from './defaults';
import type { LambdaErrorShape, ThrottleReason } from './errors';
import type {
  EnvironmentContext,
  EnvironmentEmitted,
  EnvironmentEvent,
  EnvironmentInput,
} from './executionEnvironment.machine';
import { environmentMachine } from './executionEnvironment.machine';
import type { EventQueueContext, EventQueueEmitted, EventQueueEvent } from './eventQueue.machine';
import { eventQueueMachine } from './eventQueue.machine';
import type {
  EventPolicy,
  InvocationContext,
  InvocationEmitted,
  InvocationEvent,
  InvocationInput,
} from './invocation.machine';
import { invocationMachine } from './invocation.machine';
import type { InvokeRequestFacts, RequestDecision } from './lambdaService.machine';
import { decisionOf, lambdaServiceMachine } from './lambdaService.machine';
import {
  endLine,
  logGroupName,
  logStreamName,
  pythonErrorLine,
  printedLine,
  reportLine,
  startLine,
  tailLogResult,
  timeoutLine,
} from './logFormat';
import { MachineRunner, type Instance, type MachineEvent, type RunnerHost } from './machineRunner';
import { invocationRecord, responseOf } from './outcomes';
import {
  createRandomFromState,
  randomHex32,
  randomUuid,
  uniform,
  type Random,
  type RandomState,
} from './prng';
import { RingBuffer, type RingBufferSnapshot } from './ringBuffer';
import { planInitDuration, planRun, type RunPlan } from './runPlan';
import { Scheduler, type SchedulerSnapshot, type TimerEntry } from './scheduler';
import type {
  DestinationRecord,
  DroppedInvocations,
  EnvironmentState,
  EnvironmentView,
  InvocationBlocks,
  InvocationRecord,
  KeptInvocation,
  InvocationState,
  InvokeOutput,
  LogEvent,
  ResolvedFunctionConfig,
  SimulationLimits,
  TraceEvent,
} from './types';
import { destinationTypeOf } from './validation';

export interface FunctionState {
  config: ResolvedFunctionConfig;
  /** Environments busy or initialising for a request (the function's concurrency). */
  inUse: number;
  /** Idle environments ready for a warm start (ids); provisioned ones are taken first. */
  idleProvisioned: string[];
  idleOnDemand: string[];
  /** The function's event queue and poller. */
  queue: Instance<EventQueueContext>;
}

/** An accepted invocation that has not ended: its lifecycle machine and what the service keeps beside it. */
export interface ActiveInvocation {
  instance: Instance<InvocationContext>;
  seq: number;
  /** The parsed event (handed to the handler, destinations and DLQs). */
  event: unknown;
  logType: 'None' | 'Tail';
  /** Log lines of the current attempt (only for LogType Tail). */
  tailLines: string[] | undefined;
  /** Virtual ms the current run's deadline is reached (for the context object). */
  deadline: number | undefined;
  /** A sync call's answer, once given. */
  output: InvokeOutput | undefined;
}

/** A finished (or refused) call, as kept in the bounded history. Never changed once kept. */
export interface FinishedInvocation {
  seq: number;
  record: InvocationRecord;
  output: InvokeOutput | undefined;
}

/** What an Invoke request came with, and what the service found out about it. */
export interface InvokeRequest {
  functionName: string;
  /** The name as the caller gave it (for the 404 message). */
  requestedName: string;
  /** The ARN of another Region or account the caller named (the café's functions are not there). */
  notFoundArn?: string;
  qualifier: string | undefined;
  invocationType: string;
  logType: 'None' | 'Tail';
  payloadText: string;
  payloadBytes: number;
  parsedPayload: unknown;
  /** Set when the payload is not JSON (the parser's detail). */
  parseError: string | undefined;
  callerId: string | undefined;
  callerLabel: string | undefined;
}

export type InvokeAnswer =
  | { requestId: string; error: LambdaErrorShape; output?: undefined }
  | { requestId: string; error?: undefined; output: InvokeOutput | undefined };

export interface Totals {
  accepted: number;
  rejected: number;
  dryRuns: number;
  coldStarts: number;
  outcomes: Record<string, number>;
}

export const ENGINE_SNAPSHOT_FORMAT = 'lambda-cafe/model-snapshot@1';

interface InstanceData<C> {
  key: string;
  kind: string;
  value: string;
  context: C;
  done: boolean;
}

/** The engine's whole state as plain data (see `LambdaSimulation.snapshot`). */
export interface EngineSnapshot {
  format: typeof ENGINE_SNAPSHOT_FORMAT;
  startTime: number;
  limits: Required<SimulationLimits>;
  accountConcurrency: number;
  random: RandomState;
  sideRandom: RandomState;
  seq: number;
  envCounter: number;
  scheduler: SchedulerSnapshot;
  functions: {
    config: ResolvedFunctionConfig;
    inUse: number;
    idleProvisioned: string[];
    idleOnDemand: string[];
    queue: InstanceData<EventQueueContext>;
  }[];
  /** Active invocations, flat (a backlog of thousands is copied into every snapshot). */
  invocations: {
    value: string;
    context: InvocationContext;
    seq: number;
    event: unknown;
    logType: 'None' | 'Tail';
    tailLines: string[] | undefined;
    deadline: number | undefined;
    output: InvokeOutput | undefined;
  }[];
  environments: InstanceData<EnvironmentContext>[];
  retiring: string[];
  trace: RingBufferSnapshot<TraceEvent>;
  logs: RingBufferSnapshot<LogEvent>;
  finished: RingBufferSnapshot<FinishedInvocation>;
  destinations: RingBufferSnapshot<DestinationRecord>;
  shutdownEnvironments: RingBufferSnapshot<EnvironmentView>;
  totals: Totals;
  dropped: [string, DroppedInvocations][];
}

const data = <C>(i: Instance<C>): InstanceData<C> => ({
  key: i.key,
  kind: i.kind,
  value: i.value,
  context: i.context,
  done: i.done,
});

const MACHINES = {
  service: lambdaServiceMachine,
  invocation: invocationMachine,
  environment: environmentMachine,
  queue: eventQueueMachine,
};

const INVOCATION_STATE: Record<string, InvocationState> = {
  received: 'queued',
  queued: 'queued',
  throttled: 'throttled-backoff',
  running: 'running',
  retryWaiting: 'retry-wait',
  failed: 'failed',
  succeeded: 'succeeded',
  returnedError: 'failed',
  deliveredOnSuccess: 'destination',
  deliveredOnFailure: 'destination',
  deadLettered: 'destination',
  discarded: 'discarded',
};

const ENVIRONMENT_STATE: Record<string, EnvironmentState> = {
  starting: 'initializing',
  initializing: 'initializing',
  busy: 'busy',
  idle: 'idle',
  shutdown: 'shutdown',
};

const invocationKey = (requestId: string): string => `inv:${requestId}`;
const queueKey = (functionName: string): string => `queue:${functionName}`;

export function emptyDropped(): DroppedInvocations {
  return {
    requestResponse: 0,
    event: 0,
    rejectedRequestResponse: 0,
    rejectedEvent: 0,
    blockedMs: 0,
    eventHandlingMs: 0,
    discarded: 0,
  };
}

export function resolvedLimits(limits: SimulationLimits = {}): Required<SimulationLimits> {
  return {
    traceEvents: limits.traceEvents ?? MODEL_LIMITS.traceEvents,
    logEvents: limits.logEvents ?? MODEL_LIMITS.logEvents,
    finishedInvocations: limits.finishedInvocations ?? MODEL_LIMITS.finishedInvocations,
    destinationRecords: limits.destinationRecords ?? MODEL_LIMITS.destinationRecords,
    shutdownEnvironments: limits.shutdownEnvironments ?? MODEL_LIMITS.shutdownEnvironments,
  };
}

/** The public record of an invocation (undefined fields left out, as JSON would). */
export function invocationRecordOf(instance: Instance<InvocationContext>): InvocationRecord {
  const c = instance.context;
  const r: InvocationRecord = {
    requestId: c.requestId,
    functionName: c.functionName,
    invocationType: c.invocationType,
    acceptedAt: c.acceptedAt,
    state: INVOCATION_STATE[instance.value] ?? 'queued',
    attempts: c.attempts,
    payload: c.payload,
  };
  // Field by field, present only once they mean something (no temporary objects: views build
  // thousands of records at a seek).
  if (c.callerId !== undefined) r.callerId = c.callerId;
  if (c.callerLabel !== undefined) r.callerLabel = c.callerLabel;
  if (c.statusCode !== undefined) r.statusCode = c.statusCode;
  if (c.functionError !== undefined) r.functionError = c.functionError;
  if (c.environmentId !== undefined) r.environmentId = c.environmentId;
  if (c.nextAttemptAt !== undefined) r.nextAttemptAt = c.nextAttemptAt;
  if (c.respondedAt !== undefined) r.respondedAt = c.respondedAt;
  if (c.endedAt !== undefined) r.endedAt = c.endedAt;
  if (c.outcome !== undefined) r.outcome = c.outcome;
  if (c.outcomeReason !== undefined) r.outcomeReason = c.outcomeReason;
  if (c.destinationArn !== undefined) r.destinationArn = c.destinationArn;
  return r;
}

/**
 * Frozen records of active invocations, by context: a context is replaced at each assign, never
 * changed, and shared with snapshots and the simulations restored from them, so a record is
 * built once per context and state, and a seek's first frame reuses the ones play already built.
 */
const frozenRecords = new WeakMap<object, { value: string; record: InvocationRecord }>();

function frozenRecordOf(instance: Instance<InvocationContext>): InvocationRecord {
  const kept = frozenRecords.get(instance.context);
  if (kept?.value === instance.value) return kept.record;
  const record = Object.freeze(invocationRecordOf(instance));
  frozenRecords.set(instance.context, { value: instance.value, record });
  return record;
}

/** What the views show of an environment. */
export function environmentViewOf(instance: Instance<EnvironmentContext>): EnvironmentView {
  const c = instance.context;
  const state = ENVIRONMENT_STATE[instance.value] ?? 'initializing';
  const v: EnvironmentView = {
    id: c.envId,
    functionName: c.functionName,
    state,
    logStreamName: c.logStreamName,
    invocationCount: c.invocationCount,
    provisioned: c.provisioned,
    coldStart: c.coldStart,
    createdAt: c.createdAt,
  };
  if ((state === 'busy' || state === 'initializing') && c.run !== undefined)
    v.currentRequestId = c.run.requestId;
  if (c.busySince !== undefined) v.busySince = c.busySince;
  if (c.busyUntil !== undefined) v.busyUntil = c.busyUntil;
  if (state === 'shutdown') {
    v.shutdownAt = c.shutdownAt;
    v.shutdownReason = c.shutdownReason;
  }
  return v;
}

export class LambdaEngine implements RunnerHost {
  readonly scheduler: Scheduler;
  private readonly runner: MachineRunner;
  readonly functions = new Map<string, FunctionState>();
  readonly active = new Map<string, ActiveInvocation>();
  readonly environments = new Map<string, Instance<EnvironmentContext>>();
  /** Environments told to shut down after their current run (configuration updated, provisioning reduced). */
  readonly retiring = new Set<string>();
  readonly trace: RingBuffer<TraceEvent>;
  readonly logs: RingBuffer<LogEvent>;
  readonly finished: RingBuffer<FinishedInvocation>;
  readonly destinations: RingBuffer<DestinationRecord>;
  readonly shutdownEnvironments: RingBuffer<EnvironmentView>;
  readonly totals: Totals;
  readonly dropped = new Map<string, DroppedInvocations>();
  /** Trace events of the current facade operation, when someone subscribed. */
  batch: TraceEvent[] | undefined;
  /** Told when a sync call gets its answer (the facade settles its promise). */
  onResponded: (requestId: string, output: InvokeOutput) => void = () => undefined;
  accountConcurrency: number;
  private seq: number;
  private envCounter: number;
  private readonly logGroups = new Map<string, string>();

  private constructor(
    readonly startTime: number,
    readonly limits: Required<SimulationLimits>,
    accountConcurrency: number,
    /** Draws for everything that happens to accepted invocations and environments. */
    readonly random: Random,
    /** Draws for ids of calls that change nothing (refused, DryRun), so they cannot shift `random`. */
    readonly sideRandom: Random,
    scheduler: Scheduler,
    state?: EngineSnapshot,
  ) {
    this.scheduler = scheduler;
    this.runner = new MachineRunner(this, MACHINES);
    this.accountConcurrency = accountConcurrency;
    const onDrop = (inv: FinishedInvocation) => this.countDropped(inv.record);
    if (state === undefined) {
      this.trace = new RingBuffer(limits.traceEvents);
      this.logs = new RingBuffer(limits.logEvents);
      this.finished = new RingBuffer(limits.finishedInvocations, onDrop);
      this.destinations = new RingBuffer(limits.destinationRecords);
      this.shutdownEnvironments = new RingBuffer(limits.shutdownEnvironments);
      this.totals = { accepted: 0, rejected: 0, dryRuns: 0, coldStarts: 0, outcomes: {} };
      this.seq = 0;
      this.envCounter = 0;
      return;
    }
    this.trace = RingBuffer.restore(state.trace);
    this.logs = RingBuffer.restore(state.logs);
    this.finished = RingBuffer.restore(state.finished, onDrop);
    this.destinations = RingBuffer.restore(state.destinations);
    this.shutdownEnvironments = RingBuffer.restore(state.shutdownEnvironments);
    this.totals = { ...state.totals, outcomes: { ...state.totals.outcomes } };
    for (const [name, d] of state.dropped) this.dropped.set(name, { ...d });
    this.seq = state.seq;
    this.envCounter = state.envCounter;
    for (const f of state.functions) {
      this.functions.set(f.config.FunctionName, {
        config: f.config,
        inUse: f.inUse,
        idleProvisioned: [...f.idleProvisioned],
        idleOnDemand: [...f.idleOnDemand],
        queue: this.runner.revive(f.queue),
      });
    }
    for (const inv of state.invocations) {
      const instance = this.runner.revive<InvocationContext>({
        key: invocationKey(inv.context.requestId),
        kind: 'invocation',
        value: inv.value,
        context: inv.context,
        done: false,
      });
      this.active.set(instance.context.requestId, {
        instance,
        seq: inv.seq,
        event: inv.event,
        logType: inv.logType,
        tailLines: inv.tailLines === undefined ? undefined : [...inv.tailLines],
        deadline: inv.deadline,
        output: inv.output,
      });
    }
    for (const env of state.environments) this.environments.set(env.context.envId, this.runner.revive(env));
    for (const id of state.retiring) this.retiring.add(id);
  }

  /** A new engine with `functions` (already validated) and, for provisioned concurrency, its environments. */
  static create(options: {
    seed: number | string;
    startTime: number;
    limits: Required<SimulationLimits>;
    accountConcurrency: number;
    functions: ResolvedFunctionConfig[];
    random: Random;
    sideRandom: Random;
  }): LambdaEngine {
    const engine = new LambdaEngine(
      options.startTime,
      options.limits,
      options.accountConcurrency,
      options.random,
      options.sideRandom,
      new Scheduler(),
    );
    for (const config of options.functions) {
      const name = config.FunctionName;
      engine.functions.set(name, {
        config,
        inUse: 0,
        idleProvisioned: [],
        idleOnDemand: [],
        queue: engine.runner.create('queue', queueKey(name), { functionName: name }),
      });
    }
    // Provisioned concurrency: environments initialised before the café opens.
    for (const f of engine.functions.values())
      for (let i = 0; i < f.config.ProvisionedConcurrentExecutions; i++)
        engine.createEnvironment(f.config, true, true);
    return engine;
  }

  static restore(state: EngineSnapshot): LambdaEngine {
    return new LambdaEngine(
      state.startTime,
      { ...state.limits },
      state.accountConcurrency,
      createRandomFromState(state.random),
      createRandomFromState(state.sideRandom),
      Scheduler.restore(state.scheduler),
      state,
    );
  }

  snapshot(): EngineSnapshot {
    return {
      format: ENGINE_SNAPSHOT_FORMAT,
      startTime: this.startTime,
      limits: { ...this.limits },
      accountConcurrency: this.accountConcurrency,
      random: this.random.state(),
      sideRandom: this.sideRandom.state(),
      seq: this.seq,
      envCounter: this.envCounter,
      scheduler: this.scheduler.snapshot(),
      functions: [...this.functions.values()].map((f) => ({
        config: f.config,
        inUse: f.inUse,
        idleProvisioned: [...f.idleProvisioned],
        idleOnDemand: [...f.idleOnDemand],
        queue: data(f.queue),
      })),
      invocations: [...this.active.values()].map((a) => ({
        value: a.instance.value,
        context: a.instance.context,
        seq: a.seq,
        event: a.event,
        logType: a.logType,
        tailLines: a.tailLines === undefined ? undefined : [...a.tailLines],
        deadline: a.deadline,
        output: a.output,
      })),
      environments: [...this.environments.values()].map(data),
      retiring: [...this.retiring],
      trace: this.trace.snapshot(),
      logs: this.logs.snapshot(),
      finished: this.finished.snapshot(),
      destinations: this.destinations.snapshot(),
      shutdownEnvironments: this.shutdownEnvironments.snapshot(),
      totals: { ...this.totals, outcomes: { ...this.totals.outcomes } },
      dropped: [...this.dropped].map(([name, d]) => [name, { ...d }]),
    };
  }

  // ---- time --------------------------------------------------------------------------

  now(): number {
    return this.scheduler.now;
  }

  /** CloudWatch time (epoch ms) of a virtual time. */
  epoch(t = this.scheduler.now): number {
    return this.startTime + Math.floor(t);
  }

  /** Runs every timer due at or before `t`, each at its own time, then sets the clock to `t`. */
  advanceTo(t: number): void {
    for (let timer = this.scheduler.takeDue(t); timer !== undefined; timer = this.scheduler.takeDue(t))
      this.fire(timer);
    this.scheduler.now = Math.max(this.scheduler.now, t);
  }

  private fire(timer: TimerEntry): void {
    if (timer.event.type === 'retry.due') {
      const inv = this.active.get(timer.key.slice(4));
      if (inv)
        this.toInvocation(inv.instance, {
          type: 'retry.due',
          policy: this.policy(inv.instance.context.functionName),
        });
      return;
    }
    const instance = this.instanceByKey(timer.key);
    if (instance) this.runner.send(instance, timer.event);
  }

  private instanceByKey(key: string): Instance | undefined {
    if (key.startsWith('env:')) return this.environments.get(key.slice(4));
    if (key.startsWith('queue:')) return this.functions.get(key.slice(6))?.queue;
    if (key.startsWith('inv:')) return this.active.get(key.slice(4))?.instance;
    return undefined;
  }

  // Typed sends (the runner itself is untyped).
  private toInvocation(instance: Instance<InvocationContext>, event: InvocationEvent): void {
    this.runner.send(instance, event);
  }

  private toEnvironment(instance: Instance<EnvironmentContext>, event: EnvironmentEvent): void {
    this.runner.send(instance, event);
  }

  private toQueue(instance: Instance<EventQueueContext>, event: EventQueueEvent): void {
    this.runner.send(instance, event);
  }

  // ---- recording ---------------------------------------------------------------------

  /**
   * Appends a trace event built as one object literal, `{ t, type, …fields }` (a literal keeps
   * its fields in the object itself, where a spread adds them one by one into a side store —
   * for thousands of kept events).
   */
  record(event: TraceEvent): void {
    this.trace.push(event);
    this.batch?.push(event);
  }

  private log(functionName: string, stream: string, message: string, requestId: string | undefined): void {
    let group = this.logGroups.get(functionName);
    if (group === undefined) {
      group = logGroupName(functionName);
      this.logGroups.set(functionName, group);
    }
    const timestamp = this.epoch();
    // One literal per shape (no property added afterwards): these are kept by the thousand.
    const event: LogEvent =
      requestId !== undefined
        ? { logGroupName: group, logStreamName: stream, timestamp, message, requestId }
        : { logGroupName: group, logStreamName: stream, timestamp, message };
    this.logs.push(event);
    if (requestId !== undefined) this.active.get(requestId)?.tailLines?.push(message);
  }

  fn(name: string): FunctionState {
    const f = this.functions.get(name);
    if (!f) throw new Error(`model bug: unknown function ${name}`);
    return f;
  }

  // ---- concurrency -------------------------------------------------------------------

  private reservedTotal(): number {
    let sum = 0;
    for (const f of this.functions.values()) sum += f.config.ReservedConcurrentExecutions ?? 0;
    return sum;
  }

  /** Why one more concurrent run of `name` would be throttled, or undefined if it fits. */
  throttleReason(name: string): ThrottleReason | undefined {
    const f = this.fn(name);
    const reserved = f.config.ReservedConcurrentExecutions;
    if (reserved !== null)
      return f.inUse >= reserved ? 'ReservedFunctionConcurrentInvocationLimitExceeded' : undefined;
    let unreservedInUse = 0;
    for (const g of this.functions.values())
      if (g.config.ReservedConcurrentExecutions === null) unreservedInUse += g.inUse;
    return unreservedInUse >= this.accountConcurrency - this.reservedTotal()
      ? 'ConcurrentInvocationLimitExceeded'
      : undefined;
  }

  reservedTotalExcept(name: string): number {
    return this.reservedTotal() - (this.fn(name).config.ReservedConcurrentExecutions ?? 0);
  }

  /** The function's async settings now, for the decisions an event's machine makes. */
  private policy(name: string): EventPolicy {
    const c = this.fn(name).config;
    return {
      now: this.now(),
      maximumRetryAttempts: c.MaximumRetryAttempts,
      maximumEventAgeMs: c.MaximumEventAgeInSeconds * 1000,
      onSuccess: c.DestinationConfig.OnSuccess?.Destination || undefined,
      onFailure: c.DestinationConfig.OnFailure?.Destination || undefined,
      deadLetterQueue: c.DeadLetterConfig.TargetArn || undefined,
    };
  }

  // ---- the front door ----------------------------------------------------------------

  /** Handles one Invoke request: refused (4xx/429), DryRun (204), or accepted (an invocation starts). */
  invoke(request: InvokeRequest): InvokeAnswer {
    const f = request.notFoundArn === undefined ? this.functions.get(request.functionName) : undefined;
    const found = f !== undefined && (request.qualifier === undefined || request.qualifier === '$LATEST');
    const facts: InvokeRequestFacts = {
      functionFound: found,
      invocationType: request.invocationType,
      payloadBytes: request.payloadBytes,
      payloadIsJson: request.parseError === undefined,
      throttleReason: found ? this.throttleReason(request.functionName) : undefined,
      reservedConcurrencyIsZero: f?.config.ReservedConcurrentExecutions === 0,
      pollerIsIdle: f !== undefined && f.queue.value === 'idle' && f.queue.context.ready.length === 0,
    };
    const decision = decisionOf(this.runner.create<InvokeRequestFacts>('service', 'request', facts).value);
    switch (decision) {
      case 'notFound': {
        const arn =
          request.notFoundArn ??
          functionArn(request.requestedName) +
            (request.qualifier !== undefined ? `:${request.qualifier}` : '');
        return this.reject(request, {
          name: 'ResourceNotFoundException',
          httpStatusCode: 404,
          message: `Function not found: ${arn}`,
        });
      }
      case 'invalidInvocationType':
        return this.reject(request, {
          name: 'ValidationException',
          httpStatusCode: 400,
          message: `1 validation error detected: Value '${request.invocationType}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
          field: 'InvocationType',
        });
      case 'tooLarge':
        return this.reject(request, {
          name: 'RequestTooLargeException',
          httpStatusCode: 413,
          message: `Request must be smaller than ${request.invocationType === 'Event' ? MODEL_LIMITS.asyncPayloadBytes : MODEL_LIMITS.syncPayloadBytes} bytes for the InvokeFunction operation`,
        });
      case 'notJson':
        return this.reject(request, {
          name: 'InvalidRequestContentException',
          httpStatusCode: 400,
          message: `Could not parse request body into json: Could not parse payload into json: ${request.parseError}`,
          field: 'Payload',
        });
      case 'throttled':
        return this.reject(request, {
          name: 'TooManyRequestsException',
          httpStatusCode: 429,
          message: 'Rate Exceeded.',
          Reason: facts.throttleReason,
          retryAfterSeconds: '1',
        });
      case 'dryRun': {
        const requestId = randomUuid(this.sideRandom);
        this.totals.dryRuns++;
        this.record({
          t: this.now(),
          type: 'invoke.dryRun',
          requestId,
          functionName: request.functionName,
          statusCode: 204,
        });
        return { requestId, output: { StatusCode: 204 } };
      }
      default:
        return this.accept(request, decision);
    }
  }

  /** Refuses a request the facade found malformed (recorded like any refusal). */
  refuse(
    request: InvokeRequest,
    error: { name: string; message: string; field?: string; $metadata: { httpStatusCode: number } },
  ): InvokeAnswer {
    return this.reject(request, {
      name: error.name,
      message: error.message,
      httpStatusCode: error.$metadata.httpStatusCode,
      ...(error.field !== undefined ? { field: error.field } : {}),
    });
  }

  private reject(request: InvokeRequest, error: Omit<LambdaErrorShape, 'requestId'>): InvokeAnswer {
    // Refused calls draw their id from the side generator so they cannot shift anything else.
    const requestId = randomUuid(this.sideRandom);
    const t = this.now();
    const invocationType = request.invocationType === 'Event' ? 'Event' : 'RequestResponse';
    const record: InvocationRecord = {
      requestId,
      functionName: request.requestedName,
      invocationType,
      acceptedAt: t,
      state: 'rejected',
      statusCode: error.httpStatusCode,
      attempts: 0,
      respondedAt: t,
      endedAt: t,
      outcome: 'rejected',
      outcomeReason: error.name,
    };
    if (request.callerId !== undefined) record.callerId = request.callerId;
    if (request.callerLabel !== undefined) record.callerLabel = request.callerLabel;
    this.totals.rejected++;
    this.finished.push({ seq: this.seq++, record: Object.freeze(record), output: undefined });
    const event: TraceEvent = {
      t,
      type: 'invoke.rejected',
      requestId,
      functionName: request.requestedName,
      invocationType,
      statusCode: error.httpStatusCode,
      errorName: error.name,
    };
    if (error.Reason) event.reason = error.Reason;
    this.record(event);
    return { requestId, error: { ...error, requestId } };
  }

  private accept(request: InvokeRequest, decision: RequestDecision): InvokeAnswer {
    const requestId = randomUuid(this.random);
    const name = request.functionName;
    const invocationType = request.invocationType === 'Event' ? 'Event' : 'RequestResponse';
    const t = this.now();
    const input: InvocationInput = {
      requestId,
      functionName: name,
      invocationType,
      acceptedAt: t,
      payload: request.payloadText,
    };
    if (request.callerId !== undefined) input.callerId = request.callerId;
    if (request.callerLabel !== undefined) input.callerLabel = request.callerLabel;
    const inv: ActiveInvocation = {
      instance: this.runner.create<InvocationContext>('invocation', invocationKey(requestId), input),
      seq: this.seq++,
      event: request.parsedPayload,
      logType: request.logType === 'Tail' && invocationType === 'RequestResponse' ? 'Tail' : 'None',
      tailLines: undefined,
      deadline: undefined,
      output: undefined,
    };
    this.active.set(requestId, inv);
    this.totals.accepted++;
    this.record({
      t,
      type: 'invoke.accepted',
      requestId,
      functionName: name,
      invocationType,
      callerId: request.callerId,
    });
    switch (decision) {
      case 'eventToFailure':
        this.toInvocation(inv.instance, {
          type: 'event.dropped',
          condition: 'ZeroReservedConcurrency',
          policy: this.policy(name),
        });
        break;
      case 'eventRunsAtOnce':
        // The poller finds it at once: nothing is waiting and there is free concurrency.
        this.record({ t, type: 'queue.enqueued', requestId, depth: 1 });
        this.startRun(inv);
        break;
      case 'eventQueued':
        this.toInvocation(inv.instance, { type: 'event.queued' });
        this.toQueue(this.fn(name).queue, { type: 'event.queued', requestId, retry: false });
        break;
      default:
        this.startRun(inv);
    }
    return { requestId, output: invocationType === 'Event' ? { StatusCode: 202 } : undefined };
  }

  /**
   * Starts the next attempt: takes a concurrency slot, plans the run and hands it to a warm idle
   * environment (provisioned first, then the most recently used) or creates one (cold start).
   */
  private startRun(inv: ActiveInvocation): void {
    const c = inv.instance.context;
    const f = this.fn(c.functionName);
    const now = this.now();
    const plan = planRun(this.random, f.config, c.requestId, c.attempts + 1);
    f.inUse++;
    const warm = f.idleProvisioned.pop() ?? f.idleOnDemand.pop();
    if (warm !== undefined) {
      const env = this.environments.get(warm);
      if (!env) throw new Error(`model bug: idle environment ${warm} is gone`);
      this.toInvocation(inv.instance, { type: 'run.started', envId: warm, now });
      this.toEnvironment(env, {
        type: 'run.assigned',
        plan,
        now,
        idleMs: this.idleLifetime(env.context.provisioned),
      });
    } else {
      const envId = this.createEnvironment(f.config, false, false, plan);
      this.toInvocation(inv.instance, { type: 'run.started', envId, now });
    }
  }

  /** How long an environment stays warm when it next goes idle: a seeded 5–15 minutes; provisioned never idle out. */
  private idleLifetime(provisioned: boolean): number {
    if (provisioned) return Infinity;
    return Math.round(uniform(this.random, MODEL_LIMITS.idleShutdownMinMs, MODEL_LIMITS.idleShutdownMaxMs));
  }

  /** A new environment (draws its log stream suffix, Init Duration and idle lifetime). */
  private createEnvironment(
    config: ResolvedFunctionConfig,
    provisioned: boolean,
    preInitialized: boolean,
    run?: RunPlan,
  ): string {
    const envId = `env-${++this.envCounter}`;
    const stream = logStreamName(this.epoch(), randomHex32(this.random));
    const initDurationMs = preInitialized ? 0 : planInitDuration(this.random, config);
    const input: EnvironmentInput = {
      envId,
      functionName: config.FunctionName,
      logStreamName: stream,
      provisioned,
      preInitialized,
      initDurationMs,
      createdAt: this.now(),
      idleMs: this.idleLifetime(provisioned),
    };
    if (run !== undefined) input.run = run;
    // Registered before it starts: its first emitted events look it up.
    const instance = this.runner.create<EnvironmentContext>('environment', `env:${envId}`, input);
    if (!instance.done) this.environments.set(envId, instance);
    return envId;
  }

  // ---- what the machines emit --------------------------------------------------------

  emitted(instance: Instance, event: MachineEvent): void {
    switch (instance.kind) {
      case 'environment':
        this.onEnvironment(instance as Instance<EnvironmentContext>, event as EnvironmentEmitted);
        return;
      case 'invocation':
        this.onInvocation(instance as Instance<InvocationContext>, event as InvocationEmitted);
        return;
      case 'queue':
        this.onQueue(instance as Instance<EventQueueContext>, event as EventQueueEmitted);
        return;
      default:
        return;
    }
  }

  private onEnvironment(instance: Instance<EnvironmentContext>, e: EnvironmentEmitted): void {
    const t = this.now();
    const c = instance.context;
    switch (e.type) {
      case 'env.created':
        // Listed at once: what follows in the same step (its first run) looks it up.
        this.environments.set(e.envId, instance);
        this.record({
          t,
          type: 'env.created',
          envId: e.envId,
          functionName: e.functionName,
          provisioned: e.provisioned,
          logStreamName: e.logStreamName,
          requestId: e.requestId,
        });
        return;
      case 'env.initialized':
        if (e.forRequest) this.totals.coldStarts++;
        this.record({ t, type: 'env.initialized', envId: e.envId, initDurationMs: e.initDurationMs });
        return;
      case 'env.ready': {
        const f = this.fn(c.functionName);
        (c.provisioned ? f.idleProvisioned : f.idleOnDemand).push(e.envId);
        return;
      }
      case 'run.started': {
        const plan = e.plan;
        const inv = this.active.get(plan.requestId);
        if (inv) {
          inv.deadline = t + plan.timeoutMs;
          if (inv.logType === 'Tail') inv.tailLines = [];
        }
        this.record({
          t,
          type: 'run.started',
          requestId: plan.requestId,
          envId: e.envId,
          attempt: plan.attempt,
          coldStart: e.coldStart,
        });
        this.log(c.functionName, c.logStreamName, startLine(plan.requestId), plan.requestId);
        return;
      }
      case 'run.ended':
        this.endRun(instance, e);
        return;
      case 'env.shutdown': {
        const f = this.fn(c.functionName);
        this.record({ t, type: 'env.shutdown', envId: e.envId, reason: e.reason });
        f.idleProvisioned = f.idleProvisioned.filter((id) => id !== e.envId);
        f.idleOnDemand = f.idleOnDemand.filter((id) => id !== e.envId);
        this.environments.delete(e.envId);
        this.retiring.delete(e.envId);
        this.shutdownEnvironments.push(environmentViewOf(instance));
        this.fillProvisioned(f.config);
        return;
      }
    }
  }

  /** A run's end: its log lines, its trace, the slot freed, the invocation told, waiting pollers woken. */
  private endRun(
    instance: Instance<EnvironmentContext>,
    e: Extract<EnvironmentEmitted, { type: 'run.ended' }>,
  ): void {
    const c = instance.context;
    const plan = e.plan;
    const epoch = this.epoch();
    const id = plan.requestId;
    if (plan.outcome === 'success') {
      for (const line of plan.printedLines) this.log(c.functionName, c.logStreamName, printedLine(line), id);
    } else if (plan.outcome === 'error') {
      this.log(
        c.functionName,
        c.logStreamName,
        pythonErrorLine(plan.errorType ?? 'Exception', plan.errorMessage ?? ''),
        id,
      );
    } else {
      this.log(c.functionName, c.logStreamName, timeoutLine(epoch, id, plan.durationMs), id);
    }
    this.log(c.functionName, c.logStreamName, endLine(id), id);
    // UNCONFIRMED: since INIT is billed (Aug 2025) the cold start's Billed Duration includes it.
    const billedMs = Math.ceil(plan.durationMs + (e.initDurationMs ?? 0));
    this.log(
      c.functionName,
      c.logStreamName,
      reportLine({
        requestId: id,
        durationMs: plan.durationMs,
        billedMs,
        memorySizeMb: plan.memorySizeMb,
        maxMemoryUsedMb: plan.maxMemoryUsedMb,
        initDurationMs: e.initDurationMs,
      }),
      id,
    );
    const t = this.now();
    const type =
      plan.outcome === 'success' ? 'run.succeeded' : plan.outcome === 'error' ? 'run.failed' : 'run.timedOut';
    this.record({ t, type, requestId: id, envId: e.envId, durationMs: plan.durationMs, billedMs });
    // Still here after the run (no timeout reset, not retiring): the environment freezes.
    if (!e.resets) this.record({ t, type: 'env.frozen', envId: e.envId });
    const f = this.fn(plan.functionName);
    f.inUse--;
    if (!e.resets) (c.provisioned ? f.idleProvisioned : f.idleOnDemand).push(e.envId);
    const inv = this.active.get(id);
    if (inv) {
      this.toInvocation(inv.instance, {
        type: 'run.finished',
        outcome: plan.outcome,
        response: responseOf(epoch, plan),
        policy: this.policy(plan.functionName),
      });
    }
    this.wakePollers(this.pollersFreedBy(plan.functionName));
  }

  private onInvocation(instance: Instance<InvocationContext>, e: InvocationEmitted): void {
    const t = this.now();
    const inv = this.active.get(instance.context.requestId);
    if (!inv) return;
    const c = instance.context;
    switch (e.type) {
      case 'invoke.responded': {
        const output: InvokeOutput = {
          StatusCode: 200,
          ExecutedVersion: '$LATEST',
          Payload: e.response.payloadText,
        };
        if (e.response.functionError) output.FunctionError = e.response.functionError;
        if (inv.tailLines) output.LogResult = tailLogResult(inv.tailLines, MODEL_LIMITS.tailLogBytes);
        inv.output = output;
        this.record({
          t,
          type: 'invoke.responded',
          requestId: e.requestId,
          statusCode: 200,
          functionError: e.response.functionError,
        });
        this.onResponded(e.requestId, output);
        return;
      }
      case 'retry.scheduled':
        this.record({
          t,
          type: 'retry.scheduled',
          requestId: e.requestId,
          attempt: e.attempt,
          delayMs: e.delayMs,
          at: e.at,
        });
        this.scheduler.schedule(instance.key, 'retry', e.at - t, { type: 'retry.due' });
        return;
      case 'retry.queued':
        this.toQueue(this.fn(c.functionName).queue, {
          type: 'event.queued',
          requestId: e.requestId,
          retry: true,
        });
        return;
      case 'event.delivered': {
        const config = this.fn(c.functionName).config;
        const record =
          e.kind === 'DLQ'
            ? inv.event
            : invocationRecord(
                this.epoch(),
                config.FunctionArn,
                c.requestId,
                c.attempts,
                e.condition,
                inv.event,
                c.lastResponse,
              );
        const delivered: DestinationRecord = {
          functionName: c.functionName,
          destinationArn: e.destinationArn,
          destinationType: destinationTypeOf(e.destinationArn) ?? 'sqs',
          kind: e.kind,
          timestamp: this.epoch(),
          requestId: c.requestId,
          record,
        };
        if (e.kind === 'DLQ') {
          const payload = c.lastResponse?.payload as { errorMessage?: string } | undefined;
          delivered.messageAttributes = {
            RequestID: c.requestId,
            ErrorCode: String(c.lastResponse?.statusCode ?? 429),
            ErrorMessage: payload?.errorMessage ?? e.condition,
          };
        }
        this.destinations.push(delivered);
        this.record({
          t,
          type: 'destination.delivered',
          requestId: e.requestId,
          kind: e.kind,
          destinationArn: e.destinationArn,
          condition: e.condition,
        });
        return;
      }
      case 'event.discarded':
        this.record({ t, type: 'event.discarded', requestId: e.requestId, reason: e.reason });
        return;
      case 'invocation.ended': {
        this.record({
          t,
          type: 'invocation.ended',
          requestId: e.requestId,
          outcome: e.outcome,
          reason: e.reason,
        });
        this.active.delete(c.requestId);
        this.scheduler.cancel(instance.key, 'retry');
        this.totals.outcomes[e.outcome] = (this.totals.outcomes[e.outcome] ?? 0) + 1;
        this.finished.push({
          seq: inv.seq,
          record: Object.freeze(invocationRecordOf(instance)),
          output: inv.output,
        });
        return;
      }
    }
  }

  private onQueue(instance: Instance<EventQueueContext>, e: EventQueueEmitted): void {
    const t = this.now();
    const name = instance.context.functionName;
    switch (e.type) {
      case 'queue.enqueued':
        this.record({
          t,
          type: 'queue.enqueued',
          requestId: e.requestId,
          depth: e.depth,
          retry: e.retry || undefined,
        });
        return;
      case 'head.checkRequested': {
        const inv = this.active.get(e.requestId);
        const f = this.fn(name);
        this.toQueue(instance, {
          type: 'head.checked',
          tooOld:
            inv === undefined ||
            t >= inv.instance.context.acceptedAt + f.config.MaximumEventAgeInSeconds * 1000,
          reservedConcurrencyIsZero: f.config.ReservedConcurrentExecutions === 0,
          throttleReason: this.throttleReason(name),
        });
        return;
      }
      case 'head.dropped': {
        const inv = this.active.get(e.requestId);
        if (inv)
          this.toInvocation(inv.instance, {
            type: 'event.dropped',
            condition: e.condition,
            policy: this.policy(name),
          });
        return;
      }
      case 'head.started': {
        const inv = this.active.get(e.requestId);
        if (!inv) throw new Error(`model bug: attempt for unknown event ${e.requestId}`);
        this.startRun(inv);
        return;
      }
      case 'head.throttled': {
        this.record({
          t,
          type: 'queue.throttled',
          requestId: e.requestId,
          reason: e.reason,
          delayMs: e.delayMs,
        });
        const inv = this.active.get(e.requestId);
        if (inv) this.toInvocation(inv.instance, { type: 'attempt.throttled', retryAt: t + e.delayMs });
        return;
      }
    }
  }

  // ---- pollers, environments, configuration -------------------------------------------

  /** The functions whose poller capacity just freed: the function's own after its run, every unreserved one for an unreserved run. */
  private pollersFreedBy(functionName: string): string[] {
    const f = this.fn(functionName);
    if (f.config.ReservedConcurrentExecutions !== null || this.functions.size === 1) return [functionName];
    const names: string[] = [];
    for (const g of this.functions.values())
      if (g.config.ReservedConcurrentExecutions === null) names.push(g.config.FunctionName);
    return names;
  }

  /** Tells pollers that back off that capacity may be free now. */
  private wakePollers(names: Iterable<string>): void {
    for (const name of names) {
      const queue = this.fn(name).queue;
      if (queue.value === 'backingOff') this.toQueue(queue, { type: 'capacity.freed' });
    }
  }

  /** New provisioned environments to reach the configured count (they initialise first). */
  private fillProvisioned(config: ResolvedFunctionConfig): void {
    let live = 0;
    for (const env of this.environments.values()) {
      const c = env.context;
      if (c.functionName === config.FunctionName && c.provisioned && !env.done && !this.retiring.has(c.envId))
        live++;
    }
    for (let i = live; i < config.ProvisionedConcurrentExecutions; i++)
      this.createEnvironment(config, true, false);
  }

  private retire(f: FunctionState, envId: string, reason: string): void {
    this.retiring.add(envId);
    f.idleProvisioned = f.idleProvisioned.filter((x) => x !== envId);
    f.idleOnDemand = f.idleOnDemand.filter((x) => x !== envId);
    const env = this.environments.get(envId);
    if (env) this.toEnvironment(env, { type: 'env.retire', reason, now: this.now() });
  }

  /** A new configuration applies from now; runs in progress finish under the old one. */
  applyConfiguration(name: string, config: ResolvedFunctionConfig, changed: string[]): void {
    const f = this.fn(name);
    f.config = config;
    this.record({ t: this.now(), type: 'config.updated', functionName: name, changed });
    const live = [...this.environments.values()].filter(
      (env) => env.context.functionName === name && !env.done && !this.retiring.has(env.context.envId),
    );
    if (changed.some((k) => k === 'Timeout' || k === 'MemorySize' || k === 'Handler')) {
      // A new configuration means new environments: the next request starts cold.
      for (const env of live) this.retire(f, env.context.envId, 'ConfigurationUpdated');
    } else {
      const provisioned = live.filter((env) => env.context.provisioned);
      const excess = provisioned.length - config.ProvisionedConcurrentExecutions;
      // Idle ones go first.
      provisioned.sort((a, b) => Number(a.value !== 'idle') - Number(b.value !== 'idle'));
      for (let i = 0; i < excess; i++)
        this.retire(f, provisioned[i].context.envId, 'ProvisionedConcurrencyReduced');
    }
    this.fillProvisioned(f.config);
    this.wakePollers(this.functions.keys());
  }

  setAccountConcurrency(n: number): void {
    this.accountConcurrency = n;
    this.record({ t: this.now(), type: 'config.updated', accountConcurrency: n });
    this.wakePollers(this.functions.keys());
  }

  // ---- reading -----------------------------------------------------------------------

  private listed: { steps: number; finished: number; records: readonly InvocationRecord[] } | undefined;

  /**
   * Every kept invocation, finished and active, in acceptance order, frozen. Several views read
   * it at each model change (the scene, the panels), and a seek's first frame reads it whole:
   * it is rebuilt only after a transition or a new finished record, never copied.
   */
  invocationList(): readonly InvocationRecord[] {
    const steps = this.runner.steps;
    const finished = this.finished.total;
    if (this.listed?.steps === steps && this.listed.finished === finished) return this.listed.records;
    const all: KeptInvocation[] = [...this.finished.toArray(), ...this.activeKept()];
    all.sort((a, b) => a.seq - b.seq);
    const records = all.map((i) => i.record);
    this.listed = { steps, finished, records };
    return records;
  }

  private activeListed: { steps: number; finished: number; active: readonly KeptInvocation[] } | undefined;

  /** The calls not yet finished, in acceptance order, frozen; rebuilt only when the model changed. */
  private activeKept(): readonly KeptInvocation[] {
    const steps = this.runner.steps;
    const finished = this.finished.total;
    if (this.activeListed?.steps === steps && this.activeListed.finished === finished)
      return this.activeListed.active;
    const active: KeptInvocation[] = [];
    for (const a of this.active.values()) active.push({ seq: a.seq, record: frozenRecordOf(a.instance) });
    active.sort((a, b) => a.seq - b.seq);
    this.activeListed = { steps, finished, active };
    return active;
  }

  /** The kept records in blocks (see InvocationBlocks): the finished ring's own chunks, not copies. */
  invocationBlocks(): InvocationBlocks {
    return { ...this.finished.blocks(), active: this.activeKept() };
  }

  invocationState(requestId: string): InvocationRecord | undefined {
    const active = this.active.get(requestId);
    if (active) return invocationRecordOf(active.instance);
    // Views ask about what just finished: search from the newest end, without copying the buffer.
    return this.finished.findLast((inv) => inv.record.requestId === requestId)?.record;
  }

  /** A sync call's answer, while its record is kept. */
  output(requestId: string): InvokeOutput | undefined {
    const active = this.active.get(requestId);
    if (active) return active.output;
    return this.finished.findLast((inv) => inv.record.requestId === requestId)?.output;
  }

  private countDropped(record: InvocationRecord): void {
    if (!record.callerId) return; // as the café counts callers
    let d = this.dropped.get(record.functionName);
    if (!d) {
      d = emptyDropped();
      this.dropped.set(record.functionName, d);
    }
    const rejected = record.state === 'rejected';
    if (record.invocationType === 'Event') {
      d.event++;
      if (rejected) d.rejectedEvent++;
      else d.eventHandlingMs += (record.endedAt ?? record.acceptedAt) - record.acceptedAt;
    } else {
      d.requestResponse++;
      if (rejected) d.rejectedRequestResponse++;
      else d.blockedMs += (record.respondedAt ?? record.acceptedAt) - record.acceptedAt;
    }
    if (record.outcome === 'discarded') d.discarded++;
  }

  /** Machine instances that live on: one per function (its queue) and each live environment. */
  liveInstanceCount(): number {
    return this.functions.size + this.environments.size;
  }
}
