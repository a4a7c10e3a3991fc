/**
 * `aws lambda get-function-configuration`, `update-function-configuration` and `list-functions`:
 * the function's settings as the real API returns them, as far as the model knows them.
 */
import type { AwsOperation } from './awsContext';
import { renderResponse } from './awsGlobals';
import { belowMinimum } from './cliErrors';
import { functionConfigurationJson as functionConfiguration } from './lambdaResponses';
import { checkQualifier, FUNCTION_NAME, functionNameOf, integerOptions, QUALIFIER } from './lambdaParams';
import type { CliRun } from './types';

export const getFunctionConfigurationOperation: AwsOperation = {
  apiName: 'GetFunctionConfiguration',
  spec: { options: [FUNCTION_NAME, QUALIFIER] },
  synopsis: 'get-function-configuration\n--function-name <value>\n[--qualifier <value>]\n',
  run(args, ctx): CliRun {
    const name = functionNameOf(args);
    if (name === '') return belowMinimum('FunctionName', 0, 1, 'length');
    const config = ctx.sim.getFunctionConfiguration(name);
    checkQualifier(args, name, ctx);
    return renderResponse(functionConfiguration(config), ctx.globals);
  },
};

export const updateFunctionConfigurationOperation: AwsOperation = {
  apiName: 'UpdateFunctionConfiguration',
  spec: {
    options: [
      FUNCTION_NAME,
      { name: '--timeout', takesValue: true },
      { name: '--memory-size', takesValue: true },
    ],
  },
  synopsis:
    'update-function-configuration\n--function-name <value>\n[--timeout <value>]       seconds, 1-900\n[--memory-size <value>]   MB, 128-10240\n',
  run(args, ctx): CliRun {
    const ints = integerOptions(args, [
      ['--timeout', 'Timeout', 1],
      ['--memory-size', 'MemorySize', 128],
    ]);
    if (ints.error) return ints.error;
    const name = functionNameOf(args);
    if (name === '') return belowMinimum('FunctionName', 0, 1, 'length');
    const timeout = ints.values.get('Timeout');
    const memory = ints.values.get('MemorySize');
    const config = ctx.sim.updateFunctionConfiguration({
      FunctionName: name,
      ...(timeout !== undefined ? { Timeout: timeout } : {}),
      ...(memory !== undefined ? { MemorySize: memory } : {}),
    });
    // The real API answers before the update has finished rolling out.
    return renderResponse(functionConfiguration(config, 'InProgress'), ctx.globals);
  },
};

export const listFunctionsOperation: AwsOperation = {
  apiName: 'ListFunctions',
  spec: { options: [] },
  synopsis: 'list-functions\n',
  run(_args, ctx): CliRun {
    return renderResponse(
      { Functions: ctx.sim.listFunctions().map((c) => functionConfiguration(c)) },
      ctx.globals,
    );
  },
};
