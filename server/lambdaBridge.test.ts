/**
 * The bridge's wire format, checked with the real @aws-sdk/client-lambda against the bridge on
 * a plain Node server, with a scripted tab answering over the same event stream and reply POST
 * the browser uses. (The e2e suite drives the real app; this pins down the HTTP contract.)
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
  ResourceNotFoundException,
  TooManyRequestsException,
  InvalidRequestContentException,
  RequestTooLargeException,
  ServiceException,
} from '@aws-sdk/client-lambda';
import { createLambdaBridge, type LambdaBridge } from './lambdaBridge.ts';

// The pinned SDK supports Node 20 (engines >=20.0.0); only releases from 2027 will need Node 22,
// which it announces with a process warning on every client. Nothing here needs telling.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import type { BridgeAnswer, BridgeCall } from '../src/bridge/protocol.ts';

let server: Server;
let bridge: LambdaBridge;
let base: string;
const tabs: FakeTab[] = [];

/** A café tab as the server sees it: an event stream in, reply POSTs out. */
class FakeTab {
  id = '';
  calls: BridgeCall[] = [];
  private waiters: (() => void)[] = [];
  private controller = new AbortController();
  answer: (call: BridgeCall) => BridgeAnswer | undefined = () => undefined;

  async open(focused = true): Promise<this> {
    const res = await fetch(`${base}/__lambda-cafe/events?focused=${focused ? 1 : 0}`, {
      signal: this.controller.signal,
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const ready = new Promise<void>((resolve) => {
      const pump = async (): Promise<void> => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event === 'hello' && data) {
              this.id = (JSON.parse(data) as { tab: string }).tab;
              resolve();
            }
            if (event === 'call' && data) this.receive(JSON.parse(data) as BridgeCall);
          }
        }
      };
      void pump();
    });
    await ready;
    tabs.push(this);
    return this;
  }

  private receive(call: BridgeCall) {
    this.calls.push(call);
    for (const w of this.waiters.splice(0)) w();
    const answer = this.answer(call);
    if (answer) void this.reply(call.id, answer);
  }

  async nextCall(): Promise<BridgeCall> {
    const seen = this.calls.length;
    while (this.calls.length === seen) await new Promise<void>((r) => this.waiters.push(r));
    return this.calls[seen];
  }

  reply(id: string, answer: BridgeAnswer): Promise<Response> {
    return fetch(`${base}/__lambda-cafe/reply`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tab: this.id, id, answer }),
    });
  }

  focus(): Promise<Response> {
    return fetch(`${base}/__lambda-cafe/focus`, { method: 'POST', body: JSON.stringify({ tab: this.id }) });
  }

  close() {
    this.controller.abort();
  }
}

function client(maxAttempts = 1) {
  return new LambdaClient({
    endpoint: base,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' },
    maxAttempts,
  });
}

async function thrown(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

/** A raw request, for what an SDK never sends (a browser Origin, a foreign Host). */
function raw(path: string, headers: Record<string, string>, method = 'POST') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end(method === 'GET' ? undefined : '{}');
    },
  );
}

