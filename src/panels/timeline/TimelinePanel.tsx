import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatClock, formatCount } from '../../cafe/format';
import { useCafe } from '../../store/CafeContext';
import { usePanelCafe } from '../Visibility';
import { Axis } from './Axis';
import {
  CallerRow,
  Details,
  EnvRow,
  Legend,
  onGroupKeyDown,
  Overlay,
  pointerTime,
  type Inspected,
} from './LaneRows';
import { formatAxisTime, timeWindow, type Zoom } from './timeScale';
import { MAX_CALLER_LANES } from './timelineModel';
import { QueueTrack, type TrackTime } from './Tracks';
import { useTimeline } from './useTimeline';
import './timeline.css';

const ZOOMS: { value: Zoom; label: string }[] = [
  { value: 'all', label: 'Whole session' },
  { value: '5m', label: 'Last 5 minutes' },
  { value: '1m', label: 'Last minute' },
];

/**
 * The sequence view: callers, execution environments and the event queue over virtual time,
 * with a playhead that scrubs the whole app. Lanes are derived when the model changes, at most
 * ten times a second (useTimeline); the playhead is one overlay that follows every frame.
 */
export default function TimelinePanel() {
  const data = useTimeline();
  // Frozen while scrolled out of view: the playhead follows every frame only where it is seen.
  const now = usePanelCafe((s) => s.now);
  const sessionEnd = usePanelCafe((s) => s.sessionEnd);
  const rewindStart = useCafe((s) => s.rewindStart);
  const seek = useCafe((s) => s.seek);
  const select = useCafe((s) => s.select);
  const selectEnvironment = useCafe((s) => s.selectEnvironment);
  const selectedCustomer = useCafe((s) => s.selectedCustomer);
  const selectedEnvironment = useCafe((s) => s.selectedEnvironment);
  const id = useId();
  const [zoom, setZoom] = useState<Zoom>('all');
  const [inspected, setInspected] = useState<Inspected | undefined>(undefined);

  // A seek is synchronous; a drag asks for one per animation frame at most (the latest position).
  const dragTo = useRef<number | undefined>(undefined);
  const frame = useRef<number | undefined>(undefined);
  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      frame.current = undefined;
    },
    [],
  );

  const playhead = now;
  // Value-stable: the window object changes only when its ends do, so memoised lanes stay put.
  const { start, end } = timeWindow(zoom, playhead, sessionEnd);
  const w = useMemo(() => ({ start, end }), [start, end]);
  const time = useMemo<TrackTime>(
    () => ({ window: w, now: data.now, recordedFrom: data.recordedFrom }),
    [w, data.now, data.recordedFrom],
  );
  const near = (w.end - w.start) / 100;
  const pickCaller = useCallback(
    (laneId: string, selected: boolean) => select(selected ? undefined : laneId),
    [select],
  );
  const pickEnv = useCallback(
    (envId: string, selected: boolean) => selectEnvironment(selected ? undefined : envId),
    [selectEnvironment],
  );

  function scrub(t: number, final: boolean) {
    if (final) {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      frame.current = undefined;
      void seek(t);
      return;
    }
    dragTo.current = t;
    frame.current ??= requestAnimationFrame(() => {
      frame.current = undefined;
      if (dragTo.current !== undefined) void seek(dragTo.current);
    });
  }
  const callerTab = Math.max(
    0,
    data.callers.findIndex((l) => l.id === selectedCustomer),
  );
  const envTab = Math.max(
    0,
    data.envs.findIndex((l) => l.env.id === selectedEnvironment),
  );

  return (
    <section
      className="timeline-panel"
      aria-labelledby={`${id}-title`}
      data-testid="timeline-panel"
      // The moment the lanes show (they follow a seek a frame after the playhead): for tests and benchmarks.
      data-drawn-at={data.now}
    >
      <div className="tl-head">
        <h3 id={`${id}-title`} className="panel-title">
          Timeline <span className="zone-meaning">= who waited, who was free, who worked</span>
        </h3>
        <label className="inline-field">
          Show
          <select value={zoom} onChange={(e) => setZoom(e.target.value as Zoom)}>
            {ZOOMS.map((z) => (
              <option key={z.value} value={z.value}>
                {z.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Legend />
      <div className="tl-body">
        <div className="tl-row tl-axis-row">
          <span id={`${id}-playhead`} className="tl-axis-label">
            Playhead {formatClock(playhead)}
            <span className="tl-axis-unit">virtual time, m:ss</span>
            <span className="visually-hidden"> (drag, or use the arrow keys, to replay any moment)</span>
          </span>
          <Axis
            window={w}
            playhead={playhead}
            now={data.now}
            sessionEnd={sessionEnd}
            labelledBy={`${id}-playhead`}
            onScrub={scrub}
          />
        </div>

        <div className="tl-group" role="group" aria-labelledby={`${id}-callers`} onKeyDown={onGroupKeyDown}>
          <h4 id={`${id}-callers`} className="tl-group-title">
            Callers{' '}
            <span className="tl-group-note">
              {data.hiddenCalls > 0
                ? `the latest ${data.callers.length}; ${formatCount(data.hiddenCalls)} earlier call${data.hiddenCalls === 1 ? ' is' : 's are'} not drawn`
                : `up to the latest ${MAX_CALLER_LANES}`}
            </span>
          </h4>
          {data.callers.length === 0 && <p className="tl-empty">No orders yet: place one in the café.</p>}
          {data.callers.map((lane, i) => (
            <CallerRow
              key={lane.id}
              lane={lane}
              time={time}
              selected={lane.id === selectedCustomer}
              tabbable={i === callerTab}
              onPick={pickCaller}
              onInspect={setInspected}
            />
          ))}
        </div>

        <div className="tl-group" role="group" aria-labelledby={`${id}-envs`} onKeyDown={onGroupKeyDown}>
          <h4 id={`${id}-envs`} className="tl-group-title">
            Execution environments <span className="zone-meaning">(baristas)</span>{' '}
            {data.hiddenEnvs > 0 && (
              <span className="tl-group-note">{formatCount(data.hiddenEnvs)} more not drawn</span>
            )}
          </h4>
          {data.envs.length === 0 && (
            <p className="tl-empty">None yet: the first order starts one (a cold start).</p>
          )}
          {data.envs.map((lane, i) => (
            <EnvRow
              key={lane.env.id}
              lane={lane}
              time={time}
              selected={lane.env.id === selectedEnvironment}
              tabbable={i === envTab}
              onPick={pickEnv}
              onInspect={setInspected}
            />
          ))}
        </div>

        <div className="tl-group">
          <h4 className="tl-group-title">Event queue</h4>
          <div className="tl-row">
            <span className="tl-label tl-label-static">Waiting events (peak {data.queuePeak})</span>
            <div
              className="tl-cell"
              onPointerMove={(e) => setInspected({ kind: 'queue', at: pointerTime(e, w) })}
              onPointerLeave={() => setInspected(undefined)}
            >
              <QueueTrack queue={data.queue} peak={data.queuePeak} time={time} />
            </div>
          </div>
        </div>
        <Overlay w={w} playhead={playhead} now={now} sessionEnd={sessionEnd} />
      </div>
      <Details data={data} inspected={inspected} near={near} />
      {rewindStart > 0 && (
        <p className="tl-note" data-testid="rewind-reach">
          Rewind reaches back to {formatAxisTime(rewindStart)}: older history was dropped to keep memory
          bounded.
        </p>
      )}
      {data.truncated && (
        <p className="tl-note">
          The model keeps the latest 20,000 trace events: what happened before{' '}
          {formatAxisTime(data.recordedFrom)} is not recorded (hatched).
        </p>
      )}
    </section>
  );
}
