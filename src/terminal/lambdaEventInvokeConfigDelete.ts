/**
 * `aws lambda delete-function-event-invoke-config`: Lambda's defaults for asynchronous
 * invocation apply again. It changes the model, so it runs at once (not in the lazy extras).
 */
import { LAMBDA_DEFAULTS } from '../model';
import type { AwsOperation } from './awsContext';
import { belowMinimum } from './cliErrors';
import { checkQualifier, FUNCTION_NAME, functionNameOf, QUALIFIER } from './lambdaParams';
import { eventInvokeConfigJson, hasEventInvokeConfig } from './lambdaResponses';
import type { CliRun } from './types';

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
