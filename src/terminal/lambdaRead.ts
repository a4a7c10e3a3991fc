/**
 * The `aws lambda` commands tutorials use to look around: get-function, get-account-settings,
 * get-/delete-function-event-invoke-config. They read (or, for delete, reset) what the model
 * has; the responses are shared with the server's bridge (lambdaResponses.ts).
 */
import type { AwsOperation } from './awsContext';
import { renderResponse } from './awsGlobals';
import { belowMinimum } from './cliErrors';
import { checkQualifier, FUNCTION_NAME, functionNameOf, QUALIFIER } from './lambdaParams';
import {
  accountSettingsJson,
  eventInvokeConfigJson,
  getFunctionJson,
  hasEventInvokeConfig,
} from './lambdaResponses';
import { LAMBDA_DEFAULTS } from '../model';
import type { CliRun } from './types';

export const getFunctionOperation: AwsOperation = {
  apiName: 'GetFunction',
  spec: { options: [FUNCTION_NAME, QUALIFIER] },
  synopsis: 'get-function\n--function-name <value>\n[--qualifier <value>]\n',
  run(args, ctx): CliRun {
    const name = functionNameOf(args);
    if (name === '') return belowMinimum('FunctionName', 0, 1, 'length');
    const config = ctx.sim.getFunctionConfiguration(name);
    checkQualifier(args, name, ctx);
    return renderResponse(getFunctionJson(config), ctx.globals);
  },
};

export const getAccountSettingsOperation: AwsOperation = {
  apiName: 'GetAccountSettings',
  spec: { options: [] },
  synopsis: 'get-account-settings\n',
  run: (_args, ctx): CliRun => renderResponse(accountSettingsJson(ctx.sim), ctx.globals),
};

export const getFunctionEventInvokeConfigOperation: AwsOperation = {
  apiName: 'GetFunctionEventInvokeConfig',
  spec: { options: [FUNCTION_NAME, QUALIFIER] },
  synopsis: 'get-function-event-invoke-config\n--function-name <value>\n[--qualifier <value>]\n',
  run(args, ctx): CliRun {
    const name = functionNameOf(args);
    if (name === '') return belowMinimum('FunctionName', 0, 1, 'length');
    const config = ctx.sim.getFunctionConfiguration(name);
    checkQualifier(args, name, ctx);
    return renderResponse(eventInvokeConfigJson(ctx.sim, config), ctx.globals);
  },
};

export const deleteFunctionEventInvokeConfigOperation: AwsOperation = {
  apiName: 'DeleteFunctionEventInvokeConfig',
  spec: { options: [FUNCTION_NAME, QUALIFIER] },
  synopsis: 'delete-function-event-invoke-config\n--function-name <value>\n[--qualifier <value>]\n',
  run(args, ctx): CliRun {
    const name = functionNameOf(args);
    if (name === '') return belowMinimum('FunctionName', 0, 1, 'length');
    const config = ctx.sim.getFunctionConfiguration(name);
    checkQualifier(args, name, ctx);
    // Deleting a configuration that does not exist is a 404, as Get says.
    if (!hasEventInvokeConfig(config)) eventInvokeConfigJson(ctx.sim, config);
    // Without one, Lambda's defaults apply again: 2 retries, 6 hours, no destinations.
    ctx.sim.putFunctionEventInvokeConfig({
      FunctionName: config.FunctionName,
      MaximumRetryAttempts: LAMBDA_DEFAULTS.MaximumRetryAttempts,
      MaximumEventAgeInSeconds: LAMBDA_DEFAULTS.MaximumEventAgeInSeconds,
      DestinationConfig: {},
    });
    // 204, no body: the CLI prints nothing.
    return { stdout: '', stderr: '', exitCode: 0 };
  },
};
