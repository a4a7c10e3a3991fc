import { useMemo } from 'react';
import type { LambdaSimulation } from '../../model';
import { useCafeStore } from '../../store/CafeContext';
import { FUNCTION_NAME } from '../../store/cafeStore';
import { createHistory, type TimelineHistory } from './timelineHistory';
import { deriveTimeline, type TimelineData } from './timelineModel';
import { usePanelModel } from '../usePanelModel';

/** Lanes redraw at most 5 times a second; the playhead moves every frame (TimelinePanel). */
const REDRAW_MS = 200;

/** One history per café (keyed by its store), for the simulation the café runs now. */
const caches = new WeakMap<object, { sim: LambdaSimulation; history: TimelineHistory }>();

/**
 * The timeline's data, derived when the model changed (`version`), at most every REDRAW_MS.
 * The history folds only new trace events; a seek or reset brings a new simulation, whose
 * trace is folded once. Deriving is idempotent (safe under StrictMode's double render).
 */
export function useTimeline(): TimelineData {
  const store = useCafeStore();
  // Open bars grow with the clock even when no model event happens (a retry wait, a long run):
  // redraw on the clock too, at most every REDRAW_MS, and a frame after a seek (the playhead
  // paints at the new moment first).
  const { sim, version } = usePanelModel(REDRAW_MS, (s) => `${s.version}@${s.now}`);
  const { data } = useMemo(() => {
    let cache = caches.get(store);
    if (cache?.sim !== sim) {
      cache = { sim, history: createHistory(FUNCTION_NAME) };
      caches.set(store, cache);
    }
    return { version, data: deriveTimeline(sim, cache.history) };
  }, [store, sim, version]);
  return data;
}
