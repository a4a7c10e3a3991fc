import {
  createLambdaSimulation,
  type InvokeInput,
  type InvokePromise,
  type LambdaSimulation,
  type SimulationSnapshot,
  type TraceEvent,
} from '../model';
import type { Cli } from '../terminal/cli';
import { MemoryFileSystem } from '../terminal/fileSystem';
import { withTimers } from '../terminal/timedSimulation';
import type { CliRun, LogFollow } from '../terminal/types';
import { terminalModule } from './terminalLoader';
import { narrate } from '../cafe/narrate';
import {
  applyConfigOp,
  functionConfigFor,
  type ConfigRefusal,
  kitchenOps,
  FUNCTION_NAME,
  type ConfigOp,
  type KitchenSettings,
} from './kitchen';

/** What the user did, as data: a session is these actions applied on the seed. */
export type CafeAction =
  | { t: number; type: 'order.placed'; kind: 'sync' | 'async'; customer: number }
  | { t: number; type: 'settings.changed'; settings: Partial<KitchenSettings> }
  | { t: number; type: 'config.changed'; op: ConfigOp }
  | { t: number; type: 'terminal.command'; line: string }
  | { t: number; type: 'terminal.interrupted' }
  | { t: number; type: 'terminal.cleared' }
  /** A call from a real AWS CLI or SDK through the server's bridge (src/bridge): `key` names this one call. */
  | {
      t: number;
      type: 'outside.invoked';
      key: string;
      input: InvokeInput;
      callerId: string;
      callerLabel: string;
    };

export interface NarrationLine {
  id: number;
  t: number;
  text: string;
}

/** One block of terminal scrollback: what was typed, printed, or said by the panel itself. */
export interface ScrollEntry {
  id: number;
  kind: 'input' | 'stdout' | 'stderr' | 'info';
  text: string;
}

export const NARRATION_KEEP = 40;
/** Scrollback is bounded: a class can leave `aws logs tail --follow` running for hours. */
export const SCROLLBACK_LIMIT = 500;
/** …and so is its text: one entry may be a whole log file (`cat`), or a pasted 12 KB line. */
export const SCROLLBACK_CHARS = 200_000;
export const PROMPT = '$ ';

export interface SessionStart {
  seed: number;
  settings: KitchenSettings;
  accountConcurrency?: number;
}

/**
 * What a waiting terminal command printed and left in the files when the model answered it,
 * recorded the first time. Replaying the command (a seek, a step back) re-runs it against the
 * model and, when the model answers the same request again, prints this at that very moment:
 * the CLI's own answer comes through promise reactions, which a synchronous replay cannot wait for.
 */
export interface TerminalResult {
  entries: Omit<ScrollEntry, 'id'>[];
  files: [string, string][];
}

/** Recorded terminal results, by the command's action (cut actions take theirs with them). */
export type TerminalResults = WeakMap<CafeAction, TerminalResult>;

interface RunningCommand {
  /** The CLI's run; undefined for none (never in practice: checkpoints are not taken while one waits). */
  run: CliRun;
  action: CafeAction;
  /** The latest Invoke attempt's request: a throttled call is retried under new ids. */
  requestId: string | undefined;
  /** Whether the CLI will retry that attempt (then its answer does not end the command). */
  willRetry: boolean;
}

/** A session at one moment, as plain data (a rewind checkpoint). */
export interface SessionCheckpoint {
  t: number;
  /** How many of the recorded actions it had applied. */
  applied: number;
  model: SimulationSnapshot;
  settings: KitchenSettings;
  customerCount: number;
  narration: NarrationLine[];
  terminal: ScrollEntry[];
  files: [string, string][];
  lineSeq: number;
  entrySeq: number;
  /** The terminal's invokes so far and its exported variables. */
  cli: ReturnType<Cli['state']>;
  /** Outside calls recorded so far, by action key, with their request ids (answers are read from the model). */
  outsideRequests: [string, string][];
  version: number;
  /** The line of a running `aws logs tail --follow`. */
  follow: string | undefined;
}

function filesOf(fs: MemoryFileSystem): [string, string][] {
  return fs.list().map((path) => [path, fs.read(path) ?? '']);
}

