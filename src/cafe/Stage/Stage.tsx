import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useCafe } from '../../store/CafeContext';
import { Controls } from '../Controls/Controls';
import { Narration } from '../Narration/Narration';
import { Notice } from '../Notice';
import { Scene } from '../Scene';
import { useStage, useStageStore } from './StageContext';

/** The keys overlay loads when `?` first opens it: the first view is kept small. */
const HelpOverlay = lazy(() => import('../Help/HelpOverlay').then((m) => ({ default: m.HelpOverlay })));

/**
 * The stage: what a class looks at. The control bar, the narration (notices are drawn over it,
 * so nothing below moves), the lesson guide if there is one, and the scene. In presenter mode
 * it alone fills the screen (fullscreen where the browser allows, else the window).
 */
export function Stage({ guide }: { guide?: ReactNode }) {
  const stage = useStageStore();
  const presenting = useStage((s) => s.presenting);
  const blank = useStage((s) => s.blank);
  const helpOpen = useCafe((s) => s.helpOpen);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const { attach, fullscreenChanged } = stage.getState();
    attach(ref.current);
    document.addEventListener('fullscreenchange', fullscreenChanged);
    return () => {
      document.removeEventListener('fullscreenchange', fullscreenChanged);
      attach(null);
    };
  }, [stage]);

  useEffect(() => {
    if (!presenting) return undefined;
    // The rest of the page is hidden (and out of the tab order) while this stage presents.
    const root = document.documentElement;
    root.dataset.presenting = '';
    return () => {
      delete root.dataset.presenting;
    };
  }, [presenting]);

  return (
    <div ref={ref} className="stage" data-presenting={presenting || undefined}>
      <Controls />
      <div className="stage-message">
        <Narration />
        <Notice />
      </div>
      <div className={guide ? 'stage-body with-guide' : 'stage-body'}>
        {guide && <div className="stage-guide">{guide}</div>}
        {/* The scene sizes itself from this frame's width (container units): a guide beside it narrows the picture instead of pushing it below the fold. */}
        <div className="scene-frame">
          <Scene />
        </div>
      </div>
      {helpOpen && (
        <Suspense fallback={null}>
          <HelpOverlay />
        </Suspense>
      )}
      {blank && (
        <div className="stage-blank" role="status">
          <span className="visually-hidden">Screen blanked: press b or . to show the café again.</span>
        </div>
      )}
    </div>
  );
}
