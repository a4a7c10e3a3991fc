/**
 * `aws logs tail /aws/lambda/<name> [--since 10m] [--follow] [--format detailed|short|json]`
 * over the model's CloudWatch log events (awscli/customizations/logs/tail.py). With --follow
 * the command keeps running: the result carries a LogFollow handle the view reads from.
 */
import type { LambdaSimulation, LogEvent } from '../model';
import { stringOption, type ParsedArgs } from './argParser';
import { virtualNow, type AwsContext, type AwsOperation } from './awsContext';
import { generalError, serviceError } from './cliErrors';
import { pythonIsoformat, shortTimestamp } from './timestamps';
import type { CliRun, LogFollow } from './types';

type TailFormat = 'detailed' | 'short' | 'json';

interface TailQuery {
  functionName: string;
  startTime: number;
  format: TailFormat;
  filterPattern?: string;
  streamPrefix?: string;
}

const RELATIVE_SINCE = /^(\d+)(s|m|h|d|w)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** `--since`: a relative time (5m, 2h) back from the virtual now, or an ISO 8601 timestamp (UTC unless it says otherwise). */
function parseSince(value: string, now: number): number | undefined {
  const relative = RELATIVE_SINCE.exec(value);
  if (relative) return now - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS];
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(value);
  const parsed = Date.parse(hasZone || !value.includes('T') ? value : `${value}Z`);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/**
 * CloudWatch's plain-text filter pattern: every term must appear in the message; a
 * "quoted phrase" must appear as written. (JSON and space-delimited patterns are not emulated.)
 */
export function matchesPattern(message: string, pattern: string | undefined): boolean {
  if (pattern === undefined || pattern.trim() === '') return true;
  const terms = pattern.match(/"[^"]*"|\S+/g) ?? [];
  return terms.every((t) => message.includes(t.startsWith('"') ? t.slice(1, -1) : t));
}

/** One event as the chosen formatter writes it; the CLI strips trailing whitespace and ends with "\n". */
function formatEvent(e: LogEvent, format: TailFormat): string {
  let line: string;
  if (format === 'short') {
    line = `${shortTimestamp(e.timestamp)} ${e.message}`;
  } else if (format === 'json') {
    let message = e.message;
    try {
      message = `\n${JSON.stringify(JSON.parse(e.message), null, 4)}`;
    } catch {
      // Not JSON: printed as it is.
    }
    line = `${pythonIsoformat(e.timestamp)} ${e.logStreamName} ${message}`;
  } else {
    line = `${pythonIsoformat(e.timestamp, true)} ${e.logStreamName} ${e.message}`;
  }
  return `${line.trimEnd()}\n`;
}

function eventsSince(sim: LambdaSimulation, q: TailQuery, startTime: number): LogEvent[] {
  return sim
    .logEvents({ functionName: q.functionName, startTime })
    .filter(
      (e) =>
        (q.streamPrefix === undefined || e.logStreamName.startsWith(q.streamPrefix)) &&
        matchesPattern(e.message, q.filterPattern),
    )
    .toSorted((a, b) => a.timestamp - b.timestamp);
}

const eventKey = (e: LogEvent) => `${e.logStreamName}\u0000${e.message}`;

/**
 * Follows new events like FollowLogEventsGenerator: re-reads from the newest timestamp seen and
 * skips the events already shown at that timestamp. Unlike the CLI's 5-second polling, lines
 * appear as soon as the model writes them (a deliberate simplification for the lesson).
 */
