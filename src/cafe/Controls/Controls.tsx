import { useId, useMemo, useState, type FormEvent } from 'react';
import { useCafe, useReadableNow } from '../../store/CafeContext';
import {
  FUNCTION_NAME,
  RUSH_SIZE,
  SPEEDS,
  isValidSeed,
  type FailureMode,
  type FailureTarget,
} from '../../store/cafeStore';
import { settingsFromConfig } from '../../store/kitchen';
import { formatClock } from '../format';
import { WallClock } from '../art';

/** Ordering, playback and the kitchen's few knobs. Every button has a key (see `?`). */
export function Controls() {
  const order = useCafe((s) => s.order);
  const playing = useCafe((s) => s.playing);
  const togglePlay = useCafe((s) => s.togglePlay);
  const step = useCafe((s) => s.step);
  const stepBack = useCafe((s) => s.stepBack);
  const seeking = useCafe((s) => s.seeking);
  const inPast = useCafe((s) => s.now < s.sessionEnd);
  const speed = useCafe((s) => s.speed);
  const setSpeed = useCafe((s) => s.setSpeed);
  const reset = useCafe((s) => s.reset);
  const toggleHelp = useCafe((s) => s.toggleHelp);
  const auto = useCafe((s) => s.auto);
  const setAuto = useCafe((s) => s.setAuto);
  const now = useReadableNow();

  return (
    <div className="controls" role="group" aria-label="Café controls">
      <div className="control-row main-row">
        <div className="control-group playback" role="group" aria-label="Playback">
          <span
            className="sim-clock"
            role="timer"
            aria-label={`Simulated time ${formatClock(now)} at ${speed}× speed`}
          >
            <WallClock ms={now} size={34} />
            <span aria-hidden="true">{formatClock(now)}</span>
            <span className="speed-tag" aria-hidden="true">
              {speed}×
            </span>
          </span>
          <button
            type="button"
            className="btn"
            onClick={togglePlay}
            aria-keyshortcuts="Space k"
            aria-pressed={!playing}
          >
            {playing ? 'Pause' : 'Play'}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => void stepBack()}
            aria-keyshortcuts="b ArrowLeft"
          >
            Step back
          </button>
          <button type="button" className="btn" onClick={step} aria-keyshortcuts="n ArrowRight">
            Step
          </button>
          <label className="inline-field">
            Speed
            <select
              aria-label="Speed"
              value={speed}
              onChange={(e) => setSpeed(Number(e.target.value))}
              aria-keyshortcuts="+ -"
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×{s === 1 ? ' (real time)' : ''}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="btn" onClick={() => reset()} aria-keyshortcuts="r">
            Reset
          </button>
          {(seeking || inPast) && (
            <span className="rewind-tag" role="status">
              {seeking ? 'Rewinding…' : 'In the past: playing re-does what was recorded; acting discards it'}
            </span>
          )}
        </div>
        <div className="control-group orders" role="group" aria-label="Orders">
          <button type="button" className="btn sync" onClick={() => order('sync')} aria-keyshortcuts="s">
            Order at the counter <span className="btn-sub">sync · RequestResponse</span>
          </button>
          <button type="button" className="btn async" onClick={() => order('async')} aria-keyshortcuts="a">
            Order for a table <span className="btn-sub">async · Event</span>
          </button>
          <button
            type="button"
            className="btn ghost"
            onClick={() => order('sync', RUSH_SIZE)}
            aria-keyshortcuts="Shift+S"
          >
            Rush ×{RUSH_SIZE} sync
          </button>
          <button
            type="button"
            className="btn ghost"
            onClick={() => order('async', RUSH_SIZE)}
            aria-keyshortcuts="Shift+A"
          >
            Rush ×{RUSH_SIZE} async
          </button>
        </div>
      </div>
      <div className="control-row kitchen">
        <KitchenSettingsRow />
        <label className="inline-field">
          <input
            type="checkbox"
            checked={auto.on}
            onChange={(e) => setAuto({ on: e.target.checked })}
            aria-keyshortcuts="t"
          />
          Arrivals every
          <select
            aria-label="Automatic arrival interval"
            value={auto.perMinute}
            onChange={(e) => setAuto({ perMinute: Number(e.target.value) })}
          >
            {[2, 6, 12, 30, 60, 120].map((rate) => (
              <option key={rate} value={rate}>
                {60 / rate} s
              </option>
            ))}
          </select>
        </label>
        <SeedField />
        <button
          type="button"
          className="btn ghost keys-btn"
          onClick={() => toggleHelp(true)}
          aria-keyshortcuts="?"
        >
          Keys ?
        </button>
      </div>
    </div>
  );
}

