import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

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
    const observer = new IntersectionObserver(([entry]) => setVisible(entry.isIntersecting), {
      rootMargin: '100px',
    });
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
