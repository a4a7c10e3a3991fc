import { requestIdOf, type LambdaSimulation, type TraceEvent } from '../model';
import { formatDuration } from './format';

/**
 * One model event in plain words, or undefined when it is not worth saying aloud.
 * Narration is derived from the trace, so it can only ever tell what the model did; it says
 * only what has happened (a failed attempt does not promise a retry: the next event says
 * whether one is scheduled or the event went to a destination).
 *
 * Where a result goes, as Lambda does it: a synchronous caller receives the return value in
 * its response; an asynchronous caller only ever gets its 202, and the return value goes to
 * the OnSuccess destination if one is configured, otherwise to nobody. The logs never hold
 * it (only what the handler prints, errors, and START / END / REPORT).
 */
export function narrate(e: TraceEvent, sim: LambdaSimulation): string | undefined {
  const requestId = requestIdOf(e);
  const inv = requestId ? sim.invocation(requestId) : undefined;
  const who = inv?.callerLabel ?? 'A caller';
  const isSync = inv?.invocationType === 'RequestResponse';
  const isAsync = inv?.invocationType === 'Event';
  switch (e.type) {
    case 'invoke.accepted':
      if (isAsync) {
        return `${who} got 202 Accepted and sat down, free at once — Lambda put the event on its internal queue (the ticket rail) to run in the background.`;
      }
      if (isSync)
        return `${who} is waiting at the counter — a synchronous call blocks the caller until the function returns.`;
      return undefined;
    case 'invoke.rejected': {
      const status = e.statusCode;
      const name = e.errorName;
      if (status === 429) {
        return `${who} was turned away with 429 Too Many Requests — every barista place is taken and a synchronous call is never queued.`;
      }
      return `${who}'s order was refused: ${status ?? ''} ${name ?? ''}.`.replace(/\s+/g, ' ');
    }
    case 'env.created':
      return `A new barista arrives and ties an apron — a cold start (Init) for ${who.toLowerCase() === 'a caller' ? 'the next order' : who}.`;
    case 'run.started': {
      const attempt = typeof e.attempt === 'number' ? e.attempt : (inv?.attempts ?? 1);
      const which = attempt > 1 ? ` (attempt ${attempt})` : '';
      return isAsync
        ? `A barista takes ${who}'s ticket from the rail and starts the drink${which}.`
        : `A barista starts ${who}'s drink${which}.`;
    }
    case 'run.succeeded':
      if (isSync) {
        return `${who} got 200 with the result (the function's return value) after being blocked ${formatDuration((inv?.respondedAt ?? sim.now()) - (inv?.acceptedAt ?? 0))}.`;
      }
      return hasOnSuccess(inv, sim)
        ? `${who}'s drink is done. The caller is not told (it had its 202); Lambda sends the return value to the OnSuccess destination.`
        : `${who}'s drink is done. The caller is not told (it had its 202), and with no OnSuccess destination the return value reaches nobody.`;
    case 'run.failed':
      if (isSync)
        return `${who}'s drink spilled (the handler raised an error): the response is still 200, with FunctionError: Unhandled. Lambda does not retry a synchronous call.`;
      return `${who}'s drink spilled (the handler raised an error). The caller, holding its 202, is not told.`;
    case 'run.timedOut':
      if (isSync)
        return `The barista's timer ran out: Lambda stopped ${who}'s run (Task timed out). The caller gets 200, with FunctionError: Unhandled.`;
      return `The barista's timer ran out: Lambda stopped ${who}'s run (Task timed out). The caller, holding its 202, is not told.`;
    case 'retry.scheduled': {
      const attempt = typeof e.attempt === 'number' ? ` (attempt ${e.attempt})` : '';
      return `${who}'s ticket goes back on the rail: Lambda will retry in ${formatDuration(e.delayMs)}${attempt}.`;
    }
    case 'queue.throttled':
      return `No free barista for ${who}'s ticket: it waits on the rail (Lambda's queue), tried again in ${formatDuration(e.delayMs)}.`;
    case 'destination.delivered':
      return destinationLine(who, String(e.kind ?? ''), String(e.condition ?? ''), inv?.attempts);
    case 'event.discarded':
      return `${who}'s event was discarded (${e.reason}) — no failure destination is configured, and nobody is told.`;
    case 'env.shutdown':
      return shutdownLine(String(e.reason ?? ''));
    default:
      return undefined;
  }
}

function hasOnSuccess(inv: ReturnType<LambdaSimulation['invocation']>, sim: LambdaSimulation): boolean {
  if (inv?.outcome !== undefined) return inv.outcome === 'delivered' && inv.outcomeReason === 'Success';
  return Boolean(sim.getFunctionConfiguration(inv?.functionName ?? '')?.DestinationConfig?.OnSuccess);
}

function destinationLine(who: string, kind: string, condition: string, attempts: number | undefined): string {
  if (kind === 'OnSuccess')
    return `Lambda sent an invocation record for ${who}'s event, with the return value, to the OnSuccess destination.`;
  const why =
    condition === 'RetriesExhausted'
      ? `No more retries${attempts && attempts > 1 ? ` after ${attempts} attempts` : ''}: `
      : condition === 'EventAgeExceeded'
        ? 'Too old to try again (maximum event age): '
        : condition === 'ZeroReservedConcurrency'
          ? 'No barista may run it (reserved concurrency 0): '
          : '';
  if (kind === 'OnFailure') return `${why}${who}'s event went to the OnFailure destination.`;
  if (kind === 'DLQ')
    return `${why}${who}'s event went to the dead-letter queue (the event itself, with the error as message attributes).`;
  return `${who}'s event was delivered to ${kind || 'a destination'}.`;
}

function shutdownLine(reason: string): string {
  switch (reason) {
    case 'IdleTimeout':
      return 'A barista who had been idle went home (the execution environment shut down).';
    case 'TaskTimedOut':
      return "After the timeout Lambda shut that barista's execution environment down; a new one will need a cold start.";
    case 'ConfigurationUpdated':
      return "A barista left: the function's configuration changed, so Lambda retires its execution environments (the next order starts cold).";
    case 'ProvisionedConcurrencyReduced':
      return 'A provisioned barista left: provisioned concurrency was reduced.';
    default:
      return 'A barista left (the execution environment shut down).';
  }
}

/**
 * True when a text says that a function's result is in (or goes to) the logs — wrong on
 * Lambda, whose logs never hold a return value. Checked clause by clause, so "print() goes to
 * the logs; the return value is not logged" passes. Tests run every narration through it.
 */
export function claimsResultInLogs(text: string): boolean {
  return text
    .split(/[.;:!?—]/)
    .some(
      (clause) =>
        !/\b(not|no|never)\b/i.test(clause) &&
        ((/\b(result|return value|returned (object|value)|response payload)\b/i.test(clause) &&
          /\b(in|to|into) (the )?(CloudWatch )?logs?\b/i.test(clause)) ||
          /\b(exists|is|lives|stays) only in the (CloudWatch )?logs\b/i.test(clause)),
    );
}
