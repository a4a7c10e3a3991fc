import { memo } from 'react';
import { m } from 'framer-motion';
import { BaristaFigure, Cup } from '../art';
import { stationProgress, type StationView } from '../sceneModel';
import { useGlide, useNow, useReadableNow } from '../../store/CafeContext';
import { formatDuration } from '../format';

export function stationLine(s: StationView, now: number): string {
  switch (s.state) {
    case 'vacant':
      return 'Free place — a new order here means a cold start';
    case 'initializing':
      return `Tying the apron: cold start (Init) for ${s.short ?? 'the next order'}`;
    case 'busy':
      return `Making ${s.short ?? '?'}'s drink (${s.kind}) · ${formatDuration(stationProgress(s, now)?.remainingMs ?? 0)} left`;
    case 'idle':
      return `Resting: frozen, warm for the next order · served ${s.invocationCount}`;
    case 'shutdown':
      return 'Gone home (shut down)';
  }
}

/** The ticking part of a station: its line and progress bar follow the clock on their own. */
function LiveProgress({ station }: { station: StationView }) {
  return (
    <>
      <LiveStationText station={station} />
      {(station.state === 'busy' || station.state === 'initializing') && <ProgressBar station={station} />}
    </>
  );
}

/** The station's sentence, re-rendered a few times a second (it is read, not watched). */
function LiveStationText({ station }: { station: StationView }) {
  return <span className="station-text">{stationLine(station, useReadableNow())}</span>;
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

/** One execution environment: one drink at a time, its own log stream. */
export const BaristaStation = memo(
  function BaristaStation({
    station,
    selected = false,
    onSelect,
  }: {
    station: StationView;
    selected?: boolean;
    onSelect?(envId: string | undefined): void;
  }) {
    const glide = useGlide();
    if (station.state === 'vacant') {
      return (
        <li className="station vacant" data-state="vacant">
          <div className="station-spot" aria-hidden="true" />
          <span className="station-text">{stationLine(station, 0)}</span>
        </li>
      );
    }
    return (
      <m.li
        layout={glide ? 'position' : false}
        className={`station state-${station.state}${selected ? ' selected' : ''}`}
        data-state={station.state}
        data-env={station.id}
        initial={{ opacity: 0, x: 24 }}
        animate={{ opacity: 1, x: 0 }}
        exit={{ opacity: 0, x: 24 }}
      >
        <div className="station-figure">
          <BaristaFigure state={station.state} seed={Number(station.id.replace(/\D/g, '')) || 0} size={84} />
          {station.state === 'busy' && <Cup state="brewing" size={36} />}
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
              Barista {station.id}
            </button>
            {station.provisioned && <span className="badge badge-provisioned">provisioned</span>}
          </span>
          <LiveProgress station={station} />
          {station.logStreamName && (
            <code className="stream-name" title="CloudWatch log stream (context.log_stream_name)">
              {station.logStreamName}
            </code>
          )}
        </div>
      </m.li>
    );
  },
  // The shell changes only with the environment's state or its order; progress ticks inside.
  (a, b) =>
    a.station.id === b.station.id &&
    a.station.state === b.station.state &&
    a.station.requestId === b.station.requestId &&
    a.station.busyUntil === b.station.busyUntil &&
    a.station.invocationCount === b.station.invocationCount &&
    a.selected === b.selected &&
    a.onSelect === b.onSelect,
);
