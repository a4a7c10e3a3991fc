import {
  cafePresetFunction,
  createLambdaSimulation,
  type FunctionConfig,
  type LambdaSimulation,
} from '../../model';

/** A real café model for the panels' tests: the seed's function, with the test's overrides. */
export function testCafe(
  overrides: Partial<FunctionConfig> = {},
  limits?: { traceEvents?: number },
): LambdaSimulation {
  return createLambdaSimulation({ seed: 1, functions: [cafePresetFunction(overrides)], limits });
}

/** Places an order the way the café does: customer-N, labelled "Customer N". */
export function order(sim: LambdaSimulation, kind: 'sync' | 'async', customer: number): string {
  const call = sim.invoke(
    { FunctionName: 'cafe-order', InvocationType: kind === 'sync' ? 'RequestResponse' : 'Event' },
    { callerId: `customer-${customer}`, callerLabel: `Customer ${customer}` },
  );
  call.catch(() => undefined);
  return call.requestId!;
}

export const FAILURE_ARN = 'arn:aws:sqs:us-east-1:123456789012:cafe-order-failed';
