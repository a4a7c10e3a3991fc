import { useCafe } from '../store/CafeContext';

/**
 * A value that follows the virtual clock, for the small leaves that tick (timers, totals, the
 * clock): the component re-renders only when the value it shows changes, and while playing at
 * most every `realMs` of real time whatever the speed. So an idle café (nothing in flight)
 * re-renders nothing but its clock, and a 16× café does not re-lay out a number every frame.
 * Paused, it reads the exact moment (a stepped clock must show where the step landed).
 */
export function useTicking<T extends string | number | boolean | undefined>(
  read: (now: number) => T,
  realMs = 100,
): T {
  return useCafe((s) => {
    if (!s.playing) return read(s.now);
    const grain = realMs * s.speed;
    return read(Math.floor(s.now / grain) * grain);
  });
}
