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
  // Frame times while playing; afterwards, what each key press brought (see timed).
  window.bench = {
    frames: [],
    /** Calls `done` with the time once the next frame is drawn: a rAF, then a message after it. */
    afterFrame(done) {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.addEventListener('message', () => done(performance.now()), { once: true });
        channel.port1.start();
        channel.port2.postMessage(0);
      });
    },
  };
  const loop = (t) => {
    window.bench.frames.push(t);
    if (window.bench.frames.length < 100_000) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  addEventListener('keydown', () => window.bench.onKey?.(performance.now()), true);
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
 * Presses `key` on `target` and returns ms from the key press to the end of the first frame
 * drawn after the seek (a rAF requested at the key press, then a message: it runs once that
 * frame's style, layout and paint are done), the seek's own time (the store marks each as a
 * `cafe.seek` performance measure) and ms to the end of the frame that redrew the timeline's
 * lanes for the new moment (they follow the first frame).
 */
async function timed(target, key) {
  await page.evaluate(() => {
    performance.clearMeasures('cafe.seek');
    window.bench.result = undefined;
    window.bench.onKey = (t0) => {
      window.bench.onKey = undefined;
      const r = { t0 };
      const frame = () =>
        window.bench.afterFrame((t) => {
          const seek = performance.getEntriesByName('cafe.seek')[0];
          if (!seek && t - t0 < 5_000) return frame();
          r.total = seek ? t - t0 : NaN;
          r.replay = seek ? seek.duration : NaN;
          window.bench.result = r;
        });
      frame();
      const lanes = document.querySelector('[data-testid=timeline-panel]');
      const observer = new MutationObserver(() => {
        observer.disconnect();
        window.bench.afterFrame((t) => (r.lanes = t - t0));
      });
      if (lanes) observer.observe(lanes, { attributeFilter: ['data-drawn-at'] });
      setTimeout(() => observer.disconnect(), 2_000);
    };
  });
  await target.press(key);
  await page.waitForFunction(
    () =>
      window.bench.result &&
      (window.bench.result.lanes !== undefined || performance.now() - window.bench.result.t0 > 2_000),
  );
  const { total, replay, lanes } = await page.evaluate(() => window.bench.result);
  // A seek to the moment already shown leaves the lanes as they were.
  return { total, replay, lanes: lanes ?? NaN };
}

const playhead = page.getByRole('slider');
const moves = [];
for (const key of ['Home', 'End', 'PageDown', 'PageDown', 'Home', 'PageUp', 'End']) {
  const { total, replay, lanes } = await timed(playhead, key);
  moves.push(`${key} ${total.toFixed(0)} (${replay.toFixed(0)}; lanes ${lanes.toFixed(0)})`);
  await page.waitForTimeout(300);
}
console.log(
  `right after pausing, playhead keys, ms to the next frame (of which replay; the timeline's lanes redrawn): ${moves.join(' / ')}`,
);
// 300 ms apart, 100 ms apart, and held down (key repeat: about 30 a second).
for (const gapMs of [300, 100, 33]) {
  const steps = [];
  for (let i = 0; i < 10; i++) {
    const { total, replay, lanes } = await timed(cafe, 'b');
    steps.push(`${total.toFixed(0)} (${replay.toFixed(0)}; ${lanes.toFixed(0)})`);
    await page.waitForTimeout(gapMs);
  }
  console.log(
    `then 10 steps back (b), ${gapMs} ms apart, ms to the next frame (of which replay; lanes redrawn): ${steps.join(' / ')}`,
  );
}
// At 1× (where cards glide between zones as play moves them), steps back 100 ms apart.
await page.getByRole('combobox', { name: 'Speed' }).first().selectOption('1');
{
  const steps = [];
  for (let i = 0; i < 10; i++) {
    const { total, replay, lanes } = await timed(cafe, 'b');
    steps.push(`${total.toFixed(0)} (${replay.toFixed(0)}; ${lanes.toFixed(0)})`);
    await page.waitForTimeout(100);
  }
  console.log(`at 1×, 10 steps back (b), 100 ms apart: ${steps.join(' / ')}`);
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
