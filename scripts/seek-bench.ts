/**
 * Rewind benchmark (#14): a 10-minute session at 20 requests per second (half sync, half async,
 * baristas = account limit), then snapshot / restore of the model, the memory the rewind
 * checkpoints hold, and the time of seeks and steps back in the store (Node; the browser's key
 * press → next frame is scripts/seek-bench-browser.mjs).
 * Run: npx tsx scripts/seek-bench.ts
 * Bars: snapshot() and restore ≤ 20 ms each; all checkpoints ≤ 50 MB; seeks well under 100 ms.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLambdaSimulation } from '../src/model';
import { createCafeStore } from '../src/store/cafeStore';
import { functionConfigFor, DEFAULT_SETTINGS } from '../src/store/kitchen';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};
const SESSION_MS = 10 * 60_000;
const GAP_MS = 50; // 20 requests per second
const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. The model alone: the same orders without the café around it.
const base = heapMb();
const bare = createLambdaSimulation({
  seed: 7,
  functions: [functionConfigFor({ ...DEFAULT_SETTINGS, baristas: null })],
});
for (let t = 0, n = 0; t < SESSION_MS; t += GAP_MS, n++) {
  bare.advanceTo(t);
  bare.invoke(
    { FunctionName: 'cafe-order', InvocationType: n % 2 === 0 ? 'RequestResponse' : 'Event' },
    { callerId: `customer-${n + 1}`, detached: true },
  );
}
bare.advanceTo(SESSION_MS + 200);
const modelMb = heapMb() - base;
const snapTimes: number[] = [];
const restoreTimes: number[] = [];
let snapshot = bare.snapshot();
for (let i = 0; i < 20; i++) {
  let t0 = performance.now();
  snapshot = bare.snapshot();
  snapTimes.push(performance.now() - t0);
  t0 = performance.now();
  createLambdaSimulation({ snapshot });
  restoreTimes.push(performance.now() - t0);
}
console.log(
  `model alone after 10 min at 20 req/s: ${modelMb.toFixed(1)} MB; snapshot() median ${median(snapTimes).toFixed(2)} ms (max ${Math.max(...snapTimes).toFixed(2)}), restore median ${median(restoreTimes).toFixed(2)} ms (max ${Math.max(...restoreTimes).toFixed(2)})`,
);
const t0 = performance.now();
const cloned = structuredClone(snapshot);
console.log(
  `structuredClone(snapshot) (a full copy, not needed for rewind): ${(performance.now() - t0).toFixed(0)} ms`,
);
void cloned;

// 2. The café: the same session played in 16 ms frames, checkpoints taken as play passes.
for (const speed of [1, 16]) {
  const store = createCafeStore({ seed: 7, settings: { baristas: null }, speed });
  const s = () => store.getState();
  const before = heapMb();
  let nextOrder = 0;
  const played = performance.now();
  while (s().now < SESSION_MS) {
    while (nextOrder <= s().now) {
      s().order(s().customerCount % 2 === 0 ? 'sync' : 'async');
      nextOrder += GAP_MS;
    }
    s().tick(speed === 1 ? GAP_MS : 1000 / 60);
  }
  s().pause();
  const cafeMb = heapMb() - before;
  console.log(
    `café played at ${speed}×: ${s().actions.length} actions kept, ${s().checkpointCount()} checkpoints, rewind reaches ${(s().rewindStart / 1000).toFixed(0)} s; ${((performance.now() - played) / 1000).toFixed(1)} s wall; heap of the café ${cafeMb.toFixed(1)} MB (model alone ${modelMb.toFixed(1)} MB: the checkpoints and the session hold the difference)`,
  );
  const end = s().sessionEnd;
  const seek = (to: number) => {
    const t1 = performance.now();
    void s().seek(Math.round(to));
    return performance.now() - t1;
  };
  const first = [end - 500, end / 2, end - 45_000, 30_000, end, end * 0.73, end * 0.31].map(seek);
  console.log(
    `  seeks right after pausing (end−0.5 s, middle, end−45 s, 30 s, end, 73 %, 31 %): ${first.map((m) => m.toFixed(1)).join(' / ')} ms`,
  );
  void s().seek(end);
  const steps: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t1 = performance.now();
    void s().stepBack();
    steps.push(performance.now() - t1);
  }
  console.log(
    `  30 steps back from the end, held down: max ${Math.max(...steps).toFixed(1)} ms, median ${median(steps).toFixed(1)} ms`,
  );
  const drag: number[] = [];
  for (let i = 0; i <= 40; i++) drag.push(seek(end * (i <= 20 ? 1 - i / 20 : (i - 20) / 20)));
  console.log(
    `  drag end → start → end, 41 seeks: max ${Math.max(...drag).toFixed(1)} ms, median ${median(drag).toFixed(1)} ms`,
  );
}
