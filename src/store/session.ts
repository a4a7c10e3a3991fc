import {
  createLambdaSimulation,
  type InvokeInput,
  type InvokePromise,
  type LambdaSimulation,
  type TraceEvent,
} from '../model';
import { createCli, MemoryFileSystem, withTimers, type Cli, type CliRun, type LogFollow } from '../terminal';
import { narrate } from '../cafe/narrate';
import {
  applyConfigOp,
  functionConfigFor,
  kitchenOps,
  FUNCTION_NAME,
  type ConfigOp,
  type KitchenSettings,
} from './kitchen';

/** What the user did, as data: a session is these actions replayed on the seed. */
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
export const PROMPT = '$ ';

export interface SessionStart {
  seed: number;
  settings: KitchenSettings;
  accountConcurrency?: number;
}

/**
 * Everything that follows from the seed and the actions: the simulation, the terminal and the
 * narration. Live play and replay (seek, step back) drive the same object through the same
 * methods, so a replayed moment shows exactly what was shown the first time.
 */
export class Session {
  readonly sim: LambdaSimulation;
  readonly cli: Cli;
  settings: KitchenSettings;
  customerCount = 0;
  narration: NarrationLine[] = [];
  terminal: ScrollEntry[] = [];
  running: CliRun | undefined;
  follow: LogFollow | undefined;
  /** Calls from outside the page, by action key: their answers go back to the real client (see cafeStore). */
  readonly outsideCalls = new Map<string, InvokePromise>();
  /** Bumped on every change a view may draw (model events, terminal output). */
  version = 0;
  /** How many of the recorded actions this session has applied (they are a stable prefix). */
  applied = 0;
  /** Replays moving this session now: it has an owner and must not be parked or taken meanwhile. */
  replaying = 0;
  private lineSeq = 0;
  private entrySeq = 0;
  private stopFollow: (() => void) | undefined;
  onChange: () => void = () => undefined;

  constructor(start: SessionStart) {
    this.settings = start.settings;
    // withTimers: the terminal's CLI waits on the virtual clock between retries of a throttled call.
    this.sim = withTimers(
      createLambdaSimulation({
        seed: start.seed,
        accountConcurrency: start.accountConcurrency,
        functions: [functionConfigFor(start.settings)],
      }),
    );
    this.cli = createCli({ sim: this.sim, fs: new MemoryFileSystem(), functionName: FUNCTION_NAME });
    this.print({
      kind: 'info',
      text: `Simulated AWS CLI v2 against this café. Type help, or try:\n  aws lambda invoke --function-name ${FUNCTION_NAME} --invocation-type Event --cli-binary-format raw-in-base64-out --payload file://event.json output.txt`,
    });
    this.sim.subscribe((events: readonly TraceEvent[]) => {
      const lines = events
        .map((event) => narrate(event, this.sim))
        .filter((text): text is string => Boolean(text));
      if (lines.length) {
        const t = this.sim.now();
        this.narration = [...this.narration, ...lines.map((text) => ({ id: ++this.lineSeq, t, text }))].slice(
          -NARRATION_KEEP,
        );
      }
      this.changed();
    });
  }

  private changed() {
    this.version++;
    this.onChange();
  }

  print(...add: Omit<ScrollEntry, 'id'>[]) {
    const next = [...this.terminal, ...add.map((entry) => ({ ...entry, id: ++this.entrySeq }))];
    this.terminal = next.length > SCROLLBACK_LIMIT ? next.slice(next.length - SCROLLBACK_LIMIT) : next;
    this.changed();
  }

  /** Applies one action at the current virtual time; counts it unless it was refused. */
  apply(action: CafeAction): string | undefined {
    const refused = this.applyOne(action);
    if (!refused) this.applied++;
    return refused;
  }

