import {
  Suspense,
  useId,
  useRef,
  useState,
  type ComponentType,
  type KeyboardEvent,
  type LazyExoticComponent,
} from 'react';

export interface PanelTab {
  id: string;
  label: string;
  Panel: LazyExoticComponent<ComponentType>;
}

/**
 * Tabs for the side panels (WAI-ARIA tabs pattern: arrow keys move between tabs, Home/End jump).
 * Only the open panel is mounted, so a hidden chart never re-renders at 16×.
 */
export function PanelTabs({ tabs, label }: { tabs: PanelTab[]; label: string }) {
  const [open, setOpen] = useState(tabs[0].id);
  const baseId = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = tabs.findIndex((t) => t.id === open);
  const current = tabs[index];

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    // The café's own ← / → keys (step back / step) must not fire while moving between tabs.
    event.stopPropagation();
    const next = (moves[event.key] + tabs.length) % tabs.length;
    setOpen(tabs[next].id);
    refs.current[next]?.focus();
  };

  return (
    <section className="panel-tabs" aria-label={label}>
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${baseId}-${tab.id}-tab`}
            aria-selected={tab.id === open}
            aria-controls={`${baseId}-${tab.id}-panel`}
            tabIndex={tab.id === open ? 0 : -1}
            className="tab"
            onClick={() => setOpen(tab.id)}
            onKeyDown={onKeyDown}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-${current.id}-panel`}
        aria-labelledby={`${baseId}-${current.id}-tab`}
        className="tab-panel"
        // The panel scrolls inside its card: it must be reachable by keyboard to scroll.
        tabIndex={0}
      >
        <Suspense fallback={<p className="panel-loading">Loading the {current.label.toLowerCase()}…</p>}>
          <current.Panel />
        </Suspense>
      </div>
    </section>
  );
}
