import { lazy, Suspense, useState } from 'react';

const KitchenPanel = lazy(() => import('./KitchenPanel'));

/**
 * The kitchen's knobs (concurrency, handler, destinations, arrivals, seed), behind one
 * disclosure: they open over the stage, so the café below never moves. They load the first
 * time it opens (the first view is kept small), and stay.
 */
export function Kitchen() {
  const [opened, setOpened] = useState(false);
  return (
    <details className="kitchen" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="btn ghost">Kitchen</summary>
      {opened && (
        <Suspense fallback={<p className="kitchen-panel">Opening the kitchen…</p>}>
          <KitchenPanel />
        </Suspense>
      )}
    </details>
  );
}
