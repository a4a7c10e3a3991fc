/**
 * The embed's public message contract (README: "Embed it"). Every message is a plain object sent
 * with window.postMessage, with `source: "lambda-cafe"` and `version: 1`. Version 1 only grows:
 * new message types, commands, events or optional fields may be added; nothing is renamed or
 * removed, and no field changes meaning (a change that would is version 2).
 *
 * The café → host: `ready` once, `resize` when its height changes, `event` for model and lesson
 * events, `reply` to every command. The host → café: `command`.
 * No React, no DOM: `parseHostMessage` checks anything a window may post, never throws.
 */

export const PROTOCOL_SOURCE = 'lambda-cafe';
export const PROTOCOL_VERSION = 1;

interface Envelope {
  source: typeof PROTOCOL_SOURCE;
  version: typeof PROTOCOL_VERSION;
}

// ---------------------------------------------------------------------------------------------
// The café → the host page

export interface ReadyMessage extends Envelope {
  type: 'ready';
}

/** The café's content height in CSS pixels: the host sizes the iframe to it. */
export interface ResizeMessage extends Envelope {
  type: 'resize';
  height: number;
}

/** The model's and the lessons' events, as the café sees them happen. */
export interface CafeEventDetails {
  /** Lambda accepted an invocation (a sync call now waits; an async one got its 202). */
  'invoke.accepted': {
    t: number;
    requestId: string;
    invocationType: 'RequestResponse' | 'Event';
    callerId?: string;
  };
  /** A synchronous caller got its answer (200, with `functionError` when the handler failed). */
  'invoke.responded': { t: number; requestId: string; statusCode: number; functionError?: string };
  /** A lesson step was opened (1-based `step`, as shown). */
  'step.changed': { lessonId: string; step: number; stepId: string };
  /** A lesson's last step was finished. */
  'lesson.completed': { lessonId: string };
}

export type CafeEventName = keyof CafeEventDetails;
export const EVENT_NAMES: readonly CafeEventName[] = [
  'invoke.accepted',
  'invoke.responded',
  'step.changed',
  'lesson.completed',
];

export type EventMessage = {
  [N in CafeEventName]: Envelope & { type: 'event'; name: N; detail: CafeEventDetails[N] };
}[CafeEventName];

/** The answer to the command with the same `id`: `result` when ok, else a readable `error`. */
export interface ReplyMessage extends Envelope {
  type: 'reply';
  id: string | number;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export type CafeMessage = ReadyMessage | ResizeMessage | EventMessage | ReplyMessage;

// ---------------------------------------------------------------------------------------------
// The host page → the café

export interface CommandArgs {
  /** `count` orders (1 to 50, default 1) at the counter (sync) or for a table (async). */
  order: { kind: 'sync' | 'async'; count?: number };
  play: Record<string, never>;
  pause: Record<string, never>;
  /** To the next model event (pauses). */
  step: Record<string, never>;
  /** Moves the whole café to `t` ms of model time (rewind or fast-forward; pauses). */
  seek: { t: number };
  /** Starts again, with the same seed or `seed`. */
  reset: { seed?: number };
  setSpeed: { speed: number };
  /** Runs one terminal line (as typed in the terminal panel). */
  runCommand: { line: string };
  /** Opens a lesson step (1-based). */
  goToStep: { lesson: string; step?: number };
}

export type CommandName = keyof CommandArgs;
export const COMMAND_NAMES: readonly CommandName[] = [
  'order',
  'play',
  'pause',
  'step',
  'seek',
  'reset',
  'setSpeed',
  'runCommand',
  'goToStep',
];

export type CommandMessage = {
  [C in CommandName]: Envelope & { type: 'command'; id: string | number; command: C; args: CommandArgs[C] };
}[CommandName];

export type HostMessage = CommandMessage;

/** Limits a well-formed command keeps to. */
export const LIMITS = {
  idChars: 100,
  orderCount: 50,
  /** Ten hours of model time. */
  seekMs: 36_000_000,
  lineChars: 2000,
  lessonChars: 40,
  step: 999,
} as const;

export type ParseResult =
  | { ok: true; message: HostMessage }
  /** Not a command for us at all (another library's message): ignore it silently. */
  | { ok: false; foreign: true; error: string }
  /** A command for us that is malformed: `id` set when it is readable, so the café can reply. */
  | { ok: false; foreign?: false; error: string; id?: string | number };

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one own data property; a getter or proxy trap that throws counts as absent. */
function field(record: Record<string, unknown>, key: string): unknown {
  try {
    const desc = Object.getOwnPropertyDescriptor(record, key);
    return desc && 'value' in desc ? desc.value : undefined;
  } catch {
    return undefined;
  }
}

function validId(id: unknown): id is string | number {
  if (typeof id === 'string') return id.length > 0 && id.length <= LIMITS.idChars;
  return typeof id === 'number' && Number.isSafeInteger(id);
}

function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Only these keys, and each of the right shape: a command never runs with arguments it did not expect. */
function onlyKeys(args: Record<string, unknown>, allowed: string[]): string | undefined {
  let keys: string[];
  try {
    keys = Object.keys(args);
  } catch {
    return 'args could not be read';
  }
  const extra = keys.filter((k) => !allowed.includes(k));
  if (extra.length === 0) return undefined;
  const named = extra
    .slice(0, 3)
    .map((k) => JSON.stringify(k.slice(0, 40)))
    .join(', ');
  return `unknown argument${extra.length > 1 ? 's' : ''} ${named}${allowed.length ? ` (expected ${allowed.join(', ')})` : ' (this command takes none)'}`;
}

function parseArgs(command: CommandName, args: Record<string, unknown>): string | CommandArgs[CommandName] {
  const get = (k: string) => field(args, k);
  switch (command) {
    case 'order': {
      const extra = onlyKeys(args, ['kind', 'count']);
      if (extra) return extra;
      const kind = get('kind');
      if (kind !== 'sync' && kind !== 'async') return 'order needs kind "sync" or "async"';
      const count = get('count');
      if (count === undefined) return { kind };
      if (!isWhole(count, 1, LIMITS.orderCount))
        return `order count must be a whole number from 1 to ${LIMITS.orderCount}`;
      return { kind, count };
    }
    case 'play':
    case 'pause':
    case 'step':
      return onlyKeys(args, []) ?? {};
    case 'seek': {
      const extra = onlyKeys(args, ['t']);
      if (extra) return extra;
      const t = get('t');
      if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > LIMITS.seekMs)
        return `seek needs t, milliseconds of model time from 0 to ${LIMITS.seekMs}`;
      return { t };
    }
    case 'reset': {
      const extra = onlyKeys(args, ['seed']);
      if (extra) return extra;
      const seed = get('seed');
      if (seed === undefined) return {};
      if (!isWhole(seed, 0, 0xffffffff)) return 'reset seed must be a whole number from 0 to 4294967295';
      return { seed };
    }
    case 'setSpeed': {
      const extra = onlyKeys(args, ['speed']);
      if (extra) return extra;
      const speed = get('speed');
      if (typeof speed !== 'number' || !SPEEDS.includes(speed))
        return `setSpeed needs speed, one of ${SPEEDS.join(', ')}`;
      return { speed };
    }
    case 'runCommand': {
      const extra = onlyKeys(args, ['line']);
      if (extra) return extra;
      const line = get('line');
      if (typeof line !== 'string' || line.trim() === '' || line.length > LIMITS.lineChars)
        return `runCommand needs line, a non-empty string of at most ${LIMITS.lineChars} characters`;
      return { line };
    }
    case 'goToStep': {
      const extra = onlyKeys(args, ['lesson', 'step']);
      if (extra) return extra;
      const lesson = get('lesson');
      if (typeof lesson !== 'string' || !/^[a-z0-9-]{1,40}$/.test(lesson))
        return 'goToStep needs lesson, a lesson id (lower-case letters, digits and dashes)';
      const step = get('step');
      if (step === undefined) return { lesson };
      if (!isWhole(step, 1, LIMITS.step))
        return `goToStep step must be a whole number from 1 to ${LIMITS.step}`;
      return { lesson, step };
    }
  }
}

