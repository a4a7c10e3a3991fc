import { test, expect, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InvokeCommand,
  LambdaClient,
  ResourceNotFoundException,
  ServiceException,
  TooManyRequestsException,
  type InvokeCommandInput,
} from '@aws-sdk/client-lambda';
import { watchConsole } from './support';

// A student points the real AWS SDK (and, where installed, the real AWS CLI) at the preview
// server while the café is open in a tab: each call is a customer in the scene, answered by the
// café's model in Lambda's own wire format.
//
// These tests start their own `vite preview` on a free port: the other specs' tabs, open on the
// suite's server at the same time, must not be the "most recently focused tab" that answers.

// The pinned SDK supports Node 20; only its 2027 releases will need Node 22 (it warns on each client).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

test.describe.configure({ mode: 'serial' });

let preview: ChildProcess | undefined;
let base = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function bridgeTabs(): Promise<number> {
  try {
    const res = await fetch(`${base}/__lambda-cafe/status`);
    return ((await res.json()) as { tabs: number }).tabs;
  } catch {
    return -1;
  }
}

test.beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  preview = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore' },
  );
  await expect.poll(bridgeTabs, { timeout: 30_000 }).toBe(0);
});

test.afterAll(() => {
  preview?.kill();
});

function lambda(maxAttempts = 1): LambdaClient {
  return new LambdaClient({
    endpoint: base,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
    maxAttempts,
  });
}

async function rejection(client: LambdaClient, input: InvokeCommandInput) {
  try {
    await client.send(new InvokeCommand(input));
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('the call succeeded');
}

/** Opens the café on the test's own server and waits until its tab is connected to the bridge. */
async function openCafe(page: Page, query: string) {
  const before = await bridgeTabs();
  await page.goto(`${base}/${query}`);
  await expect(page.getByRole('region', { name: 'Café simulation' })).toBeVisible();
  await expect.poll(bridgeTabs).toBe(before + 1);
}

const outsideCaller = (page: Page, zone: string) =>
  page.locator(`[data-zone="${zone}"] li.customer[data-caller^="outside-sdk-"]`);

test('with no café tab open, a call gets 503 and a message that says to open the app', async () => {
  const error = await rejection(lambda(), { FunctionName: 'cafe-order' });
  expect(error).toBeInstanceOf(ServiceException);
  expect(error.$metadata).toMatchObject({ httpStatusCode: 503 });
  expect(error.message).toContain('No Lambda Café tab is open to answer this call. Open http://127.0.0.1:');
});

test('the SDK invokes the café: Event → 202 and a customer at a table; RequestResponse → 200 with the payload and its log', async ({
  page,
}) => {
  const problems = watchConsole(page);
  await openCafe(page, '?speed=64');

  const event = await lambda().send(
    new InvokeCommand({
      FunctionName: 'cafe-order',
      InvocationType: 'Event',
      Payload: new TextEncoder().encode('{"order":"latte"}'),
    }),
  );
  expect(event.StatusCode).toBe(202);
  await expect(outsideCaller(page, 'tables')).toHaveCount(1);
  await expect(outsideCaller(page, 'tables')).toContainText('SDK1');

  const sync = await lambda().send(new InvokeCommand({ FunctionName: 'cafe-order', LogType: 'Tail' }));
  expect(sync.StatusCode).toBe(200);
  expect(sync.ExecutedVersion).toBe('$LATEST');
  expect(sync.FunctionError).toBeUndefined();
  expect(JSON.parse(new TextDecoder().decode(sync.Payload))).toEqual({
    statusCode: 200,
    body: '"Hello from Lambda!"',
  });
  const log = Buffer.from(sync.LogResult!, 'base64').toString('utf8');
  const requestId = sync.$metadata.requestId!;
  expect(log).toContain(`START RequestId: ${requestId} Version: $LATEST`);
  expect(log).toContain(`END RequestId: ${requestId}`);
  expect(log).toMatch(new RegExp(`REPORT RequestId: ${requestId}\\tDuration: [\\d.]+ ms`));
  // The caller was a customer like any other: it waited at the counter and left with its 200.
  await expect(outsideCaller(page, 'counter')).toHaveAttribute('data-status', 'served');
  expect(problems).toEqual([]);
});

test('reserved concurrency 0: the SDK throws TooManyRequestsException with its Reason, and its retries are one customer', async ({
  page,
}) => {
  await openCafe(page, '?baristas=0&speed=64');
  const once = await rejection(lambda(1), { FunctionName: 'cafe-order' });
  expect(once).toBeInstanceOf(TooManyRequestsException);
  expect(once).toMatchObject({
    message: 'Rate Exceeded.',
    Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
    $metadata: { httpStatusCode: 429, attempts: 1 },
  });

  // The SDK's default (standard mode, 3 attempts): the same customer comes back twice.
  const retried = await rejection(lambda(3), { FunctionName: 'cafe-order' });
  expect(retried).toBeInstanceOf(TooManyRequestsException);
  expect(retried.$metadata).toMatchObject({ attempts: 3 });
  const second = page.locator('li.customer[data-caller="outside-sdk-2"]');
  await expect(second).toHaveCount(1);
  await expect(second).toHaveAttribute('data-status', 'turnedAway');
  await expect(second.getByText('Outside call 2 (aws-sdk-js/3.', { exact: false })).toHaveText(/, attempt 3/);
});

test('an unknown function: the SDK throws ResourceNotFoundException', async ({ page }) => {
  await openCafe(page, '?speed=64');
  const error = await rejection(lambda(), { FunctionName: 'espresso' });
  expect(error).toBeInstanceOf(ResourceNotFoundException);
  expect(error.message).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:espresso');
});

test('a request carrying a browser Origin from another site is refused, and no customer appears', async ({
  page,
}) => {
  await openCafe(page, '?paused=1');
  const { port } = new URL(base);
  const refused = await new Promise<{ status: number; type: unknown }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/2015-03-31/functions/cafe-order/invocations',
        headers: { Origin: 'https://attacker.example', 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, type: res.headers['x-amzn-errortype'] });
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
  expect(refused).toEqual({ status: 403, type: 'AccessDeniedException' });
  await expect(page.locator('li.customer[data-caller^="outside-"]')).toHaveCount(0);
});

