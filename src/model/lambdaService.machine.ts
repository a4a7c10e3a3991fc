/**
 * The Lambda service — the front door and the dispatcher. It validates Invoke requests
 * (404, 413, 400), answers DryRun (204), accepts async events (202, onto the function's
 * event queue), throttles sync calls beyond the reserved or account concurrency (429),
 * hands each run to a warm idle environment or creates one (cold start), and answers a
 * sync caller when its run ends. It owns the environments and event queues as children.
 */
import { enqueueActions, setup, type ActorRefFrom } from 'xstate';
import { MODEL_LIMITS } from './defaults';
import type { LambdaErrorShape } from './errors';
import type { EventQueueEvent, PollerRequest } from './eventQueue.machine';
import { eventQueueMachine } from './eventQueue.machine';
import type { EnvironmentEvent, EnvironmentInput, EnvironmentReport } from './executionEnvironment.machine';
import { environmentMachine } from './executionEnvironment.machine';
import type { Invocation, Ledger } from './ledger';
import { logStreamName, tailLogResult } from './logFormat';
import { completeEvent, endInvocation, failEvent, responseOf } from './outcomes';
import { randomHex32, randomUuid } from './prng';
import { planInitDuration, planRun } from './runPlan';
import type { InvokeInput, InvokeOptions, InvokeOutput, ResolvedFunctionConfig } from './types';

/** An Invoke request with the facts the front door checks (computed by `describeRequest`). */
export interface InvokeRequest {
  input: InvokeInput;
  options: InvokeOptions;
  invocationType: string;
  payloadText: string;
  payloadBytes: number;
  parsedPayload?: unknown;
  /** Set when the payload is not JSON. */
  parseError?: string;
}

export type ServiceEvent =
  | { type: 'invoke.requested'; callId: number; request: InvokeRequest }
  | PollerRequest
  | EnvironmentReport
  | { type: 'config.updated'; functionName: string; config: ResolvedFunctionConfig; changed: string[] }
  | { type: 'account.concurrencySet'; accountConcurrency: number };

/** What the service emits to the facade (promises settle on these). */
export type ServiceEmitted =
  | { type: 'invoke.accepted'; callId: number; requestId: string }
  | { type: 'invoke.rejected'; callId: number; requestId: string; error: LambdaErrorShape }
  | { type: 'invoke.responded'; requestId: string; output: InvokeOutput };

export interface ServiceInput {
  ledger: Ledger;
}

type EventQueueRef = ActorRefFrom<typeof eventQueueMachine>;

interface ServiceContext {
  ledger: Ledger;
  /** Each function's event queue (child actors). */
  queues: Record<string, EventQueueRef>;
}

const queueId = (functionName: string): string => `queue:${functionName}`;

type RequestedEvent = Extract<ServiceEvent, { type: 'invoke.requested' }>;

function requested(event: ServiceEvent): RequestedEvent['request'] | undefined {
  return event.type === 'invoke.requested' ? event.request : undefined;
}

