/**
 * The simulation facade: validates the caller's arguments, turns Invoke calls into requests for
 * the engine and its answers into promises, and projects the engine's data for the views. All
 * decisions live in the machines; all state lives in the engine, as plain data (`snapshot()`).
 */
import { DEFAULT_START_TIME, LAMBDA_DEFAULTS } from './defaults';
import { LambdaServiceError, invalidParameter, safeString, validationError } from './errors';
import {
  ENGINE_SNAPSHOT_FORMAT,
  emptyDropped,
  environmentViewOf,
  LambdaEngine,
  resolvedLimits,
  type EngineSnapshot,
  type InvokeRequest,
} from './engine';
import { logGroupName } from './logFormat';
import { createRandom } from './prng';
import type {
  DroppedInvocations,
  DestinationConfig,
  DestinationRecord,
  EnvironmentView,
  FunctionConfig,
  InvocationBlocks,
  InvocationRecord,
  InvokeInput,
  InvokeOptions,
  InvokeOutput,
  InvokePromise,
  LambdaContext,
  LogEvent,
  LogFilter,
  ResolvedFunctionConfig,
  SimulationOptions,
  TraceEvent,
  Unsubscribe,
} from './types';
import {
  CONFIG_FIELDS,
  describeJsonError,
  numberRefusal,
  refArn,
  resolveFunctionConfig,
  resolveFunctionRef,
  typeRefusal,
  utf8Length,
} from './validation';

/**
 * Everything a simulation is, as plain data: `createLambdaSimulation({ snapshot })` continues
 * exactly where `sim.snapshot()` was taken — the same trace, logs and results, byte for byte,
 * with every pending run, retry clock, idle lifetime, back-off, queued event and the random
 * generators' state. It survives `structuredClone`. Treat it as read-only: it shares the parts
 * that never change (trace events, log lines, finished records, configurations) with the
 * simulation it came from. Promises of sync calls still waiting are not in it (a promise cannot
 * be copied): a restored simulation answers them in its records, trace and `response(id)`.
 */
export type SimulationSnapshot = EngineSnapshot;

export interface RestoreOptions {
  snapshot: SimulationSnapshot;
}

export interface EventInvokeConfigInput {
  FunctionName: string;
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  DestinationConfig?: DestinationConfig;
}

export interface LambdaSimulation {
  invoke(input: InvokeInput, options?: InvokeOptions): InvokePromise;
  now(): number;
  /** Epoch ms of virtual time 0. */
  readonly startTime: number;
  advanceBy(ms: number): void;
  advanceTo(t: number): void;
  nextEventTime(): number | undefined;
  /** Advances to the next scheduled model event; returns its time (undefined if none). */
  step(): number | undefined;
  logEvents(filter?: LogFilter): LogEvent[];
  destinationRecords(): DestinationRecord[];
  environments(): EnvironmentView[];
  invocations(): InvocationRecord[];
  /**
   * The same records without the copies, frozen, for views that read them at every frame: the
   * array is shared until the model next changes (do not keep it across changes).
   */
  invocationRecords(): readonly Readonly<InvocationRecord>[];
  /**
   * The same records in blocks, for views that fold over them all at every frame and want to
   * keep a result per block that cannot change (see InvocationBlocks).
   */
  invocationBlocks(): InvocationBlocks;
  /** One invocation's record (active or still in the finished buffer). */
  invocation(requestId: string): InvocationRecord | undefined;
  /** The answer a sync call got (200 with the payload), while its record is kept; undefined before it. */
  response(requestId: string): InvokeOutput | undefined;
  queueDepth(functionName?: string): number;
  context(requestId: string): LambdaContext | undefined;
  trace(): TraceEvent[];
  /** The time of the latest trace event before `t` (a step back's target), without copying the trace. */
  lastEventBefore(t: number): number | undefined;
  subscribe(fn: (events: TraceEvent[]) => void): Unsubscribe;
  updateFunctionConfiguration(
    update: Partial<FunctionConfig> & { FunctionName: string },
  ): ResolvedFunctionConfig;
  putFunctionEventInvokeConfig(update: EventInvokeConfigInput): ResolvedFunctionConfig;
  putFunctionConcurrency(update: {
    FunctionName: string;
    ReservedConcurrentExecutions: number | null;
  }): ResolvedFunctionConfig;
  deleteFunctionConcurrency(update: { FunctionName: string }): ResolvedFunctionConfig;
  getFunctionConfiguration(name: string): ResolvedFunctionConfig;
  listFunctions(): ResolvedFunctionConfig[];
  setAccountConcurrency(n: number): void;
  accountConcurrency(): number;
  /** Running totals since the start (not bounded by the buffers). */
  stats(): SimulationStats;
  /** What the finished calls of `functionName` that fell out of `invocations()` added up to. */
  droppedInvocations(functionName: string): DroppedInvocations;
  /** Machine instances that live on: the service, one event queue per function, each live environment. */
  actorCount(): number;
  /** The whole simulation as plain data; `createLambdaSimulation({ snapshot })` continues from it. */
  snapshot(): SimulationSnapshot;
}