  private applyOne(action: CafeAction): string | undefined {
    switch (action.type) {
      case 'order.placed':
        this.placeOrder(action.kind, action.customer);
        return undefined;
      case 'settings.changed':
        return this.changeSettings(action.settings);
      case 'config.changed':
        return applyConfigOp(this.sim, action.op);
      case 'terminal.command':
        this.runCommand(action.line);
        return undefined;
      case 'terminal.interrupted':
        this.interrupt();
        return undefined;
      case 'terminal.cleared':
        this.terminal = [];
        this.changed();
        return undefined;
      case 'outside.invoked':
        // Not detached: the real client waits for Lambda's answer (the promise settles on the virtual clock).
        this.outsideCalls.set(
          action.key,
          this.sim.invoke(action.input, { callerId: action.callerId, callerLabel: action.callerLabel }),
        );
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

  private changeSettings(change: Partial<KitchenSettings>): string | undefined {
    const ops = kitchenOps(change, this.sim.getFunctionConfiguration(FUNCTION_NAME));
    for (const op of ops) {
      const refused = applyConfigOp(this.sim, op);
      if (refused) return refused;
    }
    this.settings = { ...this.settings, ...change };
    this.changed();
    return undefined;
  }

  private runCommand(line: string) {
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
      this.follow = run.follow;
      this.stopFollow = run.follow.subscribe((text) =>
        this.print({ kind: 'stdout', text: text.replace(/\n$/, '') }),
      );
      this.changed();
      return;
    }
    if (run.pending) {
      this.running = run;
      this.changed();
      void run.pending.then((later) => {
        if (this.running !== run) return; // interrupted: Ctrl-C already gave the prompt back
        this.running = undefined;
        this.print(...outputs(later.stdout, later.stderr));
      });
    }
  }

  private interrupt() {
    if (this.follow) {
      this.stopFollow?.();
      this.follow.stop();
      this.follow = undefined;
      this.print({ kind: 'info', text: '^C' });
    } else if (this.running) {
      const run = this.running;
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
    this.follow?.stop();
    this.onChange = () => undefined;
  }
}

function outputs(stdout: string, stderr: string): Omit<ScrollEntry, 'id'>[] {
  const out: Omit<ScrollEntry, 'id'>[] = [];
  if (stdout) out.push({ kind: 'stdout', text: stdout.replace(/\n$/, '') });
  if (stderr) out.push({ kind: 'stderr', text: stderr.replace(/\n$/, '') });
  return out;
}

/** Lets promise reactions (a sync invoke's answer reaching the terminal) run before going on. */
export function flushReactions(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Gives the event loop a turn; resolves with how many ms the next slice of work may take. */
export type Turn = () => Promise<number>;

export interface ReplayOptions {
  /** Background rebuilds work in slices between turns, so frames and input stay on time. */
  turn?: Turn;
  /** Checked at each turn: a background rebuild stops when it is no longer wanted. */
  cancelled?: () => boolean;
}

/**
 * Brings `session` forward to virtual time `t`, applying the recorded actions after its
 * current time and up to `t`. Terminal commands wait for earlier answers first, as the user
 * had to at the prompt. Returns undefined when cancelled. Where the slices end cannot change
 * the result: the model only moves between recorded action times.
 */
export async function replayOnto(
  session: Session,
  actions: readonly CafeAction[],
  t: number,
  options: ReplayOptions = {},
): Promise<Session | undefined> {
  session.replaying++;
  try {
    return await replayInSlices(session, actions, t, options);
  } finally {
    session.replaying--;
  }
}

async function replayInSlices(
  session: Session,
  actions: readonly CafeAction[],
  t: number,
  options: ReplayOptions,
): Promise<Session | undefined> {
  const { turn, cancelled } = options;
  let sliceEnd = Infinity;
  const nextSlice = async () => {
    const ms = await turn!();
    sliceEnd = performance.now() + ms;
    return !cancelled?.();
  };
  if (turn && !(await nextSlice())) return undefined;
  for (let i = session.applied; i < actions.length; i++) {
    const action = actions[i];
    if (action.t > t) break;
    session.sim.advanceTo(action.t);
    if (action.type.startsWith('terminal.') && session.running) await flushReactions();
    session.apply(action);
    if (turn && performance.now() >= sliceEnd && !(await nextSlice())) return undefined;
  }
  session.sim.advanceTo(t);
  if (session.running) await flushReactions();
  return session;
}

/** Rebuilds the session at virtual time `t` from the seed and the actions up to `t`. */
export function replay(
  start: SessionStart,
  actions: readonly CafeAction[],
  t: number,
  options: ReplayOptions = {},
): Promise<Session | undefined> {
  return replayOnto(new Session(start), actions, t, options);
}
