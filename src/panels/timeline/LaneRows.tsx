import { memo, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { timeAt, xPercent, type TimeWindow } from './timeScale';
import { callerDetails, callerSummary, envDetails, envSummary, queueDetails } from './timelineDetails';
import type { CallerLane, EnvLane, TimelineData } from './timelineModel';
import { CallerTrack, EnvTrack, type TrackTime } from './Tracks';

/** The timeline's pieces around the drawings: lane rows (label button + track), overlay, legend, details. */

/** What the details aside describes: a lane (by id, so it stays fresh) and the time pointed at. */
export type Inspected = { kind: 'caller' | 'env'; id: string; at?: number } | { kind: 'queue'; at?: number };

export function pointerTime(event: PointerEvent<HTMLElement>, w: TimeWindow): number {
  const rect = event.currentTarget.getBoundingClientRect();
  return timeAt((event.clientX - rect.left) / rect.width, w);
}

/** ↑/↓ (and Home/End) move between a group's lanes: one Tab stop per group, not one per lane. */
export function onGroupKeyDown(event: KeyboardEvent<HTMLDivElement>) {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.tl-label')];
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (i < 0) return;
  const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: buttons.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  event.stopPropagation();
  buttons[Math.min(buttons.length - 1, Math.max(0, next))]?.focus();
}

function LaneRow({
  label,
  badge,
  name,
  selected,
  tabbable,
  onPick,
  onInspect,
  onLeave,
  window: w,
  children,
}: {
  label: string;
  badge?: 'sync' | 'async';
  name: string;
  selected: boolean;
  tabbable: boolean;
  onPick(): void;
  onInspect(at?: number): void;
  onLeave(): void;
  window: TimeWindow;
  children: ReactNode;
}) {
  return (
    <div className={`tl-row${selected ? ' selected' : ''}`}>
      <button
        type="button"
        className="tl-label"
        aria-pressed={selected}
        aria-label={name}
        tabIndex={tabbable ? 0 : -1}
        onClick={onPick}
        onFocus={() => onInspect()}
        onMouseEnter={() => onInspect()}
        onMouseLeave={onLeave}
      >
        <span className="tl-label-text">{label}</span>
        {badge && <span className={`tl-badge ${badge}`}>{badge}</span>}
      </button>
      <div
        className="tl-cell"
        onPointerMove={(e) => onInspect(pointerTime(e, w))}
        onPointerLeave={onLeave}
        onClick={onPick}
      >
        {children}
      </div>
    </div>
  );
}

/** What a lane row gets from the panel: stable callbacks, so unchanged rows skip re-rendering. */
export interface RowHandlers {
  time: TrackTime;
  selected: boolean;
  tabbable: boolean;
  onPick(id: string, selected: boolean): void;
  onInspect(inspected: Inspected | undefined): void;
}

export const CallerRow = memo(function CallerRow({
  lane,
  time,
  selected,
  tabbable,
  onPick,
  onInspect,
}: RowHandlers & { lane: CallerLane }) {
  return (
    <LaneRow
      label={lane.label}
      badge={lane.kind}
      name={callerSummary(lane, time.now)}
      selected={selected}
      tabbable={tabbable}
      onPick={() => onPick(lane.id, selected)}
      onInspect={(at) => onInspect({ kind: 'caller', id: lane.id, at })}
      onLeave={() => onInspect(undefined)}
      window={time.window}
    >
      <CallerTrack lane={lane} time={time} />
    </LaneRow>
  );
});

export const EnvRow = memo(function EnvRow({
  lane,
  time,
  selected,
  tabbable,
  onPick,
  onInspect,
}: RowHandlers & { lane: EnvLane }) {
  return (
    <LaneRow
      label={lane.env.id}
      name={envSummary(lane)}
      selected={selected}
      tabbable={tabbable}
      onPick={() => onPick(lane.env.id, selected)}
      onInspect={(at) => onInspect({ kind: 'env', id: lane.env.id, at })}
      onLeave={() => onInspect(undefined)}
      window={time.window}
    >
      <EnvTrack lane={lane} time={time} />
    </LaneRow>
  );
});

/** The playhead and the recorded future, drawn once over every lane (they move every frame). */
export function Overlay({
  w,
  playhead,
  now,
  sessionEnd,
}: {
  w: TimeWindow;
  playhead: number;
  now: number;
  sessionEnd: number;
}) {
  const from = xPercent(now, w);
  const to = xPercent(sessionEnd, w);
  return (
    <div className="tl-overlay" aria-hidden="true">
      {to > from && (
        <div className="tl-overlay-future" style={{ left: `${from}%`, width: `${to - from}%` }} />
      )}
      <div className="tl-overlay-playhead" style={{ left: `${xPercent(playhead, w)}%` }} />
    </div>
  );
}

/** Static: memoised so the per-frame playhead update skips it. */
export const Legend = memo(function Legend() {
  const items: [string, string][] = [
    ['blocked', 'sync caller blocked'],
    ['queued', 'async event waiting'],
    ['running', 'async event running'],
    ['retry-wait', 'waiting to retry'],
    ['throttled', 'poller throttled'],
    ['init', 'Init (cold start)'],
    ['busy-sync', 'busy: sync order'],
    ['busy-async', 'busy: async order'],
    ['idle', 'idle (frozen)'],
    ['future', 'recorded future'],
  ];
  return (
    <ul className="tl-legend" aria-label="Legend">
      {items.map(([cls, text]) => (
        <li key={cls}>
          <span className={`tl-swatch ${cls}`} aria-hidden="true" />
          {text}
        </li>
      ))}
      <li>
        <b>200</b>/<b>202</b>/<b>429</b> answers · <b>✕</b> failed · <b>↻</b> retry · <b>→</b> destination ·{' '}
        <b>off</b> shut down
      </li>
    </ul>
  );
});

export function Details({
  data,
  inspected,
  near,
}: {
  data: TimelineData;
  inspected: Inspected | undefined;
  near: number;
}) {
  let lines: string[] = ['Point at or focus a lane for its details; click it to select it in the café.'];
  if (inspected?.kind === 'caller') {
    const lane = data.callers.find((l) => l.id === inspected.id);
    if (lane) lines = callerDetails(lane, data.now, inspected.at, near);
  } else if (inspected?.kind === 'env') {
    const lane = data.envs.find((l) => l.env.id === inspected.id);
    if (lane) lines = envDetails(lane, data.now, inspected.at);
  } else if (inspected?.kind === 'queue') {
    lines = queueDetails(data.queue, data.queuePeak, inspected.at);
  }
  return (
    <aside className="tl-details" aria-label="Timeline details" data-testid="timeline-details">
      {lines.map((line, i) => (
        <p key={i} className={i === 0 ? 'tl-details-head' : undefined}>
          {line}
        </p>
      ))}
    </aside>
  );
}
