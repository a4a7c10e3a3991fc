import { expect, test } from '@playwright/test';
import { cafe, watchConsole } from './support';

// #15: the app runs under a strict Content-Security-Policy — no inline script, nothing fetched
// from another site — in the built app that the other journeys use, and on the dev server.

const policyOf = (page: import('@playwright/test').Page) =>
  page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');

test('the built app declares a strict policy and refuses a script injected into the page', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await page.goto('/?paused=1');
  const policy = (await policyOf(page)) ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');

  const outcome = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; violated: string }>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) =>
          resolve({ ran: 'injected' in window, violated: e.violatedDirective }),
        );
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.body.append(script);
        setTimeout(() => resolve({ ran: 'injected' in window, violated: '' }), 1000);
      }),
  );
  expect(outcome).toEqual({ ran: false, violated: 'script-src-elem' });
  problems.length = 0; // the refusal itself is logged as an error; nothing else may be
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  expect(problems).toEqual([]);
});

test('a busy café asks nothing of any other origin and breaks no rule of the policy', async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const foreign: string[] = [];
  const origin = new URL(baseURL!).origin;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== 'data:') foreign.push(r.url());
  });
  await page.goto('/?speed=64');
  await page.keyboard.press('Tab');
  await cafe(page).focus();
  await page.keyboard.press('S');
  await page.keyboard.press('A');
  await page.waitForTimeout(1500);
  expect(foreign).toEqual([]);
  expect(problems).toEqual([]);
});

test('the dev server serves the app under the policy (with a per-start nonce, never unsafe-inline)', async ({
  page,
  baseURL,
}) => {
  const problems = watchConsole(page);
  const devUrl = new URL(baseURL!);
  devUrl.port = String(Number(devUrl.port) + 1000); // see playwright.config.ts
  await page.goto(devUrl.href + '?paused=1');
  await expect(cafe(page)).toBeVisible({ timeout: 20_000 });
  const policy = (await policyOf(page)) ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(policy).not.toContain('unsafe-inline');
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  expect(problems.filter((p) => !p.includes('[vite]'))).toEqual([]);
});

// #12: the embed page and its demo are built by the same plugin, under the same policy. (A <meta>
// cannot set frame-ancestors, so any page may frame the café: embedding is what embed.html is for.)
for (const path of ['/embed.html?paused=1', '/embed-demo.html']) {
  test(`${path} declares the same strict policy and runs under it`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(path);
    const policy = (await policyOf(page)) ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('frame-ancestors');
    const frame = path.startsWith('/embed-demo') ? page.frameLocator('#cafe-a iframe') : page;
    await expect(frame.locator('section.cafe')).toBeVisible({ timeout: 20_000 });
    expect(problems).toEqual([]);
  });
}
