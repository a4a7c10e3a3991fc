// Scene benchmark (issue 4): with 50 customers and 10 baristas moving at 16×, measure frames per
// second with requestAnimationFrame over 10 s in headless Chromium at 1280×720, long tasks over
// 50 ms, and the DOM node count after 100 and after 1,000 orders (it must stay bounded).
//   node scripts/scene-bench.mjs          (builds first; SKIP_BUILD=1 to reuse dist/; PORT=4174)
// Bars: ≥ 55 fps, no long task > 50 ms, DOM nodes after 1,000 orders ≈ after 100.
import { openBenchPage } from './benchPage.mjs';

const PORT = Number(process.env.PORT ?? 4174);
/** SPEED=4 measures the gliding mode (cards glide between zones at 4× and below). */
const SPEED = process.env.SPEED ?? '16';
/** PANEL=charts (or logs, code, config) opens that side panel and scrolls it into view first. */
const PANEL = process.env.PANEL;
const TAB_NAMES = {
  charts: 'Charts',
  logs: 'CloudWatch logs',
  code: 'Handler code',
  config: 'Configuration',
};
const { page, url, close } = await openBenchPage({
  port: PORT,
  reducedMotion: process.env.REDUCED ? 'reduce' : undefined,
});
await page.addInitScript(() => {
  window.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.benchLongTasks.push(Math.round(entry.duration));
  }).observe({ type: 'longtask', buffered: true });
});
await page.goto(`${url}?paused=1&speed=${SPEED}&baristas=10`);
const cafe = page.locator('section.cafe');
// The café's keys are live from load: no focus (which would scroll the page) is needed.
await page.locator('section.cafe[data-keys-live]').waitFor({ state: 'attached' });
// 50 customers: 10 sync (each takes a barista) and 40 async (queued on the rail, then made).
for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+S');
for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+A');
// Keep the café busy: an order every 0.5 s of virtual time (the knob is in the kitchen settings).
await cafe.getByText('Kitchen', { exact: true }).click();
await cafe.getByLabel('Automatic arrival interval').selectOption('120');
await cafe.getByRole('checkbox', { name: /Arrivals every/ }).check();
if (PANEL) {
  await page.getByRole('tab', { name: TAB_NAMES[PANEL] }).click();
  await page.locator('.panel-tabs').scrollIntoViewIfNeeded();
}
await cafe.getByText('Kitchen', { exact: true }).click(); // closed again: the scene in full view
await page.evaluate(() => (window.benchLongTasks = []));
await cafe.getByRole('button', { name: 'Play' }).click();

const frames = await page.evaluate(
  () =>
    new Promise((resolve) => {
      const times = [];
      const start = performance.now();
      const loop = (t) => {
        times.push(t);
        if (t - start < 10_000) requestAnimationFrame(loop);
        else resolve(times);
      };
      requestAnimationFrame(loop);
    }),
);
const gaps = frames.slice(1).map((t, i) => t - frames[i]);
const seconds = (frames.at(-1) - frames[0]) / 1000;
const fps = gaps.length / seconds;
const p95 = gaps.toSorted((a, b) => a - b)[Math.floor(gaps.length * 0.95)];
const longTasks = await page.evaluate(() => window.benchLongTasks);
const onScreen = await page.evaluate(() => ({
  customers: document.querySelectorAll('li.customer').length,
  baristas: document.querySelectorAll('li.station:not(.vacant)').length,
  tickets: document.querySelectorAll('li.ticket').length,
}));

const maxCustomer = () =>
  page.evaluate(() =>
    Math.max(0, ...[...document.querySelectorAll('[data-customer]')].map((e) => Number(e.dataset.customer))),
  );
const domNodes = () => page.evaluate(() => document.getElementsByTagName('*').length);
await cafe.getByLabel('Speed', { exact: true }).selectOption('64');
const domAt = {};
for (const target of [100, 1000]) {
  while ((await maxCustomer()) < target) await page.waitForTimeout(200);
  domAt[target] = await domNodes();
}
const heapMb = await page.evaluate(() =>
  performance.memory ? performance.memory.usedJSHeapSize / 1e6 : NaN,
);

console.log(
  `${PANEL ? `${PANEL} panel in view` : 'scene'} at ${SPEED}×, 1280×720, ${seconds.toFixed(1)} s: ${fps.toFixed(1)} fps (95th percentile frame ${p95.toFixed(1)} ms)`,
);
console.log(
  `on screen while measuring: ${onScreen.customers} customer cards, ${onScreen.baristas} baristas at work, ${onScreen.tickets} tickets`,
);
console.log(
  `long tasks > 50 ms: ${longTasks.length}${longTasks.length ? ` (${longTasks.join(', ')} ms)` : ''}`,
);
console.log(`DOM nodes after 100 orders: ${domAt[100]}; after 1,000 orders: ${domAt[1000]}`);
console.log(`JS heap after 1,000 orders: ${heapMb.toFixed(1)} MB`);
await close();
process.exit(0);
