import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createLambdaSimulation,
  type InvocationBlocks,
  type InvocationRecord,
  type LambdaSimulation,
} from '../model';
import { deriveScene, sceneOf, type SceneView } from './sceneModel';

const NAME = 'cafe-order';

/** Every kept record as one run in acceptance order: the scene folded with no block kept. */
function oneRun(sim: LambdaSimulation): InvocationBlocks {
  const { sealed, loose, active } = sim.invocationBlocks();
  const all = [...sealed.flat(), ...loose, ...active].toSorted((a, b) => a.seq - b.seq);
  return { sealed: [], loose: [], active: all };
}

const final = (r: InvocationRecord) => ['succeeded', 'failed', 'destination', 'discarded'].includes(r.state);
const status = (r: InvocationRecord) =>
  r.state === 'rejected'
    ? 'turnedAway'
    : r.invocationType !== 'Event'
      ? r.respondedAt === undefined
        ? 'waiting'
        : 'done'
      : final(r)
        ? 'done'
        : 'seated';
const ids = (xs: readonly { requestId: string }[]) => xs.map((x) => x.requestId) as never;
const sum = (rs: InvocationRecord[], f: (r: InvocationRecord) => number) => rs.reduce((a, r) => a + f(r), 0);

/**
 * The scene's zones and totals as one plain pass over the records in acceptance order computes
 * them (how the scene did it before it kept folds per block): an oracle that shares no code with it.
 */
function plainPass(sim: LambdaSimulation): Partial<SceneView> {
  const records = sim.invocationRecords().filter((r) => r.functionName === NAME && r.callerId);
  const latest = new Map<string, string>();
  for (const r of records) if (!r.callerId!.startsWith('customer-')) latest.set(r.callerId!, r.requestId);
  const counted = records.filter(
    (r) => r.callerId!.startsWith('customer-') || latest.get(r.callerId!) === r.requestId,
  );
  const sync = counted.filter((r) => r.invocationType !== 'Event');
  const async = counted.filter((r) => r.invocationType === 'Event' && status(r) !== 'turnedAway');
  const dropped = sim.droppedInvocations(NAME);
  const now = sim.now();
  const waiting = counted.filter((r) => status(r) === 'waiting');
  const leaving = counted.filter(
    (r) => status(r) !== 'waiting' && (r.invocationType !== 'Event' || status(r) === 'turnedAway'),
  );
  const seated = async.filter((r) => status(r) === 'seated');
  const doneAsync = async.filter((r) => status(r) === 'done');
  const rail = async.filter((r) => ['queued', 'retry-wait', 'throttled-backoff'].includes(r.state));
  return {
    counter: ids(waiting.slice(0, 12)) as never,
    counterHidden: Math.max(0, waiting.length - 12),
    leaving: ids(leaving.slice(-6).toReversed()) as never,
    tables: [...ids(seated.slice(0, 12)), ...ids(doneAsync.slice(-6).toReversed())] as never,
    tablesHidden: Math.max(0, seated.length - 12),
    rail: ids(rail.slice(0, 10)) as never,
    railHidden: Math.max(0, rail.length - 10),
    discardedCount: dropped.discarded + counted.filter((r) => r.outcome === 'discarded').length,
    resultNobodyCount: async.filter((r) => r.outcome === 'succeeded').length,
    totals: {
      syncOrders: dropped.requestResponse + sync.length,
      asyncOrders: dropped.event - dropped.rejectedEvent + async.length,
      settledMs: {
        blocked:
          dropped.blockedMs +
          sum(
            sync.filter((r) => !['waiting', 'turnedAway'].includes(status(r))),
            (r) => r.respondedAt! - r.acceptedAt,
          ),
        free: dropped.eventHandlingMs + sum(doneAsync, (r) => (r.endedAt ?? now) - r.acceptedAt),
      },
      openSince: { blocked: waiting.map((r) => r.acceptedAt), free: seated.map((r) => r.acceptedAt) },
      asyncBlockedMs: sum(async, (r) => (r.respondedAt ?? r.acceptedAt) - r.acceptedAt),
    },
  };
}

