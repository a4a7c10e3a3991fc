import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatClock } from '../../cafe/format';
import { formatAxisTime, ticks, timeAt, xPercent, type TimeWindow } from './timeScale';

/** Keyboard steps of the playhead slider. */
export const SMALL_STEP_MS = 1_000;
export const LARGE_STEP_MS = 10_000;

/** Generous width of one character of an axis label in px (digits at up to ~14 px), and room between two. */
const LABEL_CHAR_PX = 8.5;
const LABEL_GAP_PX = 12;

/**
 * How many tick intervals fit an axis `widthPx` wide with labels that never touch: a phone's
 * axis gets two, a projector's eight. Labels are as long as the longest time shown (m:ss or
 * h:mm:ss); the end labels are aligned inward, so each needs 1.5 label widths to its neighbour.
 */
export function ticksThatFit(widthPx: number, w: TimeWindow): number {
  const labelPx = formatAxisTime(w.end).length * LABEL_CHAR_PX;
  return Math.max(1, Math.min(8, Math.floor(widthPx / (1.5 * labelPx + LABEL_GAP_PX))));
}

/** The axis's width, followed as the panel resizes (0 before the first layout). */
function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Where a key moves the playhead, or undefined for keys the slider leaves alone. */
export function keyTarget(
  key: string,
  shiftKey: boolean,
  from: number,
  sessionEnd: number,
): number | undefined {
  const small = shiftKey ? SMALL_STEP_MS / 10 : SMALL_STEP_MS;
  const moves: Record<string, number> = {
    ArrowLeft: from - small,
    ArrowDown: from - small,
    ArrowRight: from + small,
    ArrowUp: from + small,
    PageDown: from - LARGE_STEP_MS,
    PageUp: from + LARGE_STEP_MS,
    Home: 0,
    End: sessionEnd,
  };
  const t = moves[key];
  return t === undefined ? undefined : Math.min(sessionEnd, Math.max(0, t));
}

/**
 * The time axis, which is also the scrubber: press or drag anywhere on it to move the whole
 * app to that moment (a seek replays from the seed, so drags are throttled by the caller), and
 * the playhead on it is a keyboard slider. The stretch after `now`, when stepped back, is the
 * recorded future: events that will happen again when playing on.
 */
export function Axis({
  window: w,
  playhead,
  now,
  sessionEnd,
  labelledBy,
  onScrub,
}: {
  window: TimeWindow;
  playhead: number;
  now: number;
  sessionEnd: number;
  labelledBy: string;
  onScrub(t: number, final: boolean): void;
}) {
  const track = useRef<HTMLDivElement>(null);
  const slider = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const width = useWidth(track);

  function timeOf(event: PointerEvent<HTMLDivElement>): number {
    const rect = track.current!.getBoundingClientRect();
    return Math.min(sessionEnd, Math.max(0, timeAt((event.clientX - rect.left) / rect.width, w)));
  }
  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    dragging.current = true;
    slider.current?.focus({ preventScroll: true });
    onScrub(timeOf(event), false);
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (dragging.current) onScrub(timeOf(event), false);
  }
  function onPointerEnd(event: PointerEvent<HTMLDivElement>) {
    if (!dragging.current) return;
    dragging.current = false;
    onScrub(timeOf(event), true);
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const t = keyTarget(event.key, event.shiftKey, playhead, sessionEnd);
    if (t === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    onScrub(t, true);
  }

  const x = xPercent(playhead, w);
  const futureFrom = xPercent(now, w);
  const futureTo = xPercent(sessionEnd, w);
  return (
    <div
      ref={track}
      className="tl-axis"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      data-testid="timeline-axis"
    >
      <div className="tl-recorded" style={{ left: 0, width: `${futureTo}%` }} />
      {futureTo > futureFrom + 0.5 && (
        <div
          className="tl-axis-future"
          style={{ left: `${futureFrom}%`, width: `${futureTo - futureFrom}%` }}
        >
          {/* Only where the stripe is wide enough for its words (a phone's may be a few px). */}
          {((futureTo - futureFrom) / 100) * width > 110 && <span>recorded future</span>}
        </div>
      )}
      {ticks(w, width ? ticksThatFit(width, w) : 8).map((t) => (
        <span key={t} className="tl-tick" style={{ left: `${xPercent(t, w)}%` }} aria-hidden="true">
          {formatAxisTime(t)}
        </span>
      ))}
      <div
        ref={slider}
        className="tl-handle"
        style={{ left: `${x}%` }}
        role="slider"
        tabIndex={0}
        aria-labelledby={labelledBy}
        aria-valuemin={0}
        aria-valuemax={Math.round(sessionEnd / 100) / 10}
        aria-valuenow={Math.round(playhead / 100) / 10}
        aria-valuetext={formatClock(playhead)}
        onKeyDown={onKeyDown}
        data-testid="timeline-playhead"
      />
    </div>
  );
}