class LogFollower implements LogFollow {
  private cursor: number;
  /** How many events with each key at `cursor` were already shown. */
  private shownAtCursor = new Map<string, number>();
  private buffer = '';
  private readonly listeners = new Set<(text: string) => void>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly sim: LambdaSimulation,
    private readonly query: TailQuery,
    shown: readonly LogEvent[],
  ) {
    this.cursor = query.startTime;
    this.remember(shown);
    // Log lines are written when runs start and end, so only those trace events can bring new ones.
    this.unsubscribe = sim.subscribe((events) => {
      if (events.some((e) => e.type.startsWith('run.'))) this.pull();
    });
  }

  get active(): boolean {
    return this.unsubscribe !== undefined;
  }

  private remember(events: readonly LogEvent[]): void {
    for (const e of events) {
      if (e.timestamp > this.cursor) {
        this.cursor = e.timestamp;
        this.shownAtCursor = new Map();
      }
      if (e.timestamp === this.cursor)
        this.shownAtCursor.set(eventKey(e), (this.shownAtCursor.get(eventKey(e)) ?? 0) + 1);
    }
  }

  private pull(): void {
    if (!this.active) return;
    const skip = new Map(this.shownAtCursor);
    const fresh = eventsSince(this.sim, this.query, this.cursor).filter((e) => {
      if (e.timestamp !== this.cursor) return true;
      const left = skip.get(eventKey(e)) ?? 0;
      if (left > 0) skip.set(eventKey(e), left - 1);
      return left === 0;
    });
    if (fresh.length === 0) return;
    this.remember(fresh);
    const text = fresh.map((e) => formatEvent(e, this.query.format)).join('');
    if (this.listeners.size > 0) for (const listener of this.listeners) listener(text);
    else this.buffer += text;
  }

  take(): string {
    this.pull();
    const text = this.buffer;
    this.buffer = '';
    return text;
  }

  subscribe(listener: (text: string) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.listeners.clear();
  }
}

export const LAMBDA_GROUP_PREFIX = '/aws/lambda/';

/** A log group exists once the function has written to it (Lambda creates it on the first run). */
export function logGroupExists(sim: LambdaSimulation, functionName: string): boolean {
  if (!sim.listFunctions().some((f) => f.FunctionName === functionName)) return false;
  return (
    sim.environments().some((e) => e.functionName === functionName) ||
    sim.logEvents({ functionName }).length > 0
  );
}

function run(args: ParsedArgs, ctx: AwsContext): CliRun {
  const group = args.positionals.get('group_name') ?? '';
  const functionName = group.startsWith(LAMBDA_GROUP_PREFIX) ? group.slice(LAMBDA_GROUP_PREFIX.length) : '';
  if (!logGroupExists(ctx.sim, functionName)) {
    return serviceError(
      'An error occurred (ResourceNotFoundException) when calling the FilterLogEvents operation: The specified log group does not exist.',
    );
  }
  const sinceText = stringOption(args, '--since') ?? '10m';
  const startTime = parseSince(sinceText, virtualNow(ctx.sim));
  if (startTime === undefined)
    return generalError(`Invalid timestamp "${sinceText}": Unknown string format: ${sinceText}`);
  const filterPattern = stringOption(args, '--filter-pattern');
  const streamPrefix = stringOption(args, '--log-stream-name-prefix');
  const query: TailQuery = {
    functionName,
    startTime,
    format: (stringOption(args, '--format') ?? 'detailed') as TailFormat,
    ...(filterPattern !== undefined ? { filterPattern } : {}),
    ...(streamPrefix !== undefined ? { streamPrefix } : {}),
  };
  const events = eventsSince(ctx.sim, query, startTime);
  const stdout = events.map((e) => formatEvent(e, query.format)).join('');
  if (!args.options.has('--follow')) return { stdout, stderr: '', exitCode: 0 };
  return { stdout, stderr: '', exitCode: 0, follow: new LogFollower(ctx.sim, query, events) };
}

export const logsTailOperation: AwsOperation = {
  apiName: 'FilterLogEvents',
  spec: {
    options: [
      { name: '--since', takesValue: true },
      { name: '--follow', takesValue: false },
      { name: '--format', takesValue: true, choices: ['detailed', 'short', 'json'] },
      { name: '--filter-pattern', takesValue: true },
      { name: '--log-stream-name-prefix', takesValue: true },
    ],
    positionals: [{ name: 'group_name', required: true }],
  },
  synopsis:
    'tail\n<group_name>                  e.g. /aws/lambda/cafe-order\n[--since <value>]             10m (default), 2h, 1d, or an ISO 8601 time\n' +
    '[--follow]                    keep printing new lines (Ctrl-C stops)\n[--format <value>]            detailed (default) | short | json\n' +
    '[--filter-pattern <value>]\n[--log-stream-name-prefix <value>]\n',
  run,
};
