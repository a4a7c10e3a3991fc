/**
 * One accepted invocation, from the moment Lambda accepted the call to its one final outcome.
 *
 *   sync  (RequestResponse):  received → running → succeeded | returnedError
 *   async (Event):            received → queued ⇄ throttled → running → retryWaiting → queued …
 *                             → succeeded | deliveredOnSuccess
 *                             | failed → deliveredOnFailure | deadLettered | discarded
 *
 * The machine decides (named guards) and records what it decided in its context (pure
 * assigns); what the world looks like comes in the events: the run's outcome, and the
 * function's retry, event-age and destination settings at that moment (`EventPolicy`, with the
 * virtual time — a machine has no clock of its own). What has to be written down outside —
 * the caller's answer, destination records, the trace — is emitted.
 *
 * Test it alone: `createActor(invocationMachine, { input }).start()`, send the events, read
 * `getSnapshot()` and listen with `actor.on('invocation.ended', …)`.
 */
import { assertEvent, assign, emit, setup } from 'xstate';
import { MODEL_LIMITS } from './defaults';
import type { RunOutcome } from './runPlan';
import type { DestinationKind, InvocationOutcome } from './types';

/** A function's async settings at one moment, and that moment (virtual ms). */
export interface EventPolicy {
  now: number;
  maximumRetryAttempts: number;
  maximumEventAgeMs: number;
  onSuccess: string | undefined;
  onFailure: string | undefined;
  deadLetterQueue: string | undefined;
}

/** A run's response: 200 always; FunctionError and the error object when the handler failed. */
export interface RunResponse {
  functionError: 'Unhandled' | undefined;
  /** The response payload as JSON text. */
  payloadText: string;
  payload: unknown;
}

export type DropCondition = 'EventAgeExceeded' | 'ZeroReservedConcurrency';

export type InvocationEvent =
  /** An attempt started in environment `envId` (the service took a concurrency slot for it). */
  | { type: 'run.started'; envId: string; now: number }
  /** Async: the event waits in the function's queue. */
  | { type: 'event.queued' }
  /** Async: the poller was throttled with this event at the head; it tries again at `retryAt`. */
  | { type: 'attempt.throttled'; retryAt: number }
  | { type: 'run.finished'; outcome: RunOutcome; response: RunResponse; policy: EventPolicy }
  /** Async: the retry wait is over. */
  | { type: 'retry.due'; policy: EventPolicy }
  /** Async: dropped without an attempt (too old at the head of the queue, or reserved concurrency 0). */
  | { type: 'event.dropped'; condition: DropCondition; policy: EventPolicy };

export type InvocationEmitted =
  /** Sync: the caller gets its answer now (200, with FunctionError when the handler failed). */
  | { type: 'invoke.responded'; requestId: string; response: RunResponse }
  | { type: 'retry.scheduled'; requestId: string; attempt: number; delayMs: number; at: number }
  /** Back in the queue after the retry wait. */
  | { type: 'retry.queued'; requestId: string }
  | {
      type: 'event.delivered';
      requestId: string;
      kind: DestinationKind;
      destinationArn: string;
      condition: string;
    }
  | { type: 'event.discarded'; requestId: string; reason: string }
  | { type: 'invocation.ended'; requestId: string; outcome: InvocationOutcome; reason: string | undefined };

export interface LastResponse {
  statusCode: 200;
  functionError: 'Unhandled' | undefined;
  payload: unknown;
}

export interface InvocationInput {
  requestId: string;
  functionName: string;
  invocationType: 'RequestResponse' | 'Event';
  callerId?: string;
  callerLabel?: string;
  acceptedAt: number;
  /** The request payload (JSON text). */
  payload: string;
}

/** The invocation as it stands: what `sim.invocation(id)` reports, with the machine's state. */
export interface InvocationContext {
  requestId: string;
  functionName: string;
  invocationType: 'RequestResponse' | 'Event';
  callerId: string | undefined;
  callerLabel: string | undefined;
  acceptedAt: number;
  payload: string;
  attempts: number;
  /** 202 for an async call at once; 200 when a sync call is answered. */
  statusCode: number | undefined;
  respondedAt: number | undefined;
  environmentId: string | undefined;
  nextAttemptAt: number | undefined;
  functionError: 'Unhandled' | undefined;
  endedAt: number | undefined;
  outcome: InvocationOutcome | undefined;
  outcomeReason: string | undefined;
  destinationArn: string | undefined;
  lastResponse: LastResponse | undefined;
  /** The settings (and time) of the moment the event's fate was decided. */
  policy: EventPolicy | undefined;
  /** Why an async event failed for good. */
  condition: string | undefined;
}