export interface SimulationStats {
  accepted: number;
  rejected: number;
  dryRuns: number;
  /** Accepted invocations not yet ended. */
  active: number;
  coldStarts: number;
  outcomes: { succeeded: number; 'failed-returned-to-caller': number; delivered: number; discarded: number };
}

interface Pending {
  resolve: (output: InvokeOutput) => void;
}

const INVOCATION_TYPES = ['Event', 'RequestResponse', 'DryRun'];

/**
 * An Invoke request as the front door reads it: the function it names (any form Lambda accepts),
 * the payload's size and JSON. A malformed request (a FunctionName Lambda cannot read, a
 * Qualifier or LogType of the wrong kind) comes back with its refusal; plain-JavaScript callers
 * may pass anything, and get Lambda's exception for it.
 */
export function describeRequest(
  input: InvokeInput,
  options: InvokeOptions = {},
): { request: InvokeRequest; refusal: LambdaServiceError | undefined } {
  const given = input !== null && typeof input === 'object' ? input : ({} as InvokeInput);
  const opts = options !== null && typeof options === 'object' ? options : {};
  const rawType: unknown = given.InvocationType;
  const invocationType = rawType === undefined ? 'RequestResponse' : safeString(rawType);
  const rawPayload: unknown = given.Payload;
  const payloadText =
    rawPayload === undefined || rawPayload === null || rawPayload === '' ? '{}' : safeString(rawPayload);
  const requestedName = typeof given.FunctionName === 'string' ? given.FunctionName : '';
  const request: InvokeRequest = {
    functionName: requestedName,
    requestedName,
    qualifier: undefined,
    invocationType,
    logType: given.LogType === 'Tail' ? 'Tail' : 'None',
    payloadText,
    payloadBytes: utf8Length(payloadText),
    parsedPayload: undefined,
    parseError: undefined,
    callerId: typeof opts.callerId === 'string' ? opts.callerId : undefined,
    callerLabel: typeof opts.callerLabel === 'string' ? opts.callerLabel : undefined,
  };
  let refusal: LambdaServiceError | undefined;
  try {
    const ref = resolveFunctionRef(given.FunctionName, given.Qualifier);
    request.functionName = ref.elsewhere ? '' : ref.name;
    request.requestedName = ref.elsewhere ? '' : ref.name;
    request.qualifier = ref.qualifier;
    if (ref.elsewhere) request.notFoundArn = refArn(ref, requestedName);
    const logType: unknown = given.LogType;
    if (logType !== undefined && logType !== 'None' && logType !== 'Tail')
      throw validationError(
        'logType',
        logType,
        'Member must satisfy enum value set: [None, Tail]',
        'LogType',
      );
    if (given.ClientContext !== undefined && typeof given.ClientContext !== 'string')
      throw typeRefusal('String', given.ClientContext, 'ClientContext');
  } catch (e) {
    if (!(e instanceof LambdaServiceError)) throw e;
    refusal = e;
  }
  if (refusal === undefined && !INVOCATION_TYPES.includes(invocationType)) {
    refusal = validationError(
      'invocationType',
      rawType,
      'Member must satisfy enum value set: [Event, RequestResponse, DryRun]',
      'InvocationType',
    );
  }
  if (request.payloadBytes <= 6 * 1024 * 1024) {
    try {
      request.parsedPayload = JSON.parse(payloadText);
    } catch {
      request.parseError = describeJsonError(payloadText);
    }
  }
  return { request, refusal };
}

