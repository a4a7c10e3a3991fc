import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useCafe } from '../../store/CafeContext';
import { FUNCTION_NAME } from '../../store/cafeStore';
import {
  createCli,
  createHistory,
  MemoryFileSystem,
  nextLine,
  previousLine,
  recordLine,
} from '../../terminal';
import type { CliRun, LogFollow } from '../../terminal';
import { appendEntries, type ScrollEntry } from './scrollback';
import './terminal.css';

const PROMPT = '$ ';
export const EXAMPLE_COMMANDS = [
  `aws lambda invoke --function-name ${FUNCTION_NAME} --invocation-type Event --cli-binary-format raw-in-base64-out --payload file://event.json output.txt`,
  `aws lambda invoke --function-name ${FUNCTION_NAME} --cli-binary-format raw-in-base64-out --payload '{"order": "flat white"}' --log-type Tail --query LogResult --output text out.json | base64 -d`,
  `aws logs tail /aws/lambda/${FUNCTION_NAME} --follow`,
];

/**
 * The AWS CLI terminal. It is itself a caller: a synchronous invoke holds the prompt until the
 * simulated run ends (its customer waits at the counter), an asynchronous one returns at once.
 * Everything shown is text (React escapes it): typed input can never become markup.
 */
export default function TerminalPanel() {
  const sim = useCafe((s) => s.sim);
  const noteCommand = useCafe((s) => s.noteTerminalCommand);
  const inputId = useId();
  // The files outlive a café reset (they are the student's), the CLI is per simulation.
  const [fs] = useState(() => new MemoryFileSystem());
  const cli = useMemo(() => createCli({ sim, fs, functionName: FUNCTION_NAME }), [sim, fs]);
  const [entries, setEntries] = useState<ScrollEntry[]>(() => [
    {
      id: 0,
      kind: 'info',
      text: `Simulated AWS CLI v2 against this café. Type help, or try:\n  ${EXAMPLE_COMMANDS[0]}`,
    },
  ]);
  const [line, setLine] = useState('');
  const [history, setHistory] = useState(() => createHistory());
  const [running, setRunning] = useState<CliRun | undefined>(undefined);
  const [follow, setFollow] = useState<LogFollow | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);
  const outputRef = useRef<HTMLDivElement>(null);
  const firstSim = useRef(sim);

  const print = (...add: Omit<ScrollEntry, 'id'>[]) => setEntries((old) => appendEntries(old, add));

  useEffect(() => {
    if (sim === firstSim.current) return;
    firstSim.current = sim;
    print({ kind: 'info', text: '— The café was reset: a new simulation. Your files are kept. —' });
    setRunning(undefined);
  }, [sim]);

  useEffect(() => {
    if (!follow) return;
    const unsubscribe = follow.subscribe((text) => print({ kind: 'stdout', text }));
    return () => {
      unsubscribe();
      follow.stop();
    };
  }, [follow]);

  // Keep the newest output in view, unless the user scrolled up to read (then leave them be).
  const stickToBottom = useRef(true);
  useEffect(() => {
    const el = outputRef.current;
    if (el && (stickToBottom.current || entries.at(-1)?.kind === 'input')) el.scrollTop = el.scrollHeight;
  }, [entries]);
  const onScroll = () => {
    const el = outputRef.current;
    if (el) stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  const busy = running !== undefined || follow !== undefined;
  // When a command finishes, the prompt comes back with the focus (never on first render).
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy) inputRef.current?.focus({ preventScroll: true });
    wasBusy.current = busy;
  }, [busy]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const text = line;
    setLine('');
    setHistory((h) => recordLine(h, text));
    print({ kind: 'input', text: PROMPT + text });
    if (text.trim() === '') return;
    noteCommand(text);
    const run = cli.run(text);
    if (run.clear) {
      setEntries([]);
      return;
    }
    print(...outputs(run.stdout, run.stderr));
    if (run.follow) {
      print({ kind: 'info', text: 'Following new log lines… (Ctrl-C to stop)' });
      setFollow(run.follow);
      return;
    }
    if (run.pending) {
      setRunning(run);
      void run.pending.then((later) => {
        print(...outputs(later.stdout, later.stderr));
        setRunning((current) => (current === run ? undefined : current));
      });
    }
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
      // Ctrl-C interrupts (copy still works when text is selected).
      event.preventDefault();
      interrupt();
    } else if (event.key === 'l' && event.ctrlKey) {
      event.preventDefault();
      setEntries([]);
    }
  }

  function interrupt() {
    if (follow) {
      setFollow(undefined);
      print({ kind: 'info', text: '^C' });
    } else if (running) {
      running.interrupt?.();
      print({ kind: 'info', text: '^C (the invocation carries on in Lambda; only the CLI stopped waiting)' });
    } else {
      print({ kind: 'input', text: PROMPT + line + '^C' });
      setLine('');
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
      <form className="terminal-input" onSubmit={submit}>
        {busy ? (
          <p className="terminal-waiting" role="status">
            {follow
              ? 'Following the log group… '
              : running?.invocationType === 'RequestResponse'
                ? 'Waiting for the response: a synchronous invoke blocks this terminal until the function returns… '
                : 'Running… '}
            <button type="button" className="btn ghost" onClick={interrupt}>
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
              <button type="button" className="link-button" disabled={busy} onClick={() => setLine(cmd)}>
                {cmd}
              </button>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function outputs(stdout: string, stderr: string): Omit<ScrollEntry, 'id'>[] {
  const out: Omit<ScrollEntry, 'id'>[] = [];
  if (stdout) out.push({ kind: 'stdout', text: stdout.replace(/\n$/, '') });
  if (stderr) out.push({ kind: 'stderr', text: stderr.replace(/\n$/, '') });
  return out;
}
