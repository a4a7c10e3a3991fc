import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LambdaSimulation } from '../model';
import { flushReactions, Session, type CafeAction, type NarrationLine, type ScrollEntry } from './session';
import { CheckpointPool, sessionAt } from './checkpoints';
import { DEFAULT_SETTINGS, type ConfigOp, type KitchenSettings } from './kitchen';

export { DEFAULT_SETTINGS, FUNCTION_NAME, functionConfigFor } from './kitchen';
export type { ConfigOp, FailureMode, FailureTarget, KitchenSettings } from './kitchen';
export type { CafeAction, NarrationLine, ScrollEntry } from './session';

/** Playback speeds offered by the UI; 1 means real Lambda time. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
/** A rush is a handful of orders at the same instant. */
export const RUSH_SIZE = 5;
/** Longest real-time gap one animation frame may advance (a hidden tab must not jump hours). */
const MAX_FRAME_MS = 250;
/** While playing, missing rewind checkpoints are looked for every this many ms of real play. */
const FILL_WHILE_PLAYING_EVERY_MS = 1_000;
/** A rebuild's slice while paused: long enough to finish soon, short enough for input to feel instant. */
const PAUSED_SLICE_MS = 12;

export type OrderKind = 'sync' | 'async';

/** The scene's regions, by what a lesson step can ask the student to watch. */
export type ZoneId = 'counter' | 'baristas' | 'rail' | 'tables' | 'pass' | 'contrast';

/**
 * Set while a guided lesson runs: the presenter's next/previous keys (PageDown / PageUp, → / ←)
 * then move between its steps (the slides) instead of stepping the model.
 */
export interface SlideController {
  next(): void;
  prev(): void;
}

export interface AutoArrivals {
  on: boolean;
  /** Orders per virtual minute. */
  perMinute: number;
}

/** What the terminal panel draws; the commands themselves run in the session (so replay has them). */
export interface TerminalView {
  entries: ScrollEntry[];
  /** A command is still running: a sync invoke waiting for its response, or a log follow. */
  busy: 'sync' | 'follow' | 'other' | undefined;
}

/**
 * A narrated run, fixed in advance (a lesson step's): the café restarts from `seed` with these
 * kitchen settings and configuration changes at time 0, and `actions` are its recorded future,
 * replayed as time passes exactly as a recorded session is. Same scenario ⇒ same run.
 */
export interface Scenario {
  seed: number;
  /** Kitchen settings at the start; anything left out takes DEFAULT_SETTINGS. */
  settings?: Partial<KitchenSettings>;
  /** Configuration changes applied at time 0, after the settings (e.g. Lambda's default Timeout). */
  configOps?: ConfigOp[];
  /** What happens later, in time order (orders, terminal commands…). */
  actions?: CafeAction[];
}

export interface CafeState {
  seed: number;
  sim: LambdaSimulation;
  /** Changes whenever the model or the terminal changed (per session; pair it with `sim`): views re-derive on it. */
  version: number;
  now: number;
  /** The furthest moment recorded: the timeline's end. Earlier than `now` never; later when stepped back. */
  sessionEnd: number;
  /** True while a seek rebuilds the past (replay from the seed). */
  seeking: boolean;
  playing: boolean;
  speed: number;
  settings: KitchenSettings;
  auto: AutoArrivals;
  nextArrival: number | undefined;
  customerCount: number;
  actions: CafeAction[];
  narration: NarrationLine[];
  terminal: TerminalView;
  /** The customer (caller id) selected in the scene, a log line or the timeline. */
  selectedCustomer: string | undefined;
  /** The barista (execution environment id) selected; selecting one clears the other. */
  selectedEnvironment: string | undefined;
  helpOpen: boolean;
  /** The last refused input, shown where the user looks (never thrown at them). */
  notice: string | undefined;
  /** The scene region a lesson step asks the student to watch (drawn highlighted). */
  highlight: ZoneId | undefined;
  /** A running lesson's steps, driven by the presenter keys; undefined outside lessons. */
  slides: SlideController | undefined;

