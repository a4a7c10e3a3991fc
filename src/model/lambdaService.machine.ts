/**
 * The Lambda service's front door: what happens to one Invoke request.
 *
 *   received → notFound | invalidInvocationType | tooLarge | notJson   (4xx, nothing runs)
 *            → dryRun                                                  (204, nothing runs)
 *            → eventAccepted → eventRunsAtOnce | eventQueued | eventToFailure   (202)
 *            → throttled                                               (sync: 429)
 *            → syncAccepted                                            (sync: runs, caller waits)
 *
 * The checks are named guards, in Lambda's order; the service looks the facts up (does the
 * function exist, how big is the payload, is its concurrency in use…) and hands them over as
 * input, so the machine can be run alone: `createActor(lambdaServiceMachine, { input })` ends in
 * the state that names the answer. An accepted request becomes an invocation
 * (`invocation.machine.ts`); a refused one never runs.
 */
import { setup } from 'xstate';
import { MODEL_LIMITS } from './defaults';
import type { ThrottleReason } from './errors';

export interface InvokeRequestFacts {
  /** The function exists (and the qualifier, if any, names a version the model has). */
  functionFound: boolean;
  invocationType: string;
  /** UTF-8 size of the payload. */
  payloadBytes: number;
  payloadIsJson: boolean;
  /** Why one more run of the function would be throttled now, if it would. */
  throttleReason: ThrottleReason | undefined;
  reservedConcurrencyIsZero: boolean;
  /** Nothing waits in the function's queue and its poller is idle: it would find a new event at once. */
  pollerIsIdle: boolean;
}

export type RequestDecision =
  | 'notFound'
  | 'invalidInvocationType'
  | 'tooLarge'
  | 'notJson'
  | 'dryRun'
  | 'eventRunsAtOnce'
  | 'eventQueued'
  | 'eventToFailure'
  | 'throttled'
  | 'syncAccepted';

export const lambdaServiceMachine = setup({
  types: {
    context: {} as InvokeRequestFacts,
    input: {} as InvokeRequestFacts,
    events: {} as { type: 'request.received' },
  },
  guards: {
    functionIsUnknown: ({ context }) => !context.functionFound,
    invocationTypeIsInvalid: ({ context }) =>
      context.invocationType !== 'RequestResponse' &&
      context.invocationType !== 'Event' &&
      context.invocationType !== 'DryRun',
    payloadIsTooLarge: ({ context }) =>
      context.payloadBytes >
      (context.invocationType === 'Event' ? MODEL_LIMITS.asyncPayloadBytes : MODEL_LIMITS.syncPayloadBytes),
    payloadIsNotJson: ({ context }) => !context.payloadIsJson,
    isDryRun: ({ context }) => context.invocationType === 'DryRun',
    isAsync: ({ context }) => context.invocationType === 'Event',
    /** The function's reserved concurrency, or the account's unreserved pool, is in use. */
    concurrencyLimitIsReached: ({ context }) => context.throttleReason !== undefined,
    /** Reserved concurrency 0: async events go straight to the failure destination (lambda-facts §3). */
    reservedConcurrencyIsZero: ({ context }) => context.reservedConcurrencyIsZero,
    pollerTakesItAtOnce: ({ context }) => context.pollerIsIdle && context.throttleReason === undefined,
  },
}).createMachine({
  id: 'lambdaService',
  context: ({ input }) => input,
  initial: 'received',
  states: {
    received: {
      always: [
        { guard: 'functionIsUnknown', target: 'notFound' },
        { guard: 'invocationTypeIsInvalid', target: 'invalidInvocationType' },
        { guard: 'payloadIsTooLarge', target: 'tooLarge' },
        { guard: 'payloadIsNotJson', target: 'notJson' },
        { guard: 'isDryRun', target: 'dryRun' },
        { guard: 'isAsync', target: 'eventAccepted' },
        { guard: 'concurrencyLimitIsReached', target: 'throttled' },
        { target: 'syncAccepted' },
      ],
    },
    /** 202 Accepted: the event is Lambda's now. */
    eventAccepted: {
      always: [
        { guard: 'reservedConcurrencyIsZero', target: 'eventToFailure' },
        { guard: 'pollerTakesItAtOnce', target: 'eventRunsAtOnce' },
        { target: 'eventQueued' },
      ],
    },
    notFound: { type: 'final' },
    invalidInvocationType: { type: 'final' },
    tooLarge: { type: 'final' },
    notJson: { type: 'final' },
    dryRun: { type: 'final' },
    eventRunsAtOnce: { type: 'final' },
    eventQueued: { type: 'final' },
    eventToFailure: { type: 'final' },
    throttled: { type: 'final' },
    syncAccepted: { type: 'final' },
  },
});

/** The front door's answer, read from the final state it ended in. */
export function decisionOf(value: string): RequestDecision {
  if (!isDecision(value)) throw new Error(`model bug: the front door stopped in "${value}"`);
  return value;
}

function isDecision(value: string): value is RequestDecision {
  const states: Record<string, { type?: string }> = lambdaServiceMachine.config.states ?? {};
  return states[value]?.type === 'final';
}
