/**
 * Lambda's REST wire format for the bridge's answers, as the service model describes it
 * (botocore/data/lambda/2015-03-31/service-2.json, the model @aws-sdk/client-lambda is built
 * from): Invoke's status code is the HTTP status (200 / 202 / 204), `FunctionError`,
 * `LogResult` and `ExecutedVersion` travel in the `X-Amz-Function-Error`, `X-Amz-Log-Result`
 * and `X-Amz-Executed-Version` headers, the body is the function's response. An error names
 * its exception in `x-amzn-ErrorType` (the SDK picks its error class by it) with a JSON body
 * `{"Type": …, "message"|"Message": …}`; TooManyRequestsException adds `Reason` in the body and
 * `retryAfterSeconds` as the `Retry-After` header.
 */
import { randomUUID } from 'node:crypto';
import type { BridgeAnswer } from '../src/bridge/protocol.ts';

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The service model spells the message member "Message" for these exceptions, "message" for the others. */
const CAPITAL_MESSAGE = new Set(['ResourceNotFoundException', 'ServiceException']);

type ErrorAnswer = Omit<Extract<BridgeAnswer, { kind: 'error' }>, 'kind'>;

/** Headers are ASCII: a function error or log tail is passed on only if it is (base64 always is). */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?');
}

export function errorResponse(error: ErrorAnswer): WireResponse {
  const body: Record<string, string> = {
    Type: error.statusCode >= 500 ? 'Service' : 'User',
    [CAPITAL_MESSAGE.has(error.name) ? 'Message' : 'message']: error.message,
  };
  if (error.reason !== undefined) body.Reason = error.reason;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'x-amzn-ErrorType': error.name,
    'x-amzn-RequestId': error.requestId ?? randomUUID(),
  };
  if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = error.retryAfterSeconds;
  return { status: error.statusCode, headers, body: JSON.stringify(body) };
}

export function answerResponse(answer: BridgeAnswer): WireResponse {
  if (answer.kind === 'error') return errorResponse(answer);
  if (answer.kind === 'json') {
    return {
      status: answer.statusCode,
      headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID() },
      body: JSON.stringify(answer.body),
    };
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'x-amzn-RequestId': answer.requestId ?? randomUUID(),
  };
  if (answer.executedVersion !== undefined) headers['X-Amz-Executed-Version'] = answer.executedVersion;
  if (answer.functionError !== undefined) headers['X-Amz-Function-Error'] = headerSafe(answer.functionError);
  if (answer.logResult !== undefined) headers['X-Amz-Log-Result'] = headerSafe(answer.logResult);
  // 202 (Event) and 204 (DryRun) carry no body.
  const body = answer.statusCode === 200 ? (answer.payload ?? '') : '';
  return { status: answer.statusCode, headers, body };
}
