import {
  cafePresetFunction,
  LambdaServiceError,
  type FunctionConfig,
  type LambdaSimulation,
  type Refusal,
  type ResolvedFunctionConfig,
} from '../model';

/** A refused change: the AWS exception, its message, and the field it is about (when it names one). */
export type ConfigRefusal = Refusal;

/** How a refusal reads in one line: `ValidationException: 1 validation error detected: …`. */
export function refusalText(refusal: ConfigRefusal): string {
  return `${refusal.type}: ${refusal.message}`;
}

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

/** Applies a change; returns the service's refusal when it is refused (nothing changes then). */
export function applyConfigOp(sim: LambdaSimulation, op: ConfigOp): ConfigRefusal | undefined {
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
    if (error instanceof LambdaServiceError) return error.refusal();
    return { field: undefined, type: error instanceof Error ? error.name : 'Error', message: String(error) };
  }
}

/** The failure modes the kitchen row can show; others (set in the configuration panel) read as custom. */
export type KitchenFailure = FailureMode | 'custom';

/**
 * What the kitchen row shows, read from the function's real configuration: the terminal or the
 * configuration panel may have changed it since the row last did.
 */
export function settingsFromConfig(config: ResolvedFunctionConfig): Omit<KitchenSettings, 'failure'> & {
  failure: KitchenFailure;
} {
  const mode = config.Handler.failure.mode;
  return {
    baristas: config.ReservedConcurrentExecutions,
    failure:
      mode === 'never' ? 'never' : mode === 'hang' ? 'timeout' : mode === 'always' ? 'always' : 'custom',
    failureTarget: config.DestinationConfig.OnFailure?.Destination
      ? 'OnFailure'
      : config.DeadLetterConfig.TargetArn
        ? 'DLQ'
        : 'none',
    onSuccess: Boolean(config.DestinationConfig.OnSuccess?.Destination),
  };
}

/** The API calls for a kitchen knob: each changes only what it names, nothing set elsewhere. */
export function kitchenOps(change: Partial<KitchenSettings>, current: ResolvedFunctionConfig): ConfigOp[] {
  const ops: ConfigOp[] = [];
  const FunctionName = FUNCTION_NAME;
  if (change.baristas !== undefined) {
    ops.push({
      api: 'PutFunctionConcurrency',
      params: { FunctionName, ReservedConcurrentExecutions: change.baristas },
    });
  }
  if (change.failure !== undefined) {
    const failure = functionConfigFor({ ...DEFAULT_SETTINGS, failure: change.failure }).Handler!.failure!;
    ops.push({ api: 'UpdateFunctionConfiguration', params: { FunctionName, Handler: { failure } } });
  }
  if (change.failureTarget !== undefined || change.onSuccess !== undefined) {
    const target = change.failureTarget;
    const onSuccess = change.onSuccess ?? Boolean(current.DestinationConfig.OnSuccess?.Destination);
    const onFailure =
      target === undefined
        ? current.DestinationConfig.OnFailure
        : target === 'OnFailure'
          ? { Destination: current.DestinationConfig.OnFailure?.Destination ?? DESTINATIONS.onFailure }
          : undefined;
    ops.push({
      api: 'PutFunctionEventInvokeConfig',
      params: {
        FunctionName,
        DestinationConfig: {
          ...(onSuccess
            ? { OnSuccess: current.DestinationConfig.OnSuccess ?? { Destination: DESTINATIONS.onSuccess } }
            : {}),
          ...(onFailure ? { OnFailure: onFailure } : {}),
        },
      },
    });
    if (target !== undefined) {
      ops.push({
        api: 'UpdateFunctionConfiguration',
        params: { FunctionName, DeadLetterConfig: { TargetArn: target === 'DLQ' ? DESTINATIONS.dlq : '' } },
      });
    }
  }
  return ops;
}
