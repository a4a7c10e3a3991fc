import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useCafe } from '../store/CafeContext';
import type { CafeState } from '../store/cafeStore';

const VisibleContext = createContext(true);

/**
 * Tells the panels inside whether any of them is on screen. Panels below the fold (the
 * timeline and the side panels on a laptop, while the café plays above) stop redrawing until
 * they are scrolled to: the café's frame rate is spent where the student is looking.
 */
export function Visibility({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return undefined;
    // No margin: the stage fills the first view, and a panel just under it must not count as
    // seen (it would redraw every frame of an idle café for nobody).
    const observer = new IntersectionObserver(([entry]) => setVisible(entry.isIntersecting));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className={className}>
      <VisibleContext.Provider value={visible}>{children}</VisibleContext.Provider>
    </div>
  );
}

/** False while the panel is scrolled out of view. */
export function useOnScreen(): boolean {
  return useContext(VisibleContext);
}

/**
 * A value of the café's store that follows the clock (`now`, `sessionEnd`), for a panel: it
 * stays frozen while the panel is off screen, so a café playing with nothing in flight
 * re-renders no panel below the stage; it catches up as soon as the panel is seen.
 */
export function usePanelCafe<T>(selector: (state: CafeState) => T): T {
  const onScreen = useOnScreen();
  const shown = useRef<{ value: T } | undefined>(undefined);
  return useCafe((s) => {
    if (onScreen || !shown.current) shown.current = { value: selector(s) };
    return shown.current.value;
  });
}
