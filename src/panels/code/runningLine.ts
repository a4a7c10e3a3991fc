/**
 * Which code runs for the selected barista or customer, from the model's records. The model
 * knows three things about a run: Init (module-level code, on a cold start), running (the
 * handler), finished. It does not execute the code line by line, so the highlight marks the
 * module-level code during Init and the line where the handler spends its time while it runs.
 */
import type { EnvironmentInfo, InvocationRecord, LambdaContext } from '../../model';
import type { CodeLine, HandlerSource, Language } from './handlerSource';

export type Focus =
  | { kind: 'none' }
  /** A selection the model no longer has (trimmed from its bounded buffers). */
  | { kind: 'gone'; what: 'barista' | 'customer'; id: string }
  | { kind: 'init'; env: EnvironmentInfo; requestId?: string }
  | { kind: 'running'; env: EnvironmentInfo; requestId: string }
  | { kind: 'idle'; env: EnvironmentInfo }
  | { kind: 'shutdown'; env: EnvironmentInfo }
  /** The selected customer's order is not in an environment now (queued, retrying, finished). */
  | { kind: 'not-running'; invocation: InvocationRecord };

export interface Selection {
  selectedEnvironment?: string;
  selectedCustomer?: string;
}

/** The newest invocation of a caller (a caller id is a customer or a terminal call). */
export function invocationOfCaller(
  invocations: readonly InvocationRecord[],
  callerId: string,
): InvocationRecord | undefined {
  return invocations.findLast((i) => i.callerId === callerId);
}

function focusOfEnvironment(env: EnvironmentInfo): Focus {
  switch (env.state) {
    case 'initializing':
      return { kind: 'init', env, requestId: env.currentRequestId };
    case 'busy':
      return env.currentRequestId !== undefined
        ? { kind: 'running', env, requestId: env.currentRequestId }
        : { kind: 'idle', env };
    case 'idle':
      return { kind: 'idle', env };
    case 'shutdown':
      return { kind: 'shutdown', env };
  }
}

/**
 * What the code panel follows: the selected barista, or the environment currently working on
 * the selected customer's order (during its cold start's Init too).
 */
export function focusOf(
  selection: Selection,
  environments: readonly EnvironmentInfo[],
  invocation: InvocationRecord | undefined,
): Focus {
  if (selection.selectedEnvironment !== undefined) {
    const env = environments.find((e) => e.id === selection.selectedEnvironment);
    return env
      ? focusOfEnvironment(env)
      : { kind: 'gone', what: 'barista', id: selection.selectedEnvironment };
  }
  if (selection.selectedCustomer !== undefined) {
    if (!invocation) return { kind: 'gone', what: 'customer', id: selection.selectedCustomer };
    const env = environments.find(
      (e) => e.currentRequestId === invocation.requestId && e.state !== 'shutdown',
    );
    if (env && (env.state === 'initializing' || env.state === 'busy')) return focusOfEnvironment(env);
    return { kind: 'not-running', invocation };
  }
  return { kind: 'none' };
}

/** 1-based numbers of the lines to highlight for a focus. */
export function highlightedLines(source: HandlerSource, focus: Focus): number[] {
  const pick = (test: (l: CodeLine) => boolean) => source.lines.flatMap((l, i) => (test(l) ? [i + 1] : []));
  if (focus.kind === 'init') return pick((l) => l.role === 'init');
  if (focus.kind === 'running') return pick((l) => l.role === 'work');
  return [];
}

/** Progress of the current Init or run at virtual time `now` (0..1), from busySince/busyUntil. */
export function phaseProgress(
  env: EnvironmentInfo,
  now: number,
): { elapsedMs: number; totalMs: number; progress: number } | undefined {
  if (env.busySince === undefined || env.busyUntil === undefined) return undefined;
  const totalMs = Math.max(0, env.busyUntil - env.busySince);
  const elapsedMs = Math.min(totalMs, Math.max(0, now - env.busySince));
  return { elapsedMs, totalMs, progress: totalMs === 0 ? 1 : elapsedMs / totalMs };
}

export interface ContextField {
  /** How the handler reads it: `context.aws_request_id` or `context.awsRequestId`. */
  expression: string;
  /** The value as a literal of that language. */
  value: string;
}

