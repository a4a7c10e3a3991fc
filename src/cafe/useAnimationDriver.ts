import { useEffect } from 'react';
import type { CafeStore } from '../store/cafeStore';

/**
 * Advances this café's virtual clock once per animation frame by the real time elapsed × speed.
 * The only place real time enters: the model itself only ever sees virtual milliseconds.
 */
export function useAnimationDriver(store: CafeStore) {
  useEffect(() => {
    let frame = 0;
    let last: number | undefined;
    const loop = (time: number) => {
      if (last !== undefined) store.getState().tick(time - last);
      last = time;
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [store]);
}
