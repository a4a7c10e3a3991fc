/**
 * Model throughput benchmark (#14): 100,000 invocations of the tutorial's 5 s handler arriving
 * at 10 per second of model time, alternating between two functions with reserved concurrency 50
 * each, half async, about 10 % timing out (durations 5 s ± 1.25 s against a 6 s Timeout), run to
 * completion on the virtual clock (retries and idle shutdowns included).
 * Run: npx tsx scripts/bench.ts   (BENCH_INVOCATIONS=n to change the count)
 * Bars: ≥ 25,000 invocations/s of wall time in Node 20; heap growth < 100 MB.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLambdaSimulation } from '../src/model';

const TOTAL = Number(process.env.BENCH_INVOCATIONS ?? 100_000);
/** 10 arrivals per second of model time. */
const ARRIVAL_GAP_MS = 100;

// A forced GC measures what the model retains (not garbage awaiting collection);
// its time is left out of the wall time.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
gc();
const baseline = process.memoryUsage().heapUsed;
let peakRaw = baseline;
let peakRetained = baseline;
let gcMs = 0;
const sample = (retained: boolean) => {
  peakRaw = Math.max(peakRaw, process.memoryUsage().heapUsed);
  if (!retained) return;
  const t0 = performance.now();
  gc();
  gcMs += performance.now() - t0;
  peakRetained = Math.max(peakRetained, process.memoryUsage().heapUsed);
};

const handler = { durationMs: 5000, jitterMs: 1250, initDurationMs: 250 };
const started = performance.now();
const sim = createLambdaSimulation({
  seed: 2026,
  accountConcurrency: 1000,
  functions: ['orders', 'thumbnails'].map((FunctionName) => ({
    FunctionName,
    Timeout: 6,
    ReservedConcurrentExecutions: 50,
    MaximumRetryAttempts: 2,
    Handler: handler,
  })),
});

let syncOk = 0;
let syncFunctionErrors = 0;
let throttled = 0;
let otherRejections = 0;
for (let i = 0; i < TOTAL; i++) {
  sim.advanceTo(i * ARRIVAL_GAP_MS);
  const sync = i % 4 < 2;
  const p = sim.invoke({
    FunctionName: i % 2 === 0 ? 'orders' : 'thumbnails',
    InvocationType: sync ? 'RequestResponse' : 'Event',
    Payload: `{"order":${i}}`,
  });
  if (sync) {
    p.then(
      (out) => (out.FunctionError ? syncFunctionErrors++ : syncOk++),
      (err: { name?: string }) => (err.name === 'TooManyRequestsException' ? throttled++ : otherRejections++),
    );
  }
  if (i % 1000 === 0) {
    sample(i % 20_000 === 0);
    // Let promise reactions run, as a browser does between animation frames; a fully
    // synchronous loop would keep every settled promise's reactions queued until the end.
    await new Promise((r) => setImmediate(r));
  }
}
// Drain: retries (1 and 2 min later), backoffs and idle shutdowns.
while (sim.stats().active > 0) {
  sim.advanceBy(60_000);
  sample(false);
  await new Promise((r) => setImmediate(r));
}
await Promise.resolve();
await new Promise((r) => setTimeout(r, 0));
const elapsedMs = performance.now() - started - gcMs;
sample(true);

const stats = sim.stats();
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
console.log(
  `invocations:        ${TOTAL.toLocaleString('en')} (virtual time ${(sim.now() / 1000).toFixed(0)} s)`,
);
console.log(`wall time:          ${(elapsedMs / 1000).toFixed(2)} s`);
console.log(
  `throughput:         ${Math.round(TOTAL / (elapsedMs / 1000)).toLocaleString('en')} invocations/s of wall time`,
);
console.log(
  `peak heap growth:   ${mb(peakRetained - baseline)} MB retained (sampled after a forced GC every 20,000 invocations); ${mb(peakRaw - baseline)} MB raw heapUsed peak incl. uncollected garbage`,
);
console.log(
  `accepted/rejected:  ${stats.accepted} / ${stats.rejected} (429: ${throttled}, other: ${otherRejections})`,
);
console.log(`sync answered:      ${syncOk} ok, ${syncFunctionErrors} with FunctionError (timed out)`);
console.log(`outcomes:           ${JSON.stringify(stats.outcomes)}`);
console.log(`cold starts:        ${stats.coldStarts}; machine instances at the end: ${sim.actorCount()}`);
const ended = Object.values(stats.outcomes).reduce((a, b) => a + b, 0);
if (ended !== stats.accepted || stats.active !== 0) {
  console.error(`LOST INVOCATIONS: accepted ${stats.accepted}, ended ${ended}, active ${stats.active}`);
  process.exitCode = 1;
}
