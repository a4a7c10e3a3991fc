import { lazy, Suspense } from 'react';
import './devView.css';

// Panels load on demand, off the first view's size budget.
const TerminalPanel = lazy(() => import('./terminal/TerminalPanel'));

function Loading({ what }: { what: string }) {
  return <p className="panel-loading">Loading the {what}…</p>;
}

/** The developer's view beside the picture: the same model through the tools a developer uses. */
export function DevView() {
  return (
    <section className="dev-view" aria-label="Developer's view">
      <Suspense fallback={<Loading what="terminal" />}>
        <TerminalPanel />
      </Suspense>
    </section>
  );
}
