import {
  createLambdaSimulation,
  type InvokeOptions,
  type LambdaSimulation,
  type SimulationSnapshot,
  type TraceEvent,
} from '../model';
import { createCli, MemoryFileSystem, type Cli, type CliRun, type LogFollow } from '../terminal';
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
  | { t: number; type: 'terminal.cleared' };

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
  requestId: string | undefined;
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
  terminalCalls: number;
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
  readonly cli: Cli;
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
  /** Terminal invokes so far: their callers are numbered across checkpoints (`terminal-N`). */
  private terminalCalls = 0;
  private stopFollow: (() => void) | undefined;
  onChange: () => void = () => undefined;

  constructor(
    start: SessionStart,
    private readonly results: TerminalResults = new WeakMap(),
    checkpoint?: SessionCheckpoint,
  ) {
    this.settings = checkpoint?.settings ?? start.settings;
    this.sim = checkpoint
      ? createLambdaSimulation({ snapshot: checkpoint.model })
      : createLambdaSimulation({
          seed: start.seed,
          accountConcurrency: start.accountConcurrency,
          functions: [functionConfigFor(start.settings)],
        });
    this.fs = new MemoryFileSystem();
    this.cli = createCli({ sim: this.numberedCalls(this.sim), fs: this.fs, functionName: FUNCTION_NAME });
    if (checkpoint) {
      this.applied = checkpoint.applied;
      this.customerCount = checkpoint.customerCount;
      this.narration = checkpoint.narration;
      this.terminal = checkpoint.terminal;
      this.lineSeq = checkpoint.lineSeq;
      this.entrySeq = checkpoint.entrySeq;
      this.terminalCalls = checkpoint.terminalCalls;
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
      terminalCalls: this.terminalCalls,
      version: this.version,
      follow: this.follow?.line,
    };
  }

  /**
   * The simulation as the terminal sees it: its invokes are numbered by the session, so callers
   * keep their names (`terminal-3`) in a session restored from a checkpoint, whose CLI is new.
   */
  private numberedCalls(sim: LambdaSimulation): LambdaSimulation {
    const invoke: LambdaSimulation['invoke'] = (input, options?: InvokeOptions) => {
      const n = ++this.terminalCalls;
      const renumber = (text: string | undefined) => text?.replace(/\d+$/, String(n));
      return sim.invoke(input, {
        ...options,
        callerId: renumber(options?.callerId),
        callerLabel: renumber(options?.callerLabel),
      });
    };
    return new Proxy(sim, {
      get(target, property) {
        if (property === 'invoke') return invoke;
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
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
    const waiting = this.running?.requestId;
    if (waiting !== undefined && events.some((e) => answers(e, waiting))) this.resumeFromRecord();
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
    this.running = { run, action, requestId: run.requestId };
    this.changed();
    // Answered already (a refused call settles at once)?
    if (run.requestId !== undefined && answered(this.sim, run.requestId)) this.resumeFromRecord();
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
