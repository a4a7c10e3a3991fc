import { lazy, Suspense } from 'react';
import { PanelTabs, type PanelTab } from './PanelTabs';
import './devView.css';

// Panels load on demand, off the first view's size budget.
const TerminalPanel = lazy(() => import('./terminal/TerminalPanel'));

const SIDE_TABS: PanelTab[] = [
  { id: 'logs', label: 'CloudWatch logs', Panel: lazy(() => import('./logs/LogsPanel')) },
  { id: 'code', label: 'Handler code', Panel: lazy(() => import('./code/CodePanel')) },
  { id: 'charts', label: 'Charts', Panel: lazy(() => import('./charts/ChartsPanel')) },
  { id: 'config', label: 'Configuration', Panel: lazy(() => import('./config/ConfigPanel')) },
];

const TimelinePanel = lazy(() => import('./timeline/TimelinePanel'));

/** The timeline sits right under the scene: scrubbing it moves everything above and below. */
export function TimelineView() {
  return (
    <Suspense fallback={<p className="panel-loading">Loading the timeline…</p>}>
      <TimelinePanel />
    </Suspense>
  );
}

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
