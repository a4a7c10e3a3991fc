// Takes the screenshots we look at before calling UI work done:
//   node scripts/screenshots.mjs [url-query] [outdir]
// against a running `npm run preview` (port 4173). Desktop, projector and phone sizes, light and dark.
import { chromium } from '@playwright/test';
import { findBrowser, launchArgs } from './browser.mjs';

const query = process.argv[2] ?? '';
const out = process.argv[3] ?? '/tmp/shots';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173/';
const sizes = [
  ['projector', 1920, 1080],
  ['desktop', 1280, 720],
  ['phone', 390, 844],
];
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
    await page.locator('[data-cafe]').first().focus();
    for (const key of actions) await page.keyboard.press(key);
    await page.waitForTimeout(waitMs);
    const file = `${out}-${name}-${scheme}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
    await page.close();
  }
}
await browser.close();
