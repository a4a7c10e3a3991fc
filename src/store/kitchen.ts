import { cafePresetFunction, type FunctionConfig, type LambdaSimulation } from '../model';

export const FUNCTION_NAME = 'cafe-order';

export type FailureMode = 'never' | 'always' | 'timeout';
export type FailureTarget = 'none' | 'OnFailure' | 'DLQ';

/** The few knobs the café exposes directly (the full configuration panel is separate). */
export interface KitchenSettings {
  /** Reserved concurrency: how many baristas this function may have; null = account limit. */
  baristas: number | null;
  failure: FailureMode;
  failureTarget: FailureTarget;
  onSuccess: boolean;
}

export const DEFAULT_SETTINGS: KitchenSettings = {
  baristas: 3,
  failure: 'never',
  failureTarget: 'OnFailure',
  onSuccess: false,
};

export const DESTINATIONS = {
  onSuccess: `arn:aws:sqs:us-east-1:123456789012:${FUNCTION_NAME}-served`,
  onFailure: `arn:aws:sqs:us-east-1:123456789012:${FUNCTION_NAME}-failed`,
  dlq: `arn:aws:sqs:us-east-1:123456789012:${FUNCTION_NAME}-dlq`,
};

/** Maps the café's knobs onto the function's AWS configuration. */
export function functionConfigFor(settings: KitchenSettings): FunctionConfig {
  const preset = cafePresetFunction();
  const handler = { ...preset.Handler! };
  if (settings.failure === 'always') {
    handler.failure = { mode: 'always', errorType: 'MilkNotFoundError', errorMessage: 'Out of oat milk' };
  } else if (settings.failure === 'timeout') {
    handler.failure = { mode: 'hang' };
  } else {
    handler.failure = { mode: 'never' };
  }
  return {
    ...preset,
    FunctionName: FUNCTION_NAME,
    ReservedConcurrentExecutions: settings.baristas ?? undefined,
    Handler: handler,
    DestinationConfig: {
      ...(settings.onSuccess ? { OnSuccess: { Destination: DESTINATIONS.onSuccess } } : {}),
      ...(settings.failureTarget === 'OnFailure'
        ? { OnFailure: { Destination: DESTINATIONS.onFailure } }
        : {}),
    },
    DeadLetterConfig: settings.failureTarget === 'DLQ' ? { TargetArn: DESTINATIONS.dlq } : undefined,
  };
}

/**
 * A configuration change, as the AWS API call that makes it. Recorded as an action, so replay
 * and step-back reproduce it at the moment it was made.
 */
export type ConfigOp =
  | {
      api: 'UpdateFunctionConfiguration';
      params: Parameters<LambdaSimulation['updateFunctionConfiguration']>[0];
    }
  | {
      api: 'PutFunctionEventInvokeConfig';
      params: Parameters<LambdaSimulation['putFunctionEventInvokeConfig']>[0];
    }
  | { api: 'PutFunctionConcurrency'; params: Parameters<LambdaSimulation['putFunctionConcurrency']>[0] }
  | { api: 'SetAccountConcurrency'; value: number };

/** Applies a change; returns the service's message when it is refused (nothing changes then). */
export function applyConfigOp(sim: LambdaSimulation, op: ConfigOp): string | undefined {
  try {
    switch (op.api) {
      case 'UpdateFunctionConfiguration':
        sim.updateFunctionConfiguration(op.params);
        break;
      case 'PutFunctionEventInvokeConfig':
        sim.putFunctionEventInvokeConfig(op.params);
        break;
      case 'PutFunctionConcurrency':
        sim.putFunctionConcurrency(op.params);
        break;
      case 'SetAccountConcurrency':
        sim.setAccountConcurrency(op.value);
        break;
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}
