/**
 * `aws logs describe-log-streams`, `get-log-events` and `filter-log-events` over the model's
 * CloudWatch Logs (one log group per function, one stream per execution environment). Shapes
 * from the CloudWatch Logs service model (botocore/data/logs/2014-03-28/service-2.json).
 * Simplifications: no pagination tokens beyond the first page, `ingestionTime` equals the
 * event's timestamp, `uploadSequenceToken` (deprecated) is left out.
 */
import type { LambdaSimulation, LogEvent } from '../model';
import { ACCOUNT_ID, REGION } from '../model';
import { stringOption, type ParsedArgs } from './argParser';
import { type AwsContext, type AwsOperation } from './awsContext';
import { renderResponse } from './awsGlobals';
import { serviceError } from './cliErrors';
import type { Json } from './cliOutput';
import { LAMBDA_GROUP_PREFIX, logGroupExists, matchesPattern } from './logsTail';
import { integerOptions } from './lambdaParams';
import type { CliRun, CommandOutput } from './types';

const GROUP = { name: '--log-group-name', takesValue: true } as const;

function notFound(operation: string, what: 'log group' | 'log stream'): CommandOutput {
  return serviceError(
    `An error occurred (ResourceNotFoundException) when calling the ${operation} operation: The specified ${what} does not exist.`,
  );
}

/** The function whose log group this is, if the group exists (Lambda creates it on the first run). */
function groupFunction(sim: LambdaSimulation, group: string): string | undefined {
  if (!group.startsWith(LAMBDA_GROUP_PREFIX)) return undefined;
  const fn = group.slice(LAMBDA_GROUP_PREFIX.length);
  return logGroupExists(sim, fn) ? fn : undefined;
}

/** CloudWatch keeps a Lambda log line with its newline; the model's messages carry none. */
const withNewline = (message: string) => `${message}\n`;

function eventTimes(args: ParsedArgs): {
  error?: CommandOutput;
  start?: number;
  end?: number;
  limit?: number;
} {
  const ints = integerOptions(args, [
    ['--start-time', 'startTime', 0],
    ['--end-time', 'endTime', 0],
    ['--limit', 'limit', 1],
  ]);
  return {
    ...(ints.error ? { error: ints.error } : {}),
    start: ints.values.get('startTime'),
    end: ints.values.get('endTime'),
    limit: ints.values.get('limit'),
  };
}

function inRange(e: LogEvent, start?: number, end?: number): boolean {
  return (start === undefined || e.timestamp >= start) && (end === undefined || e.timestamp < end);
}

export const describeLogStreamsOperation: AwsOperation = {
  apiName: 'DescribeLogStreams',
  spec: {
    options: [
      GROUP,
      { name: '--log-stream-name-prefix', takesValue: true },
      { name: '--order-by', takesValue: true },
      { name: '--descending', takesValue: false },
      { name: '--no-descending', takesValue: false },
      { name: '--limit', takesValue: true },
    ],
  },
  synopsis:
    'describe-log-streams\n--log-group-name <value>          e.g. /aws/lambda/cafe-order\n[--log-stream-name-prefix <value>]\n[--order-by LogStreamName|LastEventTime]\n[--descending]\n[--limit <value>]\n',
  run(args: ParsedArgs, ctx: AwsContext): CliRun {
    const group = stringOption(args, '--log-group-name') ?? '';
    const fn = groupFunction(ctx.sim, group);
    if (fn === undefined) return notFound('DescribeLogStreams', 'log group');
    const { error, limit } = eventTimes(args);
    if (error) return error;
    const prefix = stringOption(args, '--log-stream-name-prefix') ?? '';
    const orderBy = stringOption(args, '--order-by') ?? 'LogStreamName';
    const events = ctx.sim.logEvents({ functionName: fn });
    const streams = new Map<string, LogEvent[]>();
    for (const env of ctx.sim.environments().filter((e) => e.functionName === fn))
      streams.set(env.logStreamName, []);
    for (const e of events) {
      const lines = streams.get(e.logStreamName);
      if (lines) lines.push(e);
      else streams.set(e.logStreamName, [e]);
    }
    const created = new Map(
      ctx.sim.environments().map((env) => [env.logStreamName, ctx.sim.startTime + env.createdAt]),
    );
    let logStreams = [...streams]
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, lines]) => {
        const stream: { [key: string]: Json } = {
          logStreamName: name,
          creationTime: created.get(name) ?? lines[0]?.timestamp ?? ctx.sim.startTime,
        };
        if (lines.length > 0) {
          stream.firstEventTimestamp = lines[0].timestamp;
          stream.lastEventTimestamp = lines[lines.length - 1].timestamp;
          stream.lastIngestionTime = lines[lines.length - 1].timestamp;
        }
        stream.arn = `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:${group}:log-stream:${name}`;
        stream.storedBytes = 0;
        return stream;
      });
    const key = (s: { [key: string]: Json }) =>
      orderBy === 'LastEventTime' ? Number(s.lastEventTimestamp ?? 0) : String(s.logStreamName);
    logStreams.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    if (args.options.has('--descending')) logStreams.reverse();
    if (limit !== undefined) logStreams = logStreams.slice(0, limit);
    return renderResponse({ logStreams }, ctx.globals);
  },
};

