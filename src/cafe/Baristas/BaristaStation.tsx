import { memo, type CSSProperties } from 'react';
import { m } from 'framer-motion';
import { BaristaFigure, Cup, Ticket } from '../art';
import { stationProgress, type StationView } from '../sceneModel';
import { useGlide, useNow } from '../../store/CafeContext';
import { formatDuration } from '../format';
import { useTicking } from '../useTicking';

export function stationLine(s: StationView, now: number): string {
  switch (s.state) {
    case 'vacant':
      return 'Free place: the next order here is a cold start';
    case 'initializing':
      return `Cold start: tying the apron (Init) for ${s.short ?? 'the next order'}`;
    case 'busy':
      return `Making ${s.short ?? '?'}'s coffee · ${formatDuration(stationProgress(s, now)?.remainingMs ?? 0)} left`;
    case 'idle':
      return `Resting: frozen, warm for the next order · served ${s.invocationCount}`;
    case 'shutdown':
      return 'Gone home (shut down)';
  }
}

/** A few words for where there is room for no more (presenter mode, phones). */
export function stationShort(s: StationView, now: number): string {
  switch (s.state) {
    case 'vacant':
      return 'free place';
    case 'initializing':
      return 'cold start';
    case 'busy':
      return `${formatDuration(stationProgress(s, now)?.remainingMs ?? 0)} left`;
    case 'idle':
      return 'resting (frozen)';
    case 'shutdown':
      return 'gone home';
  }
}

/** The station's words, re-rendered only when their text changes (a resting barista's never does). */
function LiveStationText({ station }: { station: StationView }) {
  const long = useTicking((now) => stationLine(station, now));
  const short = useTicking((now) => stationShort(station, now));
  return (
    <>
      <span className="station-text">{long}</span>
      <span className="station-short" aria-hidden="true">
        {short}
      </span>
    </>
  );
}

/** Moves every frame, but only as a transform: no layout, no text. */
function ProgressBar({ station }: { station: StationView }) {
  const pct = Math.round((stationProgress(station, useNow())?.progress ?? 0) * 100);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={`${station.id} progress`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
    >
      <div className="progress-fill" style={{ transform: `scaleX(${pct / 100})` }} />
    </div>
  );
}

/** One execution environment: one coffee at a time, its own log stream. */
export const BaristaStation = memo(
  function BaristaStation({
    station,
    index,
    selected = false,
    onSelect,
  }: {
    station: StationView;
    index: number;
    selected?: boolean;
    onSelect?(envId: string | undefined): void;
  }) {
    const glide = useGlide();
    const place = { '--i': index } as CSSProperties;
    if (station.state === 'vacant') {
      return (
        <li className="station vacant" data-state="vacant" style={place}>
          <div className="station-spot" aria-hidden="true" />
          <span className="station-text">{stationLine(station, 0)}</span>
          <span className="station-short" aria-hidden="true">
            {stationShort(station, 0)}
          </span>
        </li>
      );
    }
    const working = station.state === 'busy' || station.state === 'initializing';
    return (
      <m.li
        layout={glide ? 'position' : false}
        className={`station state-${station.state}${selected ? ' selected' : ''}`}
        style={place}
        data-state={station.state}
        data-env={station.id}
        // Fades only where cards glide (4× and below): above, a fade outlives what it shows, and
        // each fading card in an overlapping crowd costs a compositing layer.
        initial={glide ? { opacity: 0 } : false}
        animate={{ opacity: 1 }}
      >
        <div className="station-figure" aria-hidden="true">
          <BaristaFigure state={station.state} seed={Number(station.id.replace(/\D/g, '')) || 0} size={84} />
          {station.state === 'busy' && (
            <span className="station-cup">
              <Cup state="brewing" size={36} />
            </span>
          )}
          {working && station.short && (
            // The ticket the barista took off the rail (async), or the counter's order (sync).
            <span className={`station-ticket ${station.kind ?? ''}`}>
              <Ticket status="running" label={station.short} size={40} />
            </span>
          )}
        </div>
        <div className="station-body">
          <span className="station-name">
            <button
              type="button"
              className="link-button"
              aria-pressed={selected}
              title="Select this barista: its log stream and code panel follow"
              onClick={() => onSelect?.(selected ? undefined : station.id)}
            >
              <span className="visually-hidden">Barista </span>
              {station.id}
            </button>
            {station.provisioned && <span className="badge badge-provisioned">provisioned</span>}
          </span>
          <LiveStationText station={station} />
          {working && <ProgressBar station={station} />}
          {station.logStreamName && (
            <code className="stream-name" title="CloudWatch log stream (context.log_stream_name)">
              {station.logStreamName}
            </code>
          )}
        </div>
      </m.li>
    );
  },
  // The shell changes only with the environment's state, its order or its place; progress ticks inside.
  (a, b) =>
    a.station.id === b.station.id &&
    a.station.state === b.station.state &&
    a.station.requestId === b.station.requestId &&
    a.station.busyUntil === b.station.busyUntil &&
    a.station.invocationCount === b.station.invocationCount &&
    a.index === b.index &&
    a.selected === b.selected &&
    a.onSelect === b.onSelect,
);
