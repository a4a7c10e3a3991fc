/**
 * `aws lambda invoke`: the terminal as one more caller of the simulated Lambda. A synchronous
 * call blocks like the real CLI — its result is `pending` until the virtual clock (advanced by
 * whoever drives the simulation) reaches the end of the run; an `Event` call answers at once.
 * A throttled call is retried as the CLI does by default (retries.ts), on the virtual clock:
 * the café shows each attempt as the same caller coming back.
 */
import { LambdaServiceError, type InvocationType, type InvokeInput, type InvokeOutput } from '../model';
import { stringOption, type ParsedArgs } from './argParser';
import { reportError, type AwsContext, type AwsOperation } from './awsContext';
import { renderResponse } from './awsGlobals';
import { belowMinimum, serviceError } from './cliErrors';
import type { Json } from './cliOutput';
import type { MemoryFileSystem } from './fileSystem';
import { parseFunctionName, resolveQualifier } from './functionNames';
import { loadBlobParam } from './paramValues';
import { isRetryable, retryConfig, retryDelayMs, serviceErrorText, type RetryConfig } from './retries';
import { isTimed } from './timedSimulation';
import type { CliRun, CommandOutput } from './types';

const INVOCATION_TYPES: readonly string[] = ['RequestResponse', 'Event', 'DryRun'];

/** Writes the response payload where `<outfile>` says; `/dev/stdout` and friends behave as in a shell. */
function writeOutfile(
  path: string,
  payload: string,
  fs: MemoryFileSystem,
): { stdout: string; stderr: string } {
  if (path === '/dev/stdout') return { stdout: payload, stderr: '' };
  if (path === '/dev/stderr') return { stdout: '', stderr: payload };
  if (path !== '/dev/null') fs.write(path, payload);
  return { stdout: '', stderr: '' };
}

/**
 * The metadata the CLI prints, in the order botocore parses it (StatusCode, FunctionError,
 * LogResult, ExecutedVersion); the Payload goes to the outfile instead.
 */
function metadataOf(output: InvokeOutput): Json {
  const meta: { [key: string]: Json } = { StatusCode: output.StatusCode };
  if (output.FunctionError !== undefined) meta.FunctionError = output.FunctionError;
  if (output.LogResult !== undefined) meta.LogResult = output.LogResult;
  if (output.ExecutedVersion !== undefined) meta.ExecutedVersion = output.ExecutedVersion;
  return meta;
}

function finish(output: InvokeOutput, outfile: string, ctx: AwsContext): CliRun {
  if (ctx.signal.interrupted) return { stdout: '', stderr: '', exitCode: 130 };
  const sink = writeOutfile(outfile, output.Payload ?? '', ctx.fs);
  const rendered = renderResponse(metadataOf(output), ctx.globals);
  const joined = (r: CommandOutput): CommandOutput => ({
    stdout: sink.stdout + r.stdout,
    stderr: sink.stderr + r.stderr,
    exitCode: r.exitCode,
  });
  return rendered.pending
    ? { ...joined(rendered), pending: rendered.pending.then(joined) }
    : joined(rendered);
}

/** A finished run's whole output (waiting for its pending part, if any). */
function settled(result: CliRun): CommandOutput | Promise<CommandOutput> {
  if (!result.pending) return result;
  return result.pending.then((later) => ({
    stdout: result.stdout + later.stdout,
    stderr: result.stderr + later.stderr,
    exitCode: later.exitCode,
  }));
}

/**
 * Calls Invoke until it succeeds, fails for good, or the attempts run out; between attempts
 * the CLI sleeps (standard mode's backoff) on the virtual clock. Resolves with what it prints.
 * Lambda refuses a call (429…) at once, and the model's record says so synchronously: the
 * retry is scheduled right then, at an exact virtual moment, so a replay retries identically.
 */
