import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { cafe, seriousViolations } from './support';

// A classroom whose Wi-Fi drops: once the service worker has installed, the café opens and runs
// without the network. Against the production preview (the worker is only in builds).

test.describe.configure({ timeout: 90_000 });

test('after the service worker installs, a reload with the network off renders the café and an order runs', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Console errors with the resource they are about: only the AWS bridge (a live-server feature,
  // never cached) may fail offline.
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`${m.text()} ${m.location().url}`));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/?paused=1&seed=4');
  // Installed, activated and controlling this page (it claims its clients on activation).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('lambda-cafe-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain('/index.html');
  expect(cached).toContain('/manifest.webmanifest');
  // The app's entry script, as the build's manifest names it (its chunk name follows the inputs).
  const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Record<
    string,
    { file: string }
  >;
  expect(cached).toContain(`/${manifest['index.html'].file}`);
  expect(cached).toContain(`/${manifest['embed.html'].file}`);
  expect(cached).toContain('/embed.js');
  // Every HTML page the build wrote is there (listed from disk, e.g. an embed page).
  expect(cached.filter((p) => p.endsWith('.html')).length).toBeGreaterThanOrEqual(1);

  await context.setOffline(true);
  const requests: string[] = [];
  page.on('requestfailed', (r) => requests.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.reload();
  const c = cafe(page);
  await expect(c.getByRole('button', { name: /Order at the counter/ })).toBeVisible();
  await c.getByRole('button', { name: /Order for a table/ }).click();
  await expect(page.getByTestId('narration')).toContainText('Customer 1 got 202 Accepted');
  await c.getByRole('button', { name: /Order at the counter/ }).click();
  await expect(page.getByTestId('narration')).toContainText('Customer 2 is waiting at the counter');
  // The lazily loaded parts come from the cache too: the terminal runs a command.
  await page
    .getByTestId('terminal-input')
    .fill('aws lambda invoke --function-name cafe-order --invocation-type Event out.json');
  await page.getByTestId('terminal-input').press('Enter');
  await expect(page.getByTestId('terminal-output')).toContainText('"StatusCode": 202');
  expect(requests.filter((r) => !r.includes('/__lambda-cafe'))).toEqual([]);
  expect(problems.filter((p) => !p.includes('__lambda-cafe'))).toEqual([]);
  await context.close();
});

test('the page links an installable manifest with icons, and the worker is allowed by the CSP', async ({
  page,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(new URL(href!, page.url()).href)).json();
  expect(manifest).toMatchObject({
    name: expect.stringContaining('Lambda Café'),
    display: 'standalone',
    start_url: './',
  });
  for (const icon of manifest.icons as { src: string }[])
    expect((await page.request.get(new URL(icon.src, new URL(href!, page.url())).href)).status()).toBe(200);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("worker-src 'self'");
  expect(csp).toContain("manifest-src 'self'");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
});

test('when a newer version is waiting, a notice offers Reload, which switches to it; the notice can be dismissed', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/?paused=1');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
  // A new deployment, as the browser sees one: a service worker script it has not run yet. (The
  // preview serves the same file for any query, so the new worker installs and then waits.)
  await page.addInitScript(() => {
    const container = navigator.serviceWorker;
    const register = container.register.bind(container);
    container.register = (url, options) => register(`${String(url)}?v=next`, options);
  });
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'A new version of Lambda Café is available' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  expect(await seriousViolations(page, '.update-notice')).toEqual([]);
  await notice.getByRole('button', { name: 'Dismiss the new-version message' }).click();
  await expect(notice).toHaveCount(0);

  // Opened again (another visit), the waiting version is offered again; Reload switches to it.
  await page.reload();
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
  await expect(cafe(page).getByRole('button', { name: /Order at the counter/ })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL))
    .toMatch(/sw\.js\?v=next$/);
  await expect(notice).toHaveCount(0);
  await context.close();
});
