// Soak test (#15): a classroom leaves the café running. The production build in headless
// Chromium at ?speed=64 with automatic arrivals; every SOAK_SAMPLE_S seconds of real time the
// JS heap after a forced GC and the number of DOM nodes are read.
//   SOAK_MINUTES=60 node scripts/soak.mjs   (builds first; SKIP_BUILD=1 reuses dist/;
//   SOAK_RATE = arrivals per model minute, one of 2, 6, 12, 30, 60, 120 (default 30: busy but within
//   the 3 baristas' capacity; 120 overloads them and the waiting events only level off when the
//   oldest reach the 6 h maximum event age, ~15 minutes of real time at 64×);
//   BENCH_PORT or E2E_PORT chooses the preview port, default 4176)
// Bar (a 60-minute run): the heap after GC at the end within 10 % of its value at 20 minutes, and
// the DOM bounded. A shorter run compares its end with its first third. Exit code 1 when missed.
import { openBenchPage } from './benchPage.mjs';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 60);
const SAMPLE_S = Number(process.env.SOAK_SAMPLE_S ?? 60);
const RATE = String(process.env.SOAK_RATE ?? 30);
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4176);
if (!(MINUTES > 0) || !(SAMPLE_S > 0))
  throw new Error('SOAK_MINUTES and SOAK_SAMPLE_S must be positive numbers');

const { page, url, close } = await openBenchPage({ port });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
await page.goto(`${url}?speed=64`);
const cafe = page.locator('section.cafe');
// The arrival knobs are in the Kitchen disclosure; closed again afterwards, the scene in full view.
await cafe.getByText('Kitchen', { exact: true }).click();
await cafe.getByRole('combobox', { name: 'Automatic arrival interval' }).selectOption(RATE);
await cafe.getByRole('checkbox', { name: /Arrivals every/ }).check();
await cafe.getByText('Kitchen', { exact: true }).click();
const cdp = await page.context().newCDPSession(page);

async function sample(elapsedS) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  const model = await page.evaluate(() => {
    const label = document.querySelector('section.cafe [role="timer"]')?.getAttribute('aria-label') ?? '';
    return label;
  });
  return { minute: elapsedS / 60, heapMb: usedSize / 1e6, domNodes: nodes, clock: model };
}

const started = Date.now();
const samples = [await sample(0)];
console.log(`minute  heap after GC (MB)  DOM nodes  café clock`);
const show = (s) =>
  console.log(
    `${s.minute.toFixed(1).padStart(6)}  ${s.heapMb.toFixed(1).padStart(18)}  ${String(s.domNodes).padStart(9)}  ${s.clock}`,
  );
show(samples[0]);
while ((Date.now() - started) / 1000 < MINUTES * 60) {
  const next = samples.length * SAMPLE_S * 1000;
  await page.waitForTimeout(Math.max(0, started + next - Date.now()));
  const s = await sample((Date.now() - started) / 1000);
  samples.push(s);
  show(s);
}
await close();

const end = samples.at(-1);
const referenceMinute = MINUTES >= 60 ? 20 : MINUTES / 3;
const reference = samples.reduce((best, s) =>
  Math.abs(s.minute - referenceMinute) < Math.abs(best.minute - referenceMinute) ? s : best,
);
const growth = (end.heapMb - reference.heapMb) / reference.heapMb;
const maxDom = Math.max(...samples.map((s) => s.domNodes));
const refDom = Math.max(...samples.filter((s) => s.minute <= reference.minute).map((s) => s.domNodes));
console.log(
  `heap ${reference.heapMb.toFixed(1)} MB at ${reference.minute.toFixed(1)} min → ${end.heapMb.toFixed(1)} MB at ${end.minute.toFixed(1)} min (${(growth * 100).toFixed(1)} %); DOM nodes at most ${maxDom} (${refDom} up to the reference); page errors: ${errors.length}`,
);
const ok = growth <= 0.1 && maxDom <= refDom * 1.1 + 50 && errors.length === 0;
if (errors.length) console.log(errors.slice(0, 5).join('\n'));
console.log(ok ? 'PASS' : 'FAIL: the heap or the DOM kept growing (or the page threw)');
process.exit(ok ? 0 : 1);
