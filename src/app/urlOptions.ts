import {
  DEFAULT_SETTINGS,
  SPEEDS,
  isValidSeed,
  type CafeOptions,
  type KitchenSettings,
} from '../store/cafeStore';

export interface ParsedOptions {
  options: CafeOptions;
  /** `?present=1`: open in presenter mode (the stage fills the window; `f` for full screen). */
  present: boolean;
  /** `?lesson=ID&step=N`: a lesson step to open (whether it exists is the lessons' to say). */
  lesson?: { id: string; step: number };
  /** One message per parameter that was refused; the café starts with the default instead. */
  problems: string[];
}

const FAILURES: KitchenSettings['failure'][] = ['never', 'always', 'timeout'];
const TARGETS: KitchenSettings['failureTarget'][] = ['OnFailure', 'DLQ', 'none'];
const KNOWN = [
  'seed',
  'speed',
  'baristas',
  'failure',
  'target',
  'onsuccess',
  'paused',
  'present',
  'lesson',
  'step',
];
/** The parameters a share link's session replaces (all but `present`, which is about the room). */
export const SESSION_PARAMS = KNOWN.filter((name) => name !== 'present');

/** A notice quotes at most this many characters of a bad value (a 12 KB value must not fill the page). */
export const QUOTE_MAX = 60;
/** At most this many problems are listed; the rest are counted. */
const PROBLEMS_MAX = 6;

/**
 * A user's value as a notice shows it: quoted, control characters made visible, cut to
 * QUOTE_MAX characters with the full length named.
 */
export function quoteValue(value: string): string {
  const chars = Array.from(value);
  const visible = chars
    .slice(0, QUOTE_MAX)
    .map((c) => (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(c) ? `\\u{${c.codePointAt(0)!.toString(16)}}` : c))
    .join('');
  return chars.length > QUOTE_MAX ? `"${visible}…" (${chars.length} characters)` : `"${visible}"`;
}

/**
 * A whole number written plainly: digits only, no sign, spaces, leading zeros, exponent or
 * byte-order mark (`Number()` would accept " 1", "+8", "-0", "1e3" and "\uFEFF1").
 */
function plainWholeNumber(text: string): number | undefined {
  return /^(0|[1-9][0-9]{0,15})$/.test(text) ? Number(text) : undefined;
}

/** Reads the café's URL parameters (?seed=7&speed=16&baristas=2&failure=always&target=DLQ&onsuccess=1). */
export function parseUrlOptions(search: string): ParsedOptions {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return {
      options: {},
      present: false,
      problems: ['The URL parameters could not be read; the café starts with its defaults.'],
    };
  }
  const problems: string[] = [];
  const settings: Partial<KitchenSettings> = {};
  const options: CafeOptions = {};

  const unknown = new Set<string>();
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (!KNOWN.includes(key)) unknown.add(key);
    else if (seen.has(key))
      problems.push(`${key} is given more than once; using the first, ${quoteValue(params.get(key)!)}.`);
    seen.add(key);
  }
  if (unknown.size) {
    const names = [...unknown].slice(0, 3).map(quoteValue).join(', ');
    const more = unknown.size > 3 ? ` and ${unknown.size - 3} more` : '';
    problems.push(
      `Unknown URL parameter${unknown.size > 1 ? 's' : ''} ${names}${more} ignored (known: ${KNOWN.join(', ')}).`,
    );
  }
  const seed = params.get('seed');
  if (seed !== null) {
    const n = plainWholeNumber(seed);
    if (n !== undefined && isValidSeed(n)) options.seed = n;
    else problems.push(`seed=${quoteValue(seed)} is not a whole number from 0 to 4294967295; using seed 42.`);
  }
  const speed = params.get('speed');
  if (speed !== null) {
    const n = SPEEDS.find((s) => String(s) === speed);
    if (n !== undefined) options.speed = n;
    else problems.push(`speed=${quoteValue(speed)} is not one of ${SPEEDS.join(', ')}; using 1×.`);
  }
  const baristas = params.get('baristas');
  if (baristas !== null) {
    const n = plainWholeNumber(baristas);
    if (baristas === 'account') settings.baristas = null;
    else if (n !== undefined && n <= 1000) settings.baristas = n;
    else
      problems.push(
        `baristas=${quoteValue(baristas)} must be a whole number from 0 to 1000 or "account"; using ${DEFAULT_SETTINGS.baristas}.`,
      );
  }
  const failure = params.get('failure');
  if (failure !== null) {
    if ((FAILURES as string[]).includes(failure)) settings.failure = failure as KitchenSettings['failure'];
    else problems.push(`failure=${quoteValue(failure)} must be one of ${FAILURES.join(', ')}; using never.`);
  }
  const target = params.get('target');
  if (target !== null) {
    if ((TARGETS as string[]).includes(target))
      settings.failureTarget = target as KitchenSettings['failureTarget'];
    else problems.push(`target=${quoteValue(target)} must be one of ${TARGETS.join(', ')}; using OnFailure.`);
  }
  const onSuccess = params.get('onsuccess');
  if (onSuccess !== null) {
    if (onSuccess === '1' || onSuccess === 'true') settings.onSuccess = true;
    else if (onSuccess === '0' || onSuccess === 'false') settings.onSuccess = false;
    else problems.push(`onsuccess=${quoteValue(onSuccess)} must be 1 or 0; using 0.`);
  }
  const paused = params.get('paused');
  if (paused !== null) {
    if (paused === '1' || paused === 'true') options.paused = true;
    else if (paused !== '0' && paused !== 'false')
      problems.push(`paused=${quoteValue(paused)} must be 1 or 0; playing.`);
  }
  let present = false;
  const presentParam = params.get('present');
  if (presentParam !== null) {
    if (presentParam === '1' || presentParam === 'true') present = true;
    else if (presentParam !== '0' && presentParam !== 'false')
      problems.push(`present=${quoteValue(presentParam)} must be 1 or 0; not presenting.`);
  }
  if (Object.keys(settings).length) options.settings = settings;
  const lesson = parseLessonLink(params.get('lesson'), params.get('step'), problems);
  if (problems.length > PROBLEMS_MAX) {
    const extra = problems.length - (PROBLEMS_MAX - 1);
    problems.splice(PROBLEMS_MAX - 1, problems.length, `…and ${extra} more problems with the URL.`);
  }
  return lesson ? { options, present, lesson, problems } : { options, present, problems };
}

/** `lesson` is an id (letters, digits, dashes); `step` a whole number from 1, and only with a lesson. */
function parseLessonLink(id: string | null, step: string | null, problems: string[]) {
  if (id === null) {
    if (step !== null) problems.push('step= needs a lesson= too; ignored.');
    return undefined;
  }
  if (!/^[a-z0-9-]{1,40}$/.test(id)) {
    problems.push(`lesson=${quoteValue(id)} is not a lesson id (lower-case letters, digits and dashes).`);
    return undefined;
  }
  if (step !== null && !/^[1-9][0-9]{0,2}$/.test(step)) {
    problems.push(`step=${quoteValue(step)} must be a whole number from 1; opening step 1.`);
    return { id, step: 1 };
  }
  return { id, step: step === null ? 1 : Number(step) };
}
