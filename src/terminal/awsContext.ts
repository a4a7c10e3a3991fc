/** What every `aws` subcommand gets, and the shared parse-then-run wrapper. */
import type { InvokeOptions, LambdaSimulation } from '../model';
import { LambdaServiceError } from '../model';
import { ArgParseError, parseArgs, type ParsedArgs, type ParserSpec } from './argParser';
import type { GlobalOptions } from './awsGlobals';
import { generalError, serviceError, unknownOptionsError, usageError } from './cliErrors';
import { queryError } from './awsGlobals';
import type { MemoryFileSystem } from './fileSystem';
import type { CliRun, CommandOutput, RunSignal } from './types';

export interface AwsContext {
  sim: LambdaSimulation;
  fs: MemoryFileSystem;
  globals: GlobalOptions;
  /** The next `{ callerId, callerLabel }` for an invoke from this terminal. */
  nextCaller(): Required<Pick<InvokeOptions, 'callerId' | 'callerLabel'>>;
  /** Whether this command line was interrupted (a late response must then change nothing). */
  signal: RunSignal;
  /** The shell's variables for this command. */
  env: ReadonlyMap<string, string>;
  /**
   * Called after each Invoke attempt, once the CLI knows whether it will retry it: a replay uses
   * this to know which request's answer ends the command (a throttled call spans several).
   */
  onAttempt(attempt: { requestId: string | undefined; willRetry: boolean }): void;
}

export interface AwsOperation {
  /** The API operation, as the CLI names it in errors ("Invoke", "GetFunctionConfiguration"). */
  apiName: string;
  spec: ParserSpec;
  /** One line per argument, for `aws <service> <operation> help`. */
  synopsis: string;
  run(args: ParsedArgs, ctx: AwsContext): CliRun;
}

/** Epoch ms of the simulation's virtual "now". */
export function virtualNow(sim: LambdaSimulation): number {
  return sim.startTime + sim.now();
}

/** A model error as the CLI prints it; anything unexpected is a general (255) failure. */
export function reportError(error: unknown, apiName: string): CommandOutput {
  if (error instanceof LambdaServiceError) return serviceError(error.cliMessage(apiName));
  return generalError(error instanceof Error ? error.message : String(error));
}

/** Parses an operation's parameters the way the CLI does, in the CLI's order of checks. */
export function runOperation(operation: AwsOperation, args: readonly string[], ctx: AwsContext): CliRun {
  if (args.length === 1 && args[0] === 'help') return { stdout: operation.synopsis, stderr: '', exitCode: 0 };
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(operation.spec, args);
  } catch (e) {
    if (e instanceof ArgParseError) return usageError(e.message);
    throw e;
  }
  if (parsed.extras.length > 0) return unknownOptionsError(parsed.extras);
  const badQuery = queryError(ctx.globals);
  if (badQuery) return badQuery;
  try {
    return operation.run(parsed, { ...ctx, globals: { ...ctx.globals, operation: operation.apiName } });
  } catch (e) {
    return reportError(e, operation.apiName);
  }
}
