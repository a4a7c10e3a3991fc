import { test, expect, type Page } from '@playwright/test';
import { cafe, clockSeconds, seriousViolations, watchConsole } from './support';

// A student shares what they see: the link reopens the session, paused at the same moment.

const FN = 'cafe-order';

// Two browser contexts and axe on a busy page: slower than one journey on a 2-core machine.
test.describe.configure({ timeout: 90_000 });

/** What a person would compare between the two windows. */
async function sceneText(page: Page) {
  const c = cafe(page);
  return {
    clock: await c.getByRole('timer').getAttribute('aria-label'),
    narration: await page.getByTestId('narration').innerText(),
    blocked: await page.getByTestId('blocked-total').innerText(),
    customers: await c
      .locator('li.customer')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-caller')}:${e.getAttribute('data-status')}`),
      ),
    terminal: await page.getByTestId('terminal-output').innerText(),
  };
}

/** Orders of both kinds, a kitchen change, a terminal command, and a pause part-way through. */
async function takeSession(page: Page) {
  await page.goto('/?paused=1&seed=9&speed=4');
  const c = cafe(page);
  await c.getByRole('button', { name: /Order at the counter/ }).click();
  await c.getByRole('button', { name: /Order for a table/ }).click();
  await c.getByText('Kitchen', { exact: true }).click();
  await c.getByRole('combobox', { name: 'Handler' }).selectOption('always');
  await c.getByText('Kitchen', { exact: true }).click();
  await page
    .getByTestId('terminal-input')
    .fill(`aws lambda invoke --function-name ${FN} --invocation-type Event out.json`);
  await page.getByTestId('terminal-input').press('Enter');
  await expect(page.getByTestId('terminal-output')).toContainText('"StatusCode": 202');
  await c.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => clockSeconds(page), { timeout: 10_000 }).toBeGreaterThan(3);
  await c.getByRole('button', { name: 'Pause' }).click();
  await c.getByRole('button', { name: /Order for a table/ }).click(); // one more, while paused
  await expect(page.getByTestId('narration')).toContainText('Customer 3 got 202');
}

test('Share copies a link that opens, in a fresh browser, the same scene at the same moment, paused', async ({
  browser,
}) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await takeSession(page);
  const before = await sceneText(page);

  await cafe(page).getByRole('button', { name: 'Share' }).click();
  await expect(cafe(page).getByRole('status').filter({ hasText: 'Link copied' })).toHaveText(
    /Link copied\. It reopens this session paused at \d+:\d\d\.\d\./,
  );
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toMatch(/#session=1\.[A-Za-z0-9_-]+$/);
  expect(url).not.toContain('seed=9'); // the session carries the seed; the query does not repeat it
  expect(await seriousViolations(page, 'section.cafe')).toEqual([]);
  expect(problems).toEqual([]);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherProblems = watchConsole(other);
  await other.goto(url);
  await expect(cafe(other).getByRole('timer')).toHaveAttribute('aria-label', before.clock!, {
    timeout: 20_000,
  });
  expect(await sceneText(other)).toEqual(before);
  await expect(cafe(other).getByRole('button', { name: 'Play' })).toBeVisible(); // paused
  await expect(cafe(other).getByRole('alert')).toHaveCount(0); // nothing was lost
  // The recorded session plays on from there like any café.
  await cafe(other).getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => clockSeconds(other)).toBeGreaterThan(await clockSeconds(page));
  expect(await seriousViolations(other)).toEqual([]);
  expect(otherProblems).toEqual([]);
  await context.close();
  await fresh.close();
});

/** A browser that refuses the clipboard: the link is then shown in a field (and no test shares the clipboard). */
function denyClipboard(page: Page) {
  return page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
}

test('a cut-short link says so and still opens the café with what it kept', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await denyClipboard(page);
  await takeSession(page);
  await cafe(page).getByRole('button', { name: 'Share' }).click();
  const url = await cafe(page).getByRole('textbox', { name: 'Share link' }).inputValue();
  await context.close();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const problems = watchConsole(other);
  await other.goto(url.slice(0, url.length - 12));
  await expect(cafe(other).getByRole('alert')).toContainText(
    /This share link was cut short|cannot be opened/,
  );
  await expect(cafe(other).getByRole('button', { name: /Order at the counter/ })).toBeVisible();
  // It still serves.
  await cafe(other)
    .getByRole('button', { name: /Order for a table/ })
    .click();
  await expect(other.getByTestId('narration')).toContainText('got 202 Accepted');
  expect(await seriousViolations(other)).toEqual([]);

  // Not a link the café wrote at all: a message, a fresh café.
  await other.goto('/?seed=5#session=1.hello');
  await expect(cafe(other).getByRole('alert')).toContainText('This share link cannot be opened');
  await expect(cafe(other).getByRole('button', { name: /Order at the counter/ })).toBeVisible();
  expect(problems).toEqual([]);
  await fresh.close();
});

test('when copying is refused, the link is shown selected to copy by hand; the query it overrides is named', async ({
  page,
}) => {
  await denyClipboard(page);
  await page.goto('/?paused=1&seed=3');
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  await cafe(page).getByRole('button', { name: 'Share' }).click();
  const field = cafe(page).getByRole('textbox', { name: 'Share link' });
  await expect(field).toBeVisible();
  await expect(cafe(page).getByRole('status').filter({ hasText: 'Copying was not allowed' })).toBeAttached();
  await expect(field).toBeFocused();
  const url = await field.inputValue();
  expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBe(
    url.length,
  );
  expect(await seriousViolations(page, 'section.cafe')).toEqual([]);
  await cafe(page).getByRole('button', { name: 'Close the share message' }).click();
  await expect(field).toHaveCount(0);

  // The fragment wins over café parameters in the query; present=1 still applies.
  const withQuery = url.replace('/#', '/?seed=8&speed=2&present=1#').replace('?#', '#');
  await page.goto(withQuery);
  await expect(cafe(page).getByRole('alert')).toContainText('seed, speed in the URL are ignored');
  await expect(cafe(page).locator('li.customer')).toHaveCount(1);
  await expect(page.locator('.stage[data-presenting]')).toBeVisible();
});
