/**
 * The simulation facade: creates the ledger, the virtual clock and the Lambda service
 * actor, turns Invoke calls into events and the service's answers into promises, and
 * projects the ledger for the views. All decisions live in the machines.
 */
import { createActor } from 'xstate';
import { DEFAULT_START_TIME, LAMBDA_DEFAULTS, functionArn } from './defaults';
import { LambdaServiceError, invalidParameter } from './errors';
import { emptyDropped, Ledger } from './ledger';
import { lambdaServiceMachine, type InvokeRequest, type ServiceEvent } from './lambdaService.machine';
import { logGroupName } from './logFormat';
import { createRandom } from './prng';
import type {
  DroppedInvocations,
  DestinationConfig,
  DestinationRecord,
  EnvironmentView,
  FunctionConfig,
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
import { describeJsonError, resolveFunctionConfig, utf8Length } from './validation';
import { VirtualClock } from './virtualClock';

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
  /** One invocation's record (active or still in the finished buffer). */
  invocation(requestId: string): InvocationRecord | undefined;
  queueDepth(functionName?: string): number;
  context(requestId: string): LambdaContext | undefined;
  trace(): TraceEvent[];
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
  /** Number of running XState actors (the service, its queues and live environments). */
  actorCount(): number;
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
  promise: InvokePromise;
  resolve: (output: InvokeOutput) => void;
  reject: (error: Error) => void;
}

/** Facts about an Invoke request the front door checks (size, JSON); the checks themselves are guards. */
export function describeRequest(input: InvokeInput, options: InvokeOptions = {}): InvokeRequest {
  const payloadText = input.Payload === undefined || input.Payload === '' ? '{}' : String(input.Payload);
  const request: InvokeRequest = {
    input,
    options,
    invocationType: input.InvocationType ?? 'RequestResponse',
    payloadText,
    payloadBytes: utf8Length(payloadText),
  };
  if (request.payloadBytes <= 6 * 1024 * 1024) {
    try {
      request.parsedPayload = JSON.parse(payloadText);
    } catch {
      request.parseError = describeJsonError(payloadText);
    }
  }
  return request;
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

function notFound(name: string): LambdaServiceError {
  return new LambdaServiceError({
    name: 'ResourceNotFoundException',
    httpStatusCode: 404,
    message: `Function not found: ${functionArn(name)}`,
  });
}

function checkAccountConcurrency(n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw invalidParameter(
      `Value ${JSON.stringify(n)} for accountConcurrency is invalid: it must be an integer between 1 and 1000000.`,
    );
  }
  return n;
}

function checkReservedTotal(total: number, account: number): void {
  if (total > account) {
    throw invalidParameter(
      `Specified ReservedConcurrentExecutions decreases the account's unreserved concurrency below 0: the reserved total ${total} exceeds the account limit ${account}.`,
    );
  }
}

class Simulation implements LambdaSimulation {
  readonly startTime: number;
  private readonly clock = new VirtualClock();
  private readonly ledger: Ledger;
  private readonly actor;
  private readonly pendingByCall = new Map<number, Pending>();
  /** The front door's answer to the latest call, so a detached call learns its request id too. */
  private lastAnswer?: { callId: number; requestId: string };
  private readonly pendingByRequest = new Map<string, Pending>();
  private readonly subscribers = new Set<(events: TraceEvent[]) => void>();
  private callCounter = 0;
  private failure: unknown;

