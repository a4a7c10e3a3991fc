import { useId, useMemo, useState, type FormEvent } from 'react';
import { useCafe } from '../../store/CafeContext';
import { FUNCTION_NAME, isValidSeed, type FailureMode, type FailureTarget } from '../../store/cafeStore';
import { settingsFromConfig } from '../../store/kitchen';
import { EmbedButton } from '../Embed/EmbedButton';

/** The kitchen's knobs, loaded when the kitchen is first opened (src/cafe/Kitchen/Kitchen.tsx). */
export default function KitchenPanel() {
  const auto = useCafe((s) => s.auto);
  const setAuto = useCafe((s) => s.setAuto);
  const reset = useCafe((s) => s.reset);
  return (
    <div className="kitchen-panel" role="group" aria-label="Kitchen settings">
      <KitchenSettings />
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
      <div className="kitchen-row">
        <SeedField />
        <button type="button" className="btn" onClick={() => reset()} aria-keyshortcuts="r">
          Reset
        </button>
      </div>
      {/* #12: this café, with these settings, in another page (the dialog loads on demand). */}
      <EmbedButton />
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

function KitchenSettings() {
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
    <div className="kitchen-fields" role="group" aria-label="Function settings">
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
