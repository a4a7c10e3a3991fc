import { test, expect } from '@playwright/test';
import { cafe, clockSeconds, seriousViolations, stepButton } from './support';

// An instructor rewinds: the timeline's playhead moves the whole app, by replaying the model.

const step = stepButton;

test('scrubbing the timeline moves the scene and the logs to that moment, and back', async ({ page }) => {
  await page.goto('/?paused=1');
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  const first = page.locator('li.customer[data-customer="1"]');
  for (let i = 0; i < 10 && (await first.getAttribute('data-status')) !== 'served'; i++)
    await step(page).click();
  await expect(first).toHaveAttribute('data-status', 'served');
  const end = await clockSeconds(page);
  await page.getByRole('tab', { name: 'CloudWatch logs' }).click();
  const lines = page.getByTestId('logs-list').getByRole('option');
  await expect(lines.filter({ hasText: 'REPORT RequestId' })).toHaveCount(1);

  const playhead = page.getByRole('slider');
  await playhead.focus();
  await page.keyboard.press('Home'); // to 0:00
  await expect.poll(() => clockSeconds(page)).toBe(0);
  await expect(playhead).toHaveAttribute('aria-valuetext', /0:00/);
  // At 0:00 the order has just been placed: waiting, nothing logged yet but the START line.
  await expect(page.locator('li.customer[data-customer="1"]')).toHaveAttribute('data-status', 'waiting');
  await expect(lines.filter({ hasText: 'REPORT RequestId' })).toHaveCount(0);

  await page.keyboard.press('End'); // back to the end of the recording
  await expect.poll(() => clockSeconds(page)).toBe(end);
  await expect(page.locator('li.customer[data-customer="1"]')).toHaveAttribute('data-status', 'served');
  await expect(lines.filter({ hasText: 'REPORT RequestId' })).toHaveCount(1);

  // The playhead moves by keyboard in 1 s steps: two seconds back, the customer waits again.
  await playhead.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => clockSeconds(page)).toBeLessThan(end - 1.5);
  await expect(page.locator('li.customer[data-customer="1"]')).toHaveAttribute('data-status', 'waiting');
  await expect(cafe(page).getByText(/In the past/)).toBeVisible();

  // Clicking near the start of the axis seeks there (the window is at least the session long).
  const axis = page.getByTestId('timeline-axis');
  await page.keyboard.press('End');
  await expect.poll(() => clockSeconds(page)).toBe(end);
  // Measured at the end: the scene's height differs between moments (a seek re-renders at once).
  await axis.scrollIntoViewIfNeeded();
  const box = (await axis.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.05, box.y + box.height / 2);
  await expect.poll(() => clockSeconds(page)).toBeLessThan(end / 2);
  await expect(page.locator('li.customer[data-customer="1"]')).toHaveAttribute('data-status', 'waiting');
});

test('five sync and five async orders: the charts show the blocked-vs-free contrast', async ({ page }) => {
  await page.goto('/?paused=1&baristas=10');
  await cafe(page).focus();
  await page.keyboard.press('Shift+S');
  await page.keyboard.press('Shift+A');
  const served = page.locator('li.customer[data-status="served"]');
  for (let i = 0; i < 40 && (await served.count()) < 5; i++) await step(page).click();
  await expect(served).toHaveCount(5);
  await page.getByRole('tab', { name: 'Charts' }).click();
  // Five callers each blocked ~5.3 s (cold start + the 5 s handler) against zero for async.
  await expect(page.getByTestId('chart-blocked-total')).toContainText(/^2[5-7]\.\d s/);
  await expect(page.getByTestId('chart-blocked-total')).toContainText('over 5 orders');
  await expect(page.getByTestId('chart-free-total')).toContainText(/^0 ms/);
  await expect(page.getByTestId('blocked-total')).toContainText(/^2[5-7]\.\d s/);
  expect(await seriousViolations(page, '.panel-tabs')).toEqual([]);
});

test('the timeline is axe clean and its lanes say who was blocked', async ({ page }) => {
  await page.goto('/?paused=1&baristas=1');
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  await cafe(page)
    .getByRole('button', { name: /Order for a table/ })
    .click();
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  for (let i = 0; i < 4; i++) await step(page).click();
  const timeline = page
    .locator('section')
    .filter({ has: page.getByRole('slider') })
    .first();
  await expect(timeline).toContainText('429');
  await expect(timeline).toContainText('202');
  expect(await seriousViolations(page, 'section:has([role="slider"])')).toEqual([]);
});
