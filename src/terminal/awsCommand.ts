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
import { invokeOperation } from './lambdaInvoke';
import { logsTailOperation } from './logsTail';
import type { CliRun, RunSignal } from './types';

/** Only what the simulation can answer; the real CLI has hundreds of services and operations. */
const SERVICES: ReadonlyMap<string, ReadonlyMap<string, AwsOperation>> = new Map([
  [
    'lambda',
    new Map([
      ['delete-function-concurrency', deleteFunctionConcurrencyOperation],
      ['get-function-concurrency', getFunctionConcurrencyOperation],
      ['get-function-configuration', getFunctionConfigurationOperation],
      ['invoke', invokeOperation],
      ['list-functions', listFunctionsOperation],
      ['put-function-concurrency', putFunctionConcurrencyOperation],
      ['put-function-event-invoke-config', putFunctionEventInvokeConfigOperation],
      ['update-function-configuration', updateFunctionConfigurationOperation],
    ]),
  ],
  ['logs', new Map([['tail', logsTailOperation]])],
]);

export const AWS_VERSION_LINE = 'aws-cli/2 (simulated by Lambda Café: lambda and logs commands only)\n';

export interface AwsEnvironment {
  sim: LambdaSimulation;
  fs: MemoryFileSystem;
  nextCaller(): Required<Pick<InvokeOptions, 'callerId' | 'callerLabel'>>;
  signal: RunSignal;
  /** The shell's variables for this command (AWS_MAX_ATTEMPTS, AWS_RETRY_MODE, AWS_DEFAULT_OUTPUT). */
  env: ReadonlyMap<string, string>;
}

function listing(title: string, names: Iterable<string>): CliRun {
  return { stdout: `${title}\n${[...names].map((n) => `  ${n}`).join('\n')}\n`, stderr: '', exitCode: 0 };
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
  if (!service) return usageError(invalidChoiceMessage('command', serviceName, [...SERVICES.keys()]));

  if (operationName === undefined) return usageError('the following arguments are required: operation');
  if (operationName === 'help')
    return listing(`Available ${serviceName} commands in this terminal:`, service.keys());
  const operation = service.get(operationName);
  if (!operation) return usageError(invalidChoiceMessage('operation', operationName, [...service.keys()]));

  return runOperation(operation, args, { ...env, globals: parsed.globals });
}
