/**
 * Lambda's Invoke API on the app's own dev and preview servers: a real AWS CLI or SDK pointed
 * at `--endpoint-url http://127.0.0.1:<port>` calls the café, and the most recently focused
 * café tab answers through its model, where the call is one more customer.
 *
 * The server only relays: it speaks Lambda's REST wire format (paths, headers, status codes,
 * `x-amzn-ErrorType` JSON errors, see lambdaWire.ts) to the client, and hands each call to the
 * tab as a server-sent event; the tab POSTs the answer back. It runs no code and keeps no
 * state beyond the open tabs and the calls in flight.
 *
 * Safety: the servers listen on 127.0.0.1 (vite.config.ts); a request whose Host is not a
 * loopback name, or that carries a browser Origin other than the app's own, is refused (so a
 * web page elsewhere cannot drive the café or read its answers); bodies are size-limited.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BRIDGE_EVENTS,
  BRIDGE_PATH,
  type BridgeAnswer,
  type BridgeCall,
  type BridgeOperation,
  type BridgeReply,
} from '../src/bridge/protocol.ts';
import { answerResponse, errorResponse, type WireResponse } from './lambdaWire.ts';

/** Lambda's synchronous request limit; a larger body is refused before it reaches a tab. */
export const INVOKE_BODY_LIMIT = 6 * 1024 * 1024;
/** A tab's answer carries up to a 6 MB response payload, JSON-escaped. */
const REPLY_BODY_LIMIT = 16 * 1024 * 1024;
const SMALL_BODY_LIMIT = 4 * 1024;
/** A comment line now and then keeps idle event streams open through proxies and timeouts. */
const KEEPALIVE_MS = 15_000;

type Next = (error?: unknown) => void;

interface Tab {
  id: string;
  res: ServerResponse;
  /** Higher = focused more recently (0: not since it connected); ties go to the newest tab. */
  focus: number;
  calls: Set<string>;
}

interface Waiting {
  tab: Tab;
  res: ServerResponse;
}

export interface LambdaBridge {
  /** Connect-style middleware: handles the bridge's and Lambda's paths, passes the rest on. */
  handle(req: IncomingMessage, res: ServerResponse, next: Next): void;
  /** How many café tabs are connected. */
  tabCount(): number;
  /** Ends every event stream and answers every waiting call (server shutdown). */
  close(): void;
}

const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(:\d{1,5})?$/i;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, wire: WireResponse): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(wire.status, wire.headers);
  res.end(wire.body);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `attempt=2; max=3` → 2. */
function attemptOf(sdkRequest: string | undefined): number | undefined {
  const match = /attempt=(\d+)/.exec(sdkRequest ?? '');
  return match ? Number(match[1]) : undefined;
}

interface Route {
  operation: BridgeOperation;
  functionName?: string;
}

