import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InvokeInput, InvokeOutput, InvokePromise, LambdaSimulation } from '../model';
import {
  Session,
  type CafeAction,
  type NarrationLine,
  type ScrollEntry,
  type TerminalResults,
} from './session';
import { CHECKPOINT_SPACING_MS, Checkpoints } from './checkpoints';
import { loadTerminal, preloadTerminal, terminalModule } from './terminalLoader';
import {
  DEFAULT_SETTINGS,
  refusalText,
  type ConfigOp,
  type ConfigRefusal,
  type KitchenSettings,
} from './kitchen';

export { DEFAULT_SETTINGS, FUNCTION_NAME, functionConfigFor } from './kitchen';
export type { ConfigOp, ConfigRefusal, FailureMode, FailureTarget, KitchenSettings } from './kitchen';
export type { CafeAction, NarrationLine, ScrollEntry } from './session';

/** Playback speeds offered by the UI; 1 means real Lambda time. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
/** A rush is a handful of orders at the same instant. */
export const RUSH_SIZE = 5;
/** Longest real-time gap one animation frame may advance (a hidden tab must not jump hours). */
const MAX_FRAME_MS = 250;

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
  /** Always false: a seek is done when `seek` returns (kept for views that still read it). */
  seeking: boolean;
  /**
   * True from a seek until the model next moves on: the café jumps to the moment, so its cards
   * are put in place instead of gliding there (measuring every card would cost the seek's frame).
   */
  jumped: boolean;
  /** The earliest moment rewind reaches; later than 0 once older history was dropped (bounded memory). */
  rewindStart: number;
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
  /** Moves the whole app back to the previous model event (done when it returns; the promise is for old callers). */
  stepBack(): Promise<void>;
  /** Moves the whole app to virtual time `t`: the nearest checkpoint, then the recorded actions up to `t`. Done when it returns. */
  seek(t: number): Promise<void>;
  tick(realMs: number): void;
  /** Checkpoints are taken as play passes; kept for old callers: resolves with how many exist. */
  prepareRewind(): Promise<number>;
  /** How many rewind checkpoints are kept now (for tests and benchmarks). */
  checkpointCount(): number;
  reset(seed?: number): void;
  changeSettings(change: Partial<KitchenSettings>): void;
  /** Applies a configuration change; returns AWS's message when refused (then nothing changes). */
  configure(op: ConfigOp): string | undefined;
  /** The same, returning the refusal as data: `{ field, type, message }` (a form shows it at `field`). */
  tryConfigure(op: ConfigOp): ConfigRefusal | undefined;
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
   * A call from a real AWS CLI or SDK (the server's bridge, src/bridge/): one more customer,
   * recorded as an action, so rewind and replay keep it. `answer` settles with Lambda's answer
   * when the model finishes the call, at the café's speed (also when the café was rewound and
   * plays past the call again); it rejects with the model's LambdaServiceError (429, 404…), or
   * with an error named OutsideCallLost when the call left the record (something new was done
   * before it in the past, or the café was reset).
   */
  invokeFromOutside(
    input: InvokeInput,
    caller: { id: string; label: string },
  ): { requestId?: string; answer: Promise<InvokeOutput> } | { refused: string };
  /**
   * Restarts the café as `scenario` (paused at time 0, automatic arrivals off); its later actions
   * play as time passes. Returns the refusal when something in it was refused (then the café is
   * left reset, without the scenario's future).
   */
  loadScenario(scenario: Scenario): string | undefined;
  /** This session as a share link carries it (src/embed/shareLink.ts), or why it cannot be shared. */
  sharedSession(): { session: SharedSessionData } | { refused: string };
  /**
   * Reopens a shared session: the café restarts from its seed and starting settings, its recorded
   * actions become the record, and it moves to `at`, paused. `problems` (what the link lost) are
   * shown as the notice. Done when the promise resolves (a terminal command waits for its module).
   */
  openShared(shared: SharedSessionData, problems?: string[]): Promise<void>;
}

