/**
 * How AWS CLI v2 reports failures, byte for byte (awscli/errorhandler.py, argparser.py,
 * constants.py), and its exit codes ("Return codes", AWS CLI v2 user guide):
 * 252 = the command line could not be parsed or a parameter was invalid,
 * 254 = the service returned an error, 255 = any other failure.
 * The CLI writes a blank line before each error and the argparse ones end with a blank line.
 */
import type { CommandOutput } from './types';

export const EXIT = { ok: 0, usage: 252, service: 254, general: 255 } as const;

/** awscli/argparser.py USAGE: what every parse error starts with. */
export const USAGE_BLOCK =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n' +
  '\n' +
  '  aws help\n' +
  '  aws <command> help\n' +
  '  aws <command> <subcommand> help\n';

function failure(stderr: string, exitCode: number): CommandOutput {
  return { stdout: '', stderr, exitCode };
}

/** An argparse error (missing argument, bad choice, option without its value). */
export function usageError(message: string): CommandOutput {
  return failure(`\n${USAGE_BLOCK}\naws: error: ${message}\n\n`, EXIT.usage);
}

/** Options and words the command did not recognise. */
export function unknownOptionsError(extras: readonly string[]): CommandOutput {
  return failure(`\n${USAGE_BLOCK}\nUnknown options: ${extras.join(', ')}\n\n`, EXIT.usage);
}

/** Errors the CLI finds in a parameter's value before calling the service (ParamError, botocore validation). */
export function parameterError(message: string): CommandOutput {
  return failure(`\n${message}\n`, EXIT.usage);
}

/** `An error occurred (Code) when calling the Op operation: Message` — the service said no. */
export function serviceError(cliMessage: string): CommandOutput {
  return failure(`\n${cliMessage}\n`, EXIT.service);
}

/** Anything else the CLI trips over (e.g. `Invalid base64: "…"`). */
export function generalError(message: string): CommandOutput {
  return failure(`\n${message}\n`, EXIT.general);
}

/** botocore's report for a value below the API's minimum (it checks minimums only). */
export function belowMinimum(
  parameter: string,
  value: number | string,
  min: number,
  kind: 'length' | 'value',
): CommandOutput {
  const detail =
    kind === 'length'
      ? `Invalid length for parameter ${parameter}, value: ${value}, valid min length: ${min}`
      : `Invalid value for parameter ${parameter}, value: ${value}, valid min value: ${min}`;
  return parameterError(`Parameter validation failed:\n${detail}`);
}
