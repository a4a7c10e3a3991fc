import {
  DEFAULT_SETTINGS,
  SPEEDS,
  isValidSeed,
  type CafeOptions,
  type KitchenSettings,
} from '../store/cafeStore';

export interface ParsedOptions {
  options: CafeOptions;
  /** `?lesson=ID&step=N`: a lesson step to open (whether it exists is the lessons' to say). */
  lesson?: { id: string; step: number };
  /** One message per parameter that was refused; the café starts with the default instead. */
  problems: string[];
}

const FAILURES: KitchenSettings['failure'][] = ['never', 'always', 'timeout'];
const TARGETS: KitchenSettings['failureTarget'][] = ['OnFailure', 'DLQ', 'none'];
const KNOWN = ['seed', 'speed', 'baristas', 'failure', 'target', 'onsuccess', 'paused', 'lesson', 'step'];

/** Reads the café's URL parameters (?seed=7&speed=16&baristas=2&failure=always&target=DLQ&onsuccess=1). */
export function parseUrlOptions(search: string): ParsedOptions {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const settings: Partial<KitchenSettings> = {};
  const options: CafeOptions = {};

  for (const key of params.keys()) {
    if (!KNOWN.includes(key))
      problems.push(`Unknown URL parameter "${key}" ignored (known: ${KNOWN.join(', ')}).`);
  }
  const seed = params.get('seed');
  if (seed !== null) {
    const n = Number(seed);
    if (seed.trim() !== '' && isValidSeed(n)) options.seed = n;
    else problems.push(`seed=${seed} is not a whole number from 0 to 4294967295; using seed 42.`);
  }
  const speed = params.get('speed');
  if (speed !== null) {
    const n = Number(speed);
    if ((SPEEDS as readonly number[]).includes(n)) options.speed = n;
    else problems.push(`speed=${speed} is not one of ${SPEEDS.join(', ')}; using 1×.`);
  }
  const baristas = params.get('baristas');
  if (baristas !== null) {
    const n = Number(baristas);
    if (baristas === 'account') settings.baristas = null;
    else if (baristas.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 1000) settings.baristas = n;
    else
      problems.push(
        `baristas=${baristas} must be a whole number from 0 to 1000 or "account"; using ${DEFAULT_SETTINGS.baristas}.`,
      );
  }
  const failure = params.get('failure');
  if (failure !== null) {
    if ((FAILURES as string[]).includes(failure)) settings.failure = failure as KitchenSettings['failure'];
    else problems.push(`failure=${failure} must be one of ${FAILURES.join(', ')}; using never.`);
  }
  const target = params.get('target');
  if (target !== null) {
    if ((TARGETS as string[]).includes(target))
      settings.failureTarget = target as KitchenSettings['failureTarget'];
    else problems.push(`target=${target} must be one of ${TARGETS.join(', ')}; using OnFailure.`);
  }
  const onSuccess = params.get('onsuccess');
  if (onSuccess !== null) {
    if (onSuccess === '1' || onSuccess === 'true') settings.onSuccess = true;
    else if (onSuccess === '0' || onSuccess === 'false') settings.onSuccess = false;
    else problems.push(`onsuccess=${onSuccess} must be 1 or 0; using 0.`);
  }
  const paused = params.get('paused');
  if (paused !== null) {
    if (paused === '1' || paused === 'true') options.paused = true;
    else if (paused !== '0' && paused !== 'false') problems.push(`paused=${paused} must be 1 or 0; playing.`);
  }
  if (Object.keys(settings).length) options.settings = settings;
  const lesson = parseLessonLink(params.get('lesson'), params.get('step'), problems);
  return lesson ? { options, lesson, problems } : { options, problems };
}

/** `lesson` is an id (letters, digits, dashes); `step` a whole number from 1, and only with a lesson. */
function parseLessonLink(id: string | null, step: string | null, problems: string[]) {
  if (id === null) {
    if (step !== null) problems.push('step= needs a lesson= too; ignored.');
    return undefined;
  }
  if (!/^[a-z0-9-]{1,40}$/.test(id)) {
    problems.push(`lesson=${id.slice(0, 40)} is not a lesson id (lower-case letters, digits and dashes).`);
    return undefined;
  }
  if (step !== null && !/^[1-9][0-9]{0,2}$/.test(step)) {
    problems.push(`step=${step.slice(0, 40)} must be a whole number from 1; opening step 1.`);
    return { id, step: 1 };
  }
  return { id, step: step === null ? 1 : Number(step) };
}
