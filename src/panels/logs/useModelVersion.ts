import { useCallback, useSyncExternalStore } from 'react';
import type { LambdaSimulation } from '../../model';

/**
 * A counter of the model's own changes (trace events: invokes, runs, config changes), one per
 * simulation. The store's `version` also moves with every animation frame that only advanced
 * the clock; the panels' derivations (up to 10,000 log events) need to run only when the
 * model itself changed, which `sim.subscribe` reports exactly.
 */
interface Tracker {
  count: number;
  listeners: Set<() => void>;
  unsubscribe?: () => void;
}

const trackers = new WeakMap<LambdaSimulation, Tracker>();

function trackerOf(sim: LambdaSimulation): Tracker {
  let tracker = trackers.get(sim);
  if (!tracker) {
    tracker = { count: 0, listeners: new Set() };
    trackers.set(sim, tracker);
  }
  return tracker;
}

export function subscribeModel(sim: LambdaSimulation, onChange: () => void): () => void {
  const tracker = trackerOf(sim);
  tracker.listeners.add(onChange);
  if (!tracker.unsubscribe) {
    // Changes made while nobody listened were not counted: count them now, as one.
    tracker.count++;
    tracker.unsubscribe = sim.subscribe(() => {
      tracker.count++;
      for (const listener of Array.from(tracker.listeners)) listener();
    });
  }
  return () => {
    tracker.listeners.delete(onChange);
    if (tracker.listeners.size === 0) {
      tracker.unsubscribe?.();
      tracker.unsubscribe = undefined;
    }
  };
}

/** Changes when (and only when) `sim` emitted model events, or when the store swapped in another sim. */
export function modelVersion(sim: LambdaSimulation): number {
  return trackerOf(sim).count;
}

export function useModelVersion(sim: LambdaSimulation): number {
  const subscribe = useCallback((onChange: () => void) => subscribeModel(sim, onChange), [sim]);
  return useSyncExternalStore(subscribe, () => modelVersion(sim));
}
