import { test, expect } from '@playwright/test';
import { seriousViolations } from './support';

test('the first page loads with its explanation, no console errors, and no serious axe violations', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Lambda Café/);
  await expect(page.getByRole('heading', { name: 'Synchronous or asynchronous?' })).toBeVisible();
  await expect(page.getByText('HTTP 202 Accepted')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Café simulation' })).toBeVisible();

  expect(await seriousViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
