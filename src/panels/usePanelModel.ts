import { useMemo } from 'react';
import type { LambdaSimulation } from '../model';
import { useThrottled } from './useThrottled';
import { usePanelCafe } from './Visibility';

/**
 * The café's model for a panel's derivations (logs, lanes, code, charts, configuration): frozen
 * while the panel is off screen, and shown a frame late, at most every `ms`. A seek brings a new
 * simulation: the scene, the clock and the playhead paint at the new moment first, then the
 * panel follows (see useThrottled); a held step-back key redraws the panels at most every `ms`.
 */
export function usePanelModel(ms = 0): { sim: LambdaSimulation; version: number } {
  const sim = usePanelCafe((s) => s.sim);
  const version = usePanelCafe((s) => s.version);
  return useThrottled(
    useMemo(() => ({ sim, version }), [sim, version]),
    ms,
  );
}
