/** Helpers for the terminal's tests. */
import { cafePresetFunction, createLambdaSimulation, type FunctionConfig } from '../model';
import { createCli } from './awsCli';
import { withTimers } from './timedSimulation';
import type { CliRun, CommandOutput } from './types';

export function makeTerminal(overrides: Partial<FunctionConfig> = {}) {
  // As the café runs it: the CLI's retries wait on the virtual clock.
  const sim = withTimers(createLambdaSimulation({ seed: 1, functions: [cafePresetFunction(overrides)] }));
  const cli = createCli({ sim });
  return { sim, cli };
}

/** Lets settled promises run their reactions. */
export const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** Watches a run's pending part without awaiting it, so a test can check *when* it settles. */
export function watchRun(run: CliRun): { done: boolean; output?: CommandOutput } {
  const state: { done: boolean; output?: CommandOutput } = { done: false };
  void run.pending?.then((output) => {
    state.done = true;
    state.output = output;
  });
  return state;
}

/** The whole output of a run once it has finished (advance the simulation first if it waits on it). */
export async function finished(run: CliRun): Promise<CommandOutput> {
  if (!run.pending) return { stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode };
  const later = await run.pending;
  return { stdout: run.stdout + later.stdout, stderr: run.stderr + later.stderr, exitCode: later.exitCode };
}

/** The usage block every argparse error of AWS CLI v2 starts with. */
export const USAGE =
  '\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n' +
  '  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n';
