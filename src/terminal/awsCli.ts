/**
 * The simulated terminal's core: one instance per Terminal panel, bound to one simulation and
 * its own file system. `run(line)` parses the line like a shell, runs each stage of a pipe,
 * and gives back plain text. No React, no DOM: the panel renders what this returns.
 */
import type { InvokeOptions, LambdaSimulation } from '../model';
import { runAws } from './awsCommand';
import type { AwsContext } from './awsContext';
import { loadOutputExtras } from './awsGlobals';
import { parseCommandLine, type Redirect } from './commandLine';
import { MemoryFileSystem } from './fileSystem';
import { SHELL_COMMANDS } from './shellCommands';
import { ShellSyntaxError } from './shellWords';
import type { CliRun, CommandOutput, RunSignal } from './types';

export interface CliOptions {
  sim: LambdaSimulation;
  /** The terminal's files; a fresh one (with event.json) when omitted. */
  fs?: MemoryFileSystem;
  /** The function the help text's examples use (default: the simulation's first function). */
  functionName?: string;
  /** callerId prefix, so two terminals on one simulation draw as different customers (default "terminal"). */
  callerPrefix?: string;
  /**
   * Where a terminal restored from a rewind checkpoint carries on: the invokes made so far (callers
   * keep their numbers, and a retry's jitter, seeded by the caller, stays the same) and the
   * exported variables.
   */
  resume?: { calls: number; env: readonly (readonly [string, string])[] };
  /** Told of each Invoke attempt: its request id and whether the CLI will retry it (see AwsContext). */
  onAttempt?: AwsContext['onAttempt'];
}

export interface Cli {
  run(line: string): CliRun;
  readonly fs: MemoryFileSystem;
  /** What a checkpoint keeps to resume this terminal (`CliOptions.resume`). */
  state(): { calls: number; env: [string, string][] };
}

function helpText(fn: string): string {
  return [
    'Commands in this simulated terminal:',
    '  aws lambda invoke --function-name NAME|ARN [--invocation-type RequestResponse|Event|DryRun]',
    '        [--payload JSON|file://path] [--cli-binary-format raw-in-base64-out]',
    '        [--log-type Tail] [--qualifier $LATEST] OUTFILE',
    '  aws lambda get-function | get-function-configuration --function-name NAME',
    '  aws lambda update-function-configuration --function-name NAME [--timeout S] [--memory-size MB]',
    '  aws lambda put- | get- | delete-function-event-invoke-config --function-name NAME',
    '        [--maximum-retry-attempts N] [--maximum-event-age-in-seconds N] [--destination-config JSON]',
    '  aws lambda put-function-concurrency --function-name NAME --reserved-concurrent-executions N',
    '  aws lambda get-function-concurrency | delete-function-concurrency --function-name NAME',
    '  aws lambda list-functions | get-account-settings      aws sts get-caller-identity',
    '  aws logs tail /aws/lambda/NAME [--since 10m] [--follow] [--format detailed|short]',
    '  aws logs describe-log-streams | get-log-events | filter-log-events --log-group-name GROUP',
    '  Every command: [--query JMESPATH] [--output json|text|table|yaml]',
    '  A throttled invoke is retried like the real CLI (3 attempts); export AWS_MAX_ATTEMPTS=1 to see the first 429.',
    '  cat FILE   ls   rm FILE   echo TEXT   base64 [-d] [FILE]   export NAME=value   unset NAME   clear   help',
    '  pipes (a | b) and redirection (> file, >> file) work; $VARIABLES and ; && do not.',
    '',
    'Try:',
    `  aws lambda invoke --function-name ${fn} --cli-binary-format raw-in-base64-out --payload file://event.json out.json`,
    `  aws lambda invoke --function-name ${fn} --invocation-type Event --cli-binary-format raw-in-base64-out --payload '{"order": "latte"}' out.json`,
    `  aws lambda invoke --function-name ${fn} --log-type Tail --query LogResult --output text out.json | base64 -d`,
    '',
  ].join('\n');
}

const done = (stdout: string, stderr = '', exitCode = 0): CliRun => ({ stdout, stderr, exitCode });

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

function splitAssignment(word: string): [string, string] {
  const eq = word.indexOf('=');
  return [word.slice(0, eq), word.slice(eq + 1)];
}

/** `export NAME=value …` and `unset NAME …` (bash's wording for a bad name). */
function setVariables(
  command: 'export' | 'unset',
  args: readonly string[],
  env: Map<string, string>,
): CliRun {
  let stderr = '';
  for (const arg of args) {
    if (command === 'unset') env.delete(arg);
    else if (ASSIGNMENT.test(arg)) env.set(...splitAssignment(arg));
    else if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(arg))
      stderr += `bash: export: \`${arg}': not a valid identifier\n`;
  }
  return done('', stderr, stderr === '' ? 0 : 1);
}

/** A bug in the terminal must not take the page down; it is said in the terminal instead. */
const internalError = (e: unknown): CliRun =>
  done('', `terminal: internal error: ${e instanceof Error ? e.message : String(e)}\n`, 1);

/** Joins a run's immediate output with what its pending part adds. */
async function settle(run: CliRun): Promise<CommandOutput> {
  if (!run.pending) return { stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode };
  const later = await run.pending;
  return { stdout: run.stdout + later.stdout, stderr: run.stderr + later.stderr, exitCode: later.exitCode };
}

const noop = () => undefined;

