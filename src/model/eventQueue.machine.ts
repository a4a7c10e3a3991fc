/**
 * One function's asynchronous event queue and its poller:
 *
 *   idle → polling → awaitingService → polling … ; awaitingService → backingOff → polling
 *
 * Events that have to wait (no free concurrency when they arrive, or back from a retry wait)
 * wait here, 202 already sent. The poller asks the Lambda service about the head of the queue;
 * the service answers with what it sees (`head.checked`: the event's age, the function's
 * reserved concurrency, whether a run would be throttled) and the poller decides: drop the
 * head to its failure destination (too old: EventAgeExceeded; reserved concurrency 0:
 * ZeroReservedConcurrency), back off (1 s doubling up to 5 min, cut short when a run ends and
 * frees capacity), or start it. (Fast path: an event that arrives while nothing waits and a
 * run would not be throttled is started by the service at once, noted as enqueued with depth 1.)
 */
import { assertEvent, assign, emit, setup } from 'xstate';
import { MODEL_LIMITS } from './defaults';
import type { DropCondition } from './invocation.machine';
import type { ThrottleReason } from './errors';

export interface EventQueueInput {
  functionName: string;
}

export interface EventQueueContext {
  functionName: string;
  /** Request ids waiting, oldest first; the head stays until the poller takes or drops it. */
  ready: readonly string[];
  /** Wait before the next poll after a throttle (0 = not backing off). */
  backoffMs: number;
}

export type EventQueueEvent =
  | { type: 'event.queued'; requestId: string; retry: boolean }
  /** The service's view of the head of the queue. */
  | {
      type: 'head.checked';
      tooOld: boolean;
      reservedConcurrencyIsZero: boolean;
      throttleReason: ThrottleReason | undefined;
    }
  /** A run of this function (or, for unreserved functions, of the account) ended, or a limit changed. */
  | { type: 'capacity.freed' };

export type EventQueueEmitted =
  | { type: 'queue.enqueued'; requestId: string; depth: number; retry: boolean }
  /** Asks the service about the head (it answers with `head.checked`). */
  | { type: 'head.checkRequested'; requestId: string }
  | { type: 'head.dropped'; requestId: string; condition: DropCondition }
  /** The service is to start the head's run. */
  | { type: 'head.started'; requestId: string }
  | { type: 'head.throttled'; requestId: string; reason: ThrottleReason; delayMs: number };

const head = (context: EventQueueContext): string => context.ready[0];

export const eventQueueMachine = setup({
  types: {
    context: {} as EventQueueContext,
    events: {} as EventQueueEvent,
    input: {} as EventQueueInput,
    emitted: {} as EventQueueEmitted,
  },
  guards: {
    queueIsEmpty: ({ context }) => context.ready.length === 0,
    headIsTooOld: ({ event }) => {
      assertEvent(event, 'head.checked');
      return event.tooOld;
    },
    functionHasZeroConcurrency: ({ event }) => {
      assertEvent(event, 'head.checked');
      return event.reservedConcurrencyIsZero;
    },
    concurrencyLimitIsReached: ({ event }) => {
      assertEvent(event, 'head.checked');
      return event.throttleReason !== undefined;
    },
  },
  delays: {
    throttleBackoff: ({ context }) => context.backoffMs,
  },
  actions: {
    pushToQueue: assign({
      ready: ({ context, event }) => {
        assertEvent(event, 'event.queued');
        return [...context.ready, event.requestId];
      },
    }),
    announceEnqueued: emit(({ context, event }): EventQueueEmitted => {
      assertEvent(event, 'event.queued');
      return {
        type: 'queue.enqueued',
        requestId: event.requestId,
        depth: context.ready.length,
        retry: event.retry,
      };
    }),
    askAboutHead: emit(({ context }): EventQueueEmitted => ({
      type: 'head.checkRequested',
      requestId: head(context),
    })),
    announceExpired: emit(({ context }): EventQueueEmitted => ({
      type: 'head.dropped',
      requestId: head(context),
      condition: 'EventAgeExceeded',
    })),
    announceNoConcurrency: emit(({ context }): EventQueueEmitted => ({
      type: 'head.dropped',
      requestId: head(context),
      condition: 'ZeroReservedConcurrency',
    })),
    announceStart: emit(({ context }): EventQueueEmitted => ({
      type: 'head.started',
      requestId: head(context),
    })),
    takeHead: assign({ ready: ({ context }) => context.ready.slice(1) }),
    resetBackoff: assign({ backoffMs: 0 }),
    backOff: assign({
      backoffMs: ({ context }) =>
        context.backoffMs === 0
          ? MODEL_LIMITS.throttleBackoffMinMs
          : Math.min(MODEL_LIMITS.throttleBackoffMaxMs, context.backoffMs * 2),
    }),
    announceThrottled: emit(({ context, event }): EventQueueEmitted => {
      assertEvent(event, 'head.checked');
      return {
        type: 'head.throttled',
        requestId: head(context),
        reason: event.throttleReason ?? 'ConcurrentInvocationLimitExceeded',
        delayMs: context.backoffMs,
      };
    }),
  },
}).createMachine({
  id: 'eventQueue',
  context: ({ input }) => ({ functionName: input.functionName, ready: [], backoffMs: 0 }),
  initial: 'idle',
  on: {
    'event.queued': { actions: ['pushToQueue', 'announceEnqueued'] },
  },
  states: {
    /** Nothing waiting (events may be in a retry wait, outside the queue). */
    idle: {
      on: {
        'event.queued': { target: 'polling', actions: ['pushToQueue', 'announceEnqueued'] },
      },
    },
    /** Take the next head to the service, or rest when the queue is empty. */
    polling: {
      always: [
        { guard: 'queueIsEmpty', target: 'idle' },
        { target: 'awaitingService', actions: 'askAboutHead' },
      ],
    },
    /** The service looks at the head; the poller decides what happens to it. */
    awaitingService: {
      on: {
        'head.checked': [
          { guard: 'headIsTooOld', target: 'polling', actions: ['announceExpired', 'takeHead'] },
          {
            guard: 'functionHasZeroConcurrency',
            target: 'polling',
            actions: ['announceNoConcurrency', 'takeHead'],
          },
          {
            guard: 'concurrencyLimitIsReached',
            target: 'backingOff',
            actions: ['backOff', 'announceThrottled'],
          },
          { target: 'polling', actions: ['announceStart', 'takeHead', 'resetBackoff'] },
        ],
      },
    },
    /**
     * Throttled: wait 1 s, 2 s, 4 s … up to 5 min before polling again — or until a run ends
     * and frees capacity (simplification: the real service's many pollers notice free capacity
     * quickly; the model's single poller is told).
     */
    backingOff: {
      after: { throttleBackoff: 'polling' },
      on: { 'capacity.freed': 'polling' },
    },
  },
});
