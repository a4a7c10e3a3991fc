/**
 * One function's asynchronous event queue and its poller. Events that have to wait — no
 * free concurrency when they arrive, throttled, or waiting for a retry — wait here (202
 * already sent); the poller hands the head to the Lambda service, which either starts a run or
 * answers "throttled" — then the poller backs off (1 s doubling up to 5 min, cut short
 * when a run ends and frees capacity). Failed events come back after about 1 and then 2
 * minutes (the service decides whether one is retried). Events older than
 * MaximumEventAgeInSeconds, and events for a function whose reserved concurrency became 0,
 * go to the OnFailure destination, else the DLQ, else are discarded.
 * (Fast path: when an event arrives, nothing waits and there is free concurrency, the
 * service starts it at once; it is still noted as enqueued — the poller found it at once.)
 */
import { assign, enqueueActions, sendParent, setup } from 'xstate';
import { MODEL_LIMITS } from './defaults';
import type { Ledger } from './ledger';
import { failEvent } from './outcomes';
import { Deque } from './ringBuffer';

export interface EventQueueInput {
  functionName: string;
  ledger: Ledger;
}

interface EventQueueContext {
  functionName: string;
  ledger: Ledger;
  /** Request ids ready to run, oldest first; the head stays until the service takes it. */
  ready: Deque<string>;
  /** Wait before the next poll after a throttle (0 = not backing off). */
  backoffMs: number;
  /** Heads dropped without an attempt (too old, or reserved concurrency 0). */
  droppedHeads: number;
}

export type EventQueueEvent =
  | { type: 'queue.enqueued'; requestId: string }
  | { type: 'attempt.started'; requestId: string }
  | { type: 'attempt.throttled'; requestId: string; reason: string }
  /** A run failed and the event has retries and time left: wait about 1 (then 2) minutes. */
  | { type: 'retry.requested'; requestId: string }
  | { type: 'retry.due'; requestId: string }
  /** A run of this function (or, for unreserved functions, of the account) ended: capacity may be free. */
  | { type: 'capacity.freed' };

/** What the poller asks of the Lambda service. */
export type PollerRequest = { type: 'attempt.requested'; requestId: string; functionName: string };

function expiresAt(context: EventQueueContext, requestId: string): number {
  const inv = context.ledger.active.get(requestId);
  const maxAgeMs = context.ledger.fn(context.functionName).config.MaximumEventAgeInSeconds * 1000;
  return (inv?.record.acceptedAt ?? 0) + maxAgeMs;
}

function isTooOld(context: EventQueueContext, requestId: string): boolean {
  return context.ledger.now() >= expiresAt(context, requestId);
}

function invocationOf(context: EventQueueContext, requestId: string) {
  const inv = context.ledger.active.get(requestId);
  if (!inv) throw new Error(`model bug: event ${requestId} is not active`);
  return inv;
}