/** Adds Ctrl-C to a still-running line: the CLI prints a newline and exits 130 on SIGINT. */
function interruptible(result: CliRun, signal: { interrupted: boolean }): CliRun {
  if (!result.pending) return result;
  let interrupt = noop;
  const interrupted = new Promise<CommandOutput>((resolve) => {
    interrupt = () => {
      signal.interrupted = true;
      resolve({ stdout: '\n', stderr: '', exitCode: 130 });
    };
  });
  // `pending` must never reject: a failure inside a later pipe stage is reported as text.
  const guarded = result.pending.catch((e: unknown) => internalError(e));
  return { ...result, pending: Promise.race([guarded, interrupted]), interrupt };
}

export function createCli(options: CliOptions): Cli {
  const { sim } = options;
  // --query, table and YAML output come in a chunk of their own: fetch it now, long before anyone types.
  void loadOutputExtras();
  const fs = options.fs ?? new MemoryFileSystem();
  const exampleFunction = options.functionName ?? sim.listFunctions()[0]?.FunctionName ?? 'my-function';
  const prefix = options.callerPrefix ?? 'terminal';
  /** The shell's exported variables (`export AWS_MAX_ATTEMPTS=1`); only AWS_* ones mean anything here. */
  const env = new Map<string, string>(options.resume?.env ?? []);
  let calls = options.resume?.calls ?? 0;
  const onAttempt = options.onAttempt ?? (() => undefined);
  const nextCaller = (): Required<Pick<InvokeOptions, 'callerId' | 'callerLabel'>> => {
    calls++;
    return { callerId: `${prefix}-${calls}`, callerLabel: `Terminal call ${calls}` };
  };

  function runStage(allWords: readonly string[], stdin: string, signal: RunSignal): CliRun {
    // `NAME=value command …`: the variables apply to this command only, as in a POSIX shell.
    let assigned = 0;
    while (assigned < allWords.length && ASSIGNMENT.test(allWords[assigned])) assigned++;
    const stageEnv = new Map(env);
    for (const word of allWords.slice(0, assigned)) stageEnv.set(...splitAssignment(word));
    const words = allWords.slice(assigned);
    if (words.length === 0) {
      for (const word of allWords) env.set(...splitAssignment(word));
      return done('');
    }
    const [name, ...args] = words;
    if (name === 'aws') return runAws(args, { sim, fs, nextCaller, signal, env: stageEnv, onAttempt });
    if (name === 'export' || name === 'unset') return setVariables(name, args, env);
    if (name === 'env' && args.length === 0)
      return done([...stageEnv].map(([k, v]) => `${k}=${v}\n`).join(''));
    if (name === 'help') return done(helpText(exampleFunction));
    if (name === 'clear') return { ...done(''), clear: true };
    const command = SHELL_COMMANDS.get(name);
    if (command) return command(args, stdin, fs);
    return done('', `${name}: command not found\n`, 127);
  }

  /** Runs stages[from…] with `stdin`; a pending stage defers the rest of the pipe until it settles. */
  function runStages(
    stages: readonly (readonly string[])[],
    from: number,
    stdin: string,
    signal: RunSignal,
  ): CliRun {
    let input = stdin;
    let stderr = '';
    const link: Pick<CliRun, 'requestId' | 'invocationType'> = {};
    for (let i = from; i < stages.length; i++) {
      const result = runStage(stages[i], input, signal);
      if (link.requestId === undefined && result.requestId !== undefined) {
        link.requestId = result.requestId;
        if (result.invocationType !== undefined) link.invocationType = result.invocationType;
      }
      const last = i === stages.length - 1;
      // A follow cannot stream into a pipe here: the next stage gets what was printed so far.
      if (!last) result.follow?.stop();
      if (result.pending) {
        const early = result.stdout;
        const pending = last
          ? result.pending
          : result.pending.then(async (later) => {
              if (signal.interrupted) return later;
              const rest = await settle(runStages(stages, i + 1, early + later.stdout, signal));
              return { stdout: rest.stdout, stderr: later.stderr + rest.stderr, exitCode: rest.exitCode };
            });
        // Piped stdout feeds the next stage, not the screen; stderr is never piped.
        return { stdout: last ? early : '', stderr: stderr + result.stderr, exitCode: 0, pending, ...link };
      }
      stderr += result.stderr;
      if (last) return { ...result, stderr, ...link };
      input = result.stdout;
    }
    return { ...done('', stderr), ...link };
  }

  /** `> file` / `>> file`: the file (truncated before the line ran, as the shell does) gets all stdout. */
  function redirectTo(result: CliRun, redirect: Redirect, signal: RunSignal): CliRun {
    result.follow?.stop();
    fs.append(redirect.path, result.stdout);
    const redirected: CliRun = { ...result, stdout: '' };
    delete redirected.follow;
    if (result.pending) {
      redirected.pending = result.pending.then((out) => {
        if (!signal.interrupted) fs.append(redirect.path, out.stdout);
        return { ...out, stdout: '' };
      });
    }
    return redirected;
  }

  function run(line: string): CliRun {
    try {
      const pipeline = parseCommandLine(line);
      if (pipeline.stages.length === 0) return done('');
      const signal = { interrupted: false };
      if (pipeline.redirect && !pipeline.redirect.append) fs.write(pipeline.redirect.path, '');
      const result = runStages(pipeline.stages, 0, '', signal);
      return interruptible(
        pipeline.redirect ? redirectTo(result, pipeline.redirect, signal) : result,
        signal,
      );
    } catch (e) {
      if (e instanceof ShellSyntaxError) return done('', `${e.message}\n`, 2);
      return internalError(e);
    }
  }

  return { run, fs, state: () => ({ calls, env: [...env] }) };
}
