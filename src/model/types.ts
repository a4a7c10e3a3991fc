import type { ThrottleReason } from './errors';

/** Public types of the Lambda model. Field names follow the AWS API where one exists. */

export type FailureMode =
  | { mode: 'never' }
  | { mode: 'always'; errorType?: string; errorMessage?: string }
  | { mode: 'firstAttempts'; count: number; errorType?: string; errorMessage?: string }
  | { mode: 'probability'; p: number; errorType?: string; errorMessage?: string }
  | { mode: 'hang' };

/** What the handler does, as data the user edits. */
export interface HandlerBehaviour {
  /** How long the handler runs (ms). */
  durationMs: number;
  /** Seeded jitter: each run lasts durationMs ± jitterMs (uniform). */
  jitterMs: number;
  /** Init phase length of a cold start (ms, before seeded noise of 0–15 ms). */
  initDurationMs: number;
  /** Lines the handler logs (Python `logger.info`), written at the end of a successful run. */
  printedLines: string[];
  /** The returned value (serialised to JSON as the response payload). */
  result: unknown;
  failure: FailureMode;
  /** Reported as "Max Memory Used"; default min(75, MemorySize). */
  maxMemoryUsedMb?: number;
}

export interface DestinationTarget {
  Destination: string;
}

export interface DestinationConfig {
  OnSuccess?: DestinationTarget;
  OnFailure?: DestinationTarget;
}

/** One function's configuration, flat, with AWS's names. */
export interface FunctionConfig {
  FunctionName: string;
  /** Seconds, 1..900 (Lambda default 3). */
  Timeout?: number;
  /** MB, 128..10240 (default 128). */
  MemorySize?: number;
  ReservedConcurrentExecutions?: number | null;
  ProvisionedConcurrentExecutions?: number;
  /** 0..2 (default 2). */
  MaximumRetryAttempts?: number;
  /** 60..21600 (default 21600). */
  MaximumEventAgeInSeconds?: number;
  DestinationConfig?: DestinationConfig;
  DeadLetterConfig?: { TargetArn?: string };
  Handler?: Partial<HandlerBehaviour>;
}

/** A function's configuration with every default filled in. */
export interface ResolvedFunctionConfig {
  FunctionName: string;
  FunctionArn: string;
  Timeout: number;
  MemorySize: number;
  ReservedConcurrentExecutions: number | null;
  ProvisionedConcurrentExecutions: number;
  MaximumRetryAttempts: number;
  MaximumEventAgeInSeconds: number;
  DestinationConfig: DestinationConfig;
  DeadLetterConfig: { TargetArn?: string };
  Handler: HandlerBehaviour;
}

export interface SimulationLimits {
  /** Trace events kept (default 20,000). */
  traceEvents?: number;
  /** CloudWatch log events kept (default 10,000). */
  logEvents?: number;
  /** Finished (or rejected) invocation records kept (default 10,000). */
  finishedInvocations?: number;
  /** Destination / DLQ records kept (default 10,000). */
  destinationRecords?: number;
  /** Shut-down environments kept for views (default 100). */
  shutdownEnvironments?: number;
}

export interface SimulationOptions {
  seed: number | string;
  /** Account concurrency limit (default 1000). */
  accountConcurrency?: number;
  /** Epoch ms of virtual time 0 (default 2026-01-15T09:00:00Z). */
  startTime?: number;
  functions: FunctionConfig[];
  limits?: SimulationLimits;
}

export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';

export interface InvokeInput {
  FunctionName: string;
  InvocationType?: InvocationType;
  LogType?: 'None' | 'Tail';
  /** The event as a JSON string (the SDK takes bytes; the model takes the text). */
  Payload?: string;
  Qualifier?: string;
  ClientContext?: string;
}

export interface InvokeOptions {
  callerId?: string;
  callerLabel?: string;
  /**
   * The caller drops the returned promise (the café's customers: what happened to them is read
   * from the records and the trace). The promise then never settles, and no response or error
   * object is built for it; a busy café refuses thousands of calls, and building an Error for
   * each was a third of a replay in Chromium.
   */
  detached?: boolean;
}