function functionArnOf(name: string): string {
  return `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
}

function rejection(ledger: Ledger, request: InvokeRequest, error: Omit<LambdaErrorShape, 'requestId'>) {
  // Rejected calls draw their id from the side generator so they cannot shift anything else.
  const requestId = randomUuid(ledger.sideRandom);
  const name = typeof request.input.FunctionName === 'string' ? request.input.FunctionName : '';
  const type = request.invocationType === 'Event' ? 'Event' : 'RequestResponse';
  const inv: Invocation = {
    seq: ledger.nextSeq(),
    event: undefined,
    logType: 'None',
    tailLines: undefined,
    lastResponse: undefined,
    deadline: undefined,
    record: {
      requestId,
      functionName: name,
      invocationType: type,
      ...(request.options.callerId !== undefined ? { callerId: request.options.callerId } : {}),
      ...(request.options.callerLabel !== undefined ? { callerLabel: request.options.callerLabel } : {}),
      acceptedAt: ledger.now(),
      state: 'rejected',
      statusCode: error.httpStatusCode,
      attempts: 0,
      respondedAt: ledger.now(),
      endedAt: ledger.now(),
      outcome: 'rejected',
      outcomeReason: error.name,
    },
  };
  ledger.archive(inv);
  ledger.note('invoke.rejected', {
    requestId,
    functionName: name,
    invocationType: type,
    statusCode: error.httpStatusCode,
    errorName: error.name,
    ...(error.Reason ? { reason: error.Reason } : {}),
  });
  return { requestId, error: { ...error, requestId } };
}

function accept(
  ledger: Ledger,
  request: InvokeRequest,
  invocationType: 'RequestResponse' | 'Event',
): Invocation {
  const requestId = randomUuid(ledger.random);
  const { options, input } = request;
  const inv: Invocation = {
    seq: ledger.nextSeq(),
    event: request.parsedPayload,
    logType: input.LogType === 'Tail' && invocationType === 'RequestResponse' ? 'Tail' : 'None',
    // Declared up front (not added later): one object shape for every invocation.
    tailLines: undefined,
    lastResponse: undefined,
    deadline: undefined,
    record: {
      requestId,
      functionName: input.FunctionName,
      invocationType,
      acceptedAt: ledger.now(),
      state: invocationType === 'Event' ? 'queued' : 'running',
      attempts: 0,
      payload: request.payloadText,
    },
  };
  if (options.callerId !== undefined) inv.record.callerId = options.callerId;
  if (options.callerLabel !== undefined) inv.record.callerLabel = options.callerLabel;
  ledger.active.set(requestId, inv);
  ledger.totals.accepted++;
  const t = ledger.now();
  const functionName = input.FunctionName;
  if (options.callerId === undefined)
    ledger.record({ t, type: 'invoke.accepted', requestId, functionName, invocationType });
  else
    ledger.record({
      t,
      type: 'invoke.accepted',
      requestId,
      functionName,
      invocationType,
      callerId: options.callerId,
    });
  return inv;
}

type Enqueue = {
  sendTo: (to: string, event: EnvironmentEvent) => void;
  spawnChild: (src: 'environment', options: { id: string; input: EnvironmentInput }) => void;
};

/**
 * Starts attempt `inv.record.attempts + 1`: takes a concurrency slot, plans the run and
 * hands it to a warm idle environment (provisioned first, then the most recently used)
 * or creates a new one (cold start).
 */
function startRun(ledger: Ledger, inv: Invocation, enqueue: Enqueue): void {
  const r = inv.record;
  const fn = ledger.fn(r.functionName);
  r.attempts++;
  r.state = 'running';
  r.nextAttemptAt = undefined;
  const plan = planRun(ledger.random, fn.config, r.requestId, r.attempts);
  fn.inUse++;
  const envId = fn.idleProvisioned.pop() ?? fn.idleOnDemand.pop();
  if (envId !== undefined) {
    r.environmentId = envId;
    enqueue.sendTo(envId, { type: 'run.assigned', plan });
  } else {
    const input = coldStartInput(ledger, fn.config, false, false);
    input.run = plan;
    r.environmentId = input.envId;
    enqueue.spawnChild('environment', { id: input.envId, input });
  }
}

function queueIsQuiet(queue: EventQueueRef | undefined): boolean {
  if (!queue) return false;
  const snapshot = queue.getSnapshot();
  return snapshot.value === 'idle' && snapshot.context.ready.size === 0;
}

export const lambdaServiceMachine = setup({
  types: {
    context: {} as ServiceContext,
    events: {} as ServiceEvent,
    input: {} as ServiceInput,
    emitted: {} as ServiceEmitted,
  },
  actors: {
    environment: environmentMachine,
    eventQueue: eventQueueMachine,
  },
  guards: {
    functionIsUnknown: ({ context, event }) => {
      const r = requested(event);
      if (!r) return false;
      const q = r.input.Qualifier;
      return !context.ledger.functions.has(r.input.FunctionName) || (q !== undefined && q !== '$LATEST');
    },
    invocationTypeIsInvalid: ({ event }) => {
      const t = requested(event)?.invocationType;
      return t !== 'RequestResponse' && t !== 'Event' && t !== 'DryRun';
    },
    payloadIsTooLarge: ({ event }) => {
      const r = requested(event);
      if (!r) return false;
      const limit =
        r.invocationType === 'Event' ? MODEL_LIMITS.asyncPayloadBytes : MODEL_LIMITS.syncPayloadBytes;
      return r.payloadBytes > limit;
    },
    payloadIsNotJson: ({ event }) => requested(event)?.parseError !== undefined,
    isDryRun: ({ event }) => requested(event)?.invocationType === 'DryRun',
    isAsync: ({ event }) => requested(event)?.invocationType === 'Event',
    /** The function's reserved concurrency, or the account's unreserved pool, is in use. */
    concurrencyLimitIsReached: ({ context, event }) => {
      const r = requested(event);
      return !!r && context.ledger.throttleReason(r.input.FunctionName) !== undefined;
    },
    attemptWouldBeThrottled: ({ context, event }) =>
      event.type === 'attempt.requested' && context.ledger.throttleReason(event.functionName) !== undefined,
    attemptSucceeded: ({ event }) => event.type === 'run.finished' && event.plan.outcome === 'success',
    eventCanBeRetried: ({ context, event }) => {
      if (event.type !== 'run.finished') return false;
      const inv = context.ledger.active.get(event.plan.requestId);
      if (!inv) return false;
      const max = context.ledger.fn(inv.record.functionName).config.MaximumRetryAttempts;
      return inv.record.attempts <= max && !eventIsTooOld(context.ledger, inv);
    },
    invocationIsSync: ({ context, event }) =>
      event.type === 'run.finished' &&
      context.ledger.active.get(event.plan.requestId)?.record.invocationType === 'RequestResponse',
  },
  actions: {
    rejectNotFound: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'invoke.requested') return;
      const { FunctionName, Qualifier } = event.request.input;
      const arn = functionArnOf(String(FunctionName)) + (Qualifier !== undefined ? `:${Qualifier}` : '');
      const { requestId, error } = rejection(context.ledger, event.request, {
        name: 'ResourceNotFoundException',
        httpStatusCode: 404,
        message: `Function not found: ${arn}`,
      });
      enqueue.emit({ type: 'invoke.rejected', callId: event.callId, requestId, error });
    }),
    rejectInvalidInvocationType: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'invoke.requested') return;
      const { requestId, error } = rejection(context.ledger, event.request, {
        name: 'InvalidParameterValueException',
        httpStatusCode: 400,
        message: `Value ${JSON.stringify(event.request.invocationType)} for InvocationType is invalid: it must be one of RequestResponse, Event, DryRun.`,
      });
      enqueue.emit({ type: 'invoke.rejected', callId: event.callId, requestId, error });
    }),
    rejectTooLarge: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'invoke.requested') return;
      const limit =
        event.request.invocationType === 'Event'
          ? MODEL_LIMITS.asyncPayloadBytes
          : MODEL_LIMITS.syncPayloadBytes;
      const { requestId, error } = rejection(context.ledger, event.request, {
        name: 'RequestTooLargeException',
        httpStatusCode: 413,
        message: `Request must be smaller than ${limit} bytes for the InvokeFunction operation`,
      });
      enqueue.emit({ type: 'invoke.rejected', callId: event.callId, requestId, error });
    }),
    rejectInvalidContent: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'invoke.requested') return;
      const { requestId, error } = rejection(context.ledger, event.request, {
        name: 'InvalidRequestContentException',
        httpStatusCode: 400,
        message: `Could not parse request body into json: ${event.request.parseError}`,
      });
      enqueue.emit({ type: 'invoke.rejected', callId: event.callId, requestId, error });
    }),
    rejectThrottled: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'invoke.requested') return;
      const reason = context.ledger.throttleReason(event.request.input.FunctionName);
      const { requestId, error } = rejection(context.ledger, event.request, {
        name: 'TooManyRequestsException',
        httpStatusCode: 429,
        message: 'Rate Exceeded.',
        Reason: reason,
        retryAfterSeconds: '1',
      });
      enqueue.emit({ type: 'invoke.rejected', callId: event.callId, requestId, error });
    }),
    answerDryRun: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'invoke.requested') return;
      const requestId = randomUuid(context.ledger.sideRandom);
      context.ledger.totals.dryRuns++;
      context.ledger.note('invoke.dryRun', {
        requestId,
        functionName: event.request.input.FunctionName,
        statusCode: 204,
      });
      enqueue.emit({ type: 'invoke.accepted', callId: event.callId, requestId });
      enqueue.emit({ type: 'invoke.responded', requestId, output: { StatusCode: 204 } });
    }),
    acceptEvent: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'invoke.requested') return;
      const inv = accept(context.ledger, event.request, 'Event');
      const requestId = inv.record.requestId;
      inv.record.statusCode = 202;
      inv.record.respondedAt = context.ledger.now();
      enqueue.emit({ type: 'invoke.accepted', callId: event.callId, requestId });
      enqueue.emit({ type: 'invoke.responded', requestId, output: { StatusCode: 202 } });
      const ledger = context.ledger;
      const name = inv.record.functionName;
      if (ledger.fn(name).config.ReservedConcurrentExecutions === 0) {
        // Reserved concurrency 0: straight to the failure destination / DLQ, no attempt.
        failEvent(ledger, inv, 'ZeroReservedConcurrency');
      } else if (queueIsQuiet(context.queues[name]) && ledger.throttleReason(name) === undefined) {
        // The poller finds it at once: nothing is waiting and there is free concurrency.
        ledger.record({ t: ledger.now(), type: 'queue.enqueued', requestId, depth: 1 });
        startRun(ledger, inv, enqueue as unknown as Enqueue);
      } else {
        enqueue.sendTo(context.queues[name], { type: 'queue.enqueued', requestId } satisfies EventQueueEvent);
      }
    }),
    startSyncRun: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'invoke.requested') return;
      const inv = accept(context.ledger, event.request, 'RequestResponse');
      enqueue.emit({ type: 'invoke.accepted', callId: event.callId, requestId: inv.record.requestId });
      startRun(context.ledger, inv, enqueue as unknown as Enqueue);
    }),
    throttleAttempt: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'attempt.requested') return;
      const reason = context.ledger.throttleReason(event.functionName) ?? 'ConcurrentInvocationLimitExceeded';
      enqueue.sendTo(context.queues[event.functionName], {
        type: 'attempt.throttled',
        requestId: event.requestId,
        reason,
      } satisfies EventQueueEvent);
    }),
    startAttempt: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'attempt.requested') return;
      const ledger = context.ledger;
      const inv = ledger.active.get(event.requestId);
      if (!inv) throw new Error(`model bug: attempt for unknown event ${event.requestId}`);
      startRun(ledger, inv, enqueue as unknown as Enqueue);
      enqueue.sendTo(context.queues[event.functionName], {
        type: 'attempt.started',
        requestId: event.requestId,
      } satisfies EventQueueEvent);
    }),
    answerSyncCaller: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'run.finished') return;
      releaseConcurrency(context.ledger, event);
      const ledger = context.ledger;
      const inv = ledger.active.get(event.plan.requestId);
      if (!inv) return;
      const response = responseOf(ledger, event.plan);
      const output: InvokeOutput = {
        StatusCode: 200,
        ExecutedVersion: '$LATEST',
        Payload: response.payloadText,
      };
      if (response.functionError) output.FunctionError = response.functionError;
      if (inv.tailLines) output.LogResult = tailLogResult(inv.tailLines, MODEL_LIMITS.tailLogBytes);
      const r = inv.record;
      r.statusCode = 200;
      r.respondedAt = ledger.now();
      if (response.functionError) r.functionError = response.functionError;
      if (response.functionError) {
        ledger.record({
          t: ledger.now(),
          type: 'invoke.responded',
          requestId: r.requestId,
          statusCode: 200,
          functionError: response.functionError,
        });
      } else
        ledger.record({ t: ledger.now(), type: 'invoke.responded', requestId: r.requestId, statusCode: 200 });
      if (response.functionError)
        endInvocation(ledger, inv, 'failed', 'failed-returned-to-caller', 'FunctionError');
      else endInvocation(ledger, inv, 'succeeded', 'succeeded');
      enqueue.emit({ type: 'invoke.responded', requestId: r.requestId, output });
      wakeBackingOffPollers(context, event, enqueue);
    }),
    completeAsyncEvent: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'run.finished') return;
      releaseConcurrency(context.ledger, event);
      const inv = context.ledger.active.get(event.plan.requestId);
      if (inv) {
        inv.lastResponse = { statusCode: 200, payload: responseOf(context.ledger, event.plan).payload };
        completeEvent(context.ledger, inv);
      }
      wakeBackingOffPollers(context, event, enqueue);
    }),
    sendEventBackForRetry: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'run.finished') return;
      releaseConcurrency(context.ledger, event);
      const inv = context.ledger.active.get(event.plan.requestId);
      if (!inv) return;
      const response = responseOf(context.ledger, event.plan);
      inv.lastResponse = {
        statusCode: 200,
        functionError: response.functionError,
        payload: response.payload,
      };
      inv.record.functionError = response.functionError;
      enqueue.sendTo(context.queues[inv.record.functionName], {
        type: 'retry.requested',
        requestId: inv.record.requestId,
      } satisfies EventQueueEvent);
      wakeBackingOffPollers(context, event, enqueue);
    }),
    failEventForGood: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'run.finished') return;
      releaseConcurrency(context.ledger, event);
      const ledger = context.ledger;
      const inv = ledger.active.get(event.plan.requestId);
      if (inv) {
        const response = responseOf(ledger, event.plan);
        inv.lastResponse = {
          statusCode: 200,
          functionError: response.functionError,
          payload: response.payload,
        };
        failEvent(ledger, inv, eventIsTooOld(ledger, inv) ? 'EventAgeExceeded' : 'RetriesExhausted');
      }
      wakeBackingOffPollers(context, event, enqueue);
    }),
    wakeBackingOffPollers: enqueueActions(({ context, event, enqueue }) =>
      wakeBackingOffPollers(context, event, enqueue),
    ),
    addReadyEnvironment: ({ context, event }) => {
      if (event.type !== 'env.ready') return;
      const view = context.ledger.environments.get(event.envId);
      if (!view) return;
      const fn = context.ledger.fn(view.functionName);
      (view.provisioned ? fn.idleProvisioned : fn.idleOnDemand).push(event.envId);
    },
    removeEnvironment: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'env.shutdown') return;
      const ledger = context.ledger;
      const view = ledger.environments.get(event.envId);
      if (view) {
        const fn = ledger.fn(view.functionName);
        fn.idleProvisioned = fn.idleProvisioned.filter((id) => id !== event.envId);
        fn.idleOnDemand = fn.idleOnDemand.filter((id) => id !== event.envId);
        ledger.retireEnvironmentView(event.envId);
        ledger.retiring.delete(event.envId);
        enqueue.stopChild(event.envId);
        for (const input of provisionedShortfall(ledger, fn.config))
          enqueue.spawnChild('environment', { id: input.envId, input });
      }
    }),
    applyConfiguration: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'config.updated') return;
      const ledger = context.ledger;
      const fn = ledger.fn(event.functionName);
      fn.config = event.config;
      ledger.note('config.updated', { functionName: event.functionName, changed: event.changed });
      const codeOrSettingsChanged = event.changed.some(
        (k) => k === 'Timeout' || k === 'MemorySize' || k === 'Handler',
      );
      const live = [...ledger.environments.values()].filter(
        (v) => v.functionName === event.functionName && v.state !== 'shutdown' && !ledger.retiring.has(v.id),
      );
      const retire = (id: string, reason: string) => {
        ledger.retiring.add(id);
        fn.idleProvisioned = fn.idleProvisioned.filter((x) => x !== id);
        fn.idleOnDemand = fn.idleOnDemand.filter((x) => x !== id);
        enqueue.sendTo(id, { type: 'env.retire', reason } satisfies EnvironmentEvent);
      };
      if (codeOrSettingsChanged) {
        // A new configuration means new environments: the next request starts cold.
        for (const v of live) retire(v.id, 'ConfigurationUpdated');
      } else {
        const provisioned = live.filter((v) => v.provisioned);
        const excess = provisioned.length - event.config.ProvisionedConcurrentExecutions;
        // Idle ones go first.
        provisioned.sort((a, b) => Number(a.state !== 'idle') - Number(b.state !== 'idle'));
        for (let i = 0; i < excess; i++) retire(provisioned[i].id, 'ProvisionedConcurrencyReduced');
      }
      for (const input of provisionedShortfall(ledger, fn.config))
        enqueue.spawnChild('environment', { id: input.envId, input });
    }),
    setAccountConcurrency: ({ context, event }) => {
      if (event.type !== 'account.concurrencySet') return;
      context.ledger.accountConcurrency = event.accountConcurrency;
      context.ledger.note('config.updated', { accountConcurrency: event.accountConcurrency });
    },
  },
}).createMachine({
  id: 'lambdaService',
  context: ({ input, spawn }) => {
    const { ledger } = input;
    const queues: Record<string, EventQueueRef> = {};
    for (const fn of ledger.functions.values()) {
      const name = fn.config.FunctionName;
      queues[name] = spawn('eventQueue', { id: queueId(name), input: { functionName: name, ledger } });
    }
    // Provisioned concurrency: environments initialised before the café opens.
    for (const fn of ledger.functions.values()) {
      for (let i = 0; i < fn.config.ProvisionedConcurrentExecutions; i++) {
        const envInput = coldStartInput(ledger, fn.config, true, true);
        spawn('environment', { id: envInput.envId, input: envInput });
      }
    }
    return { ledger, queues };
  },
  on: {
    'invoke.requested': [
      { guard: 'functionIsUnknown', actions: 'rejectNotFound' },
      { guard: 'invocationTypeIsInvalid', actions: 'rejectInvalidInvocationType' },
      { guard: 'payloadIsTooLarge', actions: 'rejectTooLarge' },
      { guard: 'payloadIsNotJson', actions: 'rejectInvalidContent' },
      { guard: 'isDryRun', actions: 'answerDryRun' },
      { guard: 'isAsync', actions: 'acceptEvent' },
      { guard: 'concurrencyLimitIsReached', actions: 'rejectThrottled' },
      { actions: 'startSyncRun' },
    ],
    'attempt.requested': [
      { guard: 'attemptWouldBeThrottled', actions: 'throttleAttempt' },
      { actions: 'startAttempt' },
    ],
    'run.finished': [
      // Each also frees the run's concurrency slot and wakes a poller that backs off.
      { guard: 'invocationIsSync', actions: 'answerSyncCaller' },
      { guard: 'attemptSucceeded', actions: 'completeAsyncEvent' },
      { guard: 'eventCanBeRetried', actions: 'sendEventBackForRetry' },
      { actions: 'failEventForGood' },
    ],
    'env.ready': { actions: 'addReadyEnvironment' },
    'env.shutdown': { actions: 'removeEnvironment' },
    'config.updated': { actions: ['applyConfiguration', 'wakeBackingOffPollers'] },
    'account.concurrencySet': { actions: ['setAccountConcurrency', 'wakeBackingOffPollers'] },
  },
});

/**
 * Event queues (child ids) in `backingOff` that capacity just freed for: the function's own
 * queue after its run ended, every unreserved function's queue when an unreserved run
 * ended or when a limit changed.
 */
function pollersToWake(
  ledger: Ledger,
  queues: Record<string, EventQueueRef>,
  event: ServiceEvent,
): EventQueueRef[] {
  let names: string[];
  if (event.type === 'run.finished') {
    const fn = ledger.fn(event.plan.functionName);
    names =
      fn.config.ReservedConcurrentExecutions !== null || ledger.functions.size === 1
        ? [event.plan.functionName]
        : [...ledger.functions.values()]
            .filter((f) => f.config.ReservedConcurrentExecutions === null)
            .map((f) => f.config.FunctionName);
  } else if (event.type === 'config.updated' || event.type === 'account.concurrencySet') {
    names = [...ledger.functions.keys()];
  } else return [];
  const out: EventQueueRef[] = [];
  for (const name of names) {
    const queue = queues[name];
    if (queue?.getSnapshot().value === 'backingOff') out.push(queue);
  }
  return out;
}

/** Tells event queues that back off that capacity may be free now. */
function wakeBackingOffPollers(
  context: ServiceContext,
  event: ServiceEvent,
  enqueue: { sendTo: (to: EventQueueRef, event: EventQueueEvent) => void },
): void {
  for (const queue of pollersToWake(context.ledger, context.queues, event))
    enqueue.sendTo(queue, { type: 'capacity.freed' });
}

/** A run ended: its concurrency slot is free and its environment (unless reset) is idle again. */
function releaseConcurrency(ledger: Ledger, event: Extract<ServiceEvent, { type: 'run.finished' }>): void {
  const fn = ledger.fn(event.plan.functionName);
  fn.inUse--;
  if (!event.resets) {
    const view = ledger.environments.get(event.envId);
    (view?.provisioned ? fn.idleProvisioned : fn.idleOnDemand).push(event.envId);
  }
}

function eventIsTooOld(ledger: Ledger, inv: Invocation): boolean {
  return (
    ledger.now() >=
    inv.record.acceptedAt + ledger.fn(inv.record.functionName).config.MaximumEventAgeInSeconds * 1000
  );
}

/** Input for a new environment (draws its log stream suffix and Init Duration). */
function coldStartInput(
  ledger: Ledger,
  config: ResolvedFunctionConfig,
  provisioned: boolean,
  preInitialized: boolean,
): EnvironmentInput {
  const envId = ledger.nextEnvironmentId();
  const stream = logStreamName(ledger.epoch(), randomHex32(ledger.random));
  const initDurationMs = preInitialized ? 0 : planInitDuration(ledger.random, config);
  return {
    envId,
    functionName: config.FunctionName,
    ledger,
    provisioned,
    preInitialized,
    initDurationMs,
    logStreamName: stream,
  };
}

/** New provisioned environments needed to reach the configured count (they initialise first). */
function provisionedShortfall(ledger: Ledger, config: ResolvedFunctionConfig): EnvironmentInput[] {
  let live = 0;
  for (const v of ledger.environments.values()) {
    if (
      v.functionName === config.FunctionName &&
      v.provisioned &&
      v.state !== 'shutdown' &&
      !ledger.retiring.has(v.id)
    )
      live++;
  }
  const out: EnvironmentInput[] = [];
  for (let i = live; i < config.ProvisionedConcurrentExecutions; i++)
    out.push(coldStartInput(ledger, config, true, false));
  return out;
}

export type LambdaServiceRef = ActorRefFrom<typeof lambdaServiceMachine>;