export const eventQueueMachine = setup({
  types: {
    context: {} as EventQueueContext,
    events: {} as EventQueueEvent,
    input: {} as EventQueueInput,
  },
  guards: {
    queueIsEmpty: ({ context }) => context.ready.size === 0,
    headIsTooOld: ({ context }) => isTooOld(context, context.ready.peek() as string),
    functionHasZeroConcurrency: ({ context }) =>
      context.ledger.fn(context.functionName).config.ReservedConcurrentExecutions === 0,
    eventIsTooOld: ({ context, event }) => 'requestId' in event && isTooOld(context, event.requestId),
  },
  delays: {
    throttleBackoff: ({ context }) => context.backoffMs,
    /** About 1 minute after the first failure, 2 after the second — or when the event gets too old. */
    untilRetryIsDue: ({ context, event }) => {
      if (event.type !== 'retry.requested') return 0;
      const inv = invocationOf(context, event.requestId);
      return (inv.record.nextAttemptAt ?? context.ledger.now()) - context.ledger.now();
    },
  },
  actions: {
    pushToQueue: ({ context, event }) => {
      if (event.type !== 'queue.enqueued' && event.type !== 'retry.due') return;
      const inv = invocationOf(context, event.requestId);
      inv.record.state = 'queued';
      inv.record.nextAttemptAt = undefined;
      inv.record.environmentId = undefined;
      context.ready.push(event.requestId);
      context.ledger.note('queue.enqueued', {
        requestId: event.requestId,
        depth: context.ready.size,
        ...(event.type === 'retry.due' ? { retry: true } : {}),
      });
    },
    expireHead: ({ context }) => {
      const requestId = context.ready.shift() as string;
      failEvent(context.ledger, invocationOf(context, requestId), 'EventAgeExceeded');
    },
    failHeadWithoutAttempt: ({ context }) => {
      const requestId = context.ready.shift() as string;
      failEvent(context.ledger, invocationOf(context, requestId), 'ZeroReservedConcurrency');
    },
    expireWaitingEvent: ({ context, event }) => {
      if (event.type !== 'retry.due') return;
      failEvent(context.ledger, invocationOf(context, event.requestId), 'EventAgeExceeded');
    },
    requestAttemptForHead: sendParent(({ context }): PollerRequest => ({
      type: 'attempt.requested',
      requestId: context.ready.peek() as string,
      functionName: context.functionName,
    })),
    takeHead: ({ context }) => {
      context.ready.shift();
    },
    countDroppedHead: assign({ droppedHeads: ({ context }) => context.droppedHeads + 1 }),
    resetBackoff: assign({ backoffMs: 0 }),
    backOff: assign({
      backoffMs: ({ context, event }) => {
        const next =
          context.backoffMs === 0
            ? MODEL_LIMITS.throttleBackoffMinMs
            : Math.min(MODEL_LIMITS.throttleBackoffMaxMs, context.backoffMs * 2);
        if (event.type === 'attempt.throttled') {
          const inv = invocationOf(context, event.requestId);
          inv.record.state = 'throttled-backoff';
          inv.record.nextAttemptAt = context.ledger.now() + next;
          context.ledger.note('queue.throttled', {
            requestId: event.requestId,
            reason: event.reason,
            delayMs: next,
          });
        }
        return next;
      },
    }),
    scheduleRetry: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'retry.requested') return;
      const inv = invocationOf(context, event.requestId);
      const now = context.ledger.now();
      const delays = MODEL_LIMITS.retryDelaysMs;
      const delay = delays[Math.min(inv.record.attempts - 1, delays.length - 1)];
      const at = Math.min(now + delay, expiresAt(context, event.requestId));
      inv.record.state = 'retry-wait';
      inv.record.nextAttemptAt = at;
      inv.record.environmentId = undefined;
      context.ledger.note('retry.scheduled', {
        requestId: event.requestId,
        attempt: inv.record.attempts + 1,
        delayMs: at - now,
        at,
      });
      enqueue.raise(
        { type: 'retry.due', requestId: event.requestId },
        { delay: 'untilRetryIsDue', id: `retry:${event.requestId}` },
      );
    }),
  },
}).createMachine({
  id: 'eventQueue',
  context: ({ input }) => ({
    functionName: input.functionName,
    ledger: input.ledger,
    ready: new Deque<string>(),
    backoffMs: 0,
    droppedHeads: 0,
  }),
  initial: 'idle',
  on: {
    'queue.enqueued': { actions: 'pushToQueue' },
    'retry.due': [{ guard: 'eventIsTooOld', actions: 'expireWaitingEvent' }, { actions: 'pushToQueue' }],
    'retry.requested': { actions: 'scheduleRetry' },
  },
  states: {
    /** Nothing ready to run (events may be waiting for a retry). */
    idle: {
      on: {
        'queue.enqueued': { target: 'polling', actions: 'pushToQueue' },
        'retry.due': [
          { guard: 'eventIsTooOld', actions: 'expireWaitingEvent' },
          { target: 'polling', actions: 'pushToQueue' },
        ],
      },
    },
    /**
     * Hand the head of the queue to the service (dropping too-old events first). A drop also
     * counts itself with `assign`: XState re-evaluates eventless transitions only after a
     * microstep that produced a new snapshot, and a drop that only shifts the (mutable) queue
     * produces none — the poller then stalled with events waiting and nothing scheduled (#15).
     */
    polling: {
      always: [
        { guard: 'queueIsEmpty', target: 'idle' },
        { guard: 'headIsTooOld', actions: ['expireHead', 'countDroppedHead'] },
        { guard: 'functionHasZeroConcurrency', actions: ['failHeadWithoutAttempt', 'countDroppedHead'] },
        { target: 'awaitingService', actions: 'requestAttemptForHead' },
      ],
    },
    /** Waiting for the service to start the head's run or to throttle it. */
    awaitingService: {
      on: {
        'attempt.started': { target: 'polling', actions: ['takeHead', 'resetBackoff'] },
        'attempt.throttled': { target: 'backingOff', actions: 'backOff' },
      },
    },
    /**
     * Throttled: wait 1 s, 2 s, 4 s … up to 5 min before polling again — or until a run
     * ends and frees capacity (simplification: the real service's many pollers notice
     * free capacity quickly; the model's single poller is told).
     */
    backingOff: {
      after: { throttleBackoff: 'polling' },
      on: { 'capacity.freed': 'polling' },
    },
  },
});
