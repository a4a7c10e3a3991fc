/**
 * What the dev/preview server (server/lambdaBridge.ts) and a café tab say to each other when a
 * real AWS CLI or SDK calls the café. The server speaks Lambda's REST wire format to the client
 * and relays each call to the tab as one of these; the tab answers with a BridgeAnswer, which
 * the server turns back into Lambda's status codes, headers and JSON error bodies.
 *
 * Plain JSON both ways: server-sent events carry the calls, a same-origin POST the answers
 * (the preview server has no HMR socket, and a strict CSP allows 'self' connections only).
 */

/** Where the bridge lives on the app's own server; every path starts with this. */
export const BRIDGE_PATH = '/__lambda-cafe';

export type BridgeOperation =
  | 'Invoke'
  | 'GetFunction'
  | 'GetFunctionConfiguration'
  | 'ListFunctions'
  | 'GetFunctionEventInvokeConfig'
  | 'GetFunctionConcurrency'
  | 'GetAccountSettings';

/** One call from outside, as the tab receives it. */
export interface BridgeCall {
  /** The server's id for this HTTP request; the answer must carry it back. */
  id: string;
  operation: BridgeOperation;
  /** As written in the URL path, decoded (a name, name:qualifier, partial or full ARN). */
  functionName?: string;
  qualifier?: string;
  invocationType?: string;
  logType?: string;
  clientContext?: string;
  /** The request body as UTF-8 text (the event). */
  payload?: string;
  /** The caller's User-Agent, for the customer's label ("aws-cli/2.27.41", "aws-sdk-js/3.1162.0"). */
  userAgent?: string;
  /** The SDK's `amz-sdk-invocation-id`: the same for every retry of one call. */
  invocationId?: string;
  /** From `amz-sdk-request: attempt=2; max=3`. */
  attempt?: number;
}

/** The tab's answer to a call. */
export type BridgeAnswer =
  | {
      kind: 'invoked';
      statusCode: number;
      requestId?: string;
      functionError?: string;
      logResult?: string;
      executedVersion?: string;
      /** The function's response (sync), as text. */
      payload?: string;
    }
  | {
      kind: 'error';
      /** Lambda's exception name: the `x-amzn-ErrorType` the SDK maps to its error class. */
      name: string;
      message: string;
      statusCode: number;
      requestId?: string;
      reason?: string;
      retryAfterSeconds?: string;
    }
  | { kind: 'json'; statusCode: number; body: unknown };

/** The tab's POST back to the server. */
export interface BridgeReply {
  tab: string;
  id: string;
  answer: BridgeAnswer;
}

/** Server-sent event names. */
export const BRIDGE_EVENTS = { hello: 'hello', call: 'call' } as const;
