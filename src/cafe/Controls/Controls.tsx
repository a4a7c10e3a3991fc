import { useCafe } from '../../store/CafeContext';
import { RUSH_SIZE, SPEEDS } from '../../store/cafeStore';
import { useStage } from '../Stage/StageContext';
import { Kitchen } from '../Kitchen/Kitchen';
import { KeysHint } from './KeysHint';
import { ShareButton } from '../Share/ShareButton';

/**
 * The control bar: ordering, playback, and the way to the kitchen's knobs and presenter mode.
 * One slim row on a laptop; in presenter mode only what a class needs stays. Every button has a
 * key (see `?`).
 */
export function Controls() {
  const order = useCafe((s) => s.order);
  const playing = useCafe((s) => s.playing);
  const togglePlay = useCafe((s) => s.togglePlay);
  const step = useCafe((s) => s.step);
  const stepBack = useCafe((s) => s.stepBack);
  const speed = useCafe((s) => s.speed);
  const setSpeed = useCafe((s) => s.setSpeed);
  const toggleHelp = useCafe((s) => s.toggleHelp);
  const presenting = useStage((s) => s.presenting);
  const togglePresenting = useStage((s) => s.togglePresenting);

  return (
    <div className="controls" role="group" aria-label="Café controls">
      <div className="control-group orders" role="group" aria-label="Orders">
        <button type="button" className="btn sync" onClick={() => order('sync')} aria-keyshortcuts="s">
          Order at the counter <span className="btn-sub">sync · RequestResponse</span>
        </button>
        <button
          type="button"
          className="btn ghost rush"
          onClick={() => order('sync', RUSH_SIZE)}
          aria-keyshortcuts="Shift+S"
          aria-label={`Rush ×${RUSH_SIZE} sync`}
          title={`A rush: ${RUSH_SIZE} orders at the counter at once`}
        >
          ×{RUSH_SIZE}
        </button>
        <button type="button" className="btn async" onClick={() => order('async')} aria-keyshortcuts="a">
          Order for a table <span className="btn-sub">async · Event</span>
        </button>
        <button
          type="button"
          className="btn ghost rush"
          onClick={() => order('async', RUSH_SIZE)}
          aria-keyshortcuts="Shift+A"
          aria-label={`Rush ×${RUSH_SIZE} async`}
          title={`A rush: ${RUSH_SIZE} orders for tables at once`}
        >
          ×{RUSH_SIZE}
        </button>
      </div>
      <div className="control-group playback" role="group" aria-label="Playback">
        <button
          type="button"
          className="btn play"
          onClick={togglePlay}
          aria-keyshortcuts="Space k"
          aria-pressed={!playing}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void stepBack()}
          aria-keyshortcuts="ArrowLeft PageUp b"
        >
          Step back
        </button>
        <button type="button" className="btn" onClick={step} aria-keyshortcuts="ArrowRight PageDown n">
          Step
        </button>
        <label className="inline-field speed" title="Playback speed: 1× is real Lambda time">
          <span className="visually-hidden">Speed</span>
          <select
            aria-label="Speed"
            value={speed}
            onChange={(e) => setSpeed(Number(e.target.value))}
            aria-keyshortcuts="+ -"
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="control-group stage-tools">
        <Kitchen />
        <ShareButton />
        <button
          type="button"
          className="btn ghost present"
          onClick={togglePresenting}
          aria-keyshortcuts="p"
          aria-pressed={presenting}
        >
          {presenting ? 'Exit presenter' : 'Present'}
        </button>
        <KeysHint onClick={() => toggleHelp(true)} />
      </div>
    </div>
  );
}
