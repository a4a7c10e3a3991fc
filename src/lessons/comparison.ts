import type { LambdaSimulation } from '../model';
import { formatDuration } from '../cafe/format';

export interface ComparisonRow {
  aspect: string;
  sync: string;
  async: string;
}

/**
 * The tutorial's comparison table (response time, use cases, invocation type, response),
 * filled in with what the model recorded for a synchronous and an asynchronous caller.
 */
export function comparisonRows(
  sim: LambdaSimulation,
  syncCaller = 'customer-1',
  asyncCaller = 'customer-2',
): ComparisonRow[] {
  const records = sim.invocations();
  const sync = records.findLast((r) => r.callerId === syncCaller && r.invocationType === 'RequestResponse');
  const async = records.findLast((r) => r.callerId === asyncCaller && r.invocationType === 'Event');
  const notYet = 'not measured in this run';

  const syncTime =
    sync?.respondedAt !== undefined
      ? `Waits for the function: blocked ${formatDuration(sync.respondedAt - sync.acceptedAt)}`
      : notYet;
  // An accepted async call is answered (202) in the same instant it is accepted.
  const asyncTime = async
    ? `Immediate acknowledgement: 202 after ${formatDuration((async.respondedAt ?? async.acceptedAt) - async.acceptedAt)}` +
      (async.endedAt !== undefined
        ? `; the run ended ${formatDuration(async.endedAt - async.acceptedAt)} later, in the background`
        : '')
    : notYet;
  const syncResponse =
    sync?.respondedAt !== undefined
      ? sync.functionError
        ? `200 with FunctionError: ${sync.functionError} and the error object`
        : '200 with the function’s return value'
      : notYet;

  return [
    { aspect: 'Response time', sync: syncTime, async: asyncTime },
    {
      aspect: 'Use cases',
      sync: 'APIs and real-time operations: the caller needs the result',
      async: 'Background work: thumbnails of S3 uploads, log and analytics processing, notifications',
    },
    { aspect: 'Invocation type', sync: 'RequestResponse (the default)', async: 'Event' },
    {
      aspect: 'Response',
      sync: syncResponse,
      async: async ? '202 Accepted, no body: the result never comes back to the caller' : notYet,
    },
  ];
}