function isTooOld(context: InvocationContext, policy: EventPolicy): boolean {
  return policy.now >= context.acceptedAt + policy.maximumEventAgeMs;
}

/** About 1 minute after the first failure, 2 after the second (lambda-facts §3). */
function retryDelayMs(attempts: number): number {
  const delays = MODEL_LIMITS.retryDelaysMs;
  return delays[Math.min(attempts - 1, delays.length - 1)];
}

const ended = (
  context: InvocationContext,
  outcome: InvocationOutcome,
  reason: string | undefined,
): InvocationEmitted => ({ type: 'invocation.ended', requestId: context.requestId, outcome, reason });

export const invocationMachine = setup({
  types: {
    context: {} as InvocationContext,
    events: {} as InvocationEvent,
    input: {} as InvocationInput,
    emitted: {} as InvocationEmitted,
  },
  guards: {
    isAsync: ({ context }) => context.invocationType === 'Event',
    isSyncCall: ({ context }) => context.invocationType === 'RequestResponse',
    syncCallSucceeded: ({ context, event }) => {
      assertEvent(event, 'run.finished');
      return context.invocationType === 'RequestResponse' && event.outcome === 'success';
    },
    attemptSucceeded: ({ event }) => {
      assertEvent(event, 'run.finished');
      return event.outcome === 'success';
    },
    succeededWithOnSuccessDestination: ({ event }) => {
      assertEvent(event, 'run.finished');
      return event.outcome === 'success' && event.policy.onSuccess !== undefined;
    },
    /** Retries left, and the event is not older than MaximumEventAgeInSeconds. */
    eventCanBeRetried: ({ context, event }) => {
      assertEvent(event, 'run.finished');
      return context.attempts <= event.policy.maximumRetryAttempts && !isTooOld(context, event.policy);
    },
    eventIsTooOld: ({ context, event }) => {
      assertEvent(event, 'retry.due');
      return isTooOld(context, event.policy);
    },
    hasOnFailureDestination: ({ context }) => context.policy?.onFailure !== undefined,
    hasDeadLetterQueue: ({ context }) => context.policy?.deadLetterQueue !== undefined,
  },
  actions: {
    markAccepted: assign({
      statusCode: ({ context }) => (context.invocationType === 'Event' ? 202 : undefined),
      respondedAt: ({ context }) => (context.invocationType === 'Event' ? context.acceptedAt : undefined),
    }),
    startAttempt: assign(({ context, event }) => {
      assertEvent(event, 'run.started');
      return { attempts: context.attempts + 1, environmentId: event.envId, nextAttemptAt: undefined };
    }),
    waitInQueue: assign({ environmentId: undefined, nextAttemptAt: undefined }),
    noteNextAttempt: assign(({ event }) => {
      assertEvent(event, 'attempt.throttled');
      return { nextAttemptAt: event.retryAt };
    }),
    keepResponse: assign(({ event }) => {
      assertEvent(event, 'run.finished');
      const { functionError, payload } = event.response;
      const lastResponse: LastResponse = { statusCode: 200, functionError, payload };
      return { lastResponse, functionError, policy: event.policy };
    }),
    answerCaller: assign(({ event }) => {
      assertEvent(event, 'run.finished');
      return { statusCode: 200, respondedAt: event.policy.now };
    }),
    announceAnswer: emit(({ context, event }): InvocationEmitted => {
      assertEvent(event, 'run.finished');
      return { type: 'invoke.responded', requestId: context.requestId, response: event.response };
    }),
    scheduleRetry: assign(({ context, event }) => {
      assertEvent(event, 'run.finished');
      const { now, maximumEventAgeMs } = event.policy;
      // A retry that would come too late ends when the event reaches its maximum age.
      const at = Math.min(now + retryDelayMs(context.attempts), context.acceptedAt + maximumEventAgeMs);
      return { nextAttemptAt: at, environmentId: undefined };
    }),
    announceRetry: emit(({ context, event }): InvocationEmitted => {
      assertEvent(event, 'run.finished');
      const at = context.nextAttemptAt ?? event.policy.now;
      return {
        type: 'retry.scheduled',
        requestId: context.requestId,
        attempt: context.attempts + 1,
        delayMs: at - event.policy.now,
        at,
      };
    }),
    requeueForRetry: emit(({ context }): InvocationEmitted => ({
      type: 'retry.queued',
      requestId: context.requestId,
    })),
    noteRetriesExhausted: assign(({ context, event }) => {
      assertEvent(event, 'run.finished');
      return { condition: isTooOld(context, event.policy) ? 'EventAgeExceeded' : 'RetriesExhausted' };
    }),
    noteTooOldForRetry: assign(({ event }) => {
      assertEvent(event, 'retry.due');
      return { condition: 'EventAgeExceeded', policy: event.policy };
    }),
    noteDropped: assign(({ event }) => {
      assertEvent(event, 'event.dropped');
      return { condition: event.condition, policy: event.policy };
    }),
    endSucceeded: assign({
      outcome: 'succeeded',
      outcomeReason: ({ context }) => (context.invocationType === 'Event' ? 'Success' : undefined),
      statusCode: 200,
      endedAt: ({ context }) => context.policy?.now,
      nextAttemptAt: undefined,
    }),
    announceSucceeded: emit(({ context }) => ended(context, 'succeeded', context.outcomeReason)),
    endReturnedError: assign({
      outcome: 'failed-returned-to-caller',
      outcomeReason: 'FunctionError',
      endedAt: ({ context }) => context.policy?.now,
    }),
    announceReturnedError: emit(({ context }) =>
      ended(context, 'failed-returned-to-caller', 'FunctionError'),
    ),
    deliverOnSuccess: assign({
      statusCode: 200,
      outcome: 'delivered',
      outcomeReason: 'Success',
      destinationArn: ({ context }) => context.policy?.onSuccess,
      endedAt: ({ context }) => context.policy?.now,
      nextAttemptAt: undefined,
    }),
    announceOnSuccess: emit(({ context }): InvocationEmitted => ({
      type: 'event.delivered',
      requestId: context.requestId,
      kind: 'OnSuccess',
      destinationArn: context.destinationArn ?? '',
      condition: 'Success',
    })),
    deliverOnFailure: assign({
      outcome: 'delivered',
      outcomeReason: ({ context }) => context.condition,
      destinationArn: ({ context }) => context.policy?.onFailure,
      endedAt: ({ context }) => context.policy?.now,
      nextAttemptAt: undefined,
    }),
    announceOnFailure: emit(({ context }): InvocationEmitted => ({
      type: 'event.delivered',
      requestId: context.requestId,
      kind: 'OnFailure',
      destinationArn: context.destinationArn ?? '',
      condition: context.condition ?? '',
    })),
    deadLetter: assign({
      outcome: 'delivered',
      outcomeReason: ({ context }) => context.condition,
      destinationArn: ({ context }) => context.policy?.deadLetterQueue,
      endedAt: ({ context }) => context.policy?.now,
      nextAttemptAt: undefined,
    }),
    announceDeadLetter: emit(({ context }): InvocationEmitted => ({
      type: 'event.delivered',
      requestId: context.requestId,
      kind: 'DLQ',
      destinationArn: context.destinationArn ?? '',
      condition: context.condition ?? '',
    })),
    announceDelivered: emit(({ context }) => ended(context, 'delivered', context.condition ?? 'Success')),
    discard: assign({
      outcome: 'discarded',
      outcomeReason: ({ context }) => context.condition,
      endedAt: ({ context }) => context.policy?.now,
      nextAttemptAt: undefined,
    }),
    announceDiscarded: emit(({ context }): InvocationEmitted => ({
      type: 'event.discarded',
      requestId: context.requestId,
      reason: context.condition ?? '',
    })),
    announceDiscardedEnd: emit(({ context }) => ended(context, 'discarded', context.condition ?? '')),
  },
}).createMachine({
  id: 'invocation',
  context: ({ input }) => ({
    requestId: input.requestId,
    functionName: input.functionName,
    invocationType: input.invocationType,
    callerId: input.callerId,
    callerLabel: input.callerLabel,
    acceptedAt: input.acceptedAt,
    payload: input.payload,
    attempts: 0,
    statusCode: undefined,
    respondedAt: undefined,
    environmentId: undefined,
    nextAttemptAt: undefined,
    functionError: undefined,
    endedAt: undefined,
    outcome: undefined,
    outcomeReason: undefined,
    destinationArn: undefined,
    lastResponse: undefined,
    policy: undefined,
    condition: undefined,
  }),
  initial: 'received',
  states: {
    /** Accepted: a sync call starts at once; an async one got its 202 and goes to the queue (or straight to its failure destination at reserved concurrency 0). */
    received: {
      entry: 'markAccepted',
      on: {
        'run.started': { target: 'running', actions: 'startAttempt' },
        'event.queued': { guard: 'isAsync', target: 'queued', actions: 'waitInQueue' },
        'event.dropped': { guard: 'isAsync', target: 'failed', actions: 'noteDropped' },
      },
    },
    /** Async: in the function's queue, waiting for the poller. */
    queued: {
      on: {
        'run.started': { target: 'running', actions: 'startAttempt' },
        'attempt.throttled': { target: 'throttled', actions: 'noteNextAttempt' },
        'event.dropped': { target: 'failed', actions: 'noteDropped' },
      },
    },
    /** Async: at the head of the queue while the poller backs off (no free concurrency). */
    throttled: {
      on: {
        'run.started': { target: 'running', actions: 'startAttempt' },
        'attempt.throttled': { actions: 'noteNextAttempt' },
        'event.dropped': { target: 'failed', actions: 'noteDropped' },
      },
    },
    /** An attempt runs in an execution environment (Init first on a cold start). */
    running: {
      on: {
        'run.finished': [
          {
            guard: 'syncCallSucceeded',
            target: 'succeeded',
            actions: ['keepResponse', 'answerCaller', 'announceAnswer'],
          },
          {
            guard: 'isSyncCall',
            target: 'returnedError',
            actions: ['keepResponse', 'answerCaller', 'announceAnswer'],
          },
          {
            guard: 'succeededWithOnSuccessDestination',
            target: 'deliveredOnSuccess',
            actions: 'keepResponse',
          },
          { guard: 'attemptSucceeded', target: 'succeeded', actions: 'keepResponse' },
          {
            guard: 'eventCanBeRetried',
            target: 'retryWaiting',
            actions: ['keepResponse', 'scheduleRetry', 'announceRetry'],
          },
          { target: 'failed', actions: ['keepResponse', 'noteRetriesExhausted'] },
        ],
      },
    },
    /** Async: the attempt failed; Lambda retries about 1 and then 2 minutes later. */
    retryWaiting: {
      on: {
        'retry.due': [
          { guard: 'eventIsTooOld', target: 'failed', actions: 'noteTooOldForRetry' },
          { target: 'queued', actions: ['waitInQueue', 'requeueForRetry'] },
        ],
      },
    },
    /** Async: failed for good — OnFailure wins over a dead-letter queue; with neither it is discarded. */
    failed: {
      always: [
        { guard: 'hasOnFailureDestination', target: 'deliveredOnFailure' },
        { guard: 'hasDeadLetterQueue', target: 'deadLettered' },
        { target: 'discarded' },
      ],
    },
    succeeded: { type: 'final', entry: ['endSucceeded', 'announceSucceeded'] },
    /** Sync: the handler failed; the caller got 200 with FunctionError (Lambda never retries a sync call). */
    returnedError: { type: 'final', entry: ['endReturnedError', 'announceReturnedError'] },
    deliveredOnSuccess: {
      type: 'final',
      entry: ['deliverOnSuccess', 'announceOnSuccess', 'announceDelivered'],
    },
    deliveredOnFailure: {
      type: 'final',
      entry: ['deliverOnFailure', 'announceOnFailure', 'announceDelivered'],
    },
    deadLettered: { type: 'final', entry: ['deadLetter', 'announceDeadLetter', 'announceDelivered'] },
    discarded: { type: 'final', entry: ['discard', 'announceDiscarded', 'announceDiscardedEnd'] },
  },
});

export type InvocationStateValue = keyof typeof invocationMachine.config.states;
