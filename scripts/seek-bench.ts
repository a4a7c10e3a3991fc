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

// Cold: nothing prepared, every seek replays from the seed (or continues the live session).
s().pause();
for (const fraction of [0.999, 0.5]) {
  const target = Math.round(s().sessionEnd * fraction);
  t0 = performance.now();
  await s().seek(target);
  console.log(`cold seek to ${(target / 1000).toFixed(1)} s: ${(performance.now() - t0).toFixed(0)} ms`);
}
t0 = performance.now();
const parked = await s().prepareRewind();
console.log(
  `checkpoints: ${parked} built in the background in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
const heap = process.memoryUsage().heapUsed / 1e6;
console.log(`heap with checkpoints: ${heap.toFixed(0)} MB`);

for (const fraction of [1, 0.5, 0.1, 0.999, 0.73, 0.31]) {
  const target = Math.round(s().sessionEnd * fraction);
  t0 = performance.now();
  await s().seek(target);
  console.log(
    `seek (checkpoints ready) to ${(target / 1000).toFixed(1)} s: ${(performance.now() - t0).toFixed(0)} ms`,
  );
}
for (let i = 0; i < 3; i++) {
  await s().prepareRewind();
  t0 = performance.now();
  await s().stepBack();
  console.log(`step back to ${(s().now / 1000).toFixed(1)} s: ${(performance.now() - t0).toFixed(0)} ms`);
}

// The same session played at 4× in 100 ms frames, with a turn of the event loop between frames
// (the browser's idle time): checkpoints are rebuilt while playing, so the first seek after
// pausing is already short.
{
  const played = createCafeStore({ seed: 7, settings: { baristas: null }, speed: 4 });
  const p = () => played.getState();
  t0 = performance.now();
  for (let frame = 0; frame * 400 < SESSION_MS; frame++) {
    for (let i = 0; i < 8; i++) p().order(p().customerCount % 2 === 0 ? 'sync' : 'async');
    p().tick(100);
    await new Promise((r) => setTimeout(r, 0));
  }
  p().pause();
  console.log(
    `played at 4×: ${p().actions.length} actions, ${(p().now / 60_000).toFixed(1)} min; ${p().checkpointCount()} checkpoints ready at pause (${((performance.now() - t0) / 1000).toFixed(1)} s wall)`,
  );
  for (const fraction of [0.999, 0.5, 0.05]) {
    const target = Math.round(p().sessionEnd * fraction);
    t0 = performance.now();
    await p().seek(target);
    console.log(
      `first seeks right after pausing, to ${(target / 1000).toFixed(1)} s: ${(performance.now() - t0).toFixed(0)} ms`,
    );
  }
}