beforeEach(async () => {
  bridge = createLambdaBridge();
  server = createServer((req, res) =>
    bridge.handle(req, res, () => {
      res.writeHead(418).end('not the bridge');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const tab of tabs.splice(0)) tab.close();
  bridge.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('Lambda bridge: the Invoke API relayed to a café tab', () => {
  it('with no tab open answers 503 with a message that says to open the app', async () => {
    const error = await thrown(client().send(new InvokeCommand({ FunctionName: 'cafe-order' })));
    expect(error).toBeInstanceOf(ServiceException);
    expect(error.$metadata).toMatchObject({ httpStatusCode: 503 });
    expect(error.message).toMatch(
      /^No Lambda Café tab is open to answer this call\. Open http:\/\/127\.0\.0\.1:\d+\/ in a browser/,
    );
  });

  it('relays a RequestResponse call with its headers and payload, and returns the answer in Lambda wire format', async () => {
    const tab = await new FakeTab().open();
    tab.answer = () => ({
      kind: 'invoked',
      statusCode: 200,
      requestId: 'f3b5c1d2-0000-4000-8000-000000000001',
      executedVersion: '$LATEST',
      logResult: Buffer.from('START RequestId: f3b5…\nEND\n').toString('base64'),
      payload: '{"statusCode":200,"body":"\\"Hello from Lambda!\\""}',
    });
    const out = await client().send(
      new InvokeCommand({
        FunctionName: 'cafe-order',
        LogType: 'Tail',
        Payload: new TextEncoder().encode('{"order":"latte"}'),
      }),
    );
    const call = tab.calls[0];
    expect(call).toMatchObject({
      operation: 'Invoke',
      functionName: 'cafe-order',
      logType: 'Tail',
      payload: '{"order":"latte"}',
    });
    expect(call.userAgent).toMatch(/^aws-sdk-js\/3\./);
    expect(call.invocationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(call.attempt).toBe(1);
    expect(out.StatusCode).toBe(200);
    expect(out.ExecutedVersion).toBe('$LATEST');
    expect(out.FunctionError).toBeUndefined();
    expect(new TextDecoder().decode(out.Payload)).toBe(
      '{"statusCode":200,"body":"\\"Hello from Lambda!\\""}',
    );
    expect(Buffer.from(out.LogResult!, 'base64').toString()).toContain('START RequestId:');
    expect(out.$metadata.requestId).toBe('f3b5c1d2-0000-4000-8000-000000000001');
  });

  it('passes an ARN, a qualifier and the invocation type through as the client wrote them', async () => {
    const tab = await new FakeTab().open();
    tab.answer = () => ({ kind: 'invoked', statusCode: 202 });
    const out = await client().send(
      new InvokeCommand({
        FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:cafe-order',
        Qualifier: '$LATEST',
        InvocationType: 'Event',
        // A string payload, as in the README's five-line example.
        Payload: '{"order":"latte"}',
      }),
    );
    expect(out.StatusCode).toBe(202);
    expect(tab.calls[0]).toMatchObject({
      functionName: 'arn:aws:lambda:us-east-1:123456789012:function:cafe-order',
      qualifier: '$LATEST',
      invocationType: 'Event',
      payload: '{"order":"latte"}',
    });
  });

  it('reports a handler error as 200 with X-Amz-Function-Error: Unhandled', async () => {
    const tab = await new FakeTab().open();
    tab.answer = () => ({
      kind: 'invoked',
      statusCode: 200,
      functionError: 'Unhandled',
      executedVersion: '$LATEST',
      payload: '{"errorMessage":"Out of oat milk","errorType":"MilkNotFoundError"}',
    });
    const out = await client().send(new InvokeCommand({ FunctionName: 'cafe-order' }));
    expect(out.StatusCode).toBe(200);
    expect(out.FunctionError).toBe('Unhandled');
  });

  it('maps Lambda errors so the SDK throws its own classes (x-amzn-ErrorType + JSON body)', async () => {
    const tab = await new FakeTab().open();
    const answers: BridgeAnswer[] = [
      {
        kind: 'error',
        name: 'TooManyRequestsException',
        statusCode: 429,
        message: 'Rate Exceeded.',
        reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
        retryAfterSeconds: '1',
      },
      {
        kind: 'error',
        name: 'ResourceNotFoundException',
        statusCode: 404,
        message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope',
      },
      {
        kind: 'error',
        name: 'InvalidRequestContentException',
        statusCode: 400,
        message: 'Could not parse request body into json: Unexpected character',
      },
    ];
    tab.answer = () => answers.shift();
    const throttled = await thrown(client().send(new InvokeCommand({ FunctionName: 'cafe-order' })));
    expect(throttled).toBeInstanceOf(TooManyRequestsException);
    expect(throttled).toMatchObject({
      message: 'Rate Exceeded.',
      Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      retryAfterSeconds: '1',
      Type: 'User',
    });
    const missing = await thrown(client().send(new InvokeCommand({ FunctionName: 'nope' })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.message).toBe('Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope');
    const bad = await thrown(client().send(new InvokeCommand({ FunctionName: 'cafe-order' })));
    expect(bad).toBeInstanceOf(InvalidRequestContentException);
    expect(bad.$metadata).toMatchObject({ httpStatusCode: 400 });
  });

  it("shows the SDK's default retries of a 429 as one caller: the same invocation id, attempts 1, 2, 3", async () => {
    const tab = await new FakeTab().open();
    tab.answer = () => ({
      kind: 'error',
      name: 'TooManyRequestsException',
      statusCode: 429,
      message: 'Rate Exceeded.',
      reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
      retryAfterSeconds: '1',
    });
    const error = await thrown(client(3).send(new InvokeCommand({ FunctionName: 'cafe-order' })));
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error.$metadata).toMatchObject({ attempts: 3 });
    expect(tab.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(new Set(tab.calls.map((c) => c.invocationId)).size).toBe(1);
  }, 20_000);

  it('refuses a body over the 6 MB synchronous limit with 413 RequestTooLargeException, before any tab sees it', async () => {
    const tab = await new FakeTab().open();
    const error = await thrown(
      client().send(
        new InvokeCommand({
          FunctionName: 'cafe-order',
          Payload: new Uint8Array(6 * 1024 * 1024 + 1).fill(32),
        }),
      ),
    );
    expect(error).toBeInstanceOf(RequestTooLargeException);
    expect(error.message).toBe('Request must be smaller than 6291456 bytes for the InvokeFunction operation');
    expect(tab.calls).toEqual([]);
  });

  it('lets the most recently focused tab answer', async () => {
    const first = await new FakeTab().open();
    const second = await new FakeTab().open();
    for (const tab of [first, second]) tab.answer = () => ({ kind: 'invoked', statusCode: 202 });
    await client().send(new InvokeCommand({ FunctionName: 'cafe-order', InvocationType: 'Event' }));
    expect([first.calls.length, second.calls.length]).toEqual([0, 1]);
    expect((await first.focus()).status).toBe(204);
    await client().send(new InvokeCommand({ FunctionName: 'cafe-order', InvocationType: 'Event' }));
    expect([first.calls.length, second.calls.length]).toEqual([1, 1]);
    // A tab opened in the background does not take over from the focused one.
    const background = await new FakeTab().open(false);
    background.answer = () => ({ kind: 'invoked', statusCode: 202 });
    await client().send(new InvokeCommand({ FunctionName: 'cafe-order', InvocationType: 'Event' }));
    expect([first.calls.length, background.calls.length]).toEqual([2, 0]);
  });

  it('holds a synchronous call until the tab answers, and answers 503 if that tab closes first', async () => {
    const tab = await new FakeTab().open();
    const pending = thrown(client().send(new InvokeCommand({ FunctionName: 'cafe-order' })));
    await tab.nextCall();
    tab.close();
    const error = await pending;
    expect(error).toBeInstanceOf(ServiceException);
    expect(error.message).toMatch(/tab that was serving this call was closed/);
  });

  it('relays the read operations to the tab (GetFunctionConfiguration)', async () => {
    const tab = await new FakeTab().open();
    tab.answer = (call) => ({
      kind: 'json',
      statusCode: 200,
      body: { FunctionName: call.functionName, Timeout: 10, MemorySize: 128 },
    });
    const out = await client().send(
      new GetFunctionConfigurationCommand({ FunctionName: 'cafe-order', Qualifier: '$LATEST' }),
    );
    expect(out).toMatchObject({ FunctionName: 'cafe-order', Timeout: 10, MemorySize: 128 });
    expect(tab.calls[0]).toMatchObject({ operation: 'GetFunctionConfiguration', qualifier: '$LATEST' });
  });

  it('answers an operation the café does not offer with a plain 404 instead of the SPA', async () => {
    const res = await raw('/2015-03-31/functions/cafe-order/code-signing-config', {}, 'GET');
    expect(res.status).toBe(404);
    expect(res.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    expect(JSON.parse(res.body).message).toMatch(/^This simulation does not offer GET /);
  });
});

describe('Lambda bridge: safety', () => {
  it('refuses a call carrying a browser Origin from another site', async () => {
    const tab = await new FakeTab().open();
    const res = await raw('/2015-03-31/functions/cafe-order/invocations', { Origin: 'https://example.com' });
    expect(res.status).toBe(403);
    expect(res.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(JSON.parse(res.body).message).toMatch(/refuses calls from web pages of other sites/);
    // Another port on localhost is another origin too.
    const { port } = server.address() as AddressInfo;
    const other = await raw('/__lambda-cafe/focus', { Origin: `http://127.0.0.1:${port + 1}` });
    expect(other.status).toBe(403);
    expect(tab.calls).toEqual([]);
  });

  it("accepts the app's own origin, and refuses a Host that is not this machine (DNS rebinding)", async () => {
    await new FakeTab().open();
    const { port } = server.address() as AddressInfo;
    const own = await raw('/__lambda-cafe/status', { Origin: `http://127.0.0.1:${port}` }, 'GET');
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toEqual({ tabs: 1 });
    const rebound = await raw('/__lambda-cafe/status', { Host: `evil.example:${port}` }, 'GET');
    expect(rebound.status).toBe(403);
  });

  it('leaves every other path to the app server', async () => {
    const res = await raw('/index.html', {}, 'GET');
    expect(res.status).toBe(418);
  });
});