function setFiles(fs: MemoryFileSystem, files: [string, string][]): void {
  for (const path of fs.list()) fs.remove(path);
  for (const [path, text] of files) fs.write(path, text);
}

/** Keeps the newest entries within SCROLLBACK_LIMIT entries and SCROLLBACK_CHARS characters. */
function bounded(entries: ScrollEntry[]): ScrollEntry[] {
  let from = Math.max(0, entries.length - SCROLLBACK_LIMIT);
  let chars = 0;
  // The newest entry always stays, however long.
  for (let i = entries.length - 1; i >= from; i--) {
    chars += entries[i].text.length;
    if (chars > SCROLLBACK_CHARS && i < entries.length - 1) {
      from = i + 1;
      break;
    }
  }
  return from === 0 ? entries : entries.slice(from);
}

/**
 * Everything that follows from the seed and the actions: the simulation, the terminal and the
 * narration. Live play and replay (seek, step back) drive the same object through the same
 * methods, so a replayed moment shows exactly what was shown the first time.
 */
export class Session {
  readonly sim: LambdaSimulation;
  /** The CLI, made when the first command runs (its module is loaded on demand: terminalLoader). */
  private cliInstance: Cli | undefined;
  /** Where a restored terminal carries on (see CliOptions.resume). */
  private cliResume: ReturnType<Cli['state']> | undefined;
  private readonly fs: MemoryFileSystem;
  settings: KitchenSettings;
  customerCount = 0;
  narration: NarrationLine[] = [];
  terminal: ScrollEntry[] = [];
  running: RunningCommand | undefined;
  follow: { follow: LogFollow; line: string } | undefined;
  /** Bumped on every change a view may draw (model events, terminal output). */
  version = 0;
  /** How many of the recorded actions this session has applied (they are a stable prefix). */
  applied = 0;
  private lineSeq = 0;
  private entrySeq = 0;
  /** Calls from outside the page, by action key: their answers go back to the real client (see cafeStore). */
  readonly outsideCalls = new Map<string, InvokePromise>();
  /** Their request ids, which survive a checkpoint (a restored session answers from the model's records). */
  readonly outsideRequests = new Map<string, string>();
  /** The attempt the waiting command made last, reported by the CLI (see RunningCommand). */
  private lastAttempt: { requestId: string | undefined; willRetry: boolean } | undefined;
  private stopFollow: (() => void) | undefined;
  onChange: () => void = () => undefined;

  constructor(
    start: SessionStart,
    private readonly results: TerminalResults = new WeakMap(),
    checkpoint?: SessionCheckpoint,
  ) {
    this.settings = checkpoint?.settings ?? start.settings;
    // withTimers: the terminal's CLI waits on the virtual clock between retries of a throttled
    // call. Its wake-ups are not in the model's snapshot: checkpoints are never taken while a
    // command waits, which is the only time one is pending.
    this.sim = withTimers(
      checkpoint
        ? createLambdaSimulation({ snapshot: checkpoint.model })
        : createLambdaSimulation({
            seed: start.seed,
            accountConcurrency: start.accountConcurrency,
            functions: [functionConfigFor(start.settings)],
          }),
    );
    this.fs = new MemoryFileSystem();
    this.cliResume = checkpoint?.cli;
    if (checkpoint) {
      this.applied = checkpoint.applied;
      this.customerCount = checkpoint.customerCount;
      this.narration = checkpoint.narration;
      this.terminal = checkpoint.terminal;
      this.lineSeq = checkpoint.lineSeq;
      this.entrySeq = checkpoint.entrySeq;
      for (const [key, id] of checkpoint.outsideRequests) this.outsideRequests.set(key, id);
      this.version = checkpoint.version;
      setFiles(this.fs, checkpoint.files);
    } else {
      this.print({
        kind: 'info',
        text: `Simulated AWS CLI v2 against this café. Type help, or try:\n  aws lambda invoke --function-name ${FUNCTION_NAME} --invocation-type Event --cli-binary-format raw-in-base64-out --payload file://event.json output.txt`,
      });
    }
    this.sim.subscribe((events: readonly TraceEvent[]) => this.onModelEvents(events));
    // A `--follow` under way at the checkpoint: the same command, run again, follows from here
    // (what it printed then is in the scrollback already).
    if (checkpoint?.follow !== undefined) {
      const run = this.cli.run(checkpoint.follow);
      if (run.follow) this.startFollow(run.follow, checkpoint.follow);
    }
  }

