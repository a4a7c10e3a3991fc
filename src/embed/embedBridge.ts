/**
 * Connects one café (its store) to the page that embeds it (window.parent), by the messages of
 * protocol.ts: `ready` once, `resize` when the content height changes, `event` for the model's
 * and the lessons' events, and a `reply` to every command from an allowed origin. A message
 * from any other window or origin is ignored: never executed, never answered.
 * No React; the DOM only through what `connectEmbed` is given (unit tests pass fakes).
 */
import type { CafeStore } from '../store/cafeStore';
import type { TraceEvent } from '../model';
import {
  cafeMessage,
  parseHostMessage,
  type CafeEventDetails,
  type CafeEventName,
  type CafeMessage,
  type CommandMessage,
  type EventMessage,
  type ReplyMessage,
  type ResizeMessage,
} from './protocol';

/** The lessons as the bridge drives them (main.tsx opens the guide on demand). */
export interface LessonsDriver {
  /** Opens a step; resolves with a refusal message (unknown lesson or step), or undefined. */
  goToStep(lesson: string, step: number): Promise<string | undefined>;
  onEvent(listener: (event: { name: string; detail: unknown }) => void): () => void;
}

export interface EmbedWindow {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export interface EmbedTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface EmbedBridgeOptions {
  store: CafeStore;
  /** The café's own window (messages arrive here). */
  self: EmbedWindow;
  /** window.parent: the only window whose commands run, and where messages go. */
  parent: EmbedTarget;
  /** Origins whose commands run (see parseAllow). Empty: no command runs. */
  allowed: readonly string[];
  lessons?: LessonsDriver;
  /** Calls back with the content height whenever it may have changed; returns the disconnect. */
  observeHeight?: (report: (height: number) => void) => () => void;
  /** How long runCommand waits for a command's output before replying without it (real ms). */
  commandWaitMs?: number;
}

const LESSON_EVENTS: readonly string[] = ['step.changed', 'lesson.completed'];

/**
 * The origins allowed to command the café: the `allow` parameter (comma list of origins such
 * as `https://example.com`), else the embedding page's own origin. `embedder` is that origin
 * (location.ancestorOrigins[0], else the referrer's origin), undefined when unknown.
 */
export function parseAllow(
  param: string | null,
  embedder: string | undefined,
): { origins: string[]; problems: string[] } {
  if (param === null) return { origins: embedder ? [embedder] : [], problems: [] };
  const origins: string[] = [];
  const bad: string[] = [];
  for (const raw of param.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    let origin: string | undefined;
    try {
      const url = new URL(entry);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry.replace(/\/$/, ''))
        origin = url.origin;
    } catch {
      origin = undefined;
    }
    if (origin) origins.push(origin);
    else bad.push(entry);
  }
  const problems: string[] = [];
  if (bad.length)
    problems.push(
      `allow: ${bad
        .slice(0, 3)
        .map((b) => JSON.stringify(b.slice(0, 60)))
        .join(
          ', ',
        )} ${bad.length > 1 ? 'are not origins' : 'is not an origin'} (like https://example.com, no path); ignored.`,
    );
  if (origins.length === 0) {
    if (embedder) origins.push(embedder);
    if (bad.length || param.trim() === '')
      problems.push(
        embedder
          ? `allow has no usable origin; only the embedding page (${embedder}) may send commands.`
          : 'allow has no usable origin; no page may send commands.',
      );
  }
  return { origins, problems };
}

