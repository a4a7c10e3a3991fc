import { useEffect, useRef, useState } from 'react';
import { useCafe } from '../../store/CafeContext';
import type { NarrationLine } from '../../store/cafeStore';

/** Screen readers hear at most one announcement per this many real ms. */
const ANNOUNCE_EVERY_MS = 1500;
/** Lines shown on screen: one model instant often says two things (an order, and a cold start). */
const VISIBLE_LINES = 3;
/** Lines read out in one announcement; the rest are counted, not read. */
const ANNOUNCE_MAX = 3;

/** What a screen reader hears for the lines that happened since the last announcement. */
export function announcementFor(lines: readonly NarrationLine[]): string {
  if (lines.length <= ANNOUNCE_MAX) return lines.map((l) => l.text).join(' ');
  const skipped = lines.length - ANNOUNCE_MAX;
  return `${skipped} earlier event${skipped === 1 ? '' : 's'} not read. ${lines
    .slice(-ANNOUNCE_MAX)
    .map((l) => l.text)
    .join(' ')}`;
}

/** Step back or a drag on the timeline moved the app into the past: say so, over the narration. */
function RewindTag() {
  const inPast = useCafe((s) => s.now < s.sessionEnd);
  if (!inPast) return null;
  // A seek is synchronous (the store's `seeking` is always false): there is no "rewinding" state.
  return (
    <span className="rewind-tag" role="status">
      In the past
      {/* Presenter mode shows the two words only, large enough for the back of the room. */}
      <span className="rewind-more">: Play replays; a new action drops what came after</span>
    </span>
  );
}

/**
 * The live narration. The visible lines follow the model, in a box of fixed height (a longer
 * sentence never pushes the café down); the ARIA live region batches what happened since it
 * last spoke, so a rush at 64× neither floods nor silently drops events.
 */
export function Narration() {
  const narration = useCafe((s) => s.narration);
  const recent = narration.slice(-VISIBLE_LINES).toReversed();
  const [announced, setAnnounced] = useState('');
  const lastAnnounce = useRef(-Infinity);
  const lastAnnouncedId = useRef(-1);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const fresh = narration.filter((l) => l.id > lastAnnouncedId.current);
    if (fresh.length === 0) return;
    const wait = Math.max(0, lastAnnounce.current + ANNOUNCE_EVERY_MS - performance.now());
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      lastAnnounce.current = performance.now();
      lastAnnouncedId.current = fresh.at(-1)!.id;
      setAnnounced(announcementFor(fresh));
    }, wait);
    return () => window.clearTimeout(timer.current);
  }, [narration]);

  return (
    <div className="narration">
      <ol className="narration-recent" data-testid="narration" aria-hidden="true">
        {recent.length === 0 && (
          <li className="narration-line">
            Place an order: at the counter (synchronous) or for a table (asynchronous).
          </li>
        )}
        {recent.map((line, i) => (
          // Keyed by place, not by line: a line that becomes older is new text in the second
          // slot, never an element moving down (which would be a layout shift).
          <li key={i} className={i === 0 ? 'narration-line' : 'narration-older'}>
            {line.text}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </p>
      <details className="narration-log">
        <summary>
          What happened so far <span className="narration-count">{`(${narration.length})`}</span>
        </summary>
        <ol>
          {narration.toReversed().map((line) => (
            <li key={line.id}>{line.text}</li>
          ))}
        </ol>
      </details>
      <RewindTag />
    </div>
  );
}
