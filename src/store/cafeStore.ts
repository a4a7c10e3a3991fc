import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  cafePresetFunction,
  createLambdaSimulation,
  type FunctionConfig,
  type LambdaSimulation,
  type TraceEvent,
} from '../model';
import { narrate } from '../cafe/narrate';

/** Playback speeds offered by the UI; 1 means real Lambda time. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;
export const FUNCTION_NAME = 'cafe-order';
/** A rush is a handful of orders at the same instant. */
export const RUSH_SIZE = 5;
/** Longest real-time gap one animation frame may advance (a hidden tab must not jump hours). */
const MAX_FRAME_MS = 250;
const NARRATION_KEEP = 40;

export type OrderKind = 'sync' | 'async';

/** What the user did, as data: the session is these actions replayed on the seed. */
export type CafeAction =
  | { t: number; type: 'order.placed'; kind: OrderKind; customer: number }
  | { t: number; type: 'settings.changed'; settings: Partial<KitchenSettings> }
  | { t: number; type: 'terminal.command'; line: string };

export type FailureMode = 'never' | 'always' | 'timeout';
export type FailureTarget = 'none' | 'OnFailure' | 'DLQ';

/** The few knobs the café exposes directly (the full configuration panel is separate). */
export interface KitchenSettings {
  /** Reserved concurrency: how many baristas this function may have; null = account limit. */
  baristas: number | null;
  failure: FailureMode;
  failureTarget: FailureTarget;
  onSuccess: boolean;
}

export interface AutoArrivals {
  on: boolean;
  /** Orders per virtual minute. */
  perMinute: number;
}

export interface NarrationLine {
  id: number;
  t: number;
  text: string;
}

export interface CafeState {
  seed: number;
  sim: LambdaSimulation;
  /** Bumped whenever the model changed or the clock moved: views re-derive on it. */
  version: number;
  now: number;
  playing: boolean;
  speed: number;
  settings: KitchenSettings;
  auto: AutoArrivals;
  nextArrival: number | undefined;
  customerCount: number;
  actions: CafeAction[];
  narration: NarrationLine[];
  /** The customer (caller id) selected in the scene, a log line or the timeline. */
  selectedCustomer: string | undefined;
  /** The barista (execution environment id) selected; selecting one clears the other. */
  selectedEnvironment: string | undefined;
  helpOpen: boolean;
  /** The last refused input, shown where the user looks (never thrown at them). */
  notice: string | undefined;