/** Shaped like the AWS SDK v3 InvokeCommandOutput (Payload as a JSON string). */
export interface InvokeOutput {
  StatusCode: number;
  FunctionError?: string;
  LogResult?: string;
  ExecutedVersion?: string;
  Payload?: string;
}

/** The promise `invoke()` returns; `requestId` is set synchronously at call time. */
export type InvokePromise = Promise<InvokeOutput> & { requestId?: string };

export interface LogEvent {
  logGroupName: string;
  logStreamName: string;
  /** Epoch ms. */
  timestamp: number;
  message: string;
  requestId?: string;
}

export interface LogFilter {
  functionName?: string;
  logStreamName?: string;
  requestId?: string;
  /** Epoch ms, inclusive. */
  startTime?: number;
  /** Epoch ms, inclusive. */
  endTime?: number;
}

export type DestinationKind = 'OnSuccess' | 'OnFailure' | 'DLQ';

export interface DestinationRecord {
  /** The function whose invocation this record is about. */
  functionName: string;
  destinationArn: string;
  destinationType: 'sqs' | 'sns' | 'lambda' | 'events' | 's3';
  kind: DestinationKind;
  /** Epoch ms. */
  timestamp: number;
  requestId: string;
  /** The AWS invocation record (OnSuccess/OnFailure) or the bare event (DLQ). */
  record: unknown;
  /** DLQ only: the message attributes Lambda adds (RequestID, ErrorCode, ErrorMessage). */
  messageAttributes?: Record<string, string>;
}

export type EnvironmentState = 'initializing' | 'busy' | 'idle' | 'shutdown';

/** Alias of EnvironmentView. */
export type EnvironmentInfo = EnvironmentView;

export interface EnvironmentView {
  id: string;
  functionName: string;
  state: EnvironmentState;
  logStreamName: string;
  invocationCount: number;
  currentRequestId?: string;
  /** Virtual ms. */
  busySince?: number;
  /** Virtual ms the current init or run ends (for a progress bar). */
  busyUntil?: number;
  provisioned: boolean;
  /** The current (or last) request started cold. */
  coldStart: boolean;
  createdAt: number;
  shutdownAt?: number;
  shutdownReason?: string;
}

export type InvocationState =
  | 'queued'
  | 'running'
  | 'retry-wait'
  | 'throttled-backoff'
  | 'succeeded'
  | 'failed'
  | 'destination'
  | 'discarded'
  | 'rejected';

export type InvocationOutcome =
  'succeeded' | 'failed-returned-to-caller' | 'delivered' | 'discarded' | 'rejected';

export interface InvocationRecord {
  requestId: string;
  functionName: string;
  invocationType: 'RequestResponse' | 'Event';
  callerId?: string;
  callerLabel?: string;
  /** Virtual ms. */
  acceptedAt: number;
  state: InvocationState;
  statusCode?: number;
  functionError?: string;
  attempts: number;
  environmentId?: string;
  nextAttemptAt?: number;
  respondedAt?: number;
  endedAt?: number;
  outcome?: InvocationOutcome;
  /** 'Success' | 'RetriesExhausted' | 'EventAgeExceeded' | 'ZeroReservedConcurrency' | 'FunctionError' | exception name. */
  outcomeReason?: string;
  /** Where a delivered record went. */
  destinationArn?: string;
  payload?: string;
}

/**
 * What the finished calls of one function that no longer fit in the kept history added up to
 * (only calls made with a `callerId`), so caller-time totals stay exact in long sessions.
 */
export interface DroppedInvocations {
  /** Dropped records by invocation type, refused ones included. */
  requestResponse: number;
  event: number;
  /** Of those, refused before running (429 throttles, 4xx). */
  rejectedRequestResponse: number;
  rejectedEvent: number;
  /** Σ respondedAt − acceptedAt over the dropped synchronous calls that were accepted. */
  blockedMs: number;
  /** Σ endedAt − acceptedAt over the dropped asynchronous events that were accepted. */
  eventHandlingMs: number;
  /** Dropped records whose outcome was 'discarded'. */
  discarded: number;
}

