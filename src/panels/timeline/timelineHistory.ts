import { envIdOf, type LambdaSimulation, type TraceEvent } from '../../model';
import { readFeed, traceFeed } from './traceFeed';
import { applyTraceEvent, createTraceState, type TraceState } from './traceState';

/**
 * What the timeline needs from the whole session, folded incrementally from the trace (only
 * the events since the last update: see traceFeed): the queue depth as steps and each
 * environment's spans. The per-frame derivation (timelineModel) then only reads the recent
 * tail, so a long session costs the same per frame as a short one. Everything is bounded.
 */

export type EnvSpanKind = 'init' | 'busy' | 'idle' | 'unknown';

export interface EnvSpan {
  kind: EnvSpanKind;
  from: number;
  /** Undefined while it is still going on (drawn up to now). */
  to: number | undefined;
  requestId?: string;
  /** Busy: whose order ran, and how it was invoked (the lane colours a run by it). */
  callerId?: string;
  callKind?: 'sync' | 'async';
  coldStart?: boolean;
  attempt?: number;
}

export interface QueueStep {
  t: number;
  queued: number;
  retrying: number;
}

export interface EnvHistory {
  spans: EnvSpan[];
  /** Spans before this were not recorded (dropped from the trace, or trimmed here). */
  recordedFrom: number;
}

/** Most queue steps kept (a queue that changes at every event for hours must not grow forever). */
export const MAX_QUEUE_STEPS = 20_000;
/** Most spans kept per environment (a run and an idle gap each: ~1,000 orders' worth). */
export const MAX_ENV_SPANS = 2_000;
/** Shut-down environments remembered, as many as the model keeps. */
export const KEEP_SHUTDOWN_ENVS = 100;

export interface TimelineHistory {
  readonly functionName: string;
  seq: number;
  /** Time of the first event folded: the start of the record. */
  firstT: number | undefined;
  queue: QueueStep[];
  queuePeak: number;
  envs: Map<string, EnvHistory>;
  state: TraceState;
  /** In-flight requests: who called and how, to label the runs they start. */
  requests: Map<string, { callerId?: string; kind: 'sync' | 'async' }>;
  shutdownOrder: string[];
  /** The instant whose queue changes are being coalesced into one step. */
  stepT: number;
  calls: number;
}

export function createHistory(functionName: string): TimelineHistory {
  return {
    functionName,
    seq: 0,
    firstT: undefined,
    queue: [],
    queuePeak: 0,
    envs: new Map(),
    state: createTraceState(functionName),
    requests: new Map(),
    shutdownOrder: [],
    stepT: 0,
    calls: 0,
  };
}

/** Records the queue depth at the current instant: one step per instant, never a zero-width spike. */
function flushStep(h: TimelineHistory): void {
  const { queued, retrying } = h.state;
  const last = h.queue.at(-1);
  if (last && last.queued === queued && last.retrying === retrying) return;
  if (last?.t === h.stepT) h.queue.pop();
  const before = h.queue.at(-1);
  if (before && before.queued === queued && before.retrying === retrying) return;
  h.queue.push({ t: h.stepT, queued, retrying });
  h.queuePeak = Math.max(h.queuePeak, queued + retrying);
  if (h.queue.length > 2 * MAX_QUEUE_STEPS) h.queue = h.queue.slice(-MAX_QUEUE_STEPS);
}

/** What an environment first seen mid-history was doing before that event, read from the event. */
function stateBefore(e: TraceEvent): EnvSpanKind | undefined {
  if (e.type === 'env.created') return undefined;
  if (e.type === 'env.initialized') return 'init';
  if (e.type === 'run.succeeded' || e.type === 'run.failed' || e.type === 'run.timedOut') return 'busy';
  return 'idle';
}

function envOf(h: TimelineHistory, e: TraceEvent, envId: string): EnvHistory | undefined {
  const known = h.envs.get(envId);
  if (known) return known;
  if (e.type === 'env.created' && e.functionName !== h.functionName) return undefined;
  const from = h.firstT ?? e.t;
  const before = stateBefore(e);
  const env: EnvHistory = {
    spans: before ? [{ kind: before, from, to: undefined }] : [],
    recordedFrom: before ? from : e.t,
  };
  h.envs.set(envId, env);
  return env;
}

/** Ends the open span at t (dropping it if it lasted no time) and opens `next`. */
function enter(env: EnvHistory, next: EnvSpan | undefined, t: number): void {
  const open = env.spans.at(-1);
  if (open && open.to === undefined) {
    open.to = t;
    if (open.to <= open.from) env.spans.pop();
  }
  if (next) env.spans.push(next);
  if (env.spans.length > 2 * MAX_ENV_SPANS) {
    env.spans = env.spans.slice(-MAX_ENV_SPANS);
    env.recordedFrom = env.spans[0].from;
  }
}

function foldEnvEvent(h: TimelineHistory, e: TraceEvent, envId: string): void {
  const env = envOf(h, e, envId);
  if (!env) return;
  switch (e.type) {
    case 'env.created':
      enter(env, { kind: 'init', from: e.t, to: undefined }, e.t);
      return;
    case 'env.initialized':
    case 'run.succeeded':
    case 'run.failed':
    case 'run.timedOut':
      enter(env, { kind: 'idle', from: e.t, to: undefined }, e.t);
      return;
    case 'run.started': {
      const request = h.requests.get(e.requestId);
      enter(
        env,
        {
          kind: 'busy',
          from: e.t,
          to: undefined,
          requestId: e.requestId,
          callerId: request?.callerId,
          callKind: request?.kind,
          coldStart: e.coldStart,
          attempt: e.attempt,
        },
        e.t,
      );
      return;
    }
    case 'env.shutdown':
      enter(env, undefined, e.t);
      h.shutdownOrder.push(envId);
      if (h.shutdownOrder.length > KEEP_SHUTDOWN_ENVS) h.envs.delete(h.shutdownOrder.shift()!);
      return;
  }
}

export function foldEvents(h: TimelineHistory, events: readonly TraceEvent[]): void {
  for (const e of events) {
    if (h.firstT === undefined) h.firstT = e.t;
    if (e.t !== h.stepT) {
      flushStep(h);
      h.stepT = e.t;
    }
    applyTraceEvent(h.state, e);
    if (e.type === 'invoke.accepted' || e.type === 'invoke.rejected') h.calls++;
    if (e.type === 'invoke.accepted' && e.functionName === h.functionName) {
      const kind = e.invocationType === 'Event' ? 'async' : 'sync';
      h.requests.set(e.requestId, { callerId: e.callerId, kind });
    } else if (e.type === 'invocation.ended') h.requests.delete(e.requestId);
    const envId = envIdOf(e);
    if (envId !== undefined) foldEnvEvent(h, e, envId);
  }
  flushStep(h);
}

/** Folds what happened since the last update. */
export function updateHistory(h: TimelineHistory, sim: LambdaSimulation): TimelineHistory {
  const { events, next } = readFeed(traceFeed(sim), h.seq);
  h.seq = next;
  foldEvents(h, events);
  return h;
}