  /** The session at this moment, as data; undefined while a terminal command waits (it holds a promise). */
  checkpoint(): SessionCheckpoint | undefined {
    if (this.running) return undefined;
    return {
      t: this.sim.now(),
      applied: this.applied,
      model: this.sim.snapshot(),
      settings: this.settings,
      customerCount: this.customerCount,
      narration: this.narration,
      terminal: this.terminal,
      files: filesOf(this.fs),
      lineSeq: this.lineSeq,
      entrySeq: this.entrySeq,
      cli: this.cliInstance?.state() ?? this.cliResume ?? { calls: 0, env: [] },
      outsideRequests: [...this.outsideRequests],
      version: this.version,
      follow: this.follow?.line,
    };
  }

  /** The CLI; only called once its module has loaded (the store waits for it before any command). */
  get cli(): Cli {
    if (this.cliInstance) return this.cliInstance;
    const terminal = terminalModule();
    if (!terminal) throw new Error('model bug: a terminal command ran before the terminal loaded');
    this.cliInstance = terminal.createCli({
      sim: this.sim,
      fs: this.fs,
      functionName: FUNCTION_NAME,
      resume: this.cliResume,
      onAttempt: (attempt) => {
        this.lastAttempt = attempt;
        if (this.running) this.noteAttempt(this.running);
      },
    });
    return this.cliInstance;
  }

  private onModelEvents(events: readonly TraceEvent[]) {
    const lines = events
      .map((event) => narrate(event, this.sim))
      .filter((text): text is string => Boolean(text));
    if (lines.length) {
      const t = this.sim.now();
      this.narration = [...this.narration, ...lines.map((text) => ({ id: ++this.lineSeq, t, text }))].slice(
        -NARRATION_KEEP,
      );
    }
    const waiting = this.running;
    if (
      waiting?.requestId !== undefined &&
      !waiting.willRetry &&
      events.some((e) => answers(e, waiting.requestId!))
    )
      this.resumeFromRecord();
    this.changed();
  }

  private changed() {
    this.version++;
    this.onChange();
  }

  print(...add: Omit<ScrollEntry, 'id'>[]) {
    this.terminal = bounded([...this.terminal, ...add.map((entry) => ({ ...entry, id: ++this.entrySeq }))]);
    this.changed();
  }

  /** Applies one action at the current virtual time; counts it unless it was refused. */
  apply(action: CafeAction): ConfigRefusal | undefined {
    const refused = this.applyOne(action);
    if (!refused) this.applied++;
    return refused;
  }

  private applyOne(action: CafeAction): ConfigRefusal | undefined {
    switch (action.type) {
      case 'order.placed':
        this.placeOrder(action.kind, action.customer);
        return undefined;
      case 'settings.changed':
        return this.changeSettings(action.settings);
      case 'config.changed':
        return applyConfigOp(this.sim, action.op);
      case 'terminal.command':
        this.runCommand(action);
        return undefined;
      case 'terminal.interrupted':
        this.interrupt();
        return undefined;
      case 'terminal.cleared':
        this.terminal = [];
        this.changed();
        return undefined;
      case 'outside.invoked': {
        // Not detached: the real client waits for Lambda's answer (the promise settles on the virtual clock).
        const call = this.sim.invoke(action.input, {
          callerId: action.callerId,
          callerLabel: action.callerLabel,
        });
        this.outsideCalls.set(action.key, call);
        if (call.requestId !== undefined) this.outsideRequests.set(action.key, call.requestId);
        return undefined;
      }
    }
  }

  private placeOrder(kind: 'sync' | 'async', customer: number) {
    this.customerCount = Math.max(this.customerCount, customer);
    // The scene reads the model's records, so a customer needs no promise: a rejection (429,
    // 400…) is drawn from the record.
    this.sim.invoke(
      { FunctionName: FUNCTION_NAME, InvocationType: kind === 'sync' ? 'RequestResponse' : 'Event' },
      { callerId: `customer-${customer}`, callerLabel: `Customer ${customer}`, detached: true },
    );
  }