  constructor(options: SimulationOptions) {
    if (options === null || typeof options !== 'object')
      throw invalidParameter('Simulation options must be an object.');
    if (typeof options.seed !== 'number' && typeof options.seed !== 'string') {
      throw invalidParameter('Value for seed is invalid: it must be a number or a string.');
    }
    const account = checkAccountConcurrency(options.accountConcurrency ?? LAMBDA_DEFAULTS.accountConcurrency);
    this.startTime = options.startTime ?? DEFAULT_START_TIME;
    if (!Number.isFinite(this.startTime))
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
    const seed = options.seed;
    this.ledger = new Ledger(
      this.clock,
      createRandom(seed),
      createRandom(`side:${String(seed)}`),
      this.startTime,
      account,
      options.limits,
    );
    let reservedTotal = 0;
    for (const f of options.functions) {
      const config = resolveFunctionConfig(f, account);
      if (this.ledger.functions.has(config.FunctionName)) {
        throw new LambdaServiceError({
          name: 'ResourceConflictException',
          httpStatusCode: 409,
          message: `Function already exist: ${config.FunctionName}`,
        });
      }
      reservedTotal += config.ReservedConcurrentExecutions ?? 0;
      this.ledger.functions.set(config.FunctionName, {
        config,
        inUse: 0,
        idleProvisioned: [],
        idleOnDemand: [],
      });
    }
    checkReservedTotal(reservedTotal, account);

    this.actor = createActor(lambdaServiceMachine, { clock: this.clock, input: { ledger: this.ledger } });
    this.actor.on('invoke.accepted', (e) => {
      this.lastAnswer = { callId: e.callId, requestId: e.requestId };
      const pending = this.pendingByCall.get(e.callId);
      if (!pending) return;
      this.pendingByCall.delete(e.callId);
      pending.promise.requestId = e.requestId;
      this.pendingByRequest.set(e.requestId, pending);
    });
    this.actor.on('invoke.rejected', (e) => {
      this.lastAnswer = { callId: e.callId, requestId: e.requestId };
      const pending = this.pendingByCall.get(e.callId);
      if (!pending) return;
      this.pendingByCall.delete(e.callId);
      pending.promise.requestId = e.requestId;
      // A fire-and-forget caller must not crash the page with an unhandled rejection; the
      // rejection is still delivered to whoever awaits the promise, and recorded in the trace.
      // (Attached only to the promises that are rejected — always synchronously, inside
      // invoke() — so the many that resolve carry no extra reaction.)
      pending.promise.catch(ignoreRejection);
      pending.reject(new LambdaServiceError(e.error));
    });
    this.actor.on('invoke.responded', (e) => {
      const pending = this.pendingByRequest.get(e.requestId);
      if (!pending) return;
      this.pendingByRequest.delete(e.requestId);
      pending.resolve(e.output);
    });
    this.actor.subscribe({ error: (err) => (this.failure = err) });
    this.operate(() => this.actor.start());
  }

  /** Runs one facade operation, then tells subscribers what happened. */
  private operate<T>(fn: () => T): T {
    const batch = this.subscribers.size > 0 ? (this.ledger.batch = []) : undefined;
    let result: T;
    try {
      result = fn();
    } finally {
      this.ledger.batch = undefined;
    }
    // A bug inside a machine stops the XState actor; surface it instead of going quiet.
    if (this.failure !== undefined) {
      const failure = this.failure;
      throw failure instanceof Error ? failure : new Error(String(failure));
    }
    if (batch && batch.length > 0) for (const s of Array.from(this.subscribers)) s(batch);
    return result;
  }

  private send(event: ServiceEvent): void {
    this.operate(() => this.actor.send(event));
  }

  invoke(input: InvokeInput, options: InvokeOptions = {}): InvokePromise {
    const callId = ++this.callCounter;
    let resolve!: (o: InvokeOutput) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<InvokeOutput>((res, rej) => {
      resolve = res;
      reject = rej;
    }) as InvokePromise;
    if (!options.detached) this.pendingByCall.set(callId, { promise, resolve, reject });
    this.send({
      type: 'invoke.requested',
      callId,
      request: describeRequest(input ?? ({} as InvokeInput), options),
    });
    this.pendingByCall.delete(callId);
    if (options.detached && this.lastAnswer?.callId === callId) promise.requestId = this.lastAnswer.requestId;
    return promise;
  }

  now(): number {
    return this.clock.now();
  }

  advanceTo(t: number): void {
    if (!Number.isFinite(t)) throw new RangeError('advanceTo needs a finite time');
    this.operate(() => this.clock.advanceTo(Math.max(t, this.clock.now())));
  }

  advanceBy(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceBy needs a finite, non-negative span');
    this.advanceTo(this.clock.now() + ms);
  }

