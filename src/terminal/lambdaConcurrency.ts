/** `aws lambda put-/get-/delete-function-concurrency`: the reserved concurrency behind 429 throttles. */
import type { AwsOperation } from './awsContext';
import { renderResponse } from './awsGlobals';
import { belowMinimum } from './cliErrors';
import { FUNCTION_NAME, functionNameOf, integerOptions } from './lambdaParams';
import type { CliRun } from './types';

export const putFunctionConcurrencyOperation: AwsOperation = {
  apiName: 'PutFunctionConcurrency',
  spec: {
    options: [FUNCTION_NAME, { name: '--reserved-concurrent-executions', takesValue: true, required: true }],
  },
  synopsis: 'put-function-concurrency\n--function-name <value>\n--reserved-concurrent-executions <value>\n',
  run(args, ctx): CliRun {
    const ints = integerOptions(args, [
      ['--reserved-concurrent-executions', 'ReservedConcurrentExecutions', 0],
    ]);
    if (ints.error) return ints.error;
    const name = functionNameOf(args);
    if (name === '') return belowMinimum('FunctionName', 0, 1, 'length');
    const config = ctx.sim.putFunctionConcurrency({
      FunctionName: name,
      ReservedConcurrentExecutions: ints.values.get('ReservedConcurrentExecutions') ?? 0,
    });
    return renderResponse({ ReservedConcurrentExecutions: config.ReservedConcurrentExecutions }, ctx.globals);
  },
};

export const getFunctionConcurrencyOperation: AwsOperation = {
  apiName: 'GetFunctionConcurrency',
  spec: { options: [FUNCTION_NAME] },
  synopsis: 'get-function-concurrency\n--function-name <value>\n',
  run(args, ctx): CliRun {
    const name = functionNameOf(args);
    if (name === '') return belowMinimum('FunctionName', 0, 1, 'length');
    const reserved = ctx.sim.getFunctionConfiguration(name).ReservedConcurrentExecutions;
    // No reservation: the API returns an empty body, which the CLI prints as nothing.
    return renderResponse(reserved === null ? {} : { ReservedConcurrentExecutions: reserved }, ctx.globals);
  },
};

export const deleteFunctionConcurrencyOperation: AwsOperation = {
  apiName: 'DeleteFunctionConcurrency',
  spec: { options: [FUNCTION_NAME] },
  synopsis: 'delete-function-concurrency\n--function-name <value>\n',
  run(args, ctx): CliRun {
    const name = functionNameOf(args);
    if (name === '') return belowMinimum('FunctionName', 0, 1, 'length');
    ctx.sim.deleteFunctionConcurrency({ FunctionName: name });
    return { stdout: '', stderr: '', exitCode: 0 };
  },
};
