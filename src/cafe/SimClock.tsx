import { useCafe } from '../store/CafeContext';
import { WallClock } from './art';
import { formatClock } from './format';
import { useTicking } from './useTicking';

/**
 * The café's wall clock (virtual time): the one thing that ticks in an idle café, so it is a
 * leaf of its own — nothing else re-renders while nothing is in flight.
 */
export function SimClock() {
  const speed = useCafe((s) => s.speed);
  // Tenths of a second: the text changes at most ten times a second of real time.
  const ms = useTicking((now) => Math.floor(now / 100) * 100);
  const text = formatClock(ms);
  return (
    <span className="sim-clock" role="timer" aria-label={`Simulated time ${text} at ${speed}× speed`}>
      <WallClock ms={ms} size={30} />
      <span aria-hidden="true">{text}</span>
    </span>
  );
}
