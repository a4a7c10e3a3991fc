import { memo, useMemo, type ReactNode } from 'react';
import { stepAreaPath } from '../charts/svgPaths';
import { quantise } from './quantise';
import { xPercent, type TimeWindow } from './timeScale';
import type { CallerLane, EnvLane, Marker, QueueStep } from './timelineModel';

/**
 * The lanes' drawings. Positions are percentages of the track, so a lane scales with the panel
 * without measuring it; the SVGs are decorative (aria-hidden): each lane's button carries its
 * story in words (timelineDetails).
 */

export const ROW_H = 24;
export const QUEUE_H = 40;
/** Columns a busy environment lane is cut into (quantise): bounds its rectangles. */
const ENV_COLUMNS = 400;

/**
 * What a track needs to know about time. The playhead and the recorded future are not here:
 * they are one overlay over all lanes (TimelinePanel), so the lanes redraw only when the model
 * was re-derived, not on every frame the playhead moves.
 */
export interface TrackTime {
  window: TimeWindow;
  /** The model's now when derived: open spans end here. */
  now: number;
  recordedFrom: number;
}

const pct = (t: number, w: TimeWindow) => `${xPercent(t, w)}%`;
/** A span narrower than this still shows (a 429 call, a 50 ms run at whole-session zoom). */
const MIN_WIDTH = 0.25;
const widthPct = (from: number, to: number, w: TimeWindow) =>
  `${Math.max(MIN_WIDTH, xPercent(to, w) - xPercent(from, w))}%`;

/** The not-recorded backdrop, then the content. */
function TrackFrame({
  time,
  height,
  viewBox,
  children,
}: {
  time: TrackTime;
  height: number;
  viewBox?: string;
  children: ReactNode;
}) {
  const { window: w, recordedFrom } = time;
  return (
    <svg
      className="tl-track"
      width="100%"
      height={height}
      viewBox={viewBox}
      preserveAspectRatio={viewBox ? 'none' : undefined}
      aria-hidden="true"
      focusable="false"
    >
      {recordedFrom > w.start && (
        <rect className="tl-unrecorded" x="0" y="0" width={pct(recordedFrom, w)} height="100%" />
      )}
      {children}
    </svg>
  );
}

/** Roughly how much of a track (%) one label character takes: labels that would collide are left out. */
const CHAR_PCT = 1.6;

function MarkerMark({ marker, w, labelled }: { marker: Marker; w: TimeWindow; labelled: boolean }) {
  const x = xPercent(marker.t, w);
  // Near the right edge the label goes to the left of its mark, so it is never cut off.
  const flip = x > 90;
  return (
    <g className={`tl-marker ${marker.kind}`}>
      <line x1={`${x}%`} x2={`${x}%`} y1={3} y2={ROW_H - 3} />
      {labelled && (
        <text x={`${x}%`} dx={flip ? -3 : 3} y={ROW_H / 2 + 4} textAnchor={flip ? 'end' : 'start'}>
          {marker.label}
        </text>
      )}
    </g>
  );
}

/** Which markers get a text label: left to right, each only where the previous label has ended. */
function labelFits(markers: readonly Marker[], w: TimeWindow): boolean[] {
  let free = -Infinity;
  return markers.map((m) => {
    const x = xPercent(m.t, w);
    if (x < free) return false;
    free = x + (m.label.length + 1) * CHAR_PCT;
    return true;
  });
}

export const CallerTrack = memo(function CallerTrack({ lane, time }: { lane: CallerLane; time: TrackTime }) {
  const w = time.window;
  // Only what falls inside the window: clamping would pile earlier marks up at the left edge.
  const spans = lane.spans.filter((s) => (s.to ?? time.now) >= w.start && s.from <= w.end);
  const markers = lane.markers.filter((m) => m.t >= w.start && m.t <= w.end);
  const labels = labelFits(markers, w);
  return (
    <TrackFrame time={time} height={ROW_H}>
      {spans.map((span) => {
        const tall = span.kind === 'blocked';
        const h = tall ? 12 : 8;
        return (
          <rect
            key={`${span.requestId}-${span.kind}-${span.from}`}
            className={`tl-span ${span.kind}`}
            x={pct(span.from, w)}
            width={widthPct(span.from, span.to ?? time.now, w)}
            y={(ROW_H - h) / 2}
            height={h}
            rx={2}
          />
        );
      })}
      {markers.map((marker, i) => (
        <MarkerMark
          key={`${marker.requestId}-${marker.kind}-${marker.t}`}
          marker={marker}
          w={w}
          labelled={labels[i]}
        />
      ))}
    </TrackFrame>
  );
});

export const EnvTrack = memo(function EnvTrack({ lane, time }: { lane: EnvLane; time: TrackTime }) {
  const { window: w, now } = time;
  // A busy span is coloured by how its order was invoked: the same barista serves both kinds.
  const blocks = useMemo(
    () =>
      quantise(
        lane.spans.map((s) => ({ ...s, kind: s.kind === 'busy' ? `busy-${s.callKind ?? 'other'}` : s.kind })),
        w.start,
        w.end,
        now,
        ENV_COLUMNS,
      ),
    [lane, w.start, w.end, now],
  );
  const { shutdownAt } = lane.env;
  return (
    <TrackFrame time={time} height={ROW_H}>
      {blocks.map((b) => (
        <rect
          key={`${b.kind}-${b.from}`}
          className={`tl-env ${b.kind}`}
          x={pct(b.from, w)}
          width={widthPct(b.from, b.to, w)}
          y={b.kind === 'idle' || b.kind === 'unknown' ? 9 : 5}
          height={b.kind === 'idle' || b.kind === 'unknown' ? 6 : 14}
        />
      ))}
      {shutdownAt !== undefined && shutdownAt >= w.start && shutdownAt <= w.end && (
        <g className="tl-marker shutdown">
          <line x1={pct(shutdownAt, w)} x2={pct(shutdownAt, w)} y1={3} y2={ROW_H - 3} />
          <text x={pct(shutdownAt, w)} dx={3} y={ROW_H / 2 + 4}>
            off
          </text>
        </g>
      )}
    </TrackFrame>
  );
});

export const QueueTrack = memo(function QueueTrack({
  queue,
  peak,
  time,
}: {
  queue: readonly QueueStep[];
  peak: number;
  time: TrackTime;
}) {
  const { window: w, now } = time;
  const paths = useMemo(() => {
    const frame = {
      window: w,
      until: now,
      vmax: Math.max(1, peak),
      width: 1000,
      height: QUEUE_H,
      columns: 500,
    };
    return {
      waiting: stepAreaPath(
        queue.map((s) => ({ t: s.t, v: s.queued + s.retrying })),
        frame,
      ),
      queued: stepAreaPath(
        queue.map((s) => ({ t: s.t, v: s.queued })),
        frame,
      ),
    };
  }, [queue, peak, w, now]);
  return (
    <TrackFrame time={time} height={QUEUE_H} viewBox={`0 0 1000 ${QUEUE_H}`}>
      <path className="tl-queue retrying" d={paths.waiting} />
      <path className="tl-queue queued" d={paths.queued} />
    </TrackFrame>
  );
});
