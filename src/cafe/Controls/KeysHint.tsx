import { useStage } from '../Stage/StageContext';

/**
 * The keyboard help button, which also shows whether this café's keys are live: a presenter
 * must know, before pressing PageDown in front of a class, that the café (not the page) gets it.
 */
export function KeysHint({ onClick }: { onClick(): void }) {
  const live = useStage((s) => s.keysLive);
  const presenting = useStage((s) => s.presenting);
  const refused = useStage((s) => s.fullscreenRefused);
  let hint: string;
  // Short words of one width, so the bar never reflows when the keys go live.
  if (!live) hint = 'off';
  else if (presenting)
    hint = `live: ← → step · Space play · b blank${refused ? '' : ' · f full screen'} · Esc exit`;
  else hint = 'live';
  return (
    <button
      type="button"
      className={live ? 'btn ghost keys-btn live' : 'btn ghost keys-btn'}
      onClick={onClick}
      aria-keyshortcuts="?"
      data-testid="keys-hint"
      title={
        live ? 'Keys reach this café: press ? for the list' : 'Click or tab into this café to use its keys'
      }
    >
      <span>
        Keys ? <span className="keys-state">{hint}</span>
      </span>
    </button>
  );
}
