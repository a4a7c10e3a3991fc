/** How a run becomes a response, and how an invocation ends (recorded once, in the ledger). */
import type { Invocation, Ledger } from './ledger';
import { isoTime, pythonStackTrace, timeoutLine } from './logFormat';
import type { RunPlan } from './runPlan';
import type { DestinationKind, InvocationOutcome, InvocationState } from './types';
import { destinationTypeOf } from './validation';

export interface RunResponse {
  statusCode: 200;
  functionError?: 'Unhandled';
  /** The response payload as JSON text. */
  payloadText: string;
  payload: unknown;
}

/** A run's response: 200 always; FunctionError and the error object when the handler failed. */
export function responseOf(ledger: Ledger, plan: RunPlan): RunResponse {
  if (plan.outcome === 'success') {
    return { statusCode: 200, payloadText: plan.resultPayload ?? 'null', payload: plan.result };
  }
  const payload =
    plan.outcome === 'timeout'
      ? { errorMessage: timeoutLine(ledger.epoch(), plan.requestId, plan.durationMs) }
      : {
          errorMessage: plan.errorMessage ?? '',
          errorType: plan.errorType ?? 'Exception',
          requestId: plan.requestId,
          stackTrace: pythonStackTrace(plan.errorType ?? 'Exception', plan.errorMessage ?? ''),
        };
  return { statusCode: 200, functionError: 'Unhandled', payloadText: JSON.stringify(payload), payload };
}

/** Ends an invocation: sets its final state and outcome, notes it, moves it to the finished buffer. */
export function endInvocation(
  ledger: Ledger,
  inv: Invocation,
  state: InvocationState,
  outcome: InvocationOutcome,
  reason?: string,
): void {
  const r = inv.record;
  r.state = state;
  r.outcome = outcome;
  if (reason !== undefined) r.outcomeReason = reason;
  const t = ledger.now();
  r.endedAt = t;
  r.nextAttemptAt = undefined;
  if (reason !== undefined)
    ledger.record({ t, type: 'invocation.ended', requestId: r.requestId, outcome, reason });
  else ledger.record({ t, type: 'invocation.ended', requestId: r.requestId, outcome });
  ledger.finish(inv);
}

function deliver(
  ledger: Ledger,
  inv: Invocation,
  kind: DestinationKind,
  arn: string,
  condition: string,
  record: unknown,
  messageAttributes?: Record<string, string>,
): void {
  ledger.destinations.push({
    functionName: inv.record.functionName,
    destinationArn: arn,
    destinationType: destinationTypeOf(arn) ?? 'sqs',
    kind,
    timestamp: ledger.epoch(),
    requestId: inv.record.requestId,
    record,
    ...(messageAttributes ? { messageAttributes } : {}),
  });
  inv.record.destinationArn = arn;
  ledger.note('destination.delivered', {
    requestId: inv.record.requestId,
    kind,
    destinationArn: arn,
    condition,
  });
  endInvocation(ledger, inv, 'destination', 'delivered', condition);
}

/** The invocation record Lambda sends to OnSuccess / OnFailure destinations (lambda-facts §3). */
export function invocationRecord(
  ledger: Ledger,
  inv: Invocation,
  condition: string,
): Record<string, unknown> {
  const f = ledger.fn(inv.record.functionName).config;
  const record: Record<string, unknown> = {
    version: '1.0',
    timestamp: isoTime(ledger.epoch()),
    requestContext: {
      requestId: inv.record.requestId,
      functionArn: `${f.FunctionArn}:$LATEST`,
      condition,
      approximateInvokeCount: inv.record.attempts,
    },
    requestPayload: inv.event,
  };
  const last = inv.lastResponse;
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

/** An async event that succeeded: OnSuccess destination if configured, else simply succeeded. */
export function completeEvent(ledger: Ledger, inv: Invocation): void {
  const arn = ledger.fn(inv.record.functionName).config.DestinationConfig.OnSuccess?.Destination;
  inv.record.statusCode = 200;
  if (arn) deliver(ledger, inv, 'OnSuccess', arn, 'Success', invocationRecord(ledger, inv, 'Success'));
  else endInvocation(ledger, inv, 'succeeded', 'succeeded', 'Success');
}

/**
 * An async event that failed for good (`condition`: RetriesExhausted, EventAgeExceeded,
 * ZeroReservedConcurrency): the OnFailure destination, else the DLQ, else discarded.
 */
export function failEvent(ledger: Ledger, inv: Invocation, condition: string): void {
  const config = ledger.fn(inv.record.functionName).config;
  const onFailure = config.DestinationConfig.OnFailure?.Destination;
  const dlq = config.DeadLetterConfig.TargetArn;
  if (inv.lastResponse?.functionError) inv.record.functionError = inv.lastResponse.functionError;
  if (onFailure) {
    deliver(ledger, inv, 'OnFailure', onFailure, condition, invocationRecord(ledger, inv, condition));
  } else if (dlq) {
    const payload = inv.lastResponse?.payload as { errorMessage?: string } | undefined;
    deliver(ledger, inv, 'DLQ', dlq, condition, inv.event, {
      RequestID: inv.record.requestId,
      ErrorCode: String(inv.lastResponse?.statusCode ?? 429),
      ErrorMessage: payload?.errorMessage ?? condition,
    });
  } else {
    ledger.note('event.discarded', { requestId: inv.record.requestId, reason: condition });
    endInvocation(ledger, inv, 'discarded', 'discarded', condition);
  }
}