export const getLogEventsOperation: AwsOperation = {
  apiName: 'GetLogEvents',
  spec: {
    options: [
      GROUP,
      { name: '--log-stream-name', takesValue: true, required: true },
      { name: '--start-time', takesValue: true },
      { name: '--end-time', takesValue: true },
      { name: '--limit', takesValue: true },
      { name: '--start-from-head', takesValue: false },
      { name: '--no-start-from-head', takesValue: false },
    ],
  },
  synopsis:
    'get-log-events\n--log-group-name <value>\n--log-stream-name <value>\n[--start-time <value>]   epoch ms\n[--end-time <value>]\n[--limit <value>]\n[--start-from-head]\n',
  run(args: ParsedArgs, ctx: AwsContext): CliRun {
    const group = stringOption(args, '--log-group-name') ?? '';
    const fn = groupFunction(ctx.sim, group);
    if (fn === undefined) return notFound('GetLogEvents', 'log group');
    const streamName = stringOption(args, '--log-stream-name') ?? '';
    const known = ctx.sim.environments().some((e) => e.logStreamName === streamName);
    const lines = ctx.sim.logEvents({ functionName: fn, logStreamName: streamName });
    if (!known && lines.length === 0) return notFound('GetLogEvents', 'log stream');
    const { error, start, end, limit } = eventTimes(args);
    if (error) return error;
    let picked = lines.filter((e) => inRange(e, start, end));
    // Without --start-from-head the newest events come back (still oldest first).
    if (limit !== undefined)
      picked = args.options.has('--start-from-head') ? picked.slice(0, limit) : picked.slice(-limit);
    const last = picked.at(-1)?.timestamp ?? start ?? ctx.sim.startTime;
    const first = picked[0]?.timestamp ?? start ?? ctx.sim.startTime;
    return renderResponse(
      {
        events: picked.map((e) => ({
          timestamp: e.timestamp,
          message: withNewline(e.message),
          ingestionTime: e.timestamp,
        })),
        nextForwardToken: `f/${String(last).padStart(56, '0')}`,
        nextBackwardToken: `b/${String(first).padStart(56, '0')}`,
      },
      ctx.globals,
    );
  },
};

export const filterLogEventsOperation: AwsOperation = {
  apiName: 'FilterLogEvents',
  spec: {
    options: [
      GROUP,
      { name: '--log-stream-names', takesValue: true },
      { name: '--log-stream-name-prefix', takesValue: true },
      { name: '--start-time', takesValue: true },
      { name: '--end-time', takesValue: true },
      { name: '--filter-pattern', takesValue: true },
      { name: '--limit', takesValue: true },
    ],
  },
  synopsis:
    'filter-log-events\n--log-group-name <value>\n[--log-stream-names <value>]        one stream name here\n[--log-stream-name-prefix <value>]\n[--start-time <value>]   epoch ms\n[--end-time <value>]\n[--filter-pattern <value>]   plain terms or "a phrase"\n[--limit <value>]\n',
  run(args: ParsedArgs, ctx: AwsContext): CliRun {
    const group = stringOption(args, '--log-group-name') ?? '';
    const fn = groupFunction(ctx.sim, group);
    if (fn === undefined) return notFound('FilterLogEvents', 'log group');
    const { error, start, end, limit } = eventTimes(args);
    if (error) return error;
    const only = stringOption(args, '--log-stream-names');
    const prefix = stringOption(args, '--log-stream-name-prefix') ?? '';
    const pattern = stringOption(args, '--filter-pattern');
    const all = ctx.sim.logEvents({ functionName: fn });
    const searched = [...new Set(all.map((e) => e.logStreamName))].filter(
      (name) => (only === undefined || name === only) && name.startsWith(prefix),
    );
    let events = all
      .map((e, index) => ({ e, index }))
      .filter(({ e }) => searched.includes(e.logStreamName) && inRange(e, start, end))
      .filter(({ e }) => matchesPattern(e.message, pattern));
    if (limit !== undefined) events = events.slice(0, limit);
    return renderResponse(
      {
        events: events.map(({ e, index }) => ({
          logStreamName: e.logStreamName,
          timestamp: e.timestamp,
          message: withNewline(e.message),
          ingestionTime: e.timestamp,
          eventId: `${String(e.timestamp).padStart(20, '0')}${String(index).padStart(36, '0')}`,
        })),
        searchedLogStreams: searched.map((logStreamName) => ({ logStreamName, searchedCompletely: true })),
      },
      ctx.globals,
    );
  },
};

export const getCallerIdentityOperation: AwsOperation = {
  apiName: 'GetCallerIdentity',
  spec: { options: [] },
  synopsis: 'get-caller-identity\n',
  // The café's one account; the user is a simulated student, not a real IAM user.
  run: (_args, ctx): CliRun =>
    renderResponse(
      {
        UserId: 'AIDACAFESTUDENTEXAMPLE',
        Account: ACCOUNT_ID,
        Arn: `arn:aws:iam::${ACCOUNT_ID}:user/cafe-student`,
      },
      ctx.globals,
    ),
};
