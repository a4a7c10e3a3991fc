/**
 * Seek benchmark (issue 6): a 10-minute session at 20 requests per second (half sync, half
 * async, baristas = account limit), then the time to move the whole café to several moments
 * by replaying the model from its seed and the recorded actions.
 * Run: npx tsx scripts/seek-bench.ts        Bar: any point within 200 ms.
 */
import { createCafeStore } from '../src/store/cafeStore';

const store = createCafeStore({ seed: 7, paused: true, settings: { baristas: null } });
const s = () => store.getState();
const SESSION_MS = 10 * 60_000;
const GAP_MS = 50; // 20 requests per second

let t0 = performance.now();
for (let t = 0; t < SESSION_MS; t += GAP_MS) {
  s().play();
  s().tick(GAP_MS); // speed 1: 50 ms of real time = 50 ms of model time
  s().pause();
  s().order(s().customerCount % 2 === 0 ? 'sync' : 'async');
}
s().play();
s().tick(200);
const recordMs = performance.now() - t0;
console.log(
  `recorded: ${s().actions.length} actions over ${(s().now / 60_000).toFixed(1)} min in ${(recordMs / 1000).toFixed(1)} s wall`,
);

for (const fraction of [1, 0.5, 0.1, 0.999]) {
  const target = Math.round(s().sessionEnd * fraction);
  t0 = performance.now();
  await s().seek(target);
  console.log(`seek to ${(target / 1000).toFixed(1)} s: ${(performance.now() - t0).toFixed(0)} ms`);
}
t0 = performance.now();
await s().stepBack();
console.log(`step back from the end: ${(performance.now() - t0).toFixed(0)} ms`);
