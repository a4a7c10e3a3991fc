import { memo, useId, useMemo, useState } from 'react';
import type { EnvironmentInfo } from '../../model';
import { useCafe, useNow } from '../../store/CafeContext';
import { usePanelModel } from '../usePanelModel';
import { FUNCTION_NAME } from '../../store/cafeStore';
import { handlerSource, type HandlerInput, type HandlerSource, type Language } from './handlerSource';
import {
  contextFields,
  deadlineOf,
  describeFocus,
  focusOf,
  formatMs,
  highlightedLines,
  invocationOfCaller,
  phaseProgress,
  remainingMillis,
  remainingTimeExpression,
} from './runningLine';
import { tokenize } from './syntax';
import './code.css';

const LANGUAGES: { id: Language; label: string }[] = [
  { id: 'python', label: 'Python' },
  { id: 'nodejs', label: 'Node.js' },
];

const CodeView = memo(function CodeView({
  source,
  running,
  label,
}: {
  source: HandlerSource;
  running: readonly number[];
  label: string;
}) {
  const lines = useMemo(() => source.lines.map((l) => tokenize(l.text, source.language)), [source]);
  const marked = new Set(running);
  return (
    <pre className="code-block" tabIndex={0} aria-label={label} data-testid="code-block">
      <code>
        {lines.map((tokens, i) => {
          const n = i + 1;
          const on = marked.has(n);
          return (
            <span key={n} className={`code-line${on ? ' running' : ''}`} data-line={n}>
              {on && <span className="visually-hidden">Running now: </span>}
              {tokens.length === 0
                ? ' '
                : tokens.map((t, j) =>
                    t.kind === 'plain' || t.kind === 'name' ? (
                      t.text
                    ) : (
                      <span key={j} className={`tok-${t.kind}`}>
                        {t.text}
                      </span>
                    ),
                  )}
            </span>
          );
        })}
      </code>
    </pre>
  );
});

/** Elapsed / total of the current Init or run: ticks with the clock. */
function PhaseClock({ env, what }: { env: EnvironmentInfo; what: string }) {
  const now = useNow();
  const p = phaseProgress(env, now);
  if (!p) return null;
  return (
    <span className="code-phase">
      {what} {formatMs(p.elapsedMs)} of {formatMs(p.totalMs)}
    </span>
  );
}

/** get_remaining_time_in_millis(): the deadline minus the virtual clock, ticking. */
function RemainingTime({ deadline }: { deadline: number }) {
  const now = useNow();
  return <>{remainingMillis(deadline, now)}</>;
}

/**
 * The function's code, generated from the handler behaviour the model runs, in Python or
 * Node.js. Follows the selected barista (or the selected customer's barista): module-level
 * code is highlighted during Init, the handler's work while it runs; the live context object
 * of the running request is shown beside it.
 */
export default function CodePanel() {
  const { sim, version: modelVersion } = usePanelModel();
  const selectedEnvironment = useCafe((s) => s.selectedEnvironment);
  const selectedCustomer = useCafe((s) => s.selectedCustomer);
  const [language, setLanguage] = useState<Language>('python');
  const baseId = useId();

  // Read from the model once per model change (the remaining time then ticks on its own).
  const model = useMemo(() => {
    const config = sim.getFunctionConfiguration(FUNCTION_NAME);
    const invocation =
      selectedCustomer !== undefined
        ? invocationOfCaller(sim.invocationRecords(), selectedCustomer)
        : undefined;
    const focus = focusOf({ selectedEnvironment, selectedCustomer }, sim.environments(), invocation);
    const requestId = focus.kind === 'running' || focus.kind === 'init' ? focus.requestId : undefined;
    const context = focus.kind === 'running' ? sim.context(focus.requestId) : undefined;
    const callerLabel = requestId !== undefined ? sim.invocation(requestId)?.callerLabel : undefined;
    return {
      modelVersion, // part of the result: the sim object itself is mutable
      handlerKey: JSON.stringify([config.Timeout, config.Handler]),
      config,
      focus,
      context,
      deadline: context ? deadlineOf(context, sim.now()) : undefined,
      callerLabel,
    };
  }, [sim, modelVersion, selectedEnvironment, selectedCustomer]);

  // The code changes only when the handler or the language does (config is a fresh copy per read).
  const { handlerKey, config } = model;
  const source = useMemo(() => {
    const [Timeout, Handler] = JSON.parse(handlerKey) as [HandlerInput['Timeout'], HandlerInput['Handler']];
    return handlerSource({ Timeout, Handler }, language);
  }, [handlerKey, language]);
  const running = useMemo(() => highlightedLines(source, model.focus), [source, model.focus]);
  const status = describeFocus(model.focus, source, model.callerLabel);
  const { focus, context, deadline } = model;

  return (
    <section className="code-panel" aria-labelledby={`${baseId}-title`} data-testid="code-panel">
      <h3 id={`${baseId}-title`} className="panel-title">
        Function code <span className="zone-meaning">= what every barista runs</span>
      </h3>
      <div className="code-toolbar">
        <div className="code-languages" role="group" aria-label="Language">
          {LANGUAGES.map((l) => (
            <button
              key={l.id}
              type="button"
              className="code-language"
              aria-pressed={language === l.id}
              onClick={() => setLanguage(l.id)}
            >
              {l.label}
            </button>
          ))}
        </div>
        <p className="code-meta">
          <code>{source.fileName}</code> · Handler <code>{source.handler}</code> · Runtime {source.runtime} ·
          Timeout {config.Timeout} s · Memory {config.MemorySize} MB
        </p>
      </div>
      <p className={`code-status focus-${focus.kind}`} data-testid="code-status">
        {status} {focus.kind === 'init' && <PhaseClock env={focus.env} what="Init:" />}
        {focus.kind === 'running' && <PhaseClock env={focus.env} what="Run:" />}
      </p>
      <CodeView
        source={source}
        running={running}
        label={`${source.fileName}, generated from the function's current handler behaviour`}
      />
      <section className="code-context" aria-labelledby={`${baseId}-context`}>
        <h4 id={`${baseId}-context`}>
          The <code>context</code> object
          {context && <span className="code-context-for"> of request {context.aws_request_id}</span>}
        </h4>
        {context && deadline !== undefined ? (
          <dl className="code-context-fields" data-testid="code-context">
            {contextFields(context, language).map((f) => (
              <div key={f.expression}>
                <dt>{f.expression}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
            <div className="remaining">
              <dt>{remainingTimeExpression(language)}</dt>
              <dd>
                <RemainingTime deadline={deadline} />
              </dd>
            </div>
          </dl>
        ) : (
          <p className="code-context-empty">
            {focus.kind === 'none'
              ? 'Select a barista or a customer in the café: while its handler runs, its context object appears here.'
              : focus.kind === 'init'
                ? 'Init has no context object: the handler, and its context, come after Init.'
                : 'A context object exists only while a handler runs.'}
          </p>
        )}
      </section>
      <p className="code-note">
        Generated from the function's configuration (what the café's model runs), not code the model executes.
        {language === 'nodejs' &&
          ' The logs in this café are in the Python runtime’s format, where a print() is the bare line; the Node.js runtime writes console.log as “<time> <request id> INFO Processing complete” (tab-separated) and reports an error’s name as its errorType.'}
      </p>
    </section>
  );
}