  nextEventTime(): number | undefined {
    return this.clock.nextDueTime();
  }

  step(): number | undefined {
    const t = this.clock.nextDueTime();
    if (t !== undefined) this.advanceTo(t);
    return t;
  }

  logEvents(filter: LogFilter = {}): LogEvent[] {
    const group = filter.functionName !== undefined ? logGroupName(filter.functionName) : undefined;
    return this.ledger.logs
      .toArray()
      .filter(
        (e) =>
          (group === undefined || e.logGroupName === group) &&
          (filter.logStreamName === undefined || e.logStreamName === filter.logStreamName) &&
          (filter.requestId === undefined || e.requestId === filter.requestId) &&
          (filter.startTime === undefined || e.timestamp >= filter.startTime) &&
          (filter.endTime === undefined || e.timestamp <= filter.endTime),
      )
      .map((e) => ({ ...e }));
  }

  destinationRecords(): DestinationRecord[] {
    return this.ledger.destinations.toArray().map((d) => clone(d));
  }

  environments(): EnvironmentView[] {
    const all = [...this.ledger.shutdownEnvironments.toArray(), ...this.ledger.environments.values()];
    return all.toSorted((a, b) => environmentNumber(a.id) - environmentNumber(b.id)).map((v) => ({ ...v }));
  }

  invocations(): InvocationRecord[] {
    const all = [...this.ledger.finished.toArray(), ...this.ledger.active.values()];
    return all.toSorted((a, b) => a.seq - b.seq).map((i) => ({ ...i.record }));
  }

  invocation(requestId: string): InvocationRecord | undefined {
    const active = this.ledger.active.get(requestId);
    if (active) return { ...active.record };
    // Views ask about what just finished: search from the newest end, without copying the buffer.
    const done = this.ledger.finished.findLast((inv) => inv.record.requestId === requestId);
    return done ? { ...done.record } : undefined;
  }

  queueDepth(functionName?: string): number {
    let n = 0;
    for (const inv of this.ledger.active.values()) {
      const s = inv.record.state;
      if (
        (s === 'queued' || s === 'throttled-backoff' || s === 'retry-wait') &&
        (functionName === undefined || inv.record.functionName === functionName)
      )
        n++;
    }
    return n;
  }

  context(requestId: string): LambdaContext | undefined {
    const inv = this.ledger.active.get(requestId);
    if (
      !inv ||
      inv.record.state !== 'running' ||
      inv.deadline === undefined ||
      inv.record.environmentId === undefined
    )
      return undefined;
    const view = this.ledger.environments.get(inv.record.environmentId);
    if (!view || view.state !== 'busy' || view.currentRequestId !== requestId) return undefined;
    const config = this.ledger.fn(inv.record.functionName).config;
    return {
      aws_request_id: requestId,
      log_group_name: logGroupName(config.FunctionName),
      log_stream_name: view.logStreamName,
      function_name: config.FunctionName,
      function_version: '$LATEST',
      invoked_function_arn: config.FunctionArn,
      memory_limit_in_mb: String(config.MemorySize),
      remaining_time_ms: Math.max(0, inv.deadline - this.clock.now()),
    };
  }

  trace(): TraceEvent[] {
    return this.ledger.trace.toArray();
  }

  subscribe(fn: (events: TraceEvent[]) => void): Unsubscribe {
    this.subscribers.add(fn);
    return () => {
      this.subscribers.delete(fn);
    };
  }

  private current(name: string): ResolvedFunctionConfig {
    const f = typeof name === 'string' ? this.ledger.functions.get(name) : undefined;
    if (!f) throw notFound(String(name));
    return f.config;
  }