/** What a share link holds (the codec in src/embed/shareLink.ts writes and reads it). */
export interface SharedSessionData {
  seed: number;
  /** Kitchen settings when the session started (later changes are among the actions). */
  settings: KitchenSettings;
  /** The virtual moment it opens at (paused). */
  at: number;
  /** The furthest moment recorded (the timeline's end), when later than `at`. */
  end?: number;
  speed: number;
  actions: CafeAction[];
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
  /** A share link's session to open (see `openShared`), with what the link lost. */
  shared?: { session: SharedSessionData; problems: string[] };
}

export type CafeStore = StoreApi<CafeState>;

/** Every café on a page owns one of these: its session and its UI state, no singletons. */
/** Whether `action` can be applied now: a terminal command needs the CLI's module (loaded on demand). */
function terminalReady(action: CafeAction): boolean {
  if (action.type !== 'terminal.command' || terminalModule()) return true;
  void loadTerminal();
  return false;
}

export function createCafeStore(options: CafeOptions = {}): CafeStore {
  preloadTerminal();
  const initialSeed = isValidSeed(options.seed) ? options.seed : 42;
  let start = {
    seed: initialSeed,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    accountConcurrency: options.accountConcurrency,
  };
  /** What terminal commands printed when the model answered them, for replays (see Session). */
  let results: TerminalResults = new WeakMap();
  let session = new Session(start, results);
  const checkpoints = new Checkpoints();
  checkpoints.add(session.checkpoint()!, 0);
  /** Recorded actions dropped from the front (older than the oldest checkpoint); indexes stay absolute. */
  let dropped = 0;

  const store = createStore<CafeState>()((set, get, api) => {
    /** The terminal as drawn; the same object while nothing in it changed (the panel re-renders less). */
    function terminalView(previous: TerminalView): TerminalView {
      const busy = session.follow
        ? 'follow'
        : session.running
          ? session.running.run.invocationType === 'RequestResponse'
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
        jumped: false,
        ...extra,
      }));
    }

    /** Makes `next` the live session; the old one is disposed. */
    function attach(next: Session) {
      if (next === session) return;
      session.dispose();
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
    function act(action: CafeAction): ConfigRefusal | undefined {
      const now = session.sim.now();
      // The live session has applied exactly a prefix of the actions; the rest is the future.
      const kept = get().actions.slice(0, session.applied - dropped);
      const refused = session.apply(action);
      if (refused) return refused;
      checkpoints.invalidate(now, dropped + kept.length);
      set({ actions: [...kept, action], sessionEnd: now });
      publish({ sessionEnd: now });
      return undefined;
    }

    /** Keeps a checkpoint of `s` if one is wanted at its moment (never while a terminal command waits). */
    function checkpoint(s: Session) {
      if (!checkpoints.wanted(s.sim.now())) return;
      const cp = s.checkpoint();
      if (!cp) return;
      checkpoints.add(cp, s.sim.now());
      forgetBeforeOldest(s);
    }

    /** Actions older than the oldest checkpoint can never be replayed again: they go. */
    function forgetBeforeOldest(s: Session) {
      const oldest = checkpoints.oldest();
      if (!oldest) return;
      const before = Math.min(oldest.applied, s.applied);
      if (before > dropped) {
        const actions = get().actions.slice(before - dropped);
        dropped = before;
        set({ actions });
      }
      if (oldest.t !== get().rewindStart) set({ rewindStart: oldest.t });
    }

    /**
     * Moves `s` to `target`: the recorded actions from `s.applied` up to `target` are applied at
     * their moments, and a checkpoint is kept as each spacing of model time is passed.
     */
    function replay(s: Session, target: number) {
      const { actions } = get();
      const pass = (t: number) => {
        for (let due = s.sim.now() + CHECKPOINT_SPACING_MS; due < t; due += CHECKPOINT_SPACING_MS) {
          s.sim.advanceTo(due);
          checkpoint(s);
        }
        s.sim.advanceTo(t);
      };
      for (let i = s.applied - dropped; i < actions.length && actions[i].t <= target; i++) {
        pass(actions[i].t);
        s.apply(actions[i]);
      }
      pass(target);
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
      for (let i = session.applied - dropped; i < actions.length && actions[i].t <= target; i++) {
        sim.advanceTo(actions[i].t);
        if (!terminalReady(actions[i])) {
          // A recorded command comes up before the terminal has loaded: the café waits at that
          // moment (a few ms of real time) and the next frame carries on.
          checkpoint(session);
          publish();
          return;
        }
        session.apply(actions[i]);
      }
      // Automatic arrivals only write new history: while replaying a recorded future they are in it.
      const replayingFuture = session.applied - dropped < get().actions.length;
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
      checkpoint(session);
      publish({ nextArrival: get().auto.on ? next : undefined });
    }

    /**
     * Moves the whole app to `t`, synchronously: the live session when it is at or before `t`
     * and no checkpoint is closer, else a session restored from the nearest checkpoint at or
     * before `t`; then the recorded actions up to `t`.
     */
    function seekTo(t: number): Promise<void> {
      // A replay runs recorded terminal commands synchronously: their module must be here first.
      if (!terminalModule() && get().actions.some((a) => a.type === 'terminal.command' && a.t <= t))
        return loadTerminal().then(() => seekTo(t));
      seekNow(t);
      return Promise.resolve();
    }

    function seekNow(t: number) {
      const started = performance.now();
      const target = Math.max(get().rewindStart, Math.min(t, get().sessionEnd));
      set({ playing: false });
      const cp = checkpoints.at(target);
      const liveNow = session.sim.now();
      if (!(liveNow <= target && (cp === undefined || liveNow >= cp.t)) && cp !== undefined)
        attach(new Session(start, results, cp));
      inFrame = true;
      try {
        replay(session, target);
      } finally {
        inFrame = false;
      }
      const interval = 60_000 / get().auto.perMinute;
      publish({ nextArrival: get().auto.on ? target + interval : undefined, jumped: true });
      // Seen in the browser's performance tools, and read by the browser seek benchmark.
      performance.measure?.('cafe.seek', { start: started, detail: { to: target } });
    }

    /** Calls from outside, numbered for their actions' keys. */
    let outsideSeq = 0;
    /**
     * Follows one outside call through whichever session is live until Lambda has answered it:
     * through the call's promise in the session that made it, or, in a session restored from a
     * checkpoint (promises are not copied), through the model's record of its response.
     */
    function outsideAnswer(key: string): Promise<InvokeOutput> {
      return new Promise((resolve, reject) => {
        let open = true;
        const followed = new Set<InvokePromise>();
        const end = (settle: () => void) => {
          if (!open) return;
          open = false;
          unsubscribe();
          settle();
        };
        const follow = (actionsChanged: boolean) => {
          const call = session.outsideCalls.get(key);
          if (call && !followed.has(call)) {
            followed.add(call);
            call.then(
              (output) => end(() => resolve(output)),
              (error: unknown) => end(() => reject(error)),
            );
          }
          const requestId = session.outsideRequests.get(key);
          const response = requestId !== undefined && !call ? session.sim.response(requestId) : undefined;
          if (response) end(() => resolve(response));
          if (
            actionsChanged &&
            !session.outsideRequests.has(key) &&
            !get().actions.some((a) => a.type === 'outside.invoked' && a.key === key)
          ) {
            const lost = new Error(
              'The café went back before this call and recorded something else: the call never happened.',
            );
            lost.name = 'OutsideCallLost';
            end(() => reject(lost));
          }
        };
        const unsubscribe = api.subscribe((state, previous) => {
          if (
            state.sim !== previous.sim ||
            state.version !== previous.version ||
            state.actions !== previous.actions
          )
            follow(state.actions !== previous.actions);
        });
        follow(true);
      });
    }

    return {
      seed: initialSeed,
      sim: session.sim,
      version: 0,
      now: 0,
      sessionEnd: 0,
      seeking: false,
      jumped: false,
      rewindStart: 0,
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
      stepBack() {
        const now = session.sim.now();
        if (now <= get().rewindStart) {
          set({
            playing: false,
            notice:
              get().rewindStart > 0
                ? 'Already at the earliest moment kept: older history was dropped to keep memory bounded.'
                : 'Already at the start: nothing earlier to go back to.',
          });
          return Promise.resolve();
        }
        // The latest model event or recorded action before now (without copying the trace).
        let target = Math.max(session.sim.lastEventBefore(now) ?? -Infinity, get().rewindStart);
        for (const a of get().actions) if (a.t < now && a.t > target) target = a.t;
        return seekTo(target);
      },
      seek: (t) => seekTo(t),
      checkpointCount: () => checkpoints.size,
      prepareRewind: () => Promise.resolve(checkpoints.size),
      tick(realMs) {
        const { playing, speed } = get();
        if (!playing || realMs <= 0) return;
        advanceTo(session.sim.now() + Math.min(realMs, MAX_FRAME_MS) * speed);
      },
      reset(seed) {
        const nextSeed = seed ?? get().seed;
        if (!isValidSeed(nextSeed)) {
          set({ notice: `Seed must be a whole number from 0 to 4294967295; kept seed ${get().seed}.` });
          return;
        }
        checkpoints.clear();
        start = { ...start, seed: nextSeed, settings: session.settings };
        results = new WeakMap();
        dropped = 0;
        attach(new Session(start, results));
        checkpoints.add(session.checkpoint()!, 0);
        set({
          seed: nextSeed,
          actions: [],
          sessionEnd: 0,
          rewindStart: 0,
          selectedCustomer: undefined,
          selectedEnvironment: undefined,
          notice: undefined,
        });
        publish({ sessionEnd: 0, nextArrival: get().auto.on ? 60_000 / get().auto.perMinute : undefined });
      },
      changeSettings(change) {
        const refused = act({ t: session.sim.now(), type: 'settings.changed', settings: change });
        set({ notice: refused && refusalText(refused) });
      },
      configure(op) {
        const refused = act({ t: session.sim.now(), type: 'config.changed', op });
        return refused && refusalText(refused);
      },
      tryConfigure: (op) => act({ t: session.sim.now(), type: 'config.changed', op }),
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
        if (!terminalModule()) {
          // The first command waits the few ms its module takes to arrive.
          void loadTerminal().then(() => get().runCommand(line));
          return;
        }
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
      invokeFromOutside(input, caller) {
        const key = `outside-${++outsideSeq}`;
        const refused = act({
          t: session.sim.now(),
          type: 'outside.invoked',
          key,
          input,
          callerId: caller.id,
          callerLabel: caller.label,
        });
        if (refused) return { refused: refused.message };
        return { requestId: session.outsideRequests.get(key), answer: outsideAnswer(key) };
      },
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
      sharedSession() {
        if (dropped > 0 || get().rewindStart > 0)
          return {
            refused:
              'This session is longer than the café keeps (its oldest part was dropped to bound memory), so a link cannot reopen it. Reset, then share a shorter one.',
          };
        const { seed, speed, actions, now, sessionEnd } = get();
        const shared: SharedSessionData = { seed, settings: { ...start.settings }, at: now, speed, actions };
        if (sessionEnd > now) shared.end = sessionEnd;
        return { session: shared };
      },
      openShared(shared, problems = []) {
        const lost = [...problems];
        get().pause();
        get().setAuto({ on: false });
        // As loadScenario: a reset keeps the café's settings, so set the link's first.
        get().changeSettings(shared.settings);
        get().reset(shared.seed);
        const taken = get().settings;
        if (
          (Object.keys(shared.settings) as (keyof KitchenSettings)[]).some(
            (k) => taken[k] !== shared.settings[k],
          )
        )
          lost.push('The café could not take the link’s starting settings; it starts with its own.');
        const actions = shared.actions.toSorted((a, b) => a.t - b.t);
        const end = Math.max(shared.at, shared.end ?? 0, actions.at(-1)?.t ?? 0);
        set({
          actions,
          sessionEnd: end,
          speed: SPEEDS.includes(shared.speed as (typeof SPEEDS)[number]) ? shared.speed : 1,
          notice: lost.length ? lost.join(' ') : undefined,
        });
        return seekTo(shared.at);
      },
    };
  });
  if (options.shared) void store.getState().openShared(options.shared.session, options.shared.problems);
  return store;
}
