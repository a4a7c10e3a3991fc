/** How a run becomes a response, and the records Lambda sends to destinations (lambda-facts §1, §3). */
import type { LastResponse, RunResponse } from './invocation.machine';
import { isoTime, pythonStackTrace, timeoutLine } from './logFormat';
import type { RunPlan } from './runPlan';

/** A run's response: 200 always; FunctionError and the error object when the handler failed. */
export function responseOf(epochMs: number, plan: RunPlan): RunResponse {
  if (plan.outcome === 'success') {
    return { functionError: undefined, payloadText: plan.resultPayload ?? 'null', payload: plan.result };
  }
  const payload =
    plan.outcome === 'timeout'
      ? { errorMessage: timeoutLine(epochMs, plan.requestId, plan.durationMs) }
      : {
          errorMessage: plan.errorMessage ?? '',
          errorType: plan.errorType ?? 'Exception',
          requestId: plan.requestId,
          stackTrace: pythonStackTrace(plan.errorType ?? 'Exception', plan.errorMessage ?? ''),
        };
  return { functionError: 'Unhandled', payloadText: JSON.stringify(payload), payload };
}

/** The invocation record Lambda sends to OnSuccess / OnFailure destinations (lambda-facts §3). */
export function invocationRecord(
  epochMs: number,
  functionArn: string,
  requestId: string,
  attempts: number,
  condition: string,
  requestPayload: unknown,
  last: LastResponse | undefined,
): Record<string, unknown> {
  const record: Record<string, unknown> = {
    version: '1.0',
    timestamp: isoTime(epochMs),
    requestContext: {
      requestId,
      functionArn: `${functionArn}:$LATEST`,
      condition,
      approximateInvokeCount: attempts,
    },
    requestPayload,
  };
  if (last) {
    record.responseContext = {
      statusCode: last.statusCode,
      executedVersion: '$LATEST',
      ...(last.functionError ? { functionError: last.functionError } : {}),
    };
    record.responsePayload = last.payload;
  }
  return record;
}
