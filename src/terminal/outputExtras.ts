/**
 * The heavier half of the terminal: `--query` (JMESPath, the `jmespath` package, the same
 * language the CLI's Python jmespath implements), `--output table` and `--output yaml`, the
 * read-only commands tutorials use, and the list of real commands the café does not offer.
 * Loaded lazily (awsGlobals.ts), so the café's first view does not carry it.
 */
import { compile, search } from 'jmespath';
import type { Json } from './cliOutput';
import type { AwsOperation } from './awsContext';
import {
  getAccountSettingsOperation,
  getFunctionEventInvokeConfigOperation,
  getFunctionOperation,
} from './lambdaRead';
import {
  describeLogStreamsOperation,
  filterLogEventsOperation,
  getCallerIdentityOperation,
  getLogEventsOperation,
} from './logsApi';
export { formatTable } from './tableOutput';
export { formatYaml } from './yamlOutput';

/** Checks an expression as the CLI does before calling the service; the parser's message, or undefined. */
export function queryProblem(expression: string): string | undefined {
  try {
    compile(expression);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function runQuery(expression: string, value: Json): Json {
  return search(value, expression) as Json;
}
export { isRealCommand } from './realCommands';

/** The read-only operations, by `service operation`. */
export const LAZY_OPERATIONS: Record<string, AwsOperation> = {
  'lambda get-account-settings': getAccountSettingsOperation,
  'lambda get-function': getFunctionOperation,
  'lambda get-function-event-invoke-config': getFunctionEventInvokeConfigOperation,
  'logs describe-log-streams': describeLogStreamsOperation,
  'logs filter-log-events': filterLogEventsOperation,
  'logs get-log-events': getLogEventsOperation,
  'sts get-caller-identity': getCallerIdentityOperation,
};
