import { useCafe } from '../store/CafeContext';
import { useStage, useStageStore } from './Stage/StageContext';

/**
 * Refused input, said where the user is looking; the simulation keeps its state. It is drawn
 * over the narration, so it never pushes the café down (and the café never jumps back up).
 * A refused fullscreen request is said here too.
 */
export function Notice() {
  const notice = useCafe((s) => s.notice);
  const dismiss = useCafe((s) => s.dismissNotice);
  const stage = useStageStore();
  const refused = useStage((s) => s.fullscreenRefused);
  const text = notice ?? refused;
  if (!text) return null;
  return (
    <div className="notice" role="alert">
      <span>{text}</span>
      <button
        type="button"
        className="btn ghost"
        onClick={() => (notice ? dismiss() : stage.setState({ fullscreenRefused: undefined }))}
        aria-label="Dismiss message"
      >
        ×
      </button>
    </div>
  );
}