const FIELD_NAMES: Record<Language, Record<Exclude<keyof LambdaContext, 'remaining_time_ms'>, string>> = {
  python: {
    aws_request_id: 'aws_request_id',
    log_group_name: 'log_group_name',
    log_stream_name: 'log_stream_name',
    function_name: 'function_name',
    function_version: 'function_version',
    invoked_function_arn: 'invoked_function_arn',
    memory_limit_in_mb: 'memory_limit_in_mb',
  },
  nodejs: {
    aws_request_id: 'awsRequestId',
    log_group_name: 'logGroupName',
    log_stream_name: 'logStreamName',
    function_name: 'functionName',
    function_version: 'functionVersion',
    invoked_function_arn: 'invokedFunctionArn',
    memory_limit_in_mb: 'memoryLimitInMB',
  },
};

/** The context object's properties as the handler sees them (strings in both runtimes). */
export function contextFields(context: LambdaContext, language: Language): ContextField[] {
  const names = FIELD_NAMES[language];
  return (Object.keys(names) as (keyof typeof names)[]).map((key) => ({
    expression: `context.${names[key]}`,
    value: JSON.stringify(context[key]),
  }));
}

/** The remaining-time method's call expression. */
export function remainingTimeExpression(language: Language): string {
  return language === 'python'
    ? 'context.get_remaining_time_in_millis()'
    : 'context.getRemainingTimeInMillis()';
}

/**
 * The run's deadline in virtual ms, from a context read at virtual time `readAt`: the
 * remaining time can then tick with the clock without asking the model again.
 */
export function deadlineOf(context: LambdaContext, readAt: number): number {
  return readAt + context.remaining_time_ms;
}

/** get_remaining_time_in_millis(): whole milliseconds until the deadline, never below 0. */
export function remainingMillis(deadline: number, now: number): number {
  return Math.max(0, Math.floor(deadline - now));
}

/** A duration for people: 850 ms, 5.2 s. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
}

function describeInvocation(inv: InvocationRecord, who: string): string {
  switch (inv.state) {
    case 'queued':
      return `${who}'s event is waiting in Lambda's queue: no code runs for it yet.`;
    case 'throttled-backoff':
      return `${who}'s event is back in the queue after a throttle: no code runs for it until the poller tries again.`;
    case 'retry-wait':
      return `${who}'s event failed and waits for its retry: no code runs for it until then.`;
    case 'running':
      return `${who}'s request is being handed to a barista.`;
    case 'rejected':
      return `${who}'s request was turned away (${inv.outcomeReason ?? 'rejected'}): the code never ran.`;
    default:
      return `${who}'s request has finished (${inv.outcome ?? inv.state}${inv.outcomeReason ? `, ${inv.outcomeReason}` : ''}): no code runs for it now.`;
  }
}

/**
 * One sentence about what runs now, for the status line. `callerLabel` names whose request
 * the environment works on (when the model still knows it).
 */
export function describeFocus(focus: Focus, source: HandlerSource, callerLabel?: string): string {
  const forWhom = callerLabel ? ` for ${callerLabel}` : '';
  switch (focus.kind) {
    case 'none':
      return 'Select a barista or a customer in the café to follow its run in the code.';
    case 'gone':
      return `${focus.what === 'barista' ? 'Barista' : 'Customer'} ${focus.id} is no longer in the model's records. Select another in the café.`;
    case 'init':
      return `Barista ${focus.env.id} is initializing${focus.requestId ? ` (a cold start${forWhom})` : ''}: Lambda runs the module-level code (highlighted) once, before the handler's first request.`;
    case 'running': {
      const work = source.lines.find((l) => l.role === 'work')?.text.trim() ?? '';
      return `Barista ${focus.env.id} is running the handler${forWhom}: it spends its time in ${work}. The model knows when a run starts and ends, not which line runs; the highlight marks where the time goes.`;
    }
    case 'idle':
      return `Barista ${focus.env.id} is idle (frozen): no code runs. Its module-level state stays in memory, so its next request is a warm start, without Init.`;
    case 'shutdown':
      return `Barista ${focus.env.id} has shut down${focus.env.shutdownReason ? ` (${focus.env.shutdownReason})` : ''}: its memory is gone; a new request needs a new environment and its Init.`;
    case 'not-running':
      return describeInvocation(
        focus.invocation,
        focus.invocation.callerLabel ?? focus.invocation.callerId ?? 'This customer',
      );
  }
}
