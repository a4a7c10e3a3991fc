import { useMemo } from 'react';
import { useCafeStore } from '../../store/CafeContext';
import { usePanelModel } from '../usePanelModel';
import { FUNCTION_NAME } from '../../store/cafeStore';
import type { LambdaSimulation } from '../../model';
import { createSeries, updateSeries, type Series } from './series';

/** One series per café (keyed by its store), for the simulation the café runs now. */
const caches = new WeakMap<object, { sim: LambdaSimulation; series: Series }>();

/**
 * The café's chart series, folded forward whenever the model changed (`version`): only the new
 * trace events, a few hundredths of a millisecond a frame, so the caller totals read it fresh
 * every frame (a total extrapolated past an event it has not folded could tick backwards). A
 * seek or a reset installs a new simulation; a fresh series then folds its trace once,
 * inheriting the old one's limit history (see createSeries). Folding is idempotent, so React
 * calling this twice (StrictMode) is harmless.
 */
export function useSeries(): { series: Series; version: number } {
  const store = useCafeStore();
  const { sim, version } = usePanelModel();
  return useMemo(() => {
    let cache = caches.get(store);
    if (cache?.sim !== sim) {
      cache = { sim, series: createSeries(FUNCTION_NAME, cache?.series, sim.now()) };
      caches.set(store, cache);
    }
    return { series: updateSeries(cache.series, sim), version };
  }, [store, sim, version]);
}
