/** Parameter handling shared by the `aws lambda` configuration subcommands. */
import { LambdaServiceError, functionArn } from '../model';
import { parseFunctionName, resolveQualifier } from './functionNames';
import { stringOption, type ParsedArgs } from './argParser';
import type { AwsContext } from './awsContext';
import { belowMinimum } from './cliErrors';
import { loadInteger } from './paramValues';
import type { CommandOutput } from './types';

export const FUNCTION_NAME = { name: '--function-name', takesValue: true, required: true } as const;
export const QUALIFIER = { name: '--qualifier', takesValue: true } as const;

/** Only $LATEST exists in the model; another qualifier is a missing version, as on AWS. */
export function checkQualifier(args: ParsedArgs, functionName: string, ctx: AwsContext): void {
  const qualifier = stringOption(args, '--qualifier');
  if (qualifier === undefined || qualifier === '$LATEST') return;
  const arn = ctx.sim.getFunctionConfiguration(functionName).FunctionArn;
  throw new LambdaServiceError({
    name: 'ResourceNotFoundException',
    httpStatusCode: 404,
    message: `Function not found: ${arn}:${qualifier}`,
  });
}

/**
 * The function a command names, in any form Lambda accepts (functionNames.ts). A version or
 * alias other than $LATEST, in the name or in --qualifier, is one the model does not have.
 */
export function functionNameOf(args: ParsedArgs): string {
  const raw = stringOption(args, '--function-name') ?? '';
  if (raw === '') return '';
  const ref = parseFunctionName(raw);
  const qualifier = resolveQualifier(ref, stringOption(args, '--qualifier'));
  if (qualifier !== undefined && qualifier !== '$LATEST') {
    throw new LambdaServiceError({
      name: 'ResourceNotFoundException',
      httpStatusCode: 404,
      message: `Function not found: ${functionArn(ref.name)}:${qualifier}`,
    });
  }
  return ref.name;
}

/** botocore's minimum checks and int() parsing for the integer options present; the error output, if any. */
export function integerOptions(
  args: ParsedArgs,
  specs: readonly [option: string, param: string, min: number][],
): { error?: CommandOutput; values: Map<string, number> } {
  const values = new Map<string, number>();
  for (const [option, param, min] of specs) {
    const raw = stringOption(args, option);
    if (raw === undefined) continue;
    const n = loadInteger(raw);
    if (!n.ok) return { error: n.error, values };
    if (n.value < min) return { error: belowMinimum(param, n.value, min, 'value'), values };
    values.set(param, n.value);
  }
  return { values };
}
