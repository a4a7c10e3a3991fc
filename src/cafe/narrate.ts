import { requestIdOf, type LambdaSimulation, type TraceEvent } from '../model';
import { formatDuration } from './format';

/**
 * One model event in plain words, or undefined when it is not worth saying aloud.
 * Narration is derived from the trace, so it can only ever tell what the model did.
 */
export function narrate(e: TraceEvent, sim: LambdaSimulation): string | undefined {
  const requestId = requestIdOf(e);
  const inv = requestId ? sim.invocation(requestId) : undefined;
  const who = inv?.callerLabel ?? 'A caller';
  const isSync = inv?.invocationType === 'RequestResponse';
  switch (e.type) {
    case 'invoke.accepted':
      if (inv?.invocationType === 'Event') {
        return `${who} got 202 Accepted and sat down — an asynchronous call returns at once and the event goes to Lambda's queue.`;
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
    case 'run.started':
      return `A barista starts ${who}'s drink${inv?.attempts && inv.attempts > 1 ? ` (attempt ${inv.attempts})` : ''}.`;
    case 'run.succeeded':
      if (isSync) {
        return `${who} got 200 with the result after being blocked ${formatDuration((inv?.respondedAt ?? sim.now()) - (inv?.acceptedAt ?? 0))}.`;
      }
      return `${who}'s drink is done — the caller is not told; the result goes to the logs${
        sim.getFunctionConfiguration(inv?.functionName ?? '').DestinationConfig?.OnSuccess
          ? ' and the OnSuccess destination'
          : ''
      }.`;
    case 'run.failed':
      if (isSync) return `${who}'s drink spilled: the response is still 200, with FunctionError: Unhandled.`;
      return `${who}'s drink spilled — Lambda will retry the event itself.`;
    case 'run.timedOut':
      return `The barista's timer ran out: ${who}'s drink is abandoned (Task timed out) and that barista is replaced.`;
    case 'retry.scheduled':
      return `${who}'s ticket goes back on the rail: retry in ${formatDuration(e.delayMs)}.`;
    case 'queue.throttled':
      return `No free barista for ${who}'s ticket: it waits on the rail and backs off ${formatDuration(e.delayMs)}.`;
    case 'destination.delivered':
      return `${who}'s event was delivered to ${e.kind}.`;
    case 'event.discarded':
      return `${who}'s event was discarded (${e.reason}) — nobody is told.`;
    case 'env.shutdown':
      return 'A barista who had been idle went home (the execution environment shut down).';
    default:
      return undefined;
  }
}
