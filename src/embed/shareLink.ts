/**
 * The share link: a session as the URL fragment `#session=1.<base64url(deflate-raw(text))>`.
 * The text is JSON lines — a header (format version, seed, starting settings, the moment to
 * open at, speed), then one recorded action per line — so a link cut short still opens with
 * its header and every action before the cut. Decoding never throws: what cannot be read is
 * named in `problems`, and what can is restored.
 * No React, no DOM: CompressionStream exists in browsers and in Node ≥ 18.
 */
import { DEFAULT_SETTINGS, SPEEDS, isValidSeed } from '../store/cafeStore';
import type { CafeAction, ConfigOp, KitchenSettings, SharedSessionData } from '../store/cafeStore';

export const SHARE_FORMAT = 1;
/** The fragment key; the rest of the fragment is ignored. */
export const SHARE_KEY = 'session';
/** Longest link we write or read: a few browsers and chat apps cut URLs past ~64 KB. */
export const SHARE_MAX_CHARS = 60_000;
/** Ten hours of virtual time: more than any classroom session, far from the edges of Date. */
const MAX_T = 36_000_000;

/** What a link holds: the store's own shape (cafeStore: `sharedSession()` / `openShared()`). */
export type SharedSession = SharedSessionData;

export interface DecodedShare {
  /** What could be restored; undefined when not even the header could be read. */
  session?: SharedSession;
  problems: string[];
}