  order(kind: OrderKind, count?: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  faster(): void;
  slower(): void;
  step(): void;
  /** Moves the whole app back to the previous model event (replay from the seed). */
  stepBack(): Promise<void>;
  /** Moves the whole app to virtual time `t` (replay from the seed and the actions up to `t`). */
  seek(t: number): Promise<void>;
  tick(realMs: number): void;
  /** Builds the rewind checkpoints now (they are otherwise built while paused); resolves with how many exist. */
  prepareRewind(): Promise<number>;
  /** How many rewind checkpoints are parked now (for tests and benchmarks). */
  checkpointCount(): number;
  reset(seed?: number): void;
  changeSettings(change: Partial<KitchenSettings>): void;
  /** Applies a configuration change; returns AWS's message when refused (then nothing changes). */
  configure(op: ConfigOp): string | undefined;
  setAuto(change: Partial<AutoArrivals>): void;
  select(customerId: string | undefined): void;
  selectEnvironment(envId: string | undefined): void;
  runCommand(line: string): void;
  interruptCommand(): void;
  clearTerminal(): void;
  toggleHelp(open?: boolean): void;
  dismissNotice(): void;
  setHighlight(zone: ZoneId | undefined): void;
  setSlides(slides: SlideController | undefined): void;
  /**
   * Restarts the café as `scenario` (paused at time 0, automatic arrivals off); its later actions
   * play as time passes. Returns the refusal when something in it was refused (then the café is
   * left reset, without the scenario's future).
   */
  loadScenario(scenario: Scenario): string | undefined;
}

export function isValidSeed(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

export interface CafeOptions {
  seed?: number;
  speed?: number;
  settings?: Partial<KitchenSettings>;
  accountConcurrency?: number;
  /** Start paused (tests, and instructors who want to talk first). */
  paused?: boolean;
  /** Messages about refused start-up options (e.g. a bad URL parameter), shown in the café. */
  problems?: string[];
}

export type CafeStore = StoreApi<CafeState>;

/** Every café on a page owns one of these: its session and its UI state, no singletons. */
export function createCafeStore(options: CafeOptions = {}): CafeStore {
  const initialSeed = isValidSeed(options.seed) ? options.seed : 42;
  let start = {
    seed: initialSeed,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    accountConcurrency: options.accountConcurrency,
  };
  let session = new Session(start);
  const checkpoints = new CheckpointPool();
  /** Seeks are numbered: only the newest one may install its result (a drag sends many). */
  let seekSeq = 0;

  return createStore<CafeState>()((set, get) => {
    /** The terminal as drawn; the same object while nothing in it changed (the panel re-renders less). */
    function terminalView(previous: TerminalView): TerminalView {
      const busy = session.follow
        ? 'follow'
        : session.running
          ? session.running.invocationType === 'RequestResponse'
            ? 'sync'
            : 'other'
          : undefined;
      return previous.entries === session.terminal && previous.busy === busy
        ? previous
        : { entries: session.terminal, busy };
    }

    /** Copies what views draw from the session into the store. */
    function publish(extra: Partial<CafeState> = {}) {
      const now = session.sim.now();
      set((s) => ({
        sim: session.sim,
        // Only model events and terminal output move the version: a frame that merely moves the
        // clock must not make views re-derive (see Scene).
        version: session.version,
        now,
        sessionEnd: Math.max(s.sessionEnd, now),
        settings: session.settings,
        customerCount: session.customerCount,
        narration: session.narration,
        terminal: terminalView(s.terminal),
        ...extra,
      }));
    }

    /** Makes `next` the live session; the old one is disposed, or parked when a seek may come back to it. */
    function attach(next: Session, keepOld = false) {
      if (next === session) return;
      if (!(keepOld && checkpoints.keepSpare(session)) && session.replaying === 0) session.dispose();
      session = next;
      session.onChange = onSessionChange;
    }
    /** While a frame advances the model, its many changes are published once, at the end. */
    let inFrame = false;
    function onSessionChange() {
      if (!inFrame) publish();
    }
    session.onChange = onSessionChange;

    /** A new action at `now`; acting in the past discards the recorded future (like an undo). */
    function act(action: CafeAction): string | undefined {
      // A seek that waits on the terminal spans a few ms of browser turns: an action then would
      // land on the session being replaced.
      if (get().seeking) {
        const busy = 'The café is moving to another moment; try again in a moment.';
        set({ notice: busy });
        return busy;
      }
      const now = session.sim.now();
      // The live session has applied exactly a prefix of the actions; the rest is the future.
      const kept = get().actions.slice(0, session.applied);
      const refused = session.apply(action);
      if (refused) return refused;
      checkpoints.invalidateFrom(now);
      set({ actions: [...kept, action], sessionEnd: now });
      publish({ sessionEnd: now });
      return undefined;
    }

    /** Advances the model to `target`, applying recorded future actions and automatic arrivals. */
    function advanceTo(target: number) {
      inFrame = true;
      try {
        advanceModel(target);
      } finally {
        inFrame = false;
      }
    }

    function advanceModel(target: number) {
      const { sim } = session;
      const { actions } = get();
      for (let i = session.applied; i < actions.length && actions[i].t <= target; i++) {
        sim.advanceTo(actions[i].t);
        session.apply(actions[i]);
      }
      // Automatic arrivals only write new history: while replaying a recorded future they are in it.
      const replayingFuture = session.applied < get().actions.length;
      let next = get().nextArrival;
      while (get().auto.on && next !== undefined && next <= target) {
        if (replayingFuture) break;
        sim.advanceTo(next);
        const n = session.customerCount + 1;
        // Alternate sync and async so the contrast is always on screen.
        act({ t: next, type: 'order.placed', kind: n % 2 === 0 ? 'async' : 'sync', customer: n });
        next += 60_000 / get().auto.perMinute;
      }
      sim.advanceTo(target);
      publish({ nextArrival: get().auto.on ? next : undefined });
    }

    async function seekTo(t: number) {
      const seq = ++seekSeq;
      const started = performance.now();
      const from = { start, actions: get().actions };
      const target = Math.max(0, Math.min(t, get().sessionEnd));
      set({ seeking: true, playing: false });
      const { session: rebuilt, reusedLive } = await sessionAt(
        checkpoints,
        session,
        start,
        get().actions,
        target,
      );
      if (seq !== seekSeq) {
        // A newer seek (or a reset) superseded this one. Its result is still a good starting
        // point, if it was built from what is recorded now.
        const current = from.start === start && from.actions === get().actions;
        if (rebuilt !== session && !(current && !reusedLive && checkpoints.keepSpare(rebuilt)))
          rebuilt.dispose();
        return;
      }
      // The session left behind stays parked at its moment: seeking back there costs nothing.
      attach(rebuilt, !reusedLive);
      const interval = 60_000 / get().auto.perMinute;
      publish({ seeking: false, nextArrival: get().auto.on ? target + interval : undefined });
      // Seen in the browser's performance tools, and read by the browser seek benchmark.
      performance.measure?.('cafe.seek', { start: started, detail: { to: target } });
      fillCheckpoints();
    }

    const rewindSource = () => ({
      start,
      actions: get().actions,
      end: get().sessionEnd,
      position: () => session.sim.now(),
    });

    /** Rebuilds work in long slices while paused, and only in the idle time between frames while playing. */
    const rebuildTurn = () => (get().playing ? idleTurn() : flushReactions().then(() => PAUSED_SLICE_MS));

    /** Parks sessions at past moments so the next seeks replay little. */
    function fillCheckpoints() {
      void checkpoints.fill(rewindSource, rebuildTurn);
    }

    /** Real time played since missing checkpoints were last looked for (summed from ticks). */
    let playedSinceFill = 0;
    /** While playing, the grid's newest moments are built as play passes them, at any speed. */
    function fillWhilePlaying(realMs: number) {
      playedSinceFill += realMs;
      if (playedSinceFill < FILL_WHILE_PLAYING_EVERY_MS) return;
      playedSinceFill = 0;
      fillCheckpoints();
    }

    return {
      seed: initialSeed,
      sim: session.sim,
      version: 0,
      now: 0,
      sessionEnd: 0,
      seeking: false,
      playing: !options.paused,
      speed: SPEEDS.includes(options.speed as (typeof SPEEDS)[number]) ? options.speed! : 1,
      settings: session.settings,
      auto: { on: false, perMinute: 6 },
      nextArrival: undefined,
      customerCount: 0,
      actions: [],
      narration: [],
      terminal: { entries: session.terminal, busy: undefined },
      selectedCustomer: undefined,
      selectedEnvironment: undefined,
      helpOpen: false,
      notice: options.problems?.length ? options.problems.join(' ') : undefined,
      highlight: undefined,
      slides: undefined,

      order(kind, count = 1) {
        for (let i = 0; i < count; i++) {
          act({ t: session.sim.now(), type: 'order.placed', kind, customer: session.customerCount + 1 });
        }
      },
      play() {
        set({ playing: true });
      },
      pause() {
        set({ playing: false });
        fillCheckpoints();
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        if (!SPEEDS.includes(speed as (typeof SPEEDS)[number])) {
          set({ notice: `Speed ${speed}× is not offered; choose one of ${SPEEDS.join(', ')}.` });
          return;
        }
        set({ speed });
      },
      faster() {
        const i = SPEEDS.indexOf(get().speed as (typeof SPEEDS)[number]);
        get().setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, i + 1)]);
      },
      slower() {
        const i = SPEEDS.indexOf(get().speed as (typeof SPEEDS)[number]);
        get().setSpeed(SPEEDS[Math.max(0, i - 1)]);
      },
      step() {
        const { nextArrival, auto, actions } = get();
        const now = session.sim.now();
        const nextAction = actions.find((a) => a.t > now)?.t;
        const candidates = [
          session.sim.nextEventTime(),
          auto.on ? nextArrival : undefined,
          nextAction,
        ].filter((t): t is number => t !== undefined);
        set({ playing: false });
        if (candidates.length === 0) {
          set({ notice: 'Nothing is scheduled: the café is idle. Place an order first.' });
          return;
        }
        advanceTo(Math.min(...candidates));
      },
      async stepBack() {
        const now = session.sim.now();
        const earlier = [
          ...session.sim
            .trace()
            .map((e) => e.t)
            .filter((t) => t < now),
          ...get()
            .actions.map((a) => a.t)
            .filter((t) => t < now),
        ];
        if (now <= 0) {
          set({ playing: false, notice: 'Already at the start: nothing earlier to go back to.' });
          return;
        }
        await seekTo(earlier.length ? Math.max(...earlier) : 0);
      },
      seek: (t) => seekTo(t),
      checkpointCount: () => checkpoints.size,
      async prepareRewind() {
        await checkpoints.fill(rewindSource, rebuildTurn);
        return checkpoints.size;
      },
      tick(realMs) {
        const { playing, speed, seeking } = get();
        if (!playing || seeking || realMs <= 0) return;
        advanceTo(session.sim.now() + Math.min(realMs, MAX_FRAME_MS) * speed);
        fillWhilePlaying(realMs);
      },
      reset(seed) {
        const nextSeed = seed ?? get().seed;
        if (!isValidSeed(nextSeed)) {
          set({ notice: `Seed must be a whole number from 0 to 4294967295; kept seed ${get().seed}.` });
          return;
        }
        seekSeq++;
        checkpoints.clear();
        start = { ...start, seed: nextSeed, settings: session.settings };
        attach(new Session(start));
        set({
          seed: nextSeed,
          actions: [],
          sessionEnd: 0,
          seeking: false,
          selectedCustomer: undefined,
          selectedEnvironment: undefined,
          notice: undefined,
        });
        publish({ sessionEnd: 0, nextArrival: get().auto.on ? 60_000 / get().auto.perMinute : undefined });
      },
      changeSettings(change) {
        const refused = act({ t: session.sim.now(), type: 'settings.changed', settings: change });
        set({ notice: refused });
      },
      configure(op) {
        return act({ t: session.sim.now(), type: 'config.changed', op });
      },
      setAuto(change) {
        const auto = { ...get().auto, ...change };
        if (!(auto.perMinute > 0 && auto.perMinute <= 600)) {
          set({ notice: 'Arrival rate must be between 1 and 600 orders per minute.' });
          return;
        }
        const interval = 60_000 / auto.perMinute;
        set({ auto, nextArrival: auto.on ? get().now + interval : undefined, notice: undefined });
      },
      select: (customerId) => set({ selectedCustomer: customerId, selectedEnvironment: undefined }),
      selectEnvironment: (envId) => set({ selectedEnvironment: envId, selectedCustomer: undefined }),
      runCommand(line) {
        if (session.running || session.follow) return;
        act({ t: session.sim.now(), type: 'terminal.command', line });
      },
      interruptCommand() {
        if (session.running || session.follow) act({ t: session.sim.now(), type: 'terminal.interrupted' });
      },
      clearTerminal() {
        act({ t: session.sim.now(), type: 'terminal.cleared' });
      },
      toggleHelp: (open) => set((s) => ({ helpOpen: open ?? !s.helpOpen })),
      dismissNotice: () => set({ notice: undefined }),
      setHighlight: (zone) => set({ highlight: zone }),
      setSlides: (slides) => set({ slides }),
      loadScenario({ seed, settings = {}, configOps = [], actions = [] }) {
        if (!isValidSeed(seed)) return `Seed must be a whole number from 0 to 4294967295 (got ${seed}).`;
        const kitchen = { ...DEFAULT_SETTINGS, ...settings };
        // Not the user's reset: a message they have not dismissed yet (a bad URL parameter) stays.
        const { notice } = get();
        get().pause();
        get().setAuto({ on: false });
        // A reset keeps the café's settings: set the scenario's first, so that its session starts
        // from them and its trace does not depend on what the café did before.
        get().changeSettings(kitchen);
        get().reset(seed);
        const taken = get().settings;
        if ((Object.keys(kitchen) as (keyof KitchenSettings)[]).some((k) => taken[k] !== kitchen[k]))
          return get().notice ?? 'The café could not take the scenario’s settings.';
        for (const op of configOps) {
          const refused = get().configure(op);
          if (refused) return refused;
        }
        // The rest is the recorded future: it plays as time passes, as after a seek back.
        set({ actions: [...get().actions, ...actions.toSorted((a, b) => a.t - b.t)], notice });
        return undefined;
      },
    };
  });
}

/**
 * Waits for the browser's idle time between frames and resolves with how long the next slice
 * may run (a little less than the idle period, at most 8 ms). When frames leave no idle time,
 * a short slice still runs every 250 ms so the checkpoints keep up. Elsewhere (tests,
 * benchmarks) a macrotask turn with a 2 ms slice, about what a busy frame leaves.
 */
function idleTurn(): Promise<number> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback !== 'function') {
      setTimeout(() => resolve(2), 0);
      return;
    }
    requestIdleCallback(
      (deadline) => resolve(deadline.didTimeout ? 1 : Math.min(3, Math.max(1, deadline.timeRemaining() - 2))),
      { timeout: 500 },
    );
  });
}