/** The origin of the page that embeds this one, as far as the browser tells it. */
export function embedderOrigin(location: Location, referrer: string): string | undefined {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  try {
    return referrer ? new URL(referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the bridge; returns the function that stops it. */
export function connectEmbed(options: EmbedBridgeOptions): () => void {
  const { store, self, parent, allowed, lessons } = options;
  const commandWaitMs = options.commandWaitMs ?? 60_000;
  const cleanups: (() => void)[] = [];
  let stopped = false;

  /**
   * Events go to the allowed origins only (a page that may not command the café is not told what
   * happens in it either); `ready` and `resize` go to whichever page embeds it, so that any page
   * can size its iframe.
   */
  const post = (message: CafeMessage, to: readonly string[] = allowed) => {
    if (stopped) return;
    for (const origin of to) parent.postMessage(message, origin);
  };
  const ANY = ['*'];
  const emit = <N extends CafeEventName>(name: N, detail: CafeEventDetails[N]) =>
    post(
      cafeMessage<EventMessage>({ type: 'event', name, detail } as Omit<EventMessage, 'source' | 'version'>),
    );

  // ---- Model events, from whichever simulation is live (a seek or reset replaces it).
  /** Set while an `order` command runs: the ids of the calls it made. */
  let collecting: string[] | undefined;
  const onTrace = (events: TraceEvent[]) => {
    for (const e of events) {
      if (e.type === 'invoke.accepted') {
        collecting?.push(e.requestId);
        emit('invoke.accepted', {
          t: e.t,
          requestId: e.requestId,
          invocationType: e.invocationType,
          ...(e.callerId === undefined ? {} : { callerId: e.callerId }),
        });
      } else if (e.type === 'invoke.responded') {
        emit('invoke.responded', {
          t: e.t,
          requestId: e.requestId,
          statusCode: e.statusCode,
          ...(e.functionError === undefined ? {} : { functionError: e.functionError }),
        });
      }
    }
  };
  let sim = store.getState().sim;
  let unsubscribeSim = sim.subscribe(onTrace);
  cleanups.push(
    store.subscribe((state) => {
      if (state.sim === sim) return;
      unsubscribeSim();
      sim = state.sim;
      unsubscribeSim = sim.subscribe(onTrace);
    }),
    () => unsubscribeSim(),
  );

  // ---- Lesson events.
  if (lessons)
    cleanups.push(
      lessons.onEvent((event) => {
        if (LESSON_EVENTS.includes(event.name))
          emit(event.name as 'step.changed', event.detail as CafeEventDetails['step.changed']);
      }),
    );

  // ---- Height.
  if (options.observeHeight) {
    let last = -1;
    cleanups.push(
      options.observeHeight((height) => {
        const rounded = Math.ceil(height);
        if (rounded === last || !Number.isFinite(rounded) || rounded <= 0) return;
        last = rounded;
        post(cafeMessage<ResizeMessage>({ type: 'resize', height: rounded }), ANY);
      }),
    );
  }

  // ---- Commands.
  const reply = (
    origin: string,
    id: string | number,
    result: { ok: true; result?: unknown } | { ok: false; error: string },
  ) => post(cafeMessage<ReplyMessage>({ type: 'reply', id, ...result }), [origin]);

  const onMessage = (event: MessageEvent) => {
    // Only the parent window, only from an allowed origin: anything else is not even answered.
    if (event.source !== (parent as unknown) || !allowed.includes(event.origin)) return;
    const parsed = parseHostMessage(event.data);
    if (!parsed.ok) {
      if (!parsed.foreign && parsed.id !== undefined)
        reply(event.origin, parsed.id, { ok: false, error: parsed.error });
      return;
    }
    void execute(parsed.message).then(
      (result) => reply(event.origin, parsed.message.id, result),
      (error: unknown) =>
        reply(event.origin, parsed.message.id, {
          ok: false,
          error: `${parsed.message.command} failed: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  };
  self.addEventListener('message', onMessage);
  cleanups.push(() => self.removeEventListener('message', onMessage));

  type Outcome = { ok: true; result?: unknown } | { ok: false; error: string };
  async function execute(message: CommandMessage): Promise<Outcome> {
    const cafe = store.getState();
    switch (message.command) {
      case 'order': {
        const ids: string[] = [];
        collecting = ids;
        try {
          cafe.order(message.args.kind, message.args.count ?? 1);
        } finally {
          collecting = undefined;
        }
        return { ok: true, result: { requestIds: ids } };
      }
      case 'play':
        cafe.play();
        return { ok: true };
      case 'pause':
        cafe.pause();
        return { ok: true };
      case 'step': {
        // What the store's step looks at: the model's next event, an automatic arrival, a recorded action.
        const scheduled =
          cafe.sim.nextEventTime() !== undefined ||
          (cafe.auto.on && cafe.nextArrival !== undefined) ||
          cafe.actions.some((a) => a.t > cafe.now);
        cafe.step();
        const { now, notice } = store.getState();
        if (!scheduled) return { ok: false, error: notice ?? 'Nothing is scheduled: the café is idle.' };
        return { ok: true, result: { t: now } };
      }
      case 'seek':
        await cafe.seek(message.args.t);
        return { ok: true, result: { t: store.getState().now } };
      case 'reset':
        cafe.reset(message.args.seed);
        return { ok: true, result: { seed: store.getState().seed } };
      case 'setSpeed':
        cafe.setSpeed(message.args.speed);
        return { ok: true, result: { speed: store.getState().speed } };
      case 'runCommand':
        return runCommand(message.args.line);
      case 'goToStep': {
        if (!lessons) return { ok: false, error: 'goToStep: this café has no lessons.' };
        const refused = await lessons.goToStep(message.args.lesson, message.args.step ?? 1);
        return refused ? { ok: false, error: refused } : { ok: true };
      }
    }
  }

  /** Runs a terminal line; replies once the prompt is back, with what the command printed. */
  function runCommand(line: string): Promise<Outcome> {
    if (store.getState().terminal.busy)
      return Promise.resolve({ ok: false, error: 'runCommand: the terminal is still running a command.' });
    const entriesBefore = store.getState().terminal.entries;
    const lastId = entriesBefore.length ? entriesBefore[entriesBefore.length - 1].id : -1;
    return new Promise((resolve) => {
      let started = false;
      const finish = (outcome: Outcome) => {
        unsubscribe();
        clearTimeout(timer);
        resolve(outcome);
      };
      const check = () => {
        const state = store.getState();
        // The line is echoed first (a new scrollback), in the same update as its output when it does not wait.
        if (!started) started = state.terminal.entries !== entriesBefore;
        if (!started || state.terminal.busy) return;
        const output = state.terminal.entries
          .filter((e) => e.id > lastId && e.kind !== 'input')
          .map((e) => e.text)
          .join('\n');
        finish({ ok: true, result: { output } });
      };
      // A command prints in several updates (its line, then its output): look once they are all done.
      let queued = false;
      const unsubscribe = store.subscribe(() => {
        if (queued) return;
        queued = true;
        queueMicrotask(() => {
          queued = false;
          check();
        });
      });
      const timer = setTimeout(
        () =>
          finish({
            ok: true,
            result: { output: undefined, running: true },
          }),
        commandWaitMs,
      );
      store.getState().runCommand(line);
    });
  }

  post(cafeMessage({ type: 'ready' }), ANY);
  return () => {
    stopped = true;
    for (const cleanup of cleanups) cleanup();
  };
}