function attempt(
  input: InvokeInput,
  caller: { callerId: string; callerLabel: string },
  n: number,
  config: RetryConfig,
  outfile: string,
  ctx: AwsContext,
): { requestId?: string; done: Promise<CommandOutput> } {
  const { sim } = ctx;
  const label = n > 1 ? `${caller.callerLabel}, attempt ${n}` : caller.callerLabel;
  const at = sim.now();
  const call = sim.invoke(input, { callerId: caller.callerId, callerLabel: label });
  const link = call.requestId !== undefined ? { requestId: call.requestId } : {};
  const record = call.requestId !== undefined ? sim.invocation(call.requestId) : undefined;
  if (
    record?.state === 'rejected' &&
    n < config.maxAttempts &&
    isRetryable(record.outcomeReason, record.statusCode)
  ) {
    const again = () => attempt(input, caller, n + 1, config, outfile, ctx).done;
    const interrupted = { stdout: '', stderr: '', exitCode: 130 };
    ctx.onAttempt({ requestId: call.requestId, willRetry: true });
    // Without a clock to wait on (a bare simulation), the retry goes out at once.
    if (!isTimed(sim)) return { ...link, done: Promise.resolve().then(again) };
    const done = new Promise<CommandOutput>((resolve) => {
      sim.wakeAt(at + retryDelayMs(caller.callerId, n), () =>
        resolve(ctx.signal.interrupted ? interrupted : again()),
      );
    });
    return { ...link, done };
  }
  ctx.onAttempt({ requestId: call.requestId, willRetry: false });
  const done = call.then(
    (output) => settled(finish(output, outfile, ctx)),
    (error: unknown) =>
      error instanceof LambdaServiceError
        ? serviceError(serviceErrorText(error, 'Invoke', n, config))
        : reportError(error, 'Invoke'),
  );
  return { ...link, done };
}

function run(args: ParsedArgs, ctx: AwsContext): CliRun {
  const outfile = args.positionals.get('outfile') ?? '';
  const config = retryConfig(ctx.env);
  if ('stdout' in config) return config;
  const input: InvokeInput = { FunctionName: stringOption(args, '--function-name') ?? '' };
  // The CLI does not check enum values itself (botocore sends them as typed); the service answers.
  const invocationType = stringOption(args, '--invocation-type');
  if (invocationType !== undefined) input.InvocationType = invocationType as InvocationType;
  const logType = stringOption(args, '--log-type');
  if (logType !== undefined) input.LogType = logType as 'None' | 'Tail';
  const clientContext = stringOption(args, '--client-context');
  if (clientContext !== undefined) input.ClientContext = clientContext;
  // The CLI's order: load file:// values, base64-decode blobs, then botocore's own validation.
  const rawPayload = stringOption(args, '--payload');
  if (rawPayload !== undefined) {
    const payload = loadBlobParam('--payload', rawPayload, ctx.fs, ctx.globals.binaryFormat);
    if (!payload.ok) return payload.error;
    input.Payload = payload.value;
  }
  if (input.FunctionName === '') return belowMinimum('FunctionName', 0, 1, 'length');
  // Every name form Lambda accepts (name, name:qualifier, partial or full ARN) names the function.
  let qualifier: string | undefined;
  try {
    const ref = parseFunctionName(input.FunctionName);
    input.FunctionName = ref.name;
    qualifier = resolveQualifier(ref, stringOption(args, '--qualifier'));
  } catch (error) {
    return reportError(error, 'Invoke');
  }
  if (qualifier !== undefined) input.Qualifier = qualifier;

  const first = attempt(input, ctx.nextCaller(), 1, config, outfile, ctx);
  const type = input.InvocationType ?? 'RequestResponse';
  const link: Pick<CliRun, 'requestId' | 'invocationType'> = {
    ...(first.requestId !== undefined ? { requestId: first.requestId } : {}),
    ...(INVOCATION_TYPES.includes(type) ? { invocationType: type } : {}),
  };

  // The model settles Event and DryRun calls during invoke(), but a promise can only be read a
  // microtask later; the record says at once whether the call was accepted (DryRun leaves none).
  if (type === 'Event' || type === 'DryRun') {
    const record = first.requestId !== undefined ? ctx.sim.invocation(first.requestId) : undefined;
    const accepted =
      type === 'Event' ? record !== undefined && record.state !== 'rejected' : record === undefined;
    if (accepted) return { ...finish({ StatusCode: type === 'Event' ? 202 : 204 }, outfile, ctx), ...link };
  }

  return { stdout: '', stderr: '', exitCode: 0, pending: first.done, ...link };
}

export const invokeOperation: AwsOperation = {
  apiName: 'Invoke',
  spec: {
    options: [
      { name: '--function-name', takesValue: true, required: true },
      { name: '--invocation-type', takesValue: true },
      { name: '--log-type', takesValue: true },
      { name: '--client-context', takesValue: true },
      { name: '--payload', takesValue: true },
      { name: '--qualifier', takesValue: true },
    ],
    positionals: [{ name: 'outfile', required: true }],
  },
  synopsis:
    'invoke\n' +
    '--function-name <value>\n' +
    '[--invocation-type <value>]   RequestResponse (default) | Event | DryRun\n' +
    '[--log-type <value>]          None | Tail\n' +
    '[--client-context <value>]\n' +
    '[--payload <value>]           JSON text or file://path (CLI v2: add --cli-binary-format raw-in-base64-out)\n' +
    '[--qualifier <value>]\n' +
    '<outfile>\n',
  run,
};
