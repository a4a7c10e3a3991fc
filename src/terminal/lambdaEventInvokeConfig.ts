/**
 * `aws lambda put-function-event-invoke-config`: how Lambda retries and where it sends
 * asynchronous events (MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig).
 */
import type { DestinationConfig } from '../model';
import { stringOption } from './argParser';
import { virtualNow, type AwsOperation } from './awsContext';
import { renderResponse } from './awsGlobals';
import { belowMinimum, parameterError } from './cliErrors';
import type { Json } from './cliOutput';
import { checkQualifier, FUNCTION_NAME, functionNameOf, integerOptions, QUALIFIER } from './lambdaParams';
import { loadJsonStructure } from './paramValues';
import { pythonIsoformat } from './timestamps';
import type { CliRun } from './types';

/** Python's name for a JSON value's type, as botocore's messages show it. */
function pythonType(v: unknown): string {
  if (typeof v === 'string') return 'str';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'boolean') return 'bool';
  if (v === null) return 'NoneType';
  return Array.isArray(v) ? 'list' : 'dict';
}

/** botocore's "value: …, type: <class '…'>" for a wrongly typed value. */
function describeValue(v: unknown): string {
  return `${String(v)}, type: <class '${pythonType(v)}'>`;
}

/** botocore's type checks on a DestinationConfig given as JSON. */
function checkDestinationShape(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `Invalid type for parameter DestinationConfig, value: ${describeValue(value)}, valid types: <class 'dict'>`;
  }
  for (const [key, target] of Object.entries(value)) {
    if (key !== 'OnSuccess' && key !== 'OnFailure') {
      return `Unknown parameter in DestinationConfig: "${key}", must be one of: OnSuccess, OnFailure`;
    }
    if (target === null || typeof target !== 'object' || Array.isArray(target)) {
      return `Invalid type for parameter DestinationConfig.${key}, value: ${describeValue(target)}, valid types: <class 'dict'>`;
    }
    for (const [field, arn] of Object.entries(target)) {
      if (field !== 'Destination')
        return `Unknown parameter in DestinationConfig.${key}: "${field}", must be one of: Destination`;
      if (typeof arn !== 'string') {
        return `Invalid type for parameter DestinationConfig.${key}.Destination, value: ${describeValue(arn)}, valid types: <class 'str'>`;
      }
    }
  }
  return undefined;
}

function destinationSide(d: { Destination: string } | undefined): Json {
  return d ? { Destination: d.Destination } : {};
}

function destinationJson(config: DestinationConfig): Json {
  return { OnSuccess: destinationSide(config.OnSuccess), OnFailure: destinationSide(config.OnFailure) };
}

export const putFunctionEventInvokeConfigOperation: AwsOperation = {
  apiName: 'PutFunctionEventInvokeConfig',
  spec: {
    options: [
      FUNCTION_NAME,
      QUALIFIER,
      { name: '--maximum-retry-attempts', takesValue: true },
      { name: '--maximum-event-age-in-seconds', takesValue: true },
      { name: '--destination-config', takesValue: true },
    ],
  },
  synopsis:
    'put-function-event-invoke-config\n--function-name <value>\n[--qualifier <value>]\n' +
    '[--maximum-retry-attempts <value>]         0-2\n[--maximum-event-age-in-seconds <value>]   60-21600\n' +
    '[--destination-config <value>]             JSON: {"OnFailure": {"Destination": "arn:aws:sqs:…"}}\n',
  run(args, ctx): CliRun {
    const ints = integerOptions(args, [
      ['--maximum-retry-attempts', 'MaximumRetryAttempts', 0],
      ['--maximum-event-age-in-seconds', 'MaximumEventAgeInSeconds', 60],
    ]);
    if (ints.error) return ints.error;
    let destinations: DestinationConfig | undefined;
    const rawDestinations = stringOption(args, '--destination-config');
    if (rawDestinations !== undefined) {
      const loaded = loadJsonStructure('--destination-config', rawDestinations, ctx.fs);
      if (!loaded.ok) return loaded.error;
      const shapeError = checkDestinationShape(loaded.value);
      if (shapeError) return parameterError(`Parameter validation failed:\n${shapeError}`);
      destinations = loaded.value as DestinationConfig;
    }
    const name = functionNameOf(args);
    if (name === '') return belowMinimum('FunctionName', 0, 1, 'length');
    checkQualifier(args, name, ctx);
    const retries = ints.values.get('MaximumRetryAttempts');
    const maxAge = ints.values.get('MaximumEventAgeInSeconds');
    // Put replaces the whole configuration: what is not given returns to Lambda's default.
    const config = ctx.sim.putFunctionEventInvokeConfig({
      FunctionName: name,
      MaximumRetryAttempts: retries ?? 2,
      MaximumEventAgeInSeconds: maxAge ?? 21600,
      DestinationConfig: destinations ?? {},
    });
    const response: { [key: string]: Json } = {
      LastModified: pythonIsoformat(virtualNow(ctx.sim)),
      FunctionArn: `${config.FunctionArn}:$LATEST`,
    };
    if (retries !== undefined) response.MaximumRetryAttempts = config.MaximumRetryAttempts;
    if (maxAge !== undefined) response.MaximumEventAgeInSeconds = config.MaximumEventAgeInSeconds;
    response.DestinationConfig = destinationJson(config.DestinationConfig);
    return renderResponse(response, ctx.globals);
  },
};
