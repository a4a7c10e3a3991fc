/**
 * The heavier half of the CLI's output: `--query` (JMESPath, the `jmespath` package, the same
 * language the CLI's Python jmespath implements), `--output table` and `--output yaml`. Loaded
 * lazily (awsGlobals.ts), so the café's first view does not carry it.
 */
import { compile, search } from 'jmespath';
import type { Json } from './cliOutput';
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