/** A kept invocation record with its place in acceptance order. */
export interface KeptInvocation {
  readonly seq: number;
  readonly record: Readonly<InvocationRecord>;
}

/**
 * The kept invocation records in blocks, for views that fold over all of them at every frame.
 * `sealed` blocks hold finished records and never change: a simulation restored from a snapshot
 * shares them with the one the snapshot came from, so a view may keep a fold per block (by
 * identity) and redo only `loose` (the other finished records) and `active` (the calls not yet
 * finished). Finished records are in the order they finished; `active` is in acceptance order.
 */
export interface InvocationBlocks {
  sealed: readonly (readonly KeptInvocation[])[];
  loose: readonly KeptInvocation[];
  active: readonly KeptInvocation[];
}

/** The Lambda context object (Python names). */
export interface LambdaContext {
  aws_request_id: string;
  log_group_name: string;
  log_stream_name: string;
  function_name: string;
  function_version: string;
  invoked_function_arn: string;
  memory_limit_in_mb: string;
  /** get_remaining_time_in_millis() at the current virtual time. */
  remaining_time_ms: number;
}

/** A model event (virtual ms `t`), one per kind: switch on `type` and the fields are typed. */
export type TraceEvent =
  | {
      t: number;
      type: 'invoke.accepted';
      requestId: string;
      functionName: string;
      invocationType: 'RequestResponse' | 'Event';
      callerId?: string;
    }
  | {
      t: number;
      type: 'invoke.rejected';
      requestId: string;
      functionName: string;
      invocationType: 'RequestResponse' | 'Event';
      statusCode: number;
      /** The AWS exception name. */
      errorName: string;
      /** For a 429: why it was throttled. */
      reason?: ThrottleReason;
    }
  | { t: number; type: 'invoke.dryRun'; requestId: string; functionName: string; statusCode: 204 }
  /** A sync caller got its answer. */
  | { t: number; type: 'invoke.responded'; requestId: string; statusCode: 200; functionError?: string }
  | { t: number; type: 'queue.enqueued'; requestId: string; depth: number; retry?: true }
  | { t: number; type: 'queue.throttled'; requestId: string; reason: ThrottleReason; delayMs: number }
  | { t: number; type: 'retry.scheduled'; requestId: string; attempt: number; delayMs: number; at: number }
  | {
      t: number;
      type: 'env.created';
      envId: string;
      functionName: string;
      provisioned: boolean;
      logStreamName: string;
      /** The request that caused this cold start. */
      requestId?: string;
    }
  | { t: number; type: 'env.initialized'; envId: string; initDurationMs: number }
  | { t: number; type: 'run.started'; requestId: string; envId: string; attempt: number; coldStart: boolean }
  | RunEnded<'run.succeeded'>
  | RunEnded<'run.failed'>
  | RunEnded<'run.timedOut'>
  | { t: number; type: 'env.frozen'; envId: string }
  | { t: number; type: 'env.shutdown'; envId: string; reason: string }
  | {
      t: number;
      type: 'destination.delivered';
      requestId: string;
      kind: DestinationKind;
      destinationArn: string;
      condition: string;
    }
  | { t: number; type: 'event.discarded'; requestId: string; reason: string }
  /** Exactly once per accepted invocation. */
  | { t: number; type: 'invocation.ended'; requestId: string; outcome: InvocationOutcome; reason?: string }
  | { t: number; type: 'config.updated'; functionName: string; changed: string[] }
  | { t: number; type: 'config.updated'; accountConcurrency: number };

export type RunEndType = 'run.succeeded' | 'run.failed' | 'run.timedOut';

/** A run's end: succeeded, failed (the handler raised) or timed out. */
export interface RunEnded<T extends RunEndType> {
  t: number;
  type: T;
  requestId: string;
  envId: string;
  durationMs: number;
  billedMs: number;
}

export type TraceEventType = TraceEvent['type'];

/** The trace event of one type: `TraceEventOf<'run.started'>`. */
export type TraceEventOf<T extends TraceEventType> = Extract<TraceEvent, { type: T }>;

export type Unsubscribe = () => void;
