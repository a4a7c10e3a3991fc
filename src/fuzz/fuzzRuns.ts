/**
 * How many runs a fuzz property makes: a short pass inside `npm test`; under `npm run fuzz`
 * (scripts/fuzz.mjs sets FUZZ_CASES, default 10,000) enough runs for that many cases, where one
 * run may hold several cases (a terminal session holds several lines). Kept out of src/model so
 * the model never reads the environment.
 */
export function fuzzRuns(shortPass: number, casesPerRun = 1): number {
  // The app's tsconfig has no Node types: reach the environment through globalThis.
  const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
    .FUZZ_CASES;
  const n = env === undefined ? NaN : Number(env);
  return Number.isInteger(n) && n > 0 ? Math.ceil(n / casesPerRun) : shortPass;
}

/** One line for the fuzz report (`npm run fuzz` prints these). */
export function reportFuzz(suite: string, figures: Record<string, number>): void {
  const parts = Object.entries(figures).map(([k, v]) => `${v} ${k}`);
  console.log(`[fuzz] ${suite}: ${parts.join(', ')}`);
}
