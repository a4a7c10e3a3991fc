/**
 * Seek benchmark (issue 6): a 10-minute session at 20 requests per second (half sync, half
 * async, baristas = account limit), then the time to move the whole café to several moments
 * by replaying the model from its seed and the recorded actions.
 * Run: npx tsx scripts/seek-bench.ts        Bar: any point within 200 ms.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCafeStore } from '../src/store/cafeStore';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

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

// Cold: recorded without a turn of the event loop, so no checkpoint exists (the app never gets
// here: play builds them); every seek replays from the seed (or continues the live session).
s().pause();
for (const fraction of [0.999, 0.5]) {
  const target = Math.round(s().sessionEnd * fraction);
  t0 = performance.now();
  await s().seek(target);
  console.log(
    `cold seek (no checkpoint at all) to ${(target / 1000).toFixed(1)} s: ${(performance.now() - t0).toFixed(0)} ms`,
  );
}
t0 = performance.now();
const parked = await s().prepareRewind();
console.log(
  `checkpoints: ${parked} built in the background in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
gc();
const heap = process.memoryUsage().heapUsed / 1e6;
console.log(`heap with the checkpoints parked (after a forced GC): ${heap.toFixed(0)} MB`);

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

// The same session played in the café at 4× and at 16× in 60 fps frames, with a turn of the
// event loop between frames standing for the browser's idle time (the rebuild gets a 2 ms slice
// per turn): checkpoints are built as play passes each grid moment, so the first seeks after
// pausing are already short.
for (const speed of [4, 16]) {
  const played = createCafeStore({ seed: 7, settings: { baristas: null }, speed });
  const p = () => played.getState();
  const FRAME_MS = 1000 / 60;
  let nextOrder = 0;
  t0 = performance.now();
  while (p().now < SESSION_MS) {
    while (nextOrder <= p().now) {
      p().order(p().customerCount % 2 === 0 ? 'sync' : 'async');
      nextOrder += GAP_MS;
    }
    p().tick(FRAME_MS);
    await new Promise((r) => setTimeout(r, 0));
  }
  p().pause();
  console.log(
    `played at ${speed}×: ${p().actions.length} actions, ${(p().now / 60_000).toFixed(1)} min; ${p().checkpointCount()} checkpoints ready at pause (${((performance.now() - t0) / 1000).toFixed(1)} s wall)`,
  );
  const end = p().sessionEnd;
  for (const target of [end - 500, end / 2, end - 45_000, 30_000, end]) {
    t0 = performance.now();
    await p().seek(Math.round(target));
    console.log(
      `  first seeks right after pausing, to ${(target / 1000).toFixed(1)} s: ${(performance.now() - t0).toFixed(0)} ms`,
    );
  }
  // Step back as a user does: key presses 300 ms apart, then 100 ms apart (the rebuild gets the
  // time between presses).
  for (const gapMs of [300, 100]) {
    await p().prepareRewind(); // each pattern starts with the checkpoints rebuilt
    const steps: number[] = [];
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, gapMs));
      t0 = performance.now();
      await p().stepBack();
      steps.push(performance.now() - t0);
    }
    console.log(`  10 steps back, ${gapMs} ms apart: ${steps.map((ms) => ms.toFixed(0)).join(' / ')} ms`);
  }
  // A drag across the timeline and back: a seek every 150 ms (what the timeline's scheduler sends).
  await p().prepareRewind();
  await p().seek(end);
  const drag: number[] = [];
  for (let i = 0; i <= 20; i++) {
    await new Promise((r) => setTimeout(r, 150));
    const fraction = i <= 10 ? 1 - i / 10 : (i - 10) / 10;
    t0 = performance.now();
    await p().seek(Math.round(end * fraction));
    drag.push(performance.now() - t0);
  }
  console.log(
    `  drag end → start → end, a seek every 150 ms: ${drag.map((ms) => ms.toFixed(0)).join(' / ')} ms`,
  );
}
