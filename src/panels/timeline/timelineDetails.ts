import type { InvocationRecord } from '../../model';
import { formatClock, formatDuration } from '../../cafe/format';
import { callerName, type CallerLane, type EnvLane } from './timelineModel';
import type { EnvSpan, QueueStep } from './timelineHistory';

/**
 * The words for what the timeline draws: a short summary per lane (its button's accessible
 * name, so a screen reader hears the lane's story) and the longer details shown in the aside
 * for whatever is hovered or focused. Pure, so the wording is tested without a browser.
 */

const SPAN_WORDS: Record<string, string> = {
  blocked: 'blocked, waiting for the answer',
  queued: 'event waiting in the queue',
  throttled: 'event held back: the poller was throttled',
  running: 'event running (Init on a cold start, then the handler)',
  'retry-wait': 'event waiting to be retried',
  init: 'Init (cold start)',
  busy: 'busy running an order',
  idle: 'idle (frozen between orders)',
  unknown: 'not recorded (older events were dropped)',
};

/** An async event still in flight, by its record's state. */
const IN_FLIGHT: Record<string, string> = {
  queued: 'waiting in the queue',
  running: 'running',
  'retry-wait': 'waiting to be retried',
  'throttled-backoff': 'held back (the poller was throttled)',
};

function outcomeWords(inv: InvocationRecord): string {
  switch (inv.outcome) {
    case 'succeeded':
      return 'succeeded';
    case 'failed-returned-to-caller':
      return `failed: 200 with FunctionError ${inv.functionError ?? ''}`.trim();
    case 'delivered':
      return inv.outcomeReason === 'Success'
        ? 'succeeded; record sent to OnSuccess'
        : `failed (${inv.outcomeReason}); record delivered`;
    case 'discarded':
      return `failed and discarded (${inv.outcomeReason ?? 'no destination'})`;
    case 'rejected':
      return `rejected: ${inv.statusCode} ${inv.outcomeReason ?? ''}`.trim();
    default:
      return inv.state;
  }
}

/** One call as a phrase: what the caller experienced. */
function callPhrase(inv: InvocationRecord, now: number): string {
  if (inv.state === 'rejected')
    return `${inv.statusCode} ${inv.outcomeReason ?? 'rejected'} at once, never blocked`;
  if (inv.invocationType === 'RequestResponse') {
    if (inv.respondedAt === undefined) return `blocked ${formatDuration(now - inv.acceptedAt)} so far`;
    const answer = inv.functionError ? `200 with FunctionError` : '200 OK';
    return `blocked ${formatDuration(inv.respondedAt - inv.acceptedAt)}, then ${answer}`;
  }
  if (inv.endedAt === undefined) return `202 at once, free; event ${IN_FLIGHT[inv.state] ?? inv.state}`;
  return `202 at once, free; event ${outcomeWords(inv)} after ${formatDuration(inv.endedAt - inv.acceptedAt)}`;
}

/** The lane button's name: starts with its visible text (label and kind), then the story. */
export function callerSummary(lane: CallerLane, now: number): string {
  const latest = lane.calls.at(-1)!;
  return `${lane.label}, ${lane.kind}: ${callPhrase(latest, now)}`;
}

function spanAt<S extends { from: number; to: number | undefined }>(
  spans: readonly S[],
  at: number,
  now: number,
) {
  return spans.find((s) => s.from <= at && at <= (s.to ?? now));
}

/** `near`: how close (ms) a mark must be to the pointer to be described (about a few pixels). */
export function callerDetails(lane: CallerLane, now: number, at?: number, near = 250): string[] {
  const lines = [
    `${lane.label} (${lane.kind === 'sync' ? 'synchronous: RequestResponse' : 'asynchronous: Event'})`,
  ];
  for (const inv of lane.calls) {
    lines.push(`Request ${inv.requestId}`);
    lines.push(`Called at ${formatClock(inv.acceptedAt)}: ${callPhrase(inv, now)}`);
    if (inv.invocationType === 'Event' && inv.state !== 'rejected') {
      lines.push(
        `Attempts: ${inv.attempts}${inv.endedAt !== undefined ? `; ended at ${formatClock(inv.endedAt)}` : ''}`,
      );
    }
    if (inv.environmentId) lines.push(`Ran in ${inv.environmentId}`);
  }
  if (at !== undefined) {
    const span = spanAt(lane.spans, at, now);
    const nearby = lane.markers.filter((m) => Math.abs(m.t - at) <= near);
    if (span) {
      lines.push(
        `At ${formatClock(at)}: ${SPAN_WORDS[span.kind]} (${formatClock(span.from)}–${span.to === undefined ? 'now' : formatClock(span.to)}, ${formatDuration((span.to ?? now) - span.from)})`,
      );
    }
    for (const m of nearby) lines.push(`${formatClock(m.t)}: ${m.text}`);
  }
  return lines;
}

function envStateWords(lane: EnvLane): string {
  const { env } = lane;
  if (env.state === 'shutdown')
    return `shut down at ${formatClock(env.shutdownAt ?? 0)} (${env.shutdownReason ?? 'shutdown'})`;
  return env.state === 'initializing'
    ? 'in Init (cold start)'
    : env.state === 'busy'
      ? 'busy'
      : 'idle (frozen)';
}

export function envSummary(lane: EnvLane): string {
  const { env } = lane;
  return `${env.id}${env.provisioned ? ' (provisioned)' : ''}: ${envStateWords(lane)}, ${env.invocationCount} order${env.invocationCount === 1 ? '' : 's'} run`;
}

function busyWords(span: EnvSpan): string {
  const who = span.callerId ? `${callerName(span.callerId)}'s order` : 'an order';
  const how = span.callKind ? ` (${span.callKind})` : '';
  const attempt = span.attempt && span.attempt > 1 ? `, attempt ${span.attempt}` : '';
  return `running ${who}${how}${attempt}${span.coldStart ? ', after a cold start' : ''}`;
}

export function envDetails(lane: EnvLane, now: number, at?: number): string[] {
  const { env } = lane;
  const lines = [
    `Execution environment ${env.id}${env.provisioned ? ' (provisioned concurrency)' : ''}`,
    `Created at ${formatClock(env.createdAt)}; now ${envStateWords(lane)}`,
    `Orders run: ${env.invocationCount}`,
    `Log stream ${env.logStreamName}`,
  ];
  const span = at === undefined ? undefined : spanAt(lane.spans, at, now);
  if (span) {
    const what = span.kind === 'busy' ? busyWords(span) : SPAN_WORDS[span.kind];
    lines.push(
      `At ${formatClock(at!)}: ${what} (${formatClock(span.from)}–${span.to === undefined ? 'now' : formatClock(span.to)}, ${formatDuration((span.to ?? now) - span.from)})`,
    );
    if (span.requestId) lines.push(`Request ${span.requestId}`);
  }
  return lines;
}

export function queueDetails(queue: readonly QueueStep[], peak: number, at?: number): string[] {
  const last = queue.at(-1);
  const lines = [
    `Async events waiting now: ${last?.queued ?? 0} in the queue, ${last?.retrying ?? 0} waiting to retry (peak ${peak})`,
  ];
  if (at !== undefined) {
    const step = queue.findLast((s) => s.t <= at);
    if (step)
      lines.push(`At ${formatClock(at)}: ${step.queued} in the queue, ${step.retrying} waiting to retry`);
  }
  return lines;
}
