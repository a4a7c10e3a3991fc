/** `aws <service> <operation> …`: global options, then the service and operation tables, as the CLI dispatches. */
import type { InvokeOptions, LambdaSimulation } from '../model';
import { invalidChoiceMessage } from './argParser';
import { runOperation, type AwsOperation } from './awsContext';
import { parseGlobals } from './awsGlobals';
import { usageError } from './cliErrors';
import type { MemoryFileSystem } from './fileSystem';
import {
  deleteFunctionConcurrencyOperation,
  getFunctionConcurrencyOperation,
  putFunctionConcurrencyOperation,
} from './lambdaConcurrency';
import {
  getFunctionConfigurationOperation,
  listFunctionsOperation,
  updateFunctionConfigurationOperation,
} from './lambdaConfig';
import { putFunctionEventInvokeConfigOperation } from './lambdaEventInvokeConfig';
import { deleteFunctionEventInvokeConfigOperation } from './lambdaEventInvokeConfigDelete';
import { loadedOutputExtras, loadOutputExtras } from './awsGlobals';
import { EXIT } from './cliErrors';
import { invokeOperation } from './lambdaInvoke';
import { logsTailOperation } from './logsTail';
import type { CliRun, RunSignal } from './types';
import type { AwsContext } from './awsContext';

/** Only what the simulation can answer; the real CLI has hundreds of services and operations. */
/** A read-only operation in the lazily loaded extras (outputExtras.ts LAZY_OPERATIONS). */
const LAZY = 'lazy' as const;
type Entry = AwsOperation | typeof LAZY;

const SERVICES: ReadonlyMap<string, ReadonlyMap<string, AwsOperation | typeof LAZY>> = new Map<
  string,
  ReadonlyMap<string, AwsOperation | typeof LAZY>
>([
  [
    'lambda',
    new Map<string, Entry>([
      ['delete-function-concurrency', deleteFunctionConcurrencyOperation],
      ['delete-function-event-invoke-config', deleteFunctionEventInvokeConfigOperation],
      ['get-account-settings', LAZY],
      ['get-function', LAZY],
      ['get-function-concurrency', getFunctionConcurrencyOperation],
      ['get-function-configuration', getFunctionConfigurationOperation],
      ['get-function-event-invoke-config', LAZY],
      ['invoke', invokeOperation],
      ['list-functions', listFunctionsOperation],
      ['put-function-concurrency', putFunctionConcurrencyOperation],
      ['put-function-event-invoke-config', putFunctionEventInvokeConfigOperation],
      ['update-function-configuration', updateFunctionConfigurationOperation],
    ]),
  ],
  [
    'logs',
    new Map<string, Entry>([
      ['describe-log-streams', LAZY],
      ['filter-log-events', LAZY],
      ['get-log-events', LAZY],
      ['tail', logsTailOperation],
    ]),
  ],
  ['sts', new Map<string, Entry>([['get-caller-identity', LAZY]])],
]);

export const AWS_VERSION_LINE = 'aws-cli/2 (simulated by Lambda Café: lambda, logs and sts commands only)\n';

export interface AwsEnvironment {
  sim: LambdaSimulation;
  fs: MemoryFileSystem;
  nextCaller(): Required<Pick<InvokeOptions, 'callerId' | 'callerLabel'>>;
  signal: RunSignal;
  /** The shell's variables for this command (AWS_MAX_ATTEMPTS, AWS_RETRY_MODE, AWS_DEFAULT_OUTPUT). */
  env: ReadonlyMap<string, string>;
  onAttempt: AwsContext['onAttempt'];
}

function listing(title: string, names: Iterable<string>): CliRun {
  return { stdout: `${title}\n${[...names].map((n) => `  ${n}`).join('\n')}\n`, stderr: '', exitCode: 0 };
}

const settle = (run: CliRun) => ({ stdout: run.stdout, stderr: run.stderr, exitCode: run.exitCode });

/** A run's whole output, its pending part included. */
async function settleAll(run: CliRun) {
  if (!run.pending) return settle(run);
  const later = await run.pending;
  return { stdout: run.stdout + later.stdout, stderr: run.stderr + later.stderr, exitCode: later.exitCode };
}

/**
 * A real AWS CLI command the café does not model is said to be so, plainly ("Invalid choice"
 * would claim it does not exist); anything else is the CLI's own argparse error. The list of
 * real commands loads with the output extras, so the answer may come a moment later.
 */
function unlessReal(service: string, operation: string | undefined, invalid: () => CliRun): CliRun {
  const answer = (module: Awaited<ReturnType<typeof loadOutputExtras>>): CliRun => {
    if (!module.isRealCommand(service, operation)) return invalid();
    const command = operation === undefined ? `aws ${service}` : `aws ${service} ${operation}`;
    return {
      stdout: '',
      stderr: `\n${command} is a real AWS CLI command, but this simulation does not offer it: the café models one Lambda function's invocations, configuration and logs. Type "help" for the commands it answers.\n`,
      exitCode: EXIT.general,
    };
  };
  const loaded = loadedOutputExtras();
  if (loaded) return answer(loaded);
  return {
    stdout: '',
    stderr: '',
    exitCode: 0,
    pending: loadOutputExtras().then((module) => settle(answer(module))),
  };
}

/** Runs the words after `aws`. */
export function runAws(words: readonly string[], env: AwsEnvironment): CliRun {
  const parsed = parseGlobals(words, env.env);
  if (!parsed.ok) return parsed.error;
  if (parsed.globals.version) return { stdout: AWS_VERSION_LINE, stderr: '', exitCode: 0 };
  const [serviceName, operationName, ...args] = parsed.rest;

  if (serviceName === undefined) return usageError('the following arguments are required: command');
  if (serviceName === 'help') return listing('Available services in this terminal:', SERVICES.keys());
  const service = SERVICES.get(serviceName);
  if (!service)
    return unlessReal(serviceName, undefined, () =>
      usageError(invalidChoiceMessage('command', serviceName, [...SERVICES.keys()])),
    );

  if (operationName === undefined) return usageError('the following arguments are required: operation');
  if (operationName === 'help')
    return listing(`Available ${serviceName} commands in this terminal:`, service.keys());
  const operation = service.get(operationName);
  if (!operation)
    return unlessReal(serviceName, operationName, () =>
      usageError(invalidChoiceMessage('operation', operationName, [...service.keys()])),
    );

  const ctx = { ...env, globals: parsed.globals };
  if (operation !== LAZY) return runOperation(operation, args, ctx);
  // Read-only: run at once when the extras are here (always, but in the café's first instants).
  const key = `${serviceName} ${operationName}`;
  const loaded = loadedOutputExtras();
  if (loaded) return runOperation(loaded.LAZY_OPERATIONS[key], args, ctx);
  return {
    stdout: '',
    stderr: '',
    exitCode: 0,
    pending: loadOutputExtras().then(async (module) =>
      settleAll(runOperation(module.LAZY_OPERATIONS[key], args, ctx)),
    ),
  };
}
