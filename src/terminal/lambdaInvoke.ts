/**
 * `aws lambda invoke`: the terminal as one more caller of the simulated Lambda. A synchronous
 * call blocks like the real CLI — its result is `pending` until the virtual clock (advanced by
 * whoever drives the simulation) reaches the end of the run; an `Event` call answers at once.
 */
import type { InvocationType, InvokeInput, InvokeOutput } from '../model';
import { stringOption, type ParsedArgs } from './argParser';
import { reportError, type AwsContext, type AwsOperation } from './awsContext';
import { renderResponse } from './awsGlobals';
import { belowMinimum } from './cliErrors';
import type { Json } from './cliOutput';
import type { MemoryFileSystem } from './fileSystem';
import { loadBlobParam } from './paramValues';
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

function finish(output: InvokeOutput, outfile: string, ctx: AwsContext): CommandOutput {
  if (ctx.signal.interrupted) return { stdout: '', stderr: '', exitCode: 130 };
  const sink = writeOutfile(outfile, output.Payload ?? '', ctx.fs);
  const rendered = renderResponse(metadataOf(output), ctx.globals);
  return {
    stdout: sink.stdout + rendered.stdout,
    stderr: sink.stderr + rendered.stderr,
    exitCode: rendered.exitCode,
  };
}

function run(args: ParsedArgs, ctx: AwsContext): CliRun {
  const outfile = args.positionals.get('outfile') ?? '';
  const input: InvokeInput = { FunctionName: stringOption(args, '--function-name') ?? '' };
  // The CLI does not check enum values itself (botocore sends them as typed); the service answers.
  const invocationType = stringOption(args, '--invocation-type');
  if (invocationType !== undefined) input.InvocationType = invocationType as InvocationType;
  const logType = stringOption(args, '--log-type');
  if (logType !== undefined) input.LogType = logType as 'None' | 'Tail';
  const qualifier = stringOption(args, '--qualifier');
  if (qualifier !== undefined) input.Qualifier = qualifier;
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

  const call = ctx.sim.invoke(input, ctx.nextCaller());
  const type = input.InvocationType ?? 'RequestResponse';
  const link: Pick<CliRun, 'requestId' | 'invocationType'> = {
    ...(call.requestId !== undefined ? { requestId: call.requestId } : {}),
    ...(INVOCATION_TYPES.includes(type) ? { invocationType: type } : {}),
  };

  // The model settles Event and DryRun calls during invoke(), but a promise can only be read a
  // microtask later; the record says at once whether the call was accepted (DryRun leaves none).
  if (type === 'Event' || type === 'DryRun') {
    const record = call.requestId !== undefined ? ctx.sim.invocation(call.requestId) : undefined;
    const accepted =
      type === 'Event' ? record !== undefined && record.state !== 'rejected' : record === undefined;
    if (accepted) return { ...finish({ StatusCode: type === 'Event' ? 202 : 204 }, outfile, ctx), ...link };
  }

  const pending = call.then(
    (output) => finish(output, outfile, ctx),
    (error: unknown) => reportError(error, 'Invoke'),
  );
  return { stdout: '', stderr: '', exitCode: 0, pending, ...link };
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
