// Takes the screenshots we look at before calling UI work done:
//   node scripts/screenshots.mjs [url-query] [out-prefix]
// against a running `npm run preview` (port 4173, or BASE_URL). Desktop (1280×800), projector
// (1920×1080) and phone (390×844), light and dark (SCHEMES=light,dark). ACTIONS=s,a,n presses
// keys after load (no click: the café's keys are live from page load); SIZES=desktop,phone picks
// sizes; FULL=1 takes the whole page.
import { chromium } from '@playwright/test';
import { findBrowser, launchArgs } from './browser.mjs';

const query = process.argv[2] ?? '';
const out = process.argv[3] ?? '/tmp/shots';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173/';
const only = (process.env.SIZES ?? '').split(',').filter(Boolean);
const sizes = [
  ['projector', 1920, 1080],
  ['desktop', 1280, 800],
  ['phone', 390, 844],
].filter(([name]) => only.length === 0 || only.includes(name));
const found = findBrowser();
const browser = await chromium.launch({
  executablePath: found.source === 'playwright' ? undefined : found.path,
  args: launchArgs(),
});
const actions = (process.env.ACTIONS ?? '').split(',').filter(Boolean);
const waitMs = Number(process.env.WAIT_MS ?? 1500);
for (const scheme of (process.env.SCHEMES ?? 'light').split(',')) {
  for (const [name, width, height] of sizes) {
    const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    await page.goto(base + query);
    // The café's keys are live once it has mounted (no click needed).
    await page.locator('[data-cafe][data-keys-live]').first().waitFor({ state: 'attached' });
    for (const key of actions) await page.keyboard.press(key);
    await page.waitForTimeout(waitMs);
    const file = `${out}-${name}-${scheme}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
    await page.close();
  }
}
await browser.close();
