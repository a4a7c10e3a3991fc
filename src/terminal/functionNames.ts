/**
 * Every form of FunctionName that Lambda accepts, as its API reference lists them (Invoke,
 * "Name formats"): `my-function`, `my-function:v1` (with a version or alias), the partial ARN
 * `123456789012:function:my-function` and the full ARN
 * `arn:aws:lambda:us-west-2:123456789012:function:my-function`, each with or without a
 * qualifier. The pattern is the service model's NamespacedFunctionName
 * (botocore/data/lambda/2015-03-31/service-2.json).
 */
import { ACCOUNT_ID, LambdaServiceError, REGION, functionArn } from '../model';

const NAMESPACED_FUNCTION_NAME =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$/;

export interface FunctionReference {
  /** The bare name the model knows functions by. */
  name: string;
  /** A version or alias written into the name (`my-function:v1`), if any. */
  qualifier?: string;
}

/**
 * Splits a FunctionName into the function and the qualifier it carries. A name the pattern
 * does not match is returned as it is (the service then refuses it); an ARN of another region
 * or account cannot name this café's function, so it is a function Lambda cannot find.
 */
export function parseFunctionName(raw: string): FunctionReference {
  const match = NAMESPACED_FUNCTION_NAME.exec(raw);
  if (!match) return { name: raw };
  const [, arnPrefix, , region, , , , , , account, functionPrefix, name, , qualifier] = match;
  // "function:" is what makes "123456789012:function:x" a partial ARN; without it, a prefix is part of a typo.
  const regionOrAccount = region !== undefined || account !== undefined;
  if ((arnPrefix !== undefined || regionOrAccount) && functionPrefix === undefined) return { name: raw };
  if (
    (region !== undefined && region !== `${REGION}:`) ||
    (account !== undefined && account !== `${ACCOUNT_ID}:`)
  ) {
    throw new LambdaServiceError({
      name: 'ResourceNotFoundException',
      httpStatusCode: 404,
      message: `Function not found: ${raw.startsWith('arn:') ? raw : `${functionArn(name)} (this café has one account, ${ACCOUNT_ID}, in ${REGION})`}`,
    });
  }
  return qualifier !== undefined ? { name, qualifier } : { name };
}

/**
 * The qualifier of a call: from the name, from `--qualifier`, or both when they agree. Lambda
 * refuses a disagreement with this message (seen from the real service; UNCONFIRMED in the docs).
 */
export function resolveQualifier(ref: FunctionReference, option: string | undefined): string | undefined {
  if (ref.qualifier !== undefined && option !== undefined && ref.qualifier !== option) {
    throw new LambdaServiceError({
      name: 'InvalidParameterValueException',
      httpStatusCode: 400,
      message: 'The derived qualifier from the function name does not match the specified qualifier.',
    });
  }
  return option ?? ref.qualifier;
}
