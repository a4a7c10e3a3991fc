/**
 * The ledger: plain, bounded data that the machines write and the views read — function
 * configurations, concurrency counts, invocation records, the trace, CloudWatch logs,
 * destination records and environment views. The machines decide (states, guards,
 * delays); the ledger only records. Keeping per-invocation state here as plain data
 * (rather than one actor per invocation) is what lets 100,000 invocations run in seconds.
 */
import { MODEL_LIMITS } from './defaults';
import type { ThrottleReason } from './errors';
import { logGroupName } from './logFormat';
import type { Random } from './prng';
import { RingBuffer } from './ringBuffer';
import type {
  DestinationRecord,
  DroppedInvocations,
  EnvironmentView,
  InvocationRecord,
  LogEvent,
  ResolvedFunctionConfig,
  SimulationLimits,
  TraceEvent,
} from './types';
import type { VirtualClock } from './virtualClock';

export interface FunctionState {
  config: ResolvedFunctionConfig;
  /** Environments busy or initialising for a request (the function's concurrency). */
  inUse: number;
  /** Idle environments ready for a warm start (ids), provisioned ones first. */
  idleProvisioned: string[];
  idleOnDemand: string[];
}

export interface Invocation {
  record: InvocationRecord;
  seq: number;
  /** The parsed event (handed to destinations and DLQs). */
  event: unknown;
  logType: 'None' | 'Tail';
  /** Log lines of the current attempt (kept only for LogType Tail). */
  tailLines?: string[];
  /** Response of the last attempt (for destination records). */
  lastResponse?: { statusCode: number; functionError?: string; payload: unknown };
  /** Virtual ms the current run's deadline is reached (for the context object). */
  deadline?: number;
}

export class Ledger {
  readonly functions = new Map<string, FunctionState>();
  readonly trace: RingBuffer<TraceEvent>;
  readonly logs: RingBuffer<LogEvent>;
  readonly destinations: RingBuffer<DestinationRecord>;
  readonly active = new Map<string, Invocation>();
  readonly finished: RingBuffer<Invocation>;
  readonly environments = new Map<string, EnvironmentView>();
  readonly shutdownEnvironments: RingBuffer<EnvironmentView>;
  /** Environments told to shut down after their current run (config updated, provisioning reduced). */
  readonly retiring = new Set<string>();
  /** Trace events of the current facade operation, when someone subscribed. */
  batch: TraceEvent[] | undefined;
  accountConcurrency: number;
  /** Running totals (never trimmed, unlike the buffers). */
  readonly totals = {
    accepted: 0,
    rejected: 0,
    dryRuns: 0,
    coldStarts: 0,
    outcomes: { succeeded: 0, 'failed-returned-to-caller': 0, delivered: 0, discarded: 0 } as Record<
      string,
      number
    >,
  };
  /** Per function: what finished records that fell out of `finished` added up to. */
  readonly dropped = new Map<string, DroppedInvocations>();
  private seq = 0;
  private envCounter = 0;
  private readonly logGroups = new Map<string, string>();

  constructor(
    readonly clock: VirtualClock,
    /** Draws for everything that happens to accepted invocations and environments. */
    readonly random: Random,
    /** Draws for ids of calls that change nothing (rejected, DryRun), so they cannot shift `random`. */
    readonly sideRandom: Random,
    readonly startTime: number,
    accountConcurrency: number,
    limits: SimulationLimits = {},
  ) {
    this.accountConcurrency = accountConcurrency;
    this.trace = new RingBuffer(limits.traceEvents ?? MODEL_LIMITS.traceEvents);
    this.logs = new RingBuffer(limits.logEvents ?? MODEL_LIMITS.logEvents);
    this.finished = new RingBuffer(limits.finishedInvocations ?? MODEL_LIMITS.finishedInvocations, (inv) =>
      this.countDropped(inv.record),
    );
    this.destinations = new RingBuffer(limits.destinationRecords ?? MODEL_LIMITS.destinationRecords);
    this.shutdownEnvironments = new RingBuffer(
      limits.shutdownEnvironments ?? MODEL_LIMITS.shutdownEnvironments,
    );
  }

