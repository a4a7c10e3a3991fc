/**
 * The `aws lambda` commands tutorials use to look around: get-function, get-account-settings,
 * get-function-event-invoke-config. They only read the model, so they live in the lazily
 * loaded extras (outputExtras.ts); the responses are shared with the server's bridge.
 */
import type { AwsOperation } from './awsContext';
import { renderResponse } from './awsGlobals';
import { belowMinimum } from './cliErrors';
import { checkQualifier, FUNCTION_NAME, functionNameOf, QUALIFIER } from './lambdaParams';
import { accountSettingsJson, eventInvokeConfigJson, getFunctionJson } from './lambdaResponses';
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
