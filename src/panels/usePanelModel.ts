import { useMemo } from 'react';
import type { LambdaSimulation } from '../model';
import type { CafeState } from '../store/cafeStore';
import { useThrottled } from './useThrottled';
import { usePanelCafe } from './Visibility';

/**
 * The café's model for a panel's derivations (logs, lanes, code, charts, configuration): frozen
 * while the panel is off screen, and shown a frame late, at most every `ms`. A seek brings a new
 * simulation: the scene, the clock and the playhead paint at the new moment first, then the
 * panel follows (see useThrottled); a held step-back key redraws the panels at most every `ms`.
 * `stamp` is what counts as a change (the model's version; the timeline adds the clock).
 */
export function usePanelModel<V = number>(
  ms = 0,
  stamp: (s: CafeState) => V = (s) => s.version as V,
): { sim: LambdaSimulation; version: V } {
  const sim = usePanelCafe((s) => s.sim);
  const version = usePanelCafe(stamp);
  return useThrottled(
    useMemo(() => ({ sim, version }), [sim, version]),
    ms,
  );
}