function ignoreRejection(): undefined {
  return undefined;
}

function environmentNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1));
}

/**
 * Copies plain data (configurations, destination records). Views ask for the configuration
 * on every model event (narration reads its destinations), and structuredClone's
 * serialisation cost about a tenth of a replay.
 */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = clone(v);
  return out as T;
}

function checkAccountConcurrency(n: unknown): number {
  const refusal = numberRefusal(CONFIG_FIELDS.accountConcurrency, n);
  if (refusal) throw refusal;
  return n as number;
}

function checkReservedTotal(total: number, account: number): void {
  if (total > account) {
    throw invalidParameter(
      `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [0]: the reserved total ${total} exceeds the account limit ${account}.`,
      'ReservedConcurrentExecutions',
    );
  }
}

/** The arguments object of a configuration call: an object, or Lambda's refusal for a missing FunctionName. */
function argumentsOf<T extends object>(
  update: T | null | undefined,
): Partial<T> & { FunctionName?: unknown } {
  if (update === null || update === undefined || typeof update !== 'object' || Array.isArray(update))
    throw validationError('functionName', null, 'Member must not be null', 'FunctionName');
  return update;
}

/** Latest epoch ms a JavaScript Date can hold (ECMAScript §21.4.1.1). */
const MAX_EPOCH_MS = 8.64e15;

function engineFor(options: SimulationOptions | RestoreOptions): LambdaEngine {
  if (options === null || typeof options !== 'object')
    throw invalidParameter('Simulation options must be an object.');
  if ('snapshot' in options) {
    const snapshot = options.snapshot;
    if (snapshot === null || typeof snapshot !== 'object' || snapshot.format !== ENGINE_SNAPSHOT_FORMAT)
      throw invalidParameter(`A snapshot must come from sim.snapshot() (format ${ENGINE_SNAPSHOT_FORMAT}).`);
    return LambdaEngine.restore(snapshot);
  }
  if (typeof options.seed !== 'number' && typeof options.seed !== 'string') {
    throw invalidParameter('Value for seed is invalid: it must be a number or a string.');
  }
  const account = checkAccountConcurrency(options.accountConcurrency ?? LAMBDA_DEFAULTS.accountConcurrency);
  const startTime = options.startTime ?? DEFAULT_START_TIME;
  if (typeof startTime !== 'number' || !Number.isFinite(startTime) || Math.abs(startTime) > MAX_EPOCH_MS)
    throw invalidParameter('Value for startTime is invalid: it must be epoch milliseconds.');
  if (!Array.isArray(options.functions))
    throw invalidParameter('Value for functions is invalid: it must be an array.');
  for (const [name, limit] of Object.entries(options.limits ?? {})) {
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
      throw invalidParameter(
        `Value ${JSON.stringify(limit)} for limits.${name} is invalid: it must be a positive integer.`,
      );
    }
  }
  const configs: ResolvedFunctionConfig[] = [];
  let reservedTotal = 0;
  for (const f of options.functions) {
    const config = resolveFunctionConfig(f, account);
    if (configs.some((c) => c.FunctionName === config.FunctionName)) {
      throw new LambdaServiceError({
        name: 'ResourceConflictException',
        httpStatusCode: 409,
        message: `Function already exist: ${config.FunctionName}`,
      });
    }
    reservedTotal += config.ReservedConcurrentExecutions ?? 0;
    configs.push(config);
  }
  checkReservedTotal(reservedTotal, account);
  const seed = options.seed;
  return LambdaEngine.create({
    seed,
    startTime,
    limits: resolvedLimits(options.limits),
    accountConcurrency: account,
    functions: configs,
    random: createRandom(seed),
    sideRandom: createRandom(`side:${String(seed)}`),
  });
}

class Simulation implements LambdaSimulation {
  readonly startTime: number;
  private readonly engine: LambdaEngine;
  private readonly pending = new Map<string, Pending>();
  private readonly subscribers = new Set<(events: TraceEvent[]) => void>();

