import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useCafe } from '../../store/CafeContext';
import { FUNCTION_NAME } from '../../store/cafeStore';
import { createHistory, nextLine, previousLine, recordLine } from '../../terminal';
import { scrollToEndBeforePaint } from '../scrollToEnd';
import './terminal.css';

const PROMPT = '$ ';
export const EXAMPLE_COMMANDS = [
  `aws lambda invoke --function-name ${FUNCTION_NAME} --invocation-type Event --cli-binary-format raw-in-base64-out --payload file://event.json output.txt`,
  `aws lambda invoke --function-name ${FUNCTION_NAME} --cli-binary-format raw-in-base64-out --payload '{"order": "flat white"}' --log-type Tail --query LogResult --output text out.json | base64 -d`,
  `aws logs tail /aws/lambda/${FUNCTION_NAME} --follow`,
  `aws lambda get-function-configuration --function-name ${FUNCTION_NAME} --query '{Timeout: Timeout, Memory: MemorySize, State: State}' --output table`,
];

/**
 * The AWS CLI terminal. Commands run in the café's session (so step-back and replay include
 * them); this panel draws the scrollback and keeps the line being typed and its history.
 * It is itself a caller: a synchronous invoke holds the prompt until the
 * simulated run ends (its customer waits at the counter), an asynchronous one returns at once.
 * Everything shown is text (React escapes it): typed input can never become markup.
 */
export default function TerminalPanel() {
  const { entries, busy } = useCafe((s) => s.terminal);
  const runCommand = useCafe((s) => s.runCommand);
  const interruptCommand = useCafe((s) => s.interruptCommand);
  const clearTerminal = useCafe((s) => s.clearTerminal);
  const inputId = useId();
  const [line, setLine] = useState('');
  const [history, setHistory] = useState(() => createHistory());
  const inputRef = useRef<HTMLInputElement>(null);
  const outputRef = useRef<HTMLDivElement>(null);

  // Keep the newest output in view, unless the user scrolled up to read (then leave them be).
  const stickToBottom = useRef(true);
  useEffect(() => {
    const el = outputRef.current;
    if (el && (stickToBottom.current || entries.at(-1)?.kind === 'input')) return scrollToEndBeforePaint(el);
    return undefined;
  }, [entries]);
  const onScroll = () => {
    const el = outputRef.current;
    if (el) stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  // When a command finishes, the prompt comes back with the focus (never on first render).
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy) inputRef.current?.focus({ preventScroll: true });
    wasBusy.current = Boolean(busy);
  }, [busy]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const text = line;
    setLine('');
    setHistory((h) => recordLine(h, text));
    runCommand(text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowUp') {
      event.preventDefault();
      const step = previousLine(history, line);
      setHistory(step.history);
      setLine(step.line);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      const step = nextLine(history, line);
      setHistory(step.history);
      setLine(step.line);
    } else if (event.key === 'c' && event.ctrlKey && !window.getSelection()?.toString()) {
      // Ctrl-C abandons the line being typed (copy still works when text is selected).
      event.preventDefault();
      setLine('');
    } else if (event.key === 'l' && event.ctrlKey) {
      event.preventDefault();
      clearTerminal();
    }
  }

  return (
    <section className="terminal-panel" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`} className="panel-title">
        Terminal <span className="zone-meaning">= the AWS CLI, a caller like any customer</span>
      </h3>
      <div
        ref={outputRef}
        className="terminal-output"
        role="log"
        aria-live="polite"
        aria-label="Terminal output"
        tabIndex={0}
        onScroll={onScroll}
        data-testid="terminal-output"
      >
        {entries.map((entry) => (
          <pre key={entry.id} className={`term-${entry.kind}`}>
            {entry.text}
          </pre>
        ))}
      </div>
      <form
        className="terminal-input"
        onSubmit={submit}
        onKeyDown={(e) => {
          if (busy && e.key === 'c' && e.ctrlKey) {
            e.preventDefault();
            interruptCommand();
          }
        }}
      >
        {busy ? (
          <p className="terminal-waiting" role="status">
            {busy === 'follow'
              ? 'Following the log group… '
              : busy === 'sync'
                ? 'Waiting for the response: a synchronous invoke blocks this terminal until the function returns… '
                : 'Running… '}
            <button type="button" className="btn ghost" onClick={interruptCommand}>
              Ctrl-C
            </button>
          </p>
        ) : (
          <>
            <label htmlFor={`${inputId}-input`} className="terminal-prompt">
              <span aria-hidden="true">{PROMPT}</span>
              <span className="visually-hidden">Command</span>
            </label>
            <input
              ref={inputRef}
              id={`${inputId}-input`}
              className="terminal-line"
              value={line}
              onChange={(e) => setLine(e.target.value)}
              onKeyDown={onKeyDown}
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              data-testid="terminal-input"
            />
          </>
        )}
      </form>
      <details className="terminal-examples">
        <summary>Commands to try</summary>
        <ul>
          {EXAMPLE_COMMANDS.map((cmd) => (
            <li key={cmd}>
              <button
                type="button"
                className="link-button"
                disabled={busy !== undefined}
                onClick={() => setLine(cmd)}
              >
                {cmd}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
