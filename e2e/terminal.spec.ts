import { test, expect, type Page } from '@playwright/test';
import { seriousViolations } from './support';

// A student at the terminal: the AWS CLI is a caller like any customer in the café.

const FN = 'cafe-order';
const input = (page: Page) => page.getByTestId('terminal-input');
const output = (page: Page) => page.getByTestId('terminal-output');
const caller = (page: Page, id: string) => page.locator(`li.customer[data-caller="${id}"]`);

async function type(page: Page, line: string) {
  await input(page).fill(line);
  await input(page).press('Enter');
}

test('an async invoke prints StatusCode 202 at once and its caller gets a receipt in the café', async ({
  page,
}) => {
  await page.goto('/?paused=1');
  await type(
    page,
    `aws lambda invoke --function-name ${FN} --invocation-type Event --cli-binary-format raw-in-base64-out --payload file://event.json output.txt`,
  );
  // The clock is paused: nothing ran, yet the answer is there and the prompt is back.
  await expect(output(page)).toContainText('{\n    "StatusCode": 202\n}');
  await expect(input(page)).toBeVisible();
  await expect(caller(page, 'terminal-1')).toHaveAttribute('data-status', 'seated');
  await expect(caller(page, 'terminal-1')).toContainText('202');
  await type(page, 'cat output.txt');
  await expect(input(page)).toBeVisible();
  await type(page, 'ls');
  await expect(output(page)).toContainText('output.txt');
});

test('a sync invoke holds the prompt until the simulated run ends, then prints 200', async ({ page }) => {
  await page.goto('/?paused=1');
  await type(page, `aws lambda invoke --function-name ${FN} response.json`);
  await expect(input(page)).toHaveCount(0);
  await expect(page.getByText('a synchronous invoke blocks this terminal')).toBeVisible();
  await expect(caller(page, 'terminal-1')).toHaveAttribute('data-status', 'waiting');
  await expect(output(page)).not.toContainText('StatusCode');

  const step = page.locator('section.cafe').getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 10 && (await input(page).count()) === 0; i++) {
    await expect(output(page)).not.toContainText('StatusCode');
    await step.click();
  }
  await expect(input(page)).toBeVisible();
  await expect(output(page)).toContainText('"StatusCode": 200');
  await expect(output(page)).toContainText('"ExecutedVersion": "$LATEST"');
  await expect(caller(page, 'terminal-1')).toHaveAttribute('data-status', 'served');
  await type(page, 'cat response.json');
  await expect(output(page)).toContainText('{"statusCode":200,"body":"\\"Hello from Lambda!\\""}');
});

test('--log-type Tail decodes to the START…REPORT lines of that request', async ({ page }) => {
  await page.goto('/?speed=64');
  await type(
    page,
    `aws lambda invoke --function-name ${FN} --log-type Tail --query LogResult --output text out.json | base64 -d`,
  );
  await expect(output(page)).toContainText(/REPORT RequestId/, { timeout: 10_000 });
  const text = (await output(page).textContent()) ?? '';
  const id = /START RequestId: ([0-9a-f-]{36}) Version: \$LATEST/.exec(text)?.[1];
  expect(id).toBeTruthy();
  expect(text).toContain(`END RequestId: ${id}`);
  expect(text).toMatch(
    new RegExp(
      `REPORT RequestId: ${id}\\s+Duration: [\\d.]+ ms\\s+Billed Duration: \\d+ ms\\s+Memory Size: 128 MB\\s+Max Memory Used: \\d+ MB\\s+Init Duration: [\\d.]+ ms`,
    ),
  );
  expect(text).toContain('Processing complete');
});

test('CLI errors read as the AWS CLI prints them, and history comes back with the arrow keys', async ({
  page,
}) => {
  await page.goto('/?paused=1');
  await type(page, `aws lambda invoke --function-name ${FN}`);
  await expect(output(page)).toContainText('aws: error: the following arguments are required: outfile');
  await type(page, `aws lambda invoke --function-name no-such-fn out.json`);
  await expect(output(page)).toContainText(
    'An error occurred (ResourceNotFoundException) when calling the Invoke operation',
  );
  await type(page, `aws lambda invoke --function-name ${FN} --payload '{"a": 1}' out.json`);
  await expect(output(page)).toContainText('Invalid base64');
  await type(page, 'make coffee');
  await expect(output(page)).toContainText('make: command not found');

  await input(page).press('ArrowUp');
  await expect(input(page)).toHaveValue('make coffee');
  await input(page).press('ArrowUp');
  await expect(input(page)).toHaveValue(
    `aws lambda invoke --function-name ${FN} --payload '{"a": 1}' out.json`,
  );
  await input(page).press('ArrowDown');
  await expect(input(page)).toHaveValue('make coffee');
});

test('beyond the limit the terminal retries like the CLI, then gets TooManyRequestsException, while the café keeps its customer', async ({
  page,
}) => {
  await page.goto('/?paused=1&baristas=1');
  await page
    .locator('section.cafe')
    .getByRole('button', { name: /Order at the counter/ })
    .click();
  // One attempt: the 429 at once, as botocore words it when the last allowed attempt fails.
  await type(page, `AWS_MAX_ATTEMPTS=1 aws lambda invoke --function-name ${FN} out.json`);
  await expect(output(page)).toContainText(
    'An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 0): Rate Exceeded.',
  );
  await expect(caller(page, 'terminal-1')).toHaveAttribute('data-status', 'turnedAway');

  // The CLI's default: the prompt waits while it backs off on the café's clock; T2 comes back twice.
  await type(page, `aws lambda invoke --function-name ${FN} out.json`);
  await expect(input(page)).toHaveCount(0);
  await expect(caller(page, 'terminal-2')).toHaveAttribute('data-status', 'turnedAway');
  const step = page.locator('section.cafe').getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 10 && (await input(page).count()) === 0; i++) await step.click();
  await expect(output(page)).toContainText(
    'An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 2): Rate Exceeded.',
  );
  await expect(caller(page, 'terminal-2')).toHaveCount(1);
  await expect(page.locator('li.customer[data-customer="1"]')).toHaveAttribute('data-status', 'waiting');
});

test('typed markup stays text, and the terminal is keyboard and axe clean', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/?paused=1');
  await type(page, 'echo <img src=x onerror=alert(1)><b>bold</b>');
  await expect(output(page)).toContainText('<img src=x onerror=alert(1)><b>bold</b>');
  await expect(output(page).locator('img, b')).toHaveCount(0);
  expect(dialogs).toEqual([]);

  // Shortcuts do not fire while typing: "s" in the terminal is a letter, not an order.
  await input(page).fill('');
  await input(page).press('s');
  await expect(page.locator('li.customer')).toHaveCount(0);

  expect(await seriousViolations(page, '.terminal-panel')).toEqual([]);
});
