import { useCafe } from '../store/CafeContext';

/** Refused input, said where the user is looking; the simulation keeps its state. */
export function Notice() {
  const notice = useCafe((s) => s.notice);
  const dismiss = useCafe((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <span>{notice}</span>
      <button type="button" className="btn ghost" onClick={dismiss} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