test('the same checks through the real AWS CLI, when one is installed', async ({ page }) => {
  // Five CLI processes (Python starts in seconds on a busy machine) and a throttled call's retries.
  test.setTimeout(120_000);
  const aws = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  test.skip(
    aws.error !== undefined || aws.status !== 0,
    'No `aws` binary on this machine: the AWS CLI checks are skipped (the SDK checks above ran).',
  );
  await openCafe(page, '?speed=64');
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'not-a-secret',
    // CLI v1 reads AWS_DEFAULT_REGION only; v2 reads both.
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
  };
  // A service error exits 254 in CLI v2 and 255 in v1 ("Return codes", AWS CLI user guide).
  const serviceErrorExit = (aws.stdout + aws.stderr).startsWith('aws-cli/1.') ? 255 : 254;
  const cli = (...args: string[]) =>
    spawnSync('aws', ['lambda', ...args, '--endpoint-url', base], { encoding: 'utf8', env, timeout: 60_000 });
  const event = cli('invoke', '--function-name', 'cafe-order', '--invocation-type', 'Event', '/dev/null');
  expect(JSON.parse(event.stdout)).toEqual({ StatusCode: 202 });
  const outfile = join(mkdtempSync(join(tmpdir(), 'lambda-cafe-')), 'response.json');
  const sync = cli('invoke', '--function-name', 'cafe-order', '--log-type', 'Tail', outfile);
  const meta = JSON.parse(sync.stdout) as { StatusCode: number; LogResult: string };
  expect(meta.StatusCode, sync.stderr).toBe(200);
  expect(Buffer.from(meta.LogResult, 'base64').toString('utf8')).toMatch(/^START RequestId: /);
  expect(JSON.parse(readFileSync(outfile, 'utf8'))).toEqual({
    statusCode: 200,
    body: '"Hello from Lambda!"',
  });
  const missing = cli('invoke', '--function-name', 'espresso', '/dev/null');
  expect(missing.status).toBe(serviceErrorExit);
  expect(missing.stderr).toContain(
    'An error occurred (ResourceNotFoundException) when calling the Invoke operation: Function not found: arn:aws:lambda:us-east-1:123456789012:function:espresso',
  );
  await expect(page.locator('li.customer[data-caller^="outside-cli-"]').first()).toBeVisible();

  // Throttled, in standard retry mode (CLI v2's default; v1 defaults to legacy): three attempts,
  // then the message the in-page terminal prints too.
  const second = await page.context().newPage();
  await openCafe(second, '?baristas=0&speed=64');
  const throttled = spawnSync(
    'aws',
    ['lambda', 'invoke', '--function-name', 'cafe-order', '--endpoint-url', base, outfile],
    { encoding: 'utf8', env: { ...env, AWS_RETRY_MODE: 'standard', AWS_MAX_ATTEMPTS: '3' }, timeout: 60_000 },
  );
  expect(throttled.stderr.trim()).toBe(
    'An error occurred (TooManyRequestsException) when calling the Invoke operation (reached max retries: 2): Rate Exceeded.',
  );
  // The newest tab answered: the first one saw none of it.
  await expect(second.locator('li.customer[data-caller^="outside-cli-"]')).toHaveAttribute(
    'data-status',
    'turnedAway',
  );
});
