/**
 * The tab's side of a call from a real AWS CLI or SDK: an Invoke becomes a customer of this
 * café (recorded like any order, so rewind and replay keep it) and its answer goes back when the
 * model has one; the read operations are answered from the model at once.
 */
import { LambdaServiceError, type InvokeInput, type InvokeOutput } from '../model';
import type { CafeStore } from '../store/cafeStore';
import { parseFunctionName } from '../terminal/functionNames';
import {
  accountSettingsJson,
  eventInvokeConfigJson,
  functionConcurrencyJson,
  functionConfigurationJson,
  getFunctionJson,
} from '../terminal/lambdaResponses';
import type { BridgeAnswer, BridgeCall } from './protocol';

export type CallerTool = 'cli' | 'sdk' | 'http';

/** "aws-cli/2.27.41 md/…" → the product and which kind of tool it is. */
export function callerTool(userAgent: string | undefined): { product: string; tool: CallerTool } {
  const product = /^[A-Za-z][\w.-]*\/[\w.-]+/.exec(userAgent?.trim() ?? '')?.[0];
  if (!product) return { product: 'an HTTP client', tool: 'http' };
  if (/^aws-cli\//i.test(product)) return { product, tool: 'cli' };
  if (/^(aws-sdk-|boto3\/|botocore\/)/i.test(product)) return { product, tool: 'sdk' };
  return { product, tool: 'http' };
}

/**
 * Who is calling: every attempt of one SDK/CLI call (the same `amz-sdk-invocation-id`) is the
 * same customer coming back, so the café shows the client's retries.
 */
export class OutsideCallers {
  private readonly byInvocation = new Map<string, number>();
  private count = 0;

  caller(call: BridgeCall): { id: string; label: string } {
    const { product, tool } = callerTool(call.userAgent);
    let n = call.invocationId !== undefined ? this.byInvocation.get(call.invocationId) : undefined;
    if (n === undefined) {
      n = ++this.count;
      if (call.invocationId !== undefined) this.byInvocation.set(call.invocationId, n);
    }
    const attempt = call.attempt !== undefined && call.attempt > 1 ? `, attempt ${call.attempt}` : '';
    return { id: `outside-${tool}-${n}`, label: `Outside call ${n} (${product})${attempt}` };
  }
}

function errorAnswer(error: unknown): BridgeAnswer {
  if (error instanceof LambdaServiceError) {
    const answer: BridgeAnswer = {
      kind: 'error',
      name: error.name,
      message: error.message,
      statusCode: error.$metadata.httpStatusCode,
    };
    if (error.$metadata.requestId !== undefined) answer.requestId = error.$metadata.requestId;
    if (error.Reason !== undefined) answer.reason = error.Reason;
    if (error.retryAfterSeconds !== undefined) answer.retryAfterSeconds = error.retryAfterSeconds;
    return answer;
  }
  if (error instanceof Error && error.name === 'OutsideCallLost') {
    return { kind: 'error', name: 'ServiceException', statusCode: 503, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'error', name: 'ServiceException', statusCode: 500, message: `Lambda Café: ${message}` };
}

function invokedAnswer(output: InvokeOutput, requestId: string | undefined): BridgeAnswer {
  const answer: BridgeAnswer = { kind: 'invoked', statusCode: output.StatusCode };
  if (requestId !== undefined) answer.requestId = requestId;
  if (output.FunctionError !== undefined) answer.functionError = output.FunctionError;
  if (output.LogResult !== undefined) answer.logResult = output.LogResult;
  if (output.ExecutedVersion !== undefined) answer.executedVersion = output.ExecutedVersion;
  if (output.Payload !== undefined) answer.payload = output.Payload;
  return answer;
}

function invokeInput(call: BridgeCall): InvokeInput {
  // The name goes to the model as written: Lambda's name forms are the model's to accept.
  const input: InvokeInput = { FunctionName: call.functionName ?? '' };
  if (call.invocationType !== undefined)
    input.InvocationType = call.invocationType as InvokeInput['InvocationType'];
  if (call.logType !== undefined) input.LogType = call.logType as InvokeInput['LogType'];
  if (call.payload !== undefined && call.payload !== '') input.Payload = call.payload;
  if (call.qualifier !== undefined) input.Qualifier = call.qualifier;
  if (call.clientContext !== undefined) input.ClientContext = call.clientContext;
  return input;
}

async function invoke(store: CafeStore, call: BridgeCall, callers: OutsideCallers): Promise<BridgeAnswer> {
  const placed = store.getState().invokeFromOutside(invokeInput(call), callers.caller(call));
  if ('refused' in placed) {
    // The café is between moments (a seek): the client's retry will find it ready.
    return { kind: 'error', name: 'ServiceException', statusCode: 503, message: placed.refused };
  }
  try {
    return invokedAnswer(await placed.answer, placed.requestId);
  } catch (error) {
    return errorAnswer(error);
  }
}

const json = (body: unknown): BridgeAnswer => ({ kind: 'json', statusCode: 200, body });

/** The read operations, straight from the model (they change nothing, so they are not recorded). */
function read(store: CafeStore, call: BridgeCall): BridgeAnswer {
  const { sim } = store.getState();
  try {
    if (call.operation === 'ListFunctions')
      return json({ Functions: sim.listFunctions().map((c) => functionConfigurationJson(c)) });
    if (call.operation === 'GetAccountSettings') return json(accountSettingsJson(sim));
    const ref = parseFunctionName(call.functionName ?? '');
    const config = sim.getFunctionConfiguration(ref.name);
    const qualifier = call.qualifier ?? ref.qualifier;
    if (qualifier !== undefined && qualifier !== '$LATEST') {
      throw new LambdaServiceError({
        name: 'ResourceNotFoundException',
        httpStatusCode: 404,
        message: `Function not found: ${config.FunctionArn}:${qualifier}`,
      });
    }
    switch (call.operation) {
      case 'GetFunction':
        return json(getFunctionJson(config));
      case 'GetFunctionConfiguration':
        return json(functionConfigurationJson(config));
      case 'GetFunctionConcurrency':
        return json(functionConcurrencyJson(config));
      case 'GetFunctionEventInvokeConfig':
        // On the wire a timestamp is epoch seconds; the SDK turns it into a Date.
        return json(eventInvokeConfigJson(sim, config, (ms) => ms / 1000));
      default:
        return errorAnswer(new Error(`unexpected operation ${call.operation}`));
    }
  } catch (error) {
    return errorAnswer(error);
  }
}

/** Answers one relayed call with this café's model. */
export function answerCall(
  store: CafeStore,
  call: BridgeCall,
  callers: OutsideCallers,
): Promise<BridgeAnswer> {
  if (call.operation === 'Invoke') return invoke(store, call, callers);
  return Promise.resolve(read(store, call));
}