// ---------------------------------------------------------------------------------------------
// Encoding

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  try {
    const binary = atob(padded.length % 4 === 1 ? padded.slice(0, -1) : padded);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

async function pipeBytes(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; the writer's own promises must not go unhandled.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let failed = false;
  for (;;) {
    try {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    } catch {
      failed = true; // a cut-short stream: keep what came out before the cut
      break;
    }
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return { bytes: out, failed };
}

export async function encodeShare(session: SharedSession): Promise<string> {
  const header = {
    v: SHARE_FORMAT,
    seed: session.seed,
    settings: session.settings,
    at: session.at,
    ...(session.end !== undefined && { end: session.end }),
    speed: session.speed,
  };
  const text = [header, ...session.actions].map((line) => JSON.stringify(line)).join('\n');
  const { bytes } = await pipeBytes(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return `${SHARE_KEY}=${SHARE_FORMAT}.${toBase64Url(bytes)}`;
}

// ---------------------------------------------------------------------------------------------
// Decoding: every field checked, nothing trusted

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_T;
const isSmallInt = (v: unknown, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

function readSettings(value: unknown, problems: string[]): KitchenSettings {
  const s = isRecord(value) ? value : {};
  const settings = { ...DEFAULT_SETTINGS };
  if (s.baristas === null || isSmallInt(s.baristas, 1000)) settings.baristas = s.baristas as number | null;
  else problems.push('The link’s number of baristas could not be read; using 3.');
  if (s.failure === 'never' || s.failure === 'always' || s.failure === 'timeout')
    settings.failure = s.failure;
  else problems.push('The link’s handler setting could not be read; using “succeeds”.');
  if (s.failureTarget === 'none' || s.failureTarget === 'OnFailure' || s.failureTarget === 'DLQ')
    settings.failureTarget = s.failureTarget;
  else problems.push('The link’s failed-event setting could not be read; using OnFailure.');
  if (typeof s.onSuccess === 'boolean') settings.onSuccess = s.onSuccess;
  else problems.push('The link’s OnSuccess setting could not be read; using off.');
  return settings;
}

/** A partial settings change, as recorded by `settings.changed`. */
function isSettingsChange(v: unknown): v is Partial<KitchenSettings> {
  if (!isRecord(v)) return false;
  return Object.entries(v).every(([k, x]) => {
    if (k === 'baristas') return x === null || isSmallInt(x, 1000);
    if (k === 'failure') return x === 'never' || x === 'always' || x === 'timeout';
    if (k === 'failureTarget') return x === 'none' || x === 'OnFailure' || x === 'DLQ';
    if (k === 'onSuccess') return typeof x === 'boolean';
    return false;
  });
}

/**
 * A configuration call's shape. Its values are left to the model, which validates them as AWS
 * does when the action is replayed (a refused one changes nothing, as it did when recorded).
 */
function isConfigOp(v: unknown): v is ConfigOp {
  if (!isRecord(v)) return false;
  if (v.api === 'SetAccountConcurrency') return isSmallInt(v.value, 100_000);
  return (
    (v.api === 'UpdateFunctionConfiguration' ||
      v.api === 'PutFunctionEventInvokeConfig' ||
      v.api === 'PutFunctionConcurrency') &&
    isRecord(v.params) &&
    typeof v.params.FunctionName === 'string' &&
    JSON.stringify(v.params).length < 20_000
  );
}

/** One recorded action, or undefined when its line is not one the café records. */
export function readAction(value: unknown): CafeAction | undefined {
  if (!isRecord(value) || !isTime(value.t)) return undefined;
  const t = value.t;
  switch (value.type) {
    case 'order.placed':
      return (value.kind === 'sync' || value.kind === 'async') && isSmallInt(value.customer, 10_000_000)
        ? { t, type: 'order.placed', kind: value.kind, customer: value.customer as number }
        : undefined;
    case 'settings.changed':
      return isSettingsChange(value.settings)
        ? { t, type: 'settings.changed', settings: value.settings }
        : undefined;
    case 'config.changed':
      return isConfigOp(value.op) ? { t, type: 'config.changed', op: value.op } : undefined;
    case 'terminal.command':
      return typeof value.line === 'string' && value.line.length <= 10_000
        ? { t, type: 'terminal.command', line: value.line }
        : undefined;
    case 'terminal.interrupted':
    case 'terminal.cleared':
      return { t, type: value.type };
    case 'outside.invoked':
      // A real client's call: replayed as its customer (nobody waits for its answer any more).
      return typeof value.key === 'string' &&
        isRecord(value.input) &&
        typeof value.input.FunctionName === 'string' &&
        JSON.stringify(value.input).length < 1_100_000 &&
        typeof value.callerId === 'string' &&
        typeof value.callerLabel === 'string'
        ? {
            t,
            type: 'outside.invoked',
            key: value.key,
            input: value.input as unknown as Extract<CafeAction, { type: 'outside.invoked' }>['input'],
            callerId: value.callerId.slice(0, 100),
            callerLabel: value.callerLabel.slice(0, 100),
          }
        : undefined;
    default:
      return undefined;
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** A link nothing can be restored from. */
const broken = (why: string): DecodedShare => ({
  problems: [`This share link cannot be opened: ${why}. The café starts fresh.`],
});

/** Reads a URL fragment (with or without '#'); never throws. */
export async function decodeShare(fragment: string): Promise<DecodedShare | undefined> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const raw = params.get(SHARE_KEY);
  if (raw === null) return undefined; // not a share link
  const problems: string[] = [];
  if (raw.length > SHARE_MAX_CHARS) return broken('it is longer than any link the café writes');
  const dot = raw.indexOf('.');
  const version = raw.slice(0, dot);
  if (dot < 0 || version !== String(SHARE_FORMAT))
    return broken(
      version && /^\d+$/.test(version)
        ? `it was made by a newer Lambda Café (format ${version.slice(0, 6)})`
        : 'its format is not recognised',
    );
  const bytes = fromBase64Url(raw.slice(dot + 1));
  if (!bytes || bytes.length === 0)
    return broken('its text has been changed (it is not the code the café writes)');

  const { bytes: inflated, failed } = await pipeBytes(bytes, new DecompressionStream('deflate-raw'));
  const text = new TextDecoder('utf-8', { fatal: false }).decode(inflated);
  const lines = text.split('\n');
  // A cut stream ends mid-line: that last line is not trusted.
  if (failed) lines.pop();
  const header = parseLine(lines[0] ?? '');
  if (!isRecord(header) || header.v !== SHARE_FORMAT)
    return broken(failed ? 'it has been cut short' : 'its text has been changed');
  if (failed) problems.push('This share link was cut short: the session is restored up to where it ends.');

  const seed = isValidSeed(header.seed) ? header.seed : 42;
  if (seed !== header.seed) problems.push('The link’s seed could not be read; using seed 42.');
  const settings = readSettings(header.settings, problems);
  const speed = (SPEEDS as readonly number[]).includes(header.speed as number) ? (header.speed as number) : 1;
  const actions: CafeAction[] = [];
  let skipped = 0;
  let lastT = 0;
  for (const line of lines.slice(1)) {
    const action = readAction(parseLine(line));
    // Recorded actions are in time order; one out of order was edited by hand.
    if (!action || action.t < lastT) skipped++;
    else {
      actions.push(action);
      lastT = action.t;
    }
  }
  if (skipped)
    problems.push(
      `${skipped} recorded step${skipped === 1 ? '' : 's'} of the session could not be read and ${skipped === 1 ? 'was' : 'were'} left out.`,
    );
  const end = Math.max(lastT, 0);
  let at = isTime(header.at) ? header.at : end;
  if (at !== header.at)
    problems.push('The link’s moment could not be read; opening at its last recorded step.');
  if (failed && at > end) at = end;
  // The timeline's end is a convenience: a bad or cut one is dropped without a word.
  const last = !failed && isTime(header.end) && header.end > Math.max(at, end) ? header.end : undefined;
  const session: SharedSession = { seed, settings, at, speed, actions };
  if (last !== undefined) session.end = last;
  return { session, problems };
}