  constructor(options: SimulationOptions | RestoreOptions) {
    this.engine = engineFor(options);
    this.startTime = this.engine.startTime;
    this.engine.onResponded = (requestId, output) => {
      const pending = this.pending.get(requestId);
      if (!pending) return;
      this.pending.delete(requestId);
      pending.resolve(output);
    };
  }

  /** Runs one facade operation, then tells subscribers what happened. */
  private operate<T>(fn: () => T): T {
    const batch = this.subscribers.size > 0 ? (this.engine.batch = []) : undefined;
    let result: T;
    try {
      result = fn();
    } finally {
      this.engine.batch = undefined;
    }
    if (batch && batch.length > 0) for (const s of Array.from(this.subscribers)) s(batch);
    return result;
  }

  invoke(input: InvokeInput, options: InvokeOptions = {}): InvokePromise {
    let resolve!: (o: InvokeOutput) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<InvokeOutput>((res, rej) => {
      resolve = res;
      reject = rej;
    }) as InvokePromise;
    const detached = options !== null && typeof options === 'object' && options.detached === true;
    const { request, refusal } = describeRequest(input, options ?? {});
    const answer = this.operate(() =>
      refusal ? this.engine.refuse(request, refusal) : this.engine.invoke(request),
    );
    promise.requestId = answer.requestId;
    if (detached) return promise;
    if (answer.error) {
      // A fire-and-forget caller must not crash the page with an unhandled rejection; the
      // rejection is still delivered to whoever awaits the promise, and recorded in the trace.
      // (Attached only to the promises that are rejected, so the many that resolve carry no
      // extra reaction.)
      promise.catch(ignoreRejection);
      reject(new LambdaServiceError(answer.error));
    } else if (answer.output) resolve(answer.output);
    else this.pending.set(answer.requestId, { resolve });
    return promise;
  }

  now(): number {
    return this.engine.now();
  }

  advanceTo(t: number): void {
    if (typeof t !== 'number' || !Number.isFinite(t))
      throw new RangeError(`advanceTo needs a finite virtual time in ms; got ${safeString(t)}`);
    if (this.startTime + t > MAX_EPOCH_MS)
      throw new RangeError(
        `advanceTo(${t}) would pass the latest time a JavaScript Date can hold (${MAX_EPOCH_MS} ms after 1970); the simulation stays at ${this.engine.now()}`,
      );
    this.operate(() => this.engine.advanceTo(Math.max(t, this.engine.now())));
  }

  advanceBy(ms: number): void {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      throw new RangeError(`advanceBy needs a finite, non-negative span in ms; got ${safeString(ms)}`);
    this.advanceTo(this.engine.now() + ms);
  }

  nextEventTime(): number | undefined {
    return this.engine.scheduler.nextDue();
  }

  step(): number | undefined {
    const t = this.engine.scheduler.nextDue();
    if (t !== undefined) this.advanceTo(t);
    return t;
  }

  logEvents(filter: LogFilter = {}): LogEvent[] {
    const f = filter ?? {};
    const group = f.functionName !== undefined ? logGroupName(f.functionName) : undefined;
    return this.engine.logs
      .toArray()
      .filter(
        (e) =>
          (group === undefined || e.logGroupName === group) &&
          (f.logStreamName === undefined || e.logStreamName === f.logStreamName) &&
          (f.requestId === undefined || e.requestId === f.requestId) &&
          (f.startTime === undefined || e.timestamp >= f.startTime) &&
          (f.endTime === undefined || e.timestamp <= f.endTime),
      )
      .map((e) => ({ ...e }));
  }

  destinationRecords(): DestinationRecord[] {
    return this.engine.destinations.toArray().map((d) => clone(d));
  }

  environments(): EnvironmentView[] {
    const live = [...this.engine.environments.values()].map(environmentViewOf);
    const all = [...this.engine.shutdownEnvironments.toArray(), ...live];
    return all.toSorted((a, b) => environmentNumber(a.id) - environmentNumber(b.id)).map((v) => ({ ...v }));
  }

