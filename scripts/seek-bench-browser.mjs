// Seek benchmark in the browser (#14): the café played at 16× for 10 minutes of model time
// with orders arriving all along, then, right after pausing, how long each move takes from the
// key press to the next frame (restore + replay + React's render together).
//   node scripts/seek-bench-browser.mjs      (builds first; SKIP_BUILD=1 to reuse dist/;
//   BENCH_PORT or E2E_PORT chooses the preview port, default 4175)
// Orders come as rushes of 5 (the Shift+S / Shift+A keys) often enough for RATE (default 20)
// orders per second of model time, half sync and half async.
// Bar: every move, and every step of a held step-back key, within 100 ms.
import { openBenchPage } from './benchPage.mjs';

const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4175);
const { page, url, close } = await openBenchPage({ port });
/** Orders per second of model time (the session: 20). */
const RATE = Number(process.env.RATE ?? 20);
await page.goto(`${url}?paused=1&speed=16`);
const cafe = page.locator('section.cafe');
const timer = cafe.getByRole('timer');
const clock = async () => {
  const label = (await timer.getAttribute('aria-label')) ?? '';
  const [, m, s] = /(\d+):(\d+(?:\.\d+)?)/.exec(label) ?? [];
  return Number(m) * 60 + Number(s);
};

await page.evaluate(() => {
  // Frame times while playing, and the moment of each key press and clock change afterwards.
  window.bench = { frames: [], keys: [] };
  const loop = (t) => {
    window.bench.frames.push(t);
    if (window.bench.frames.length < 100_000) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  addEventListener('keydown', () => window.bench.keys.push(performance.now()), true);
});
await cafe.getByRole('button', { name: 'Play' }).click();
const playStart = Date.now();
// Two rushes of 5 orders (Shift+S, Shift+A), as often as it takes for RATE orders per model second.
await page.evaluate((rate) => {
  const root = document.querySelector('section.cafe');
  window.benchRushes = setInterval(
    () => {
      for (const key of ['S', 'A']) {
        root.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey: true, bubbles: true }));
      }
    },
    (10 / (rate * 16)) * 1000,
  );
}, RATE);
while ((await clock()) < 600) await page.waitForTimeout(250);
await page.evaluate(() => clearInterval(window.benchRushes));
await cafe.getByRole('button', { name: 'Pause' }).click();
const frames = await page.evaluate(() => window.bench.frames.splice(0));
const gaps = frames.slice(1).map((t, i) => t - frames[i]);
const orders = await page.evaluate(() =>
  Math.max(0, ...[...document.querySelectorAll('[data-customer]')].map((e) => Number(e.dataset.customer))),
);
console.log(
  `played 16× to ${(await clock()).toFixed(0)} s of model time in ${((Date.now() - playStart) / 1000).toFixed(0)} s: about ${orders} orders, ${(gaps.length / ((frames.at(-1) - frames[0]) / 1000)).toFixed(1)} fps`,
);

/**
 * Presses `key` on `target` and returns ms from the key press to the first frame after the
 * seek (the store marks each seek as a `cafe.seek` performance measure; React has rendered by
 * the time the next frame paints).
 */
async function timed(target, key) {
  await page.evaluate(() => {
    window.bench.keys = [];
    performance.clearMeasures('cafe.seek');
  });
  await target.press(key);
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const pressed = performance.now();
        const wait = () => {
          if (performance.now() - pressed > 5_000) return resolve({ total: NaN, replay: NaN });
          if (!performance.getEntriesByName('cafe.seek').length) return setTimeout(wait, 1);
          const replay = performance.getEntriesByName('cafe.seek')[0].duration;
          requestAnimationFrame((frame) => resolve({ total: frame - window.bench.keys[0], replay }));
        };
        wait();
      }),
  );
}

const playhead = page.getByRole('slider');
const moves = [];
for (const key of ['Home', 'End', 'PageDown', 'PageDown', 'Home', 'PageUp', 'End']) {
  const { total, replay } = await timed(playhead, key);
  moves.push(`${key} ${total.toFixed(0)} (${replay.toFixed(0)})`);
  await page.waitForTimeout(300);
}
console.log(
  `right after pausing, playhead keys, ms to the next frame (of which replay): ${moves.join(' / ')}`,
);
// 300 ms apart, 100 ms apart, and held down (key repeat: about 30 a second).
for (const gapMs of [300, 100, 33]) {
  const steps = [];
  for (let i = 0; i < 10; i++) {
    const { total, replay } = await timed(cafe, 'b');
    steps.push(`${total.toFixed(0)} (${replay.toFixed(0)})`);
    await page.waitForTimeout(gapMs);
  }
  console.log(
    `then 10 steps back (b), ${gapMs} ms apart, ms to the next frame (of which replay): ${steps.join(' / ')}`,
  );
}
// The heap with every checkpoint kept.
await page.waitForTimeout(1_000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('HeapProfiler.collectGarbage');
const heapMb = await page.evaluate(() =>
  performance.memory ? performance.memory.usedJSHeapSize / 1e6 : NaN,
);
console.log(`JS heap with the checkpoints kept (after a forced GC): ${heapMb.toFixed(0)} MB`);
await close();
process.exit(0);
