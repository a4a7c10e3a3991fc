import { memo } from 'react';
import { m } from 'framer-motion';
import { BaristaFigure, Cup } from '../art';
import type { StationView } from '../sceneModel';
import { formatDuration } from '../format';

export function stationLine(s: StationView): string {
  switch (s.state) {
    case 'vacant':
      return 'Free place — a new order here means a cold start';
    case 'initializing':
      return `Tying the apron: cold start (Init) for #${s.customer ?? '?'}`;
    case 'busy':
      return `Making #${s.customer}'s drink (${s.kind}) · ${formatDuration(s.remainingMs ?? 0)} left`;
    case 'idle':
      return `Resting: frozen, warm for the next order · served ${s.invocationCount}`;
    case 'shutdown':
      return 'Gone home (shut down)';
  }
}

/** One execution environment: one drink at a time, its own log stream. */
export const BaristaStation = memo(function BaristaStation({ station }: { station: StationView }) {
  if (station.state === 'vacant') {
    return (
      <li className="station vacant" data-state="vacant">
        <div className="station-spot" aria-hidden="true" />
        <span className="station-text">{stationLine(station)}</span>
      </li>
    );
  }
  const pct = Math.round((station.progress ?? 0) * 100);
  return (
    <m.li
      layout="position"
      className={`station state-${station.state}`}
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
          Barista {station.id}
          {station.provisioned && <span className="badge badge-provisioned">provisioned</span>}
        </span>
        <span className="station-text">{stationLine(station)}</span>
        {(station.state === 'busy' || station.state === 'initializing') && (
          <div
            className="progress"
            role="progressbar"
            aria-label={`${station.id} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
          >
            <div className="progress-fill" style={{ width: `${pct}%` }} />
          </div>
        )}
        {station.logStreamName && (
          <code className="stream-name" title="CloudWatch log stream (context.log_stream_name)">
            {station.logStreamName}
          </code>
        )}
      </div>
    </m.li>
  );
});