  invocations(): InvocationRecord[] {
    return this.engine.invocationList().map((r) => ({ ...r }));
  }

  invocationRecords(): readonly Readonly<InvocationRecord>[] {
    return this.engine.invocationList();
  }

  invocationBlocks(): InvocationBlocks {
    return this.engine.invocationBlocks();
  }

  invocation(requestId: string): InvocationRecord | undefined {
    const record = this.engine.invocationState(requestId);
    return record ? { ...record } : undefined;
  }

  response(requestId: string): InvokeOutput | undefined {
    const output = this.engine.output(requestId);
    return output ? { ...output } : undefined;
  }

  queueDepth(functionName?: string): number {
    let n = 0;
    for (const inv of this.engine.active.values()) {
      const v = inv.instance.value;
      if (
        (v === 'queued' || v === 'throttled' || v === 'retryWaiting') &&
        (functionName === undefined || inv.instance.context.functionName === functionName)
      )
        n++;
    }
    return n;
  }

  context(requestId: string): LambdaContext | undefined {
    const inv = this.engine.active.get(requestId);
    if (!inv || inv.instance.value !== 'running' || inv.deadline === undefined) return undefined;
    const envId = inv.instance.context.environmentId;
    const env = envId === undefined ? undefined : this.engine.environments.get(envId);
    if (!env || env.value !== 'busy' || env.context.run?.requestId !== requestId) return undefined;
    const config = this.engine.fn(inv.instance.context.functionName).config;
    return {
      aws_request_id: requestId,
      log_group_name: logGroupName(config.FunctionName),
      log_stream_name: env.context.logStreamName,
      function_name: config.FunctionName,
      function_version: '$LATEST',
      invoked_function_arn: config.FunctionArn,
      memory_limit_in_mb: String(config.MemorySize),
      remaining_time_ms: Math.max(0, inv.deadline - this.engine.now()),
    };
  }

  trace(): TraceEvent[] {
    return this.engine.trace.toArray();
  }

  lastEventBefore(t: number): number | undefined {
    // The trace is in time order: the search from the newest end stops at the first one before t.
    return this.engine.trace.findLast((e) => e.t < t)?.t;
  }

  subscribe(fn: (events: TraceEvent[]) => void): Unsubscribe {
    if (typeof fn !== 'function') throw invalidParameter('subscribe needs a function.', 'listener');
    this.subscribers.add(fn);
    return () => {
      this.subscribers.delete(fn);
    };
  }

  /** The function a configuration call names (any form Lambda accepts), or its refusal. */
  private current(functionName: unknown): ResolvedFunctionConfig {
    const ref = resolveFunctionRef(functionName);
    const f = ref.elsewhere ? undefined : this.engine.functions.get(ref.name);
    if (!f || (ref.qualifier !== undefined && ref.qualifier !== '$LATEST')) {
      throw new LambdaServiceError({
        name: 'ResourceNotFoundException',
        httpStatusCode: 404,
        message: `Function not found: ${refArn(ref, safeString(functionName))}`,
      });
    }
    return f.config;
  }

  /** Validates the merged configuration (throws, changing nothing) and then applies it. */
  private reconfigure(functionName: unknown, patch: Partial<FunctionConfig>): ResolvedFunctionConfig {
    const current = this.current(functionName);
    const name = current.FunctionName;
    const handler: unknown = patch.Handler;
    if (handler !== undefined && (handler === null || typeof handler !== 'object' || Array.isArray(handler)))
      throw typeRefusal('String', handler, 'Handler');
    const merged: FunctionConfig = {
      ...current,
      ...patch,
      FunctionName: name,
      Handler: { ...current.Handler, ...patch.Handler },
    };
    const next = resolveFunctionConfig(merged, this.engine.accountConcurrency);
    checkReservedTotal(
      this.engine.reservedTotalExcept(name) + (next.ReservedConcurrentExecutions ?? 0),
      this.engine.accountConcurrency,
    );
    const changed = (Object.keys(patch) as (keyof FunctionConfig)[]).filter(
      (k) =>
        k !== 'FunctionName' &&
        JSON.stringify(current[k as keyof ResolvedFunctionConfig]) !==
          JSON.stringify(next[k as keyof ResolvedFunctionConfig]),
    );
    this.operate(() => this.engine.applyConfiguration(name, next, changed));
    return clone(next);
  }