  order(kind: OrderKind, count?: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  faster(): void;
  slower(): void;
  step(): void;
  tick(realMs: number): void;
  reset(seed?: number): void;
  changeSettings(change: Partial<KitchenSettings>): void;
  setAuto(change: Partial<AutoArrivals>): void;
  select(customerId: string | undefined): void;
  selectEnvironment(envId: string | undefined): void;
  /** Records a command typed in the terminal (the terminal runs it against `sim` itself). */
  noteTerminalCommand(line: string): void;
  toggleHelp(open?: boolean): void;
  dismissNotice(): void;
}

export const DEFAULT_SETTINGS: KitchenSettings = {
  baristas: 3,
  failure: 'never',
  failureTarget: 'OnFailure',
  onSuccess: false,
};

const DESTINATIONS = {
  onSuccess: `arn:aws:sqs:us-east-1:123456789012:${FUNCTION_NAME}-served`,
  onFailure: `arn:aws:sqs:us-east-1:123456789012:${FUNCTION_NAME}-failed`,
  dlq: `arn:aws:sqs:us-east-1:123456789012:${FUNCTION_NAME}-dlq`,
};

/** Maps the café's knobs onto the function's AWS configuration. */
export function functionConfigFor(settings: KitchenSettings): FunctionConfig {
  const preset = cafePresetFunction();
  const handler = { ...preset.Handler! };
  if (settings.failure === 'always') {
    handler.failure = { mode: 'always', errorType: 'MilkNotFoundError', errorMessage: 'Out of oat milk' };
  } else if (settings.failure === 'timeout') {
    handler.failure = { mode: 'hang' };
  } else {
    handler.failure = { mode: 'never' };
  }
  return {
    ...preset,
    FunctionName: FUNCTION_NAME,
    ReservedConcurrentExecutions: settings.baristas ?? undefined,
    Handler: handler,
    DestinationConfig: {
      ...(settings.onSuccess ? { OnSuccess: { Destination: DESTINATIONS.onSuccess } } : {}),
      ...(settings.failureTarget === 'OnFailure'
        ? { OnFailure: { Destination: DESTINATIONS.onFailure } }
        : {}),
    },
    DeadLetterConfig: settings.failureTarget === 'DLQ' ? { TargetArn: DESTINATIONS.dlq } : undefined,
  };
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

/** Every café on a page owns one of these: its simulation and its UI state, no singletons. */
export function createCafeStore(options: CafeOptions = {}): CafeStore {
  const initialSeed = isValidSeed(options.seed) ? options.seed : 42;
  const initialSettings: KitchenSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  let unsubscribe: (() => void) | undefined;
  /** Narration line ids only grow (also across resets), so views can tell new lines from old. */
  let lineSeq = 0;

  return createStore<CafeState>()((set, get) => {
    /** Builds a fresh simulation and connects its trace to narration and re-rendering. */
    function boot(seed: number, settings: KitchenSettings): LambdaSimulation {
      unsubscribe?.();
      const sim = createLambdaSimulation({
        seed,
        accountConcurrency: options.accountConcurrency,
        functions: [functionConfigFor(settings)],
      });
      unsubscribe = sim.subscribe((events: readonly TraceEvent[]) => {
        const lines = events
          .map((event) => narrate(event, sim))
          .filter((text): text is string => Boolean(text));
        set((s) => ({
          version: s.version + 1,
          narration: lines.length
            ? [...s.narration, ...lines.map((text) => ({ id: ++lineSeq, t: sim.now(), text }))].slice(
                -NARRATION_KEEP,
              )
            : s.narration,
        }));
      });
      return sim;
    }

    function placeOrder(kind: OrderKind) {
      const { sim, customerCount } = get();
      const customer = customerCount + 1;
      set((s) => ({
        customerCount: customer,
        actions: [...s.actions, { t: sim.now(), type: 'order.placed', kind, customer }],
      }));
      // The promise is the caller's own view of the call; the scene reads the model's records,
      // so a rejection (429, 400…) is drawn from there and needs no handler here.
      sim
        .invoke(
          { FunctionName: FUNCTION_NAME, InvocationType: kind === 'sync' ? 'RequestResponse' : 'Event' },
          { callerId: `customer-${customer}`, callerLabel: `Customer ${customer}` },
        )
        .catch(() => undefined);
    }

    /** Advances the model to `target`, placing automatic arrivals at their own instants. */
    function advanceTo(target: number) {
      const { sim } = get();
      let next = get().nextArrival;
      while (get().auto.on && next !== undefined && next <= target) {
        sim.advanceTo(next);
        const n = get().customerCount + 1;
        // Alternate sync and async so the contrast is always on screen.
        placeOrder(n % 2 === 0 ? 'async' : 'sync');
        next += 60_000 / get().auto.perMinute;
      }
      sim.advanceTo(target);
      set({ now: sim.now(), nextArrival: get().auto.on ? next : undefined });
    }

    const initialSim = boot(initialSeed, initialSettings);
    return {
      seed: initialSeed,
      sim: initialSim,
      version: 0,
      now: 0,
      playing: !options.paused,
      speed: SPEEDS.includes(options.speed as (typeof SPEEDS)[number]) ? options.speed! : 1,
      settings: initialSettings,
      auto: { on: false, perMinute: 6 },
      nextArrival: undefined,
      customerCount: 0,
      actions: [],
      narration: [],
      selectedCustomer: undefined,
      selectedEnvironment: undefined,
      helpOpen: false,
      notice: options.problems?.length ? options.problems.join(' ') : undefined,

      order(kind, count = 1) {
        for (let i = 0; i < count; i++) placeOrder(kind);
      },
      play: () => set({ playing: true }),
      pause: () => set({ playing: false }),
      togglePlay: () => set((s) => ({ playing: !s.playing })),
      setSpeed(speed) {
        if (!SPEEDS.includes(speed as (typeof SPEEDS)[number])) {
          set({ notice: `Speed ${speed}× is not offered; choose one of ${SPEEDS.join(', ')}.` });
          return;
        }
        set({ speed });
      },
      faster() {
        const i = SPEEDS.indexOf(get().speed as (typeof SPEEDS)[number]);
        set({ speed: SPEEDS[Math.min(SPEEDS.length - 1, i + 1)] });
      },
      slower() {
        const i = SPEEDS.indexOf(get().speed as (typeof SPEEDS)[number]);
        set({ speed: SPEEDS[Math.max(0, i - 1)] });
      },
      step() {
        const { sim, nextArrival, auto } = get();
        const candidates = [sim.nextEventTime(), auto.on ? nextArrival : undefined].filter(
          (t): t is number => t !== undefined,
        );
        set({ playing: false });
        if (candidates.length === 0) {
          set({ notice: 'Nothing is scheduled: the café is idle. Place an order first.' });
          return;
        }
        advanceTo(Math.min(...candidates));
      },
      tick(realMs) {
        const { playing, speed, now } = get();
        if (!playing || realMs <= 0) return;
        advanceTo(now + Math.min(realMs, MAX_FRAME_MS) * speed);
      },
      reset(seed) {
        const nextSeed = seed ?? get().seed;
        if (!isValidSeed(nextSeed)) {
          set({ notice: `Seed must be a whole number from 0 to 4294967295; kept seed ${get().seed}.` });
          return;
        }
        const fresh = boot(nextSeed, get().settings);
        set({
          seed: nextSeed,
          sim: fresh,
          version: get().version + 1,
          now: 0,
          customerCount: 0,
          actions: [],
          narration: [],
          selectedCustomer: undefined,
          selectedEnvironment: undefined,
          nextArrival: get().auto.on ? 60_000 / get().auto.perMinute : undefined,
          notice: undefined,
        });
      },
      changeSettings(change) {
        const settings = { ...get().settings, ...change };
        const { sim } = get();
        try {
          const config = functionConfigFor(settings);
          sim.putFunctionConcurrency({
            FunctionName: FUNCTION_NAME,
            ReservedConcurrentExecutions: config.ReservedConcurrentExecutions ?? null,
          });
          sim.updateFunctionConfiguration({
            FunctionName: FUNCTION_NAME,
            Handler: config.Handler,
            DeadLetterConfig: config.DeadLetterConfig ?? { TargetArn: '' },
          });
          sim.putFunctionEventInvokeConfig({
            FunctionName: FUNCTION_NAME,
            DestinationConfig: config.DestinationConfig,
          });
        } catch (error) {
          set({ notice: error instanceof Error ? error.message : String(error) });
          return;
        }
        set((s) => ({
          settings,
          notice: undefined,
          actions: [...s.actions, { t: sim.now(), type: 'settings.changed', settings: change }],
        }));
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
      noteTerminalCommand: (line) =>
        set((s) => ({ actions: [...s.actions, { t: s.sim.now(), type: 'terminal.command', line }] })),
      selectEnvironment: (envId) => set({ selectedEnvironment: envId, selectedCustomer: undefined }),
      toggleHelp: (open) => set((s) => ({ helpOpen: open ?? !s.helpOpen })),
      dismissNotice: () => set({ notice: undefined }),
    };
  });
}
