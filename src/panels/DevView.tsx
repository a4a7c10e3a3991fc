import { lazy, Suspense } from 'react';
import { PanelTabs, type PanelTab } from './PanelTabs';
import './devView.css';

// Panels load on demand, off the first view's size budget.
const TerminalPanel = lazy(() => import('./terminal/TerminalPanel'));

const SIDE_TABS: PanelTab[] = [
  { id: 'config', label: 'Configuration', Panel: lazy(() => import('./config/ConfigPanel')) },
];

/** The developer's view beside the picture: the same model through the tools a developer uses. */
export function DevView() {
  return (
    <section className="dev-view" aria-label="Developer's view">
      <Suspense fallback={<p className="panel-loading">Loading the terminal…</p>}>
        <TerminalPanel />
      </Suspense>
      <PanelTabs tabs={SIDE_TABS} label="Function panels" />
    </section>
  );
}