function SeedField() {
  const seed = useCafe((s) => s.seed);
  const reset = useCafe((s) => s.reset);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const id = useId();
  const value = draft ?? String(seed);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value.trim());
    if (value.trim() === '' || !isValidSeed(n)) {
      setError(`"${value}" is not a seed: use a whole number from 0 to 4294967295. Kept seed ${seed}.`);
      return;
    }
    setError(undefined);
    setDraft(undefined);
    reset(n);
  };
  return (
    <form className="inline-field seed" onSubmit={submit}>
      <label htmlFor={`${id}-seed`}>Seed</label>
      <input
        id={`${id}-seed`}
        inputMode="numeric"
        value={value}
        size={8}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="btn ghost">
        Apply
      </button>
      {error && (
        <span id={`${id}-error`} role="alert" className="field-error">
          {error}
        </span>
      )}
    </form>
  );
}

const BARISTA_CHOICES = [0, 1, 2, 3, 5, 10];

function KitchenSettingsRow() {
  const sim = useCafe((s) => s.sim);
  const version = useCafe((s) => s.version);
  const change = useCafe((s) => s.changeSettings);
  // What the function really has: the terminal or the configuration panel may have changed it.
  const settings = useMemo(
    () => ({ version, ...settingsFromConfig(sim.getFunctionConfiguration(FUNCTION_NAME)) }),
    [sim, version],
  );
  const baristaChoices =
    settings.baristas === null || BARISTA_CHOICES.includes(settings.baristas)
      ? BARISTA_CHOICES
      : [...BARISTA_CHOICES, settings.baristas].toSorted((a, b) => a - b);
  return (
    <div className="control-group" role="group" aria-label="Function settings">
      <label className="inline-field">
        Baristas allowed
        <select
          value={settings.baristas ?? 'account'}
          onChange={(e) => change({ baristas: e.target.value === 'account' ? null : Number(e.target.value) })}
        >
          {baristaChoices.map((n) => (
            <option key={n} value={n}>
              {n} (reserved concurrency)
            </option>
          ))}
          <option value="account">account limit</option>
        </select>
      </label>
      <label className="inline-field">
        Handler
        <select value={settings.failure} onChange={(e) => change({ failure: e.target.value as FailureMode })}>
          <option value="never">succeeds</option>
          <option value="always">always fails (throws)</option>
          <option value="timeout">hangs past the timeout</option>
          {settings.failure === 'custom' && (
            <option value="custom" disabled>
              custom (see the configuration)
            </option>
          )}
        </select>
      </label>
      <label className="inline-field">
        Failed async events go to
        <select
          value={settings.failureTarget}
          onChange={(e) => change({ failureTarget: e.target.value as FailureTarget })}
        >
          <option value="OnFailure">OnFailure destination (SQS)</option>
          <option value="DLQ">dead-letter queue (SQS)</option>
          <option value="none">nowhere (discarded)</option>
        </select>
      </label>
      <label className="inline-field">
        <input
          type="checkbox"
          checked={settings.onSuccess}
          onChange={(e) => change({ onSuccess: e.target.checked })}
        />
        OnSuccess destination
      </label>
    </div>
  );
}