  updateFunctionConfiguration(
    update: Partial<FunctionConfig> & { FunctionName: string },
  ): ResolvedFunctionConfig {
    const { FunctionName, ...patch } = argumentsOf(update);
    return this.reconfigure(FunctionName, patch);
  }

  putFunctionEventInvokeConfig(input: EventInvokeConfigInput): ResolvedFunctionConfig {
    const update = argumentsOf(input);
    const patch: Partial<FunctionConfig> = {};
    if (update.MaximumRetryAttempts !== undefined) patch.MaximumRetryAttempts = update.MaximumRetryAttempts;
    if (update.MaximumEventAgeInSeconds !== undefined)
      patch.MaximumEventAgeInSeconds = update.MaximumEventAgeInSeconds;
    if (update.DestinationConfig !== undefined) patch.DestinationConfig = update.DestinationConfig;
    return this.reconfigure(update.FunctionName, patch);
  }

  putFunctionConcurrency(input: {
    FunctionName: string;
    ReservedConcurrentExecutions: number | null;
  }): ResolvedFunctionConfig {
    const update = argumentsOf(input);
    // null removes the reservation (DeleteFunctionConcurrency).
    if (update.ReservedConcurrentExecutions === undefined)
      throw validationError(
        'reservedConcurrentExecutions',
        null,
        'Member must not be null',
        'ReservedConcurrentExecutions',
      );
    return this.reconfigure(update.FunctionName, {
      ReservedConcurrentExecutions: update.ReservedConcurrentExecutions,
    });
  }

  deleteFunctionConcurrency(input: { FunctionName: string }): ResolvedFunctionConfig {
    return this.reconfigure(argumentsOf(input).FunctionName, { ReservedConcurrentExecutions: null });
  }

  getFunctionConfiguration(name: string): ResolvedFunctionConfig {
    return clone(this.current(name));
  }

  listFunctions(): ResolvedFunctionConfig[] {
    return [...this.engine.functions.values()].map((f) => clone(f.config));
  }

  setAccountConcurrency(n: number): void {
    const account = checkAccountConcurrency(n);
    let reserved = 0;
    for (const f of this.engine.functions.values()) {
      reserved += f.config.ReservedConcurrentExecutions ?? 0;
      if (f.config.ProvisionedConcurrentExecutions > account) {
        throw invalidParameter(
          `The account's concurrent executions limit (${account}) cannot be below ${f.config.FunctionName}'s provisioned concurrency (${f.config.ProvisionedConcurrentExecutions}).`,
          'accountConcurrency',
        );
      }
    }
    checkReservedTotal(reserved, account);
    this.operate(() => this.engine.setAccountConcurrency(account));
  }

  accountConcurrency(): number {
    return this.engine.accountConcurrency;
  }

  droppedInvocations(functionName: string): DroppedInvocations {
    return { ...(this.engine.dropped.get(functionName) ?? emptyDropped()) };
  }

  stats(): SimulationStats {
    const t = this.engine.totals;
    return {
      accepted: t.accepted,
      rejected: t.rejected,
      dryRuns: t.dryRuns,
      active: this.engine.active.size,
      coldStarts: t.coldStarts,
      outcomes: {
        succeeded: t.outcomes.succeeded ?? 0,
        'failed-returned-to-caller': t.outcomes['failed-returned-to-caller'] ?? 0,
        delivered: t.outcomes.delivered ?? 0,
        discarded: t.outcomes.discarded ?? 0,
      },
    };
  }

  actorCount(): number {
    return 1 + this.engine.liveInstanceCount();
  }

  snapshot(): SimulationSnapshot {
    return this.engine.snapshot();
  }
}

/**
 * A new simulation (`{ seed, functions, … }`), or one that continues a snapshot
 * (`{ snapshot }`: see `LambdaSimulation.snapshot`).
 */
export function createLambdaSimulation(options: SimulationOptions | RestoreOptions): LambdaSimulation {
  return new Simulation(options);
}