  private changeSettings(change: Partial<KitchenSettings>): ConfigRefusal | undefined {
    const ops = kitchenOps(change, this.sim.getFunctionConfiguration(FUNCTION_NAME));
    for (const op of ops) {
      const refused = applyConfigOp(this.sim, op);
      if (refused) return refused;
    }
    this.settings = { ...this.settings, ...change };
    this.changed();
    return undefined;
  }

  private runCommand(action: Extract<CafeAction, { type: 'terminal.command' }>) {
    const line = action.line;
    this.print({ kind: 'input', text: PROMPT + line });
    if (line.trim() === '') return;
    const run = this.cli.run(line);
    if (run.clear) {
      this.terminal = [];
      this.changed();
      return;
    }
    this.print(...outputs(run.stdout, run.stderr));
    if (run.follow) {
      this.print({ kind: 'info', text: 'Following new log lines… (Ctrl-C to stop)' });
      this.startFollow(run.follow, line);
      this.changed();
      return;
    }
    if (!run.pending) return;
    this.running = { run, action, requestId: run.requestId, willRetry: false };
    this.noteAttempt(this.running);
    this.changed();
    if (this.running?.run !== run) return;
    void run.pending.then((later) => {
      if (this.running?.run !== run) return; // interrupted, or resumed from the record
      this.running = undefined;
      const entries = outputs(later.stdout, later.stderr);
      this.results.set(action, { entries, files: filesOf(this.fs) });
      this.print(...entries);
    });
  }

  /**
   * The CLI made an attempt for the waiting command (its first, or a retry): follow that request.
   * Answered already, and not to be retried (a refusal settles at once)? Then the command ends.
   */
  private noteAttempt(running: RunningCommand) {
    const attempt = this.lastAttempt;
    this.lastAttempt = undefined;
    if (attempt) {
      running.requestId = attempt.requestId;
      running.willRetry = attempt.willRetry;
    }
    if (running.requestId !== undefined && !running.willRetry && answered(this.sim, running.requestId))
      this.resumeFromRecord();
  }

  /**
   * The model answered the waiting command: if this command was answered before (the session is
   * replaying it), print what it printed then, now. The first time, the CLI's promise does it.
   */
  private resumeFromRecord() {
    const running = this.running;
    if (!running) return;
    const result = this.results.get(running.action);
    if (!result) return;
    this.running = undefined;
    // Its late answer must change nothing: Ctrl-C semantics (no outfile, no redirect, no pipe).
    running.run.interrupt?.();
    setFiles(this.fs, result.files);
    this.print(...result.entries);
  }

  private startFollow(follow: LogFollow, line: string) {
    this.follow = { follow, line };
    this.stopFollow = follow.subscribe((text) =>
      this.print({ kind: 'stdout', text: text.replace(/\n$/, '') }),
    );
  }

  private interrupt() {
    if (this.follow) {
      this.stopFollow?.();
      this.follow.follow.stop();
      this.follow = undefined;
      this.print({ kind: 'info', text: '^C' });
    } else if (this.running) {
      const { run } = this.running;
      this.running = undefined;
      run.interrupt?.();
      this.print({
        kind: 'info',
        text: '^C (the invocation carries on in Lambda; only the CLI stopped waiting)',
      });
    }
  }

  dispose() {
    this.stopFollow?.();
    this.follow?.follow.stop();
    this.running?.run.interrupt?.();
    this.onChange = () => undefined;
  }
}

/** Whether a trace event is the model's answer to `requestId` (a sync response, or a refusal). */
function answers(e: TraceEvent, requestId: string): boolean {
  return (e.type === 'invoke.responded' || e.type === 'invoke.rejected') && e.requestId === requestId;
}

function answered(sim: LambdaSimulation, requestId: string): boolean {
  const record = sim.invocation(requestId);
  return record === undefined || record.state === 'rejected' || record.respondedAt !== undefined;
}

function outputs(stdout: string, stderr: string): Omit<ScrollEntry, 'id'>[] {
  const out: Omit<ScrollEntry, 'id'>[] = [];
  if (stdout) out.push({ kind: 'stdout', text: stdout.replace(/\n$/, '') });
  if (stderr) out.push({ kind: 'stderr', text: stderr.replace(/\n$/, '') });
  return out;
}
