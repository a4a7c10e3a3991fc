import { useEffect, useRef, useState } from 'react';
import { useOnScreen } from './Visibility';

/**
 * `value`, changing at most once every `ms` of real time (the latest value always arrives,
 * at most `ms` late). The store bumps `version` on every animation frame while playing; a
 * panel that redraws a few hundred SVG elements need not follow at 60 Hz, while the playhead
 * and ticking numbers (cheap leaves) still do.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(-Infinity);
  // Off screen, the panel keeps its last drawing and catches up when scrolled back into view.
  const onScreen = useOnScreen();
  useEffect(() => {
    if (!onScreen || Object.is(value, shown)) return undefined;
    const show = () => {
      last.current = performance.now();
      setShown(value);
    };
    const wait = last.current + ms - performance.now();
    // Never in the frame that brought the change: after a seek the scene and the playhead paint
    // first, and the panel follows a frame later (a key press is answered by the next frame).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame =
      typeof requestAnimationFrame === 'function'
        ? requestAnimationFrame(() => (timer = setTimeout(show, Math.max(0, wait - 16))))
        : undefined;
    if (frame === undefined) timer = setTimeout(show, Math.max(0, wait));
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, shown, ms, onScreen]);
  return shown;
}