/** Lambda's REST paths the café answers (the service model's requestUri for each operation). */
function routeOf(method: string, path: string): Route | undefined {
  const segments = path.split('/').slice(1);
  const [version, collection, rawName, tail, extra] = segments;
  const name = rawName === undefined || rawName === '' ? undefined : safeDecode(rawName);
  if (method === 'GET' && version === '2016-08-19' && collection === 'account-settings' && !rawName)
    return { operation: 'GetAccountSettings' };
  if (collection !== 'functions') return undefined;
  if (version === '2015-03-31') {
    if (name === undefined) return method === 'GET' ? { operation: 'ListFunctions' } : undefined;
    if (extra !== undefined) return undefined;
    if (method === 'POST' && tail === 'invocations') return { operation: 'Invoke', functionName: name };
    if (method === 'GET' && tail === 'configuration')
      return { operation: 'GetFunctionConfiguration', functionName: name };
    if (method === 'GET' && (tail === undefined || tail === ''))
      return { operation: 'GetFunction', functionName: name };
    return undefined;
  }
  if (name === undefined || extra !== undefined || method !== 'GET') return undefined;
  if (version === '2019-09-25' && tail === 'event-invoke-config')
    return { operation: 'GetFunctionEventInvokeConfig', functionName: name };
  if (version === '2019-09-30' && tail === 'concurrency')
    return { operation: 'GetFunctionConcurrency', functionName: name };
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function readJson<T>(req: IncomingMessage, limit: number): Promise<T | undefined> {
  try {
    return JSON.parse((await readBody(req, limit)).toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Why a request must not reach the café (another site, another host), or undefined. */
function refusal(req: IncomingMessage): string | undefined {
  const host = header(req, 'host') ?? '';
  if (!LOOPBACK_HOST.test(host))
    return `Lambda Café answers only on this machine's loopback address; Host "${host}" was refused.`;
  const origin = header(req, 'origin');
  if (origin !== undefined && origin !== `http://${host}`)
    return `Lambda Café refuses calls from web pages of other sites (Origin: ${origin}). The AWS CLI and SDKs send no Origin; a page can call only through the café's own tab.`;
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `Lambda Café refuses calls a browser made for another site (Sec-Fetch-Site: ${site}).`;
  return undefined;
}

/** A Lambda API path (`/2015-03-31/…`): answered here, even when the café does not offer it. */
const API_PATH = /^\/20\d\d-\d\d-\d\d\//;

export function createLambdaBridge(): LambdaBridge {
  const tabs = new Map<string, Tab>();
  const waiting = new Map<string, Waiting>();
  let tabSeq = 0;
  let callSeq = 0;
  let focusSeq = 0;

  const keepalive = setInterval(() => {
    for (const tab of tabs.values()) tab.res.write(': keepalive\n\n');
  }, KEEPALIVE_MS);
  keepalive.unref();

  function answeringTab(): Tab | undefined {
    let best: Tab | undefined;
    for (const tab of tabs.values()) if (!best || tab.focus >= best.focus) best = tab;
    return best;
  }

  function openEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    // A tab that opens with focus is the one the user is looking at; one opened (or reconnected)
    // in the background answers only when no focused tab is there.
    const focus = url.searchParams.get('focused') === '0' ? 0 : ++focusSeq;
    const tab: Tab = { id: `tab-${++tabSeq}`, res, focus, calls: new Set() };
    tabs.set(tab.id, tab);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: 2000\nevent: ${BRIDGE_EVENTS.hello}\ndata: ${JSON.stringify({ tab: tab.id })}\n\n`);
    req.on('close', () => {
      tabs.delete(tab.id);
      // Its customers were in that tab's café: nobody is left to finish them.
      for (const id of tab.calls) {
        const call = waiting.get(id);
        waiting.delete(id);
        if (call)
          send(
            call.res,
            errorResponse({
              name: 'ServiceException',
              statusCode: 503,
              message:
                'The Lambda Café tab that was serving this call was closed or reloaded before the function finished. Open the app again and repeat the call.',
            }),
          );
      }
    });
  }

  async function onFocus(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson<{ tab?: string }>(req, SMALL_BODY_LIMIT);
    const tab = body?.tab ? tabs.get(body.tab) : undefined;
    if (tab) tab.focus = ++focusSeq;
    res.writeHead(tab ? 204 : 404).end();
  }

  async function onReply(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = await readJson<BridgeReply>(req, REPLY_BODY_LIMIT);
    const call = reply ? waiting.get(reply.id) : undefined;
    // Only the tab the call went to may answer it.
    if (!reply || !call || call.tab.id !== reply.tab) {
      res.writeHead(404).end();
      return;
    }
    waiting.delete(reply.id);
    call.tab.calls.delete(reply.id);
    send(call.res, answerResponse(reply.answer as BridgeAnswer));
    res.writeHead(204).end();
  }

  async function relay(req: IncomingMessage, res: ServerResponse, route: Route, url: URL): Promise<void> {
    let payload: string | undefined;
    if (route.operation === 'Invoke') {
      try {
        payload = (await readBody(req, INVOKE_BODY_LIMIT)).toString('utf8');
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        send(
          res,
          errorResponse({
            name: 'RequestTooLargeException',
            statusCode: 413,
            message: `Request must be smaller than ${INVOKE_BODY_LIMIT} bytes for the InvokeFunction operation`,
          }),
        );
        return;
      }
    }
    const tab = answeringTab();
    if (!tab) {
      send(
        res,
        errorResponse({
          name: 'ServiceException',
          statusCode: 503,
          message: `No Lambda Café tab is open to answer this call. Open http://${header(req, 'host') ?? '127.0.0.1'}/ in a browser: the café's model of Lambda answers the calls, and each one becomes a customer you can watch. Then call again.`,
        }),
      );
      return;
    }
    const id = `call-${++callSeq}`;
    const call: BridgeCall = { id, operation: route.operation };
    if (route.functionName !== undefined) call.functionName = route.functionName;
    const qualifier = url.searchParams.get('Qualifier');
    if (qualifier !== null) call.qualifier = qualifier;
    const optional: [keyof BridgeCall, string][] = [
      ['invocationType', 'x-amz-invocation-type'],
      ['logType', 'x-amz-log-type'],
      ['clientContext', 'x-amz-client-context'],
      ['userAgent', 'user-agent'],
      ['invocationId', 'amz-sdk-invocation-id'],
    ];
    for (const [field, name] of optional) {
      const value = header(req, name);
      if (value !== undefined) (call as unknown as Record<string, string>)[field] = value;
    }
    const attempt = attemptOf(header(req, 'amz-sdk-request'));
    if (attempt !== undefined) call.attempt = attempt;
    if (payload !== undefined) call.payload = payload;

    waiting.set(id, { tab, res });
    tab.calls.add(id);
    // A client that gives up (Ctrl-C, read timeout) leaves the invocation running in the café,
    // as on AWS; its late answer is then dropped.
    res.on('close', () => {
      if (waiting.get(id)?.res === res) {
        waiting.delete(id);
        tab.calls.delete(id);
      }
    });
    tab.res.write(`event: ${BRIDGE_EVENTS.call}\ndata: ${JSON.stringify(call)}\n\n`);
  }

  function dispatch(req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> | void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const mine = path.startsWith(`${BRIDGE_PATH}/`);
    if (!mine && !API_PATH.test(path)) return next();
    const refused = refusal(req);
    if (refused) {
      send(res, errorResponse({ name: 'AccessDeniedException', statusCode: 403, message: refused }));
      return;
    }
    if (mine) {
      const action = path.slice(BRIDGE_PATH.length + 1);
      if (action === 'events' && method === 'GET') return openEvents(req, res, url);
      if (action === 'focus' && method === 'POST') return onFocus(req, res);
      if (action === 'reply' && method === 'POST') return onReply(req, res);
      if (action === 'status' && method === 'GET') {
        send(res, {
          status: 200,
          headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
          body: JSON.stringify({ tabs: tabs.size }),
        });
        return;
      }
      res.writeHead(404).end();
      return;
    }
    const route = routeOf(method, path);
    if (!route) {
      send(
        res,
        errorResponse({
          name: 'UnknownOperationException',
          statusCode: 404,
          message: `This simulation does not offer ${method} ${path}. Lambda Café answers Invoke, GetFunction, GetFunctionConfiguration, ListFunctions, GetFunctionEventInvokeConfig, GetFunctionConcurrency and GetAccountSettings.`,
        }),
      );
      return;
    }
    return relay(req, res, route, url);
  }

  return {
    handle(req, res, next) {
      Promise.resolve(dispatch(req, res, next)).catch((error: unknown) => {
        send(
          res,
          errorResponse({
            name: 'ServiceException',
            statusCode: 500,
            message: `Lambda Café's bridge failed: ${error instanceof Error ? error.message : String(error)}`,
          }),
        );
      });
    },
    tabCount: () => tabs.size,
    close() {
      clearInterval(keepalive);
      for (const tab of tabs.values()) tab.res.end();
      tabs.clear();
    },
  };
}