  now(): number {
    return this.clock.now();
  }

  /** CloudWatch time (epoch ms) of a virtual time. */
  epoch(t = this.clock.now()): number {
    return this.startTime + Math.floor(t);
  }

  note(type: string, data: Record<string, unknown>): void {
    this.record({ t: this.clock.now(), type, ...data });
  }

  /**
   * Appends a trace event the caller built as one object literal, `{ t: ledger.now(), type,
   * …fields }` (the hot paths do: a literal keeps all its fields in the object itself, where
   * `note`'s spread adds them one by one into a side store — for thousands of kept events).
   */
  record(event: TraceEvent): void {
    this.trace.push(event);
    this.batch?.push(event);
  }

  log(
    functionName: string,
    logStreamName: string,
    message: string,
    requestId: string | undefined,
    t = this.clock.now(),
  ): void {
    const group = this.logGroupOf(functionName);
    const timestamp = this.epoch(t);
    // One literal per shape (no property added afterwards): these are kept by the thousand.
    const event: LogEvent =
      requestId !== undefined
        ? { logGroupName: group, logStreamName, timestamp, message, requestId }
        : { logGroupName: group, logStreamName, timestamp, message };
    this.logs.push(event);
  }

  /** One log group name string per function, shared by all its log events (they are kept by the thousand). */
  private logGroupOf(functionName: string): string {
    let name = this.logGroups.get(functionName);
    if (name === undefined) {
      name = logGroupName(functionName);
      this.logGroups.set(functionName, name);
    }
    return name;
  }

  fn(name: string): FunctionState {
    const f = this.functions.get(name);
    if (!f) throw new Error(`model bug: unknown function ${name}`);
    return f;
  }

  nextSeq(): number {
    return this.seq++;
  }

  nextEnvironmentId(): string {
    return `env-${++this.envCounter}`;
  }

  // ---- concurrency -------------------------------------------------------------------

  private reservedTotal(): number {
    let sum = 0;
    for (const f of this.functions.values()) sum += f.config.ReservedConcurrentExecutions ?? 0;
    return sum;
  }

  private unreservedInUse(): number {
    let sum = 0;
    for (const f of this.functions.values())
      if (f.config.ReservedConcurrentExecutions === null) sum += f.inUse;
    return sum;
  }

  /** Why one more concurrent run of `name` would be throttled, or undefined if it fits. */
  throttleReason(name: string): ThrottleReason | undefined {
    const f = this.fn(name);
    const reserved = f.config.ReservedConcurrentExecutions;
    if (reserved !== null)
      return f.inUse >= reserved ? 'ReservedFunctionConcurrentInvocationLimitExceeded' : undefined;
    return this.unreservedInUse() >= this.accountConcurrency - this.reservedTotal()
      ? 'ConcurrentInvocationLimitExceeded'
      : undefined;
  }

  /** How many more functions-worth of reserved concurrency the account can hand out. */
  reservedTotalExcept(name: string): number {
    return this.reservedTotal() - (this.fn(name).config.ReservedConcurrentExecutions ?? 0);
  }

  // ---- invocations -------------------------------------------------------------------

  finish(inv: Invocation): void {
    this.active.delete(inv.record.requestId);
    const outcome = inv.record.outcome;
    if (outcome !== undefined) this.totals.outcomes[outcome] = (this.totals.outcomes[outcome] ?? 0) + 1;
    inv.tailLines = undefined;
    inv.deadline = undefined;
    this.finished.push(inv);
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

  /** Records a rejected or finished-at-once call that was never active. */
  archive(inv: Invocation): void {
    this.totals.rejected++;
    this.finished.push(inv);
  }

  // ---- environments ------------------------------------------------------------------

  retireEnvironmentView(id: string): void {
    const view = this.environments.get(id);
    if (!view) return;
    this.environments.delete(id);
    this.shutdownEnvironments.push(view);
  }
}

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
