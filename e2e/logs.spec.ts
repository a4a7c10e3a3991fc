import { test, expect, type Page } from '@playwright/test';
import { cafe, seriousViolations } from './support';

// The developer's view of the same model: CloudWatch log streams are the baristas'.

async function serveOneSyncOrder(page: Page) {
  await page.goto('/?paused=1');
  await cafe(page)
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  const step = cafe(page).getByRole('button', { name: 'Step', exact: true });
  const card = page.locator('li.customer[data-customer="1"]');
  for (let i = 0; i < 10 && (await card.getAttribute('data-status')) === 'waiting'; i++) await step.click();
  await expect(card).toHaveAttribute('data-status', 'served');
}

test('the logs panel shows the stream of the barista who served the order, START to REPORT', async ({
  page,
}) => {
  await serveOneSyncOrder(page);
  const station = page.locator('li.station[data-env="env-1"]');
  const streamName = (await station.locator('.stream-name').textContent())!.trim();
  expect(streamName).toMatch(/^2026\/01\/15\/\[\$LATEST\][0-9a-f]{32}$/);

  await station.getByRole('button', { name: 'Barista env-1' }).click();
  await page.getByRole('tab', { name: 'CloudWatch logs' }).click();
  const panel = page.getByTestId('logs-panel');
  await expect(panel).toContainText('/aws/lambda/cafe-order');
  await expect(panel.locator(`button[data-stream="${streamName}"]`)).toHaveAttribute('aria-pressed', 'true');
  const lines = page.getByTestId('logs-list').getByRole('option');
  await expect(lines.first()).toContainText('START RequestId:');
  await expect(lines.filter({ hasText: 'Processing complete' })).toHaveCount(1);
  await expect(
    lines.filter({
      hasText:
        /REPORT RequestId: .*Duration: .* ms.*Billed Duration: \d+ ms.*Memory Size: 128 MB.*Max Memory Used: \d+ MB.*Init Duration: .* ms/,
    }),
  ).toHaveCount(1);
});

test('a log line selects the customer it belongs to, and selecting a customer filters the log', async ({
  page,
}) => {
  await serveOneSyncOrder(page);
  await cafe(page)
    .getByRole('button', { name: /Order for a table/ })
    .click();
  const step = cafe(page).getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 6; i++) await step.click();
  await page.getByRole('tab', { name: 'CloudWatch logs' }).click();

  const lines = page.getByTestId('logs-list').getByRole('option');
  // The panels below the stage catch up when scrolled to: read the log once it has (START, the
  // output, END and REPORT of each order), as a reader would.
  await expect(lines).toHaveCount(8);
  const start = lines.filter({ hasText: 'START RequestId' }).first();
  await expect(start).toHaveAttribute('data-request-id', /.+/);
  await start.click();
  await expect(page.locator('li.customer[data-customer="1"] .customer-button')).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page.locator('li.customer[data-customer="2"] .customer-button').click();
  const requestIds = await lines.evaluateAll((els) => [
    ...new Set(els.map((e) => e.getAttribute('data-request-id'))),
  ]);
  expect(requestIds).toHaveLength(1);
  expect(await seriousViolations(page, '.panel-tabs')).toEqual([]);
});

test('with more lines than fit, the list keeps the newest line in view, on a phone too', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?speed=16');
  await cafe(page).focus();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Shift+A');
    await page.keyboard.press('Shift+S');
  }
  await page.getByRole('tab', { name: 'CloudWatch logs' }).click();
  const list = page.getByTestId('logs-list');
  const lines = list.getByRole('option');
  // Each run writes START, its output, END and REPORT: soon far more lines than the list shows.
  await expect.poll(() => lines.count(), { timeout: 20_000 }).toBeGreaterThan(60);
  await cafe(page).getByRole('button', { name: 'Pause' }).click();
  await list.scrollIntoViewIfNeeded();
  expect(await list.evaluate((el) => el.scrollHeight > 3 * el.clientHeight)).toBe(true);
  await expect
    .poll(() => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight))
    .toBeLessThan(24);
  await expect(lines.last()).toBeInViewport();
});