/**
 * Checks a posted message. Anything that is not `{source: "lambda-cafe", type: "command"}` is
 * `foreign` (other scripts post messages too). A command with the wrong version, an unknown
 * name or bad arguments is refused with a readable error (and its `id`, when that is readable,
 * so the café can reply). Never throws, whatever `data` is.
 */
export function parseHostMessage(data: unknown): ParseResult {
  try {
    if (!isRecord(data)) return { ok: false, foreign: true, error: 'not an object' };
    if (field(data, 'source') !== PROTOCOL_SOURCE)
      return { ok: false, foreign: true, error: 'source is not "lambda-cafe"' };
    if (field(data, 'type') !== 'command')
      return { ok: false, foreign: true, error: 'not a command (only commands are accepted)' };
    const rawId = field(data, 'id');
    const id = validId(rawId) ? rawId : undefined;
    const refuse = (error: string): ParseResult =>
      id === undefined ? { ok: false, error } : { ok: false, error, id };
    if (id === undefined)
      return refuse(`id must be a non-empty string (at most ${LIMITS.idChars} characters) or a whole number`);
    const version = field(data, 'version');
    if (version !== PROTOCOL_VERSION)
      return refuse(`version ${String(version).slice(0, 20)} is not supported (this café speaks version 1)`);
    const command = field(data, 'command');
    if (typeof command !== 'string' || !(COMMAND_NAMES as readonly string[]).includes(command))
      return refuse(
        `unknown command ${JSON.stringify(typeof command === 'string' ? command.slice(0, 40) : typeof command)} (known: ${COMMAND_NAMES.join(', ')})`,
      );
    const rawArgs = field(data, 'args');
    if (rawArgs !== undefined && !isRecord(rawArgs)) return refuse('args must be an object');
    const args = parseArgs(command as CommandName, rawArgs ?? {});
    if (typeof args === 'string') return refuse(`${command}: ${args}`);
    return {
      ok: true,
      message: {
        source: PROTOCOL_SOURCE,
        version: PROTOCOL_VERSION,
        type: 'command',
        id,
        command,
        args,
      } as CommandMessage,
    };
  } catch {
    return { ok: false, foreign: true, error: 'the message could not be read' };
  }
}

/** A message from the café, with the envelope filled in. */
export function cafeMessage<M extends CafeMessage>(body: Omit<M, 'source' | 'version'>): M {
  return { source: PROTOCOL_SOURCE, version: PROTOCOL_VERSION, ...body } as M;
}