/** The same fields of a derived scene, with customers and tickets as their request ids. */
function zonesOf(scene: SceneView): Partial<SceneView> {
  const { counterHidden, tablesHidden, railHidden, discardedCount, resultNobodyCount, totals } = scene;
  return {
    counter: ids(scene.counter),
    counterHidden,
    leaving: ids(scene.leaving),
    tables: ids(scene.tables),
    tablesHidden,
    rail: ids(scene.rail),
    railHidden,
    discardedCount,
    resultNobodyCount,
    totals,
  };
}

interface Session {
  seed: number;
  kept: number;
  reserved: number;
  failureP: number;
  retries: number;
  calls: { gapMs: number; sync: boolean; caller: 'customer' | 'terminal' | 'outside' }[];
}

const sessionArb: fc.Arbitrary<Session> = fc.record({
  seed: fc.integer({ min: 1, max: 1_000 }),
  // Small enough that the oldest records fall out (the oldest block is partly gone), large
  // enough for a whole block of 512 finished records.
  kept: fc.integer({ min: 1_100, max: 1_600 }),
  reserved: fc.integer({ min: 1, max: 4 }),
  failureP: fc.double({ min: 0, max: 0.6, noNaN: true }),
  retries: fc.integer({ min: 0, max: 2 }),
  calls: fc.array(
    fc.record({
      // Rushes (no gap) fill the tables and the rail beyond what is drawn.
      gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 400 })),
      sync: fc.boolean(),
      // The terminal's CLI and an outside SDK retry under the same caller id.
      caller: fc.constantFrom('customer', 'customer', 'customer', 'customer', 'terminal', 'outside'),
    }),
    { minLength: 1_700, maxLength: 2_400 },
  ),
});

function play(s: Session, each: (sim: LambdaSimulation, i: number) => void) {
  const sim = createLambdaSimulation({
    seed: s.seed,
    limits: { finishedInvocations: s.kept },
    functions: [
      {
        FunctionName: NAME,
        ReservedConcurrentExecutions: s.reserved,
        MaximumRetryAttempts: s.retries,
        Handler: { durationMs: 300, failure: { mode: 'probability', p: s.failureP } },
      },
    ],
  });
  s.calls.forEach((call, i) => {
    sim.advanceBy(call.gapMs);
    const callerId =
      call.caller === 'customer'
        ? `customer-${i + 1}`
        : call.caller === 'terminal'
          ? 'terminal-1'
          : 'outside-sdk-1';
    sim
      .invoke({ FunctionName: NAME, InvocationType: call.sync ? 'RequestResponse' : 'Event' }, { callerId })
      .catch(() => undefined);
    each(sim, i);
  });
  return sim;
}

describe('the scene folds blocks of finished records once and reuses the folds', () => {
  it('draws the same scene as a fold over every record, at every moment and after a restore', () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: 0, max: 1_000 }), (session, at) => {
        const moments = new Set([at % session.calls.length, session.calls.length - 1]);
        const sim = play(session, (live, i) => {
          if (!moments.has(i)) return;
          const scene = deriveScene(live, NAME);
          expect(scene).toEqual(sceneOf(live, NAME, oneRun(live)));
          expect(zonesOf(scene)).toEqual(plainPass(live));
        });
        sim.advanceBy(30_000);
        const scene = deriveScene(sim, NAME);
        expect(scene).toEqual(sceneOf(sim, NAME, oneRun(sim)));
        expect(zonesOf(scene)).toEqual(plainPass(sim));
        expect(sim.invocationBlocks().sealed.length).toBeGreaterThan(0);
        // A restored simulation shares the sealed blocks, and with them their folds.
        const snapshot = sim.snapshot();
        const restored = createLambdaSimulation({ snapshot });
        expect(restored.invocationBlocks().sealed).toEqual(sim.invocationBlocks().sealed);
        expect(restored.invocationBlocks().sealed[0]).toBe(sim.invocationBlocks().sealed[0]);
        expect(deriveScene(restored, NAME)).toEqual(scene);
        expect(deriveScene(createLambdaSimulation({ snapshot: structuredClone(snapshot) }), NAME)).toEqual(
          scene,
        );
      }),
      // No shrinking: a failing session of 2,000 calls shrinks for minutes; its seed is reported.
      { numRuns: 8, endOnFailure: true },
    );
  });
});
