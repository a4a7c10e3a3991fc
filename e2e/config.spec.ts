import { test, expect } from '@playwright/test';
import { seriousViolations } from './support';

test('a bad Timeout is refused with AWS’s message next to the field, and the function keeps its value', async ({
  page,
}) => {
  await page.goto('/?paused=1');
  await page.getByRole('tab', { name: 'Configuration' }).click();
  const group = page.getByRole('group', { name: 'Timeout and memory' });
  const timeout = group.getByLabel('Timeout (s)');
  await expect(timeout).toHaveValue('10');

  await timeout.fill('901');
  await group.getByRole('button', { name: 'Apply' }).click();
  await expect(timeout).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await timeout.getAttribute('aria-describedby')) ?? '';
  const message = page.locator(`[id="${describedBy.split(' ')[0]}"]`);
  // Lambda's refusal of an out-of-range Timeout (lambda-facts §10: ValidationException, AWS's words).
  await expect(group).toContainText(
    "ValidationException: 1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
  );
  expect(describedBy).not.toBe('');
  await expect(message).toBeVisible();

  await timeout.fill('ten');
  await group.getByRole('button', { name: 'Apply' }).click();
  await expect(group).toContainText('Timeout');
  // The simulation kept its last valid configuration: the terminal agrees.
  await page
    .getByTestId('terminal-input')
    .fill('aws lambda get-function-configuration --function-name cafe-order --query Timeout');
  await page.getByTestId('terminal-input').press('Enter');
  await expect(page.getByTestId('terminal-output').locator('pre').last()).toHaveText('10');
});

test('the 3-second trap: with Lambda’s default Timeout the 5 s handler times out', async ({ page }) => {
  await page.goto('/?paused=1');
  await page.getByRole('tab', { name: 'Configuration' }).click();
  const group = page.getByRole('group', { name: 'Timeout and memory' });
  await group.getByLabel('Timeout (s)').fill('3');
  await group.getByRole('button', { name: 'Apply' }).click();
  await expect(group.getByLabel('Timeout (s)')).not.toHaveAttribute('aria-invalid', 'true');

  await page
    .locator('section.cafe')
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  const step = page.locator('section.cafe').getByRole('button', { name: 'Step', exact: true });
  const card = page.locator('li.customer[data-customer="1"]');
  for (let i = 0; i < 10 && (await card.getAttribute('data-status')) === 'waiting'; i++) await step.click();
  await expect(card).toHaveAttribute('data-status', 'error');
  await expect(card).toContainText('FunctionError');
  await expect(page.getByTestId('narration')).toContainText('Task timed out');
});

test('the configuration panel is keyboard reachable and axe clean', async ({ page }) => {
  await page.goto('/?paused=1');
  // Tabs follow the WAI-ARIA pattern: focus the first, End moves to the last (Configuration).
  await page.getByRole('tab', { name: 'CloudWatch logs' }).focus();
  await page.keyboard.press('End');
  const tab = page.getByRole('tab', { name: 'Configuration' });
  await expect(tab).toBeFocused();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('aria-selected', 'true');
  // ← moved between tabs only: the café did not step back.
  await expect(page.locator('section.cafe').getByText(/In the past/)).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  expect(await seriousViolations(page, '.panel-tabs')).toEqual([]);
});
