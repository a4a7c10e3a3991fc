import { lazy, startTransition, StrictMode, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LazyMotion, MotionConfig } from 'framer-motion';
import { useStore } from 'zustand';
import { CafeProvider, useCafeStore } from '../store/CafeContext';
import type { CafeStore } from '../store/cafeStore';
import type { RefObject } from 'react';
import { useAnimationDriver } from '../cafe/useAnimationDriver';
import { bindingFor } from '../cafe/keyboard';
import { Stage } from '../cafe/Stage/Stage';
import { StageContext } from '../cafe/Stage/StageContext';
import { createStageStore } from '../cafe/Stage/stageStore';
import { registerKeys } from '../cafe/Stage/keyRouter';
import { Visibility } from '../panels/Visibility';
import { TimelineView } from '../panels/DevView';
import { PanelTabs, type PanelTab } from '../panels/PanelTabs';
import { connectEmbed, embedderOrigin, parseAllow } from './embedBridge';
import { parseEmbedOptions, type ControlsMode, type EmbedOptions, type PanelId } from './embedOptions';
import { createLessonsHub, type LessonsHub } from './lessonsHub';
import { LoadingLessons, ReplayKeys, type SlideKey } from '../lessons/ui/LoadingLessons';
import { applyTheme } from './theme';
import '../cafe/cafe.css';
import '../panels/devView.css';

const loadMotionFeatures = () => import('../cafe/motionFeatures').then((mod) => mod.default);
const EmbedLessons = lazy(() => import('./EmbedLessons'));
const TerminalPanel = lazy(() => import('../panels/terminal/TerminalPanel'));
const SIDE_TABS: Record<Exclude<PanelId, 'timeline' | 'terminal'>, PanelTab> = {
  logs: { id: 'logs', label: 'CloudWatch logs', Panel: lazy(() => import('../panels/logs/LogsPanel')) },
  code: { id: 'code', label: 'Handler code', Panel: lazy(() => import('../panels/code/CodePanel')) },
  charts: { id: 'charts', label: 'Charts', Panel: lazy(() => import('../panels/charts/ChartsPanel')) },
  config: { id: 'config', label: 'Configuration', Panel: lazy(() => import('../panels/config/ConfigPanel')) },
};

/** Starts the embedded café (embed.html): reads the parameters, renders, connects the bridge. */
export function start() {
  const options = parseEmbedOptions(window.location.search);
  const allow = parseAllow(options.allow, embedderOrigin(window.location, document.referrer));
  const problems = [...options.problems, ...allow.problems];
  const html = document.documentElement;
  html.dataset.embed = '';
  html.dataset.controls = options.controls;
  applyTheme(options.theme);

  const root = document.getElementById('root');
  if (!root) throw new Error('Lambda Café: #root element missing from embed.html');
  // In slices (a transition), as the app's page does: several cafés on one host page start
  // without one long task each.
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <MotionConfig reducedMotion="user">
          <LazyMotion features={loadMotionFeatures} strict>
            <CafeProvider options={{ ...options.options, problems }}>
              <EmbeddedCafe options={options} allowed={allow.origins} />
            </CafeProvider>
          </LazyMotion>
        </MotionConfig>
      </StrictMode>,
    ),
  );
}

function EmbeddedCafe({ options, allowed }: { options: EmbedOptions; allowed: string[] }) {
  const store = useCafeStore();
  const [stage] = useState(() => createStageStore({ presenting: options.present }));
  const presenting = useStore(stage, (s) => s.presenting);
  const keysLive = useStore(stage, (s) => s.keysLive);
  const ref = useRef<HTMLElement>(null);
  const [lessonLink, setLessonLink] = useState<{ link?: { id: string; step: number } } | undefined>(
    options.lesson ? { link: options.lesson } : undefined,
  );
  const [hub] = useState(() => createLessonsHub((link) => setLessonLink({ link })));
  useAnimationDriver(store);
  useKeys(store, stage, ref, options.controls);
  useBridge(store, hub, allowed);
  const closeLessons = useCallback(() => setLessonLink(undefined), []);
  const [pressedWhileLoading] = useState<SlideKey[]>(() => []);

  const guide = lessonLink && (
    <Suspense fallback={<LoadingLessons pressed={pressedWhileLoading} />}>
      <EmbedLessons link={lessonLink.link} hub={hub} onClose={closeLessons} />
      <ReplayKeys pressed={pressedWhileLoading} />
    </Suspense>
  );
  const side = options.panels.flatMap((p) => (p === 'timeline' || p === 'terminal' ? [] : [SIDE_TABS[p]]));
  return (
    <StageContext.Provider value={stage}>
      <section
        ref={ref}
        id="cafe"
        className="cafe"
        aria-label="Lambda Café simulation"
        tabIndex={-1}
        data-cafe
        data-presenting={presenting || undefined}
        data-keys-live={keysLive || undefined}
      >
        <Stage guide={guide} />
        {options.panels.includes('timeline') && (
          <Visibility className="below-stage">
            <TimelineView />
          </Visibility>
        )}
        {(options.panels.includes('terminal') || side.length > 0) && (
          <Visibility className="below-stage">
            <section className="dev-view" aria-label="Developer's view">
              {options.panels.includes('terminal') && (
                <Suspense fallback={<p className="panel-loading">Loading the terminal…</p>}>
                  <TerminalPanel />
                </Suspense>
              )}
              {side.length > 0 && <PanelTabs tabs={side} label="Function panels" />}
            </section>
          </Visibility>
        )}
      </section>
    </StageContext.Provider>
  );
}

/**
 * The café's keys, as in the app. With `controls=none` there are none: the host page drives the
 * café (by commands), and a key must not change what its author set up behind a hidden bar.
 */
function useKeys(
  store: CafeStore,
  stage: ReturnType<typeof createStageStore>,
  ref: RefObject<HTMLElement | null>,
  controls: ControlsMode,
) {
  useEffect(() => {
    if (controls === 'none') return undefined;
    return registerKeys({
      root: ref.current!,
      onKey(event) {
        const binding = bindingFor(event, stage.getState());
        if (!binding) return;
        event.preventDefault();
        binding.run(store.getState(), stage.getState());
      },
      setLive: (live) => stage.setState({ keysLive: live }),
    });
  }, [store, stage, ref, controls]);
}

/** The messages to and from the host page (embedBridge.ts); the height is the page's content. */
function useBridge(store: CafeStore, hub: LessonsHub, allowed: string[]) {
  useEffect(() => {
    if (window.parent === window) return undefined; // opened on its own: nobody to talk to
    const content = document.getElementById('root')!;
    return connectEmbed({
      store,
      self: window,
      parent: window.parent,
      allowed,
      lessons: hub.driver,
      observeHeight(report) {
        const observer = new ResizeObserver(() => {
          const margin = parseFloat(getComputedStyle(document.body).marginBottom) || 0;
          report(content.getBoundingClientRect().bottom + window.scrollY + margin);
        });
        observer.observe(content);
        return () => observer.disconnect();
      },
    });
  }, [store, hub, allowed]);
}