  /** Validates the merged configuration (throws, changing nothing) and then applies it. */
  private reconfigure(name: string, patch: Partial<FunctionConfig>): ResolvedFunctionConfig {
    const current = this.current(name);
    const merged: FunctionConfig = {
      ...current,
      ...patch,
      FunctionName: name,
      Handler: { ...current.Handler, ...patch.Handler },
    };
    const next = resolveFunctionConfig(merged, this.ledger.accountConcurrency);
    checkReservedTotal(
      this.ledger.reservedTotalExcept(name) + (next.ReservedConcurrentExecutions ?? 0),
      this.ledger.accountConcurrency,
    );
    const changed = (Object.keys(patch) as (keyof FunctionConfig)[]).filter(
      (k) =>
        k !== 'FunctionName' &&
        JSON.stringify(current[k as keyof ResolvedFunctionConfig]) !==
          JSON.stringify(next[k as keyof ResolvedFunctionConfig]),
    );
    this.send({ type: 'config.updated', functionName: name, config: next, changed });
    return clone(next);
  }

  updateFunctionConfiguration(
    update: Partial<FunctionConfig> & { FunctionName: string },
  ): ResolvedFunctionConfig {
    const { FunctionName, ...patch } = update;
    return this.reconfigure(FunctionName, patch);
  }

  putFunctionEventInvokeConfig(update: EventInvokeConfigInput): ResolvedFunctionConfig {
    const patch: Partial<FunctionConfig> = {};
    if (update.MaximumRetryAttempts !== undefined) patch.MaximumRetryAttempts = update.MaximumRetryAttempts;
    if (update.MaximumEventAgeInSeconds !== undefined)
      patch.MaximumEventAgeInSeconds = update.MaximumEventAgeInSeconds;
    if (update.DestinationConfig !== undefined) patch.DestinationConfig = update.DestinationConfig;
    return this.reconfigure(update.FunctionName, patch);
  }

  putFunctionConcurrency(update: {
    FunctionName: string;
    ReservedConcurrentExecutions: number | null;
  }): ResolvedFunctionConfig {
    // null removes the reservation (DeleteFunctionConcurrency).
    if (update.ReservedConcurrentExecutions === undefined)
      throw invalidParameter('ReservedConcurrentExecutions is required.');
    return this.reconfigure(update.FunctionName, {
      ReservedConcurrentExecutions: update.ReservedConcurrentExecutions,
    });
  }

  deleteFunctionConcurrency(update: { FunctionName: string }): ResolvedFunctionConfig {
    return this.reconfigure(update.FunctionName, { ReservedConcurrentExecutions: null });
  }

  getFunctionConfiguration(name: string): ResolvedFunctionConfig {
    return clone(this.current(name));
  }

  listFunctions(): ResolvedFunctionConfig[] {
    return [...this.ledger.functions.values()].map((f) => clone(f.config));
  }

  setAccountConcurrency(n: number): void {
    const account = checkAccountConcurrency(n);
    let reserved = 0;
    for (const f of this.ledger.functions.values()) {
      reserved += f.config.ReservedConcurrentExecutions ?? 0;
      if (f.config.ProvisionedConcurrentExecutions > account) {
        throw invalidParameter(
          `accountConcurrency ${account} is below ${f.config.FunctionName}'s ProvisionedConcurrentExecutions.`,
        );
      }
    }
    checkReservedTotal(reserved, account);
    this.send({ type: 'account.concurrencySet', accountConcurrency: account });
  }

  accountConcurrency(): number {
    return this.ledger.accountConcurrency;
  }

  droppedInvocations(functionName: string): DroppedInvocations {
    return { ...(this.ledger.dropped.get(functionName) ?? emptyDropped()) };
  }

  stats(): SimulationStats {
    const t = this.ledger.totals;
    return {
      accepted: t.accepted,
      rejected: t.rejected,
      dryRuns: t.dryRuns,
      active: this.ledger.active.size,
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
    const countActors = (ref: {
      getSnapshot(): { children?: Record<string, unknown>; status?: string };
    }): number => {
      const snap = ref.getSnapshot();
      if (snap.status !== 'active') return 0;
      let n = 1;
      for (const child of Object.values(snap.children ?? {}))
        if (child) n += countActors(child as typeof ref);
      return n;
    };
    return countActors(this.actor);
  }
}

export function createLambdaSimulation(options: SimulationOptions): LambdaSimulation {
  return new Simulation(options);
}
