/**
 * Lambda's read responses built from the model, shared by the terminal and the server's bridge
 * (src/bridge), so `aws lambda get-function` in the page and the real CLI through
 * `--endpoint-url` read the same thing. Field names and order follow the service model
 * (botocore/data/lambda/2015-03-31/service-2.json); fields the model has no notion of (Role,
 * CodeSize, CodeSha256, LastModified, RevisionId) are left out rather than invented.
 */
import {
  LAMBDA_DEFAULTS,
  LambdaServiceError,
  type LambdaSimulation,
  type ResolvedFunctionConfig,
} from '../model';
import type { Json } from './cliOutput';
import { pythonIsoformat } from './timestamps';

/** GetFunctionConfiguration's fields that the model defines, in the API's order. */
export function functionConfigurationJson(c: ResolvedFunctionConfig, lastUpdateStatus = 'Successful'): Json {
  const out: { [key: string]: Json } = {
    FunctionName: c.FunctionName,
    FunctionArn: c.FunctionArn,
    Runtime: 'python3.13',
    Handler: 'lambda_function.lambda_handler',
    Description: '',
    Timeout: c.Timeout,
    MemorySize: c.MemorySize,
    Version: '$LATEST',
  };
  if (c.DeadLetterConfig.TargetArn !== undefined)
    out.DeadLetterConfig = { TargetArn: c.DeadLetterConfig.TargetArn };
  Object.assign(out, {
    TracingConfig: { Mode: 'PassThrough' },
    State: 'Active',
    LastUpdateStatus: lastUpdateStatus,
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${c.FunctionName}` },
  });
  return out;
}

/**
 * GetFunction: the configuration, where the code is, and the reserved concurrency. The model has
 * no deployment package: `Code` says so instead of pointing at a made-up S3 URL.
 */
export function getFunctionJson(c: ResolvedFunctionConfig): Json {
  const out: { [key: string]: Json } = {
    Configuration: functionConfigurationJson(c),
    Code: {
      RepositoryType: 'S3',
      Location: '(simulated: this café has no deployment package to download)',
    },
  };
  if (c.ReservedConcurrentExecutions !== null)
    out.Concurrency = { ReservedConcurrentExecutions: c.ReservedConcurrentExecutions };
  return out;
}

/** GetAccountSettings, as far as the model has an account: its concurrency limit and functions. */
export function accountSettingsJson(sim: LambdaSimulation): Json {
  const functions = sim.listFunctions();
  const reserved = functions.reduce((sum, f) => sum + (f.ReservedConcurrentExecutions ?? 0), 0);
  return {
    AccountLimit: {
      TotalCodeSize: 80530636800,
      CodeSizeUnzipped: 262144000,
      CodeSizeZipped: 52428800,
      ConcurrentExecutions: sim.accountConcurrency(),
      UnreservedConcurrentExecutions: sim.accountConcurrency() - reserved,
    },
    AccountUsage: { TotalCodeSize: 0, FunctionCount: functions.length },
  };
}

/** Whether the function has an event invoke configuration (anything other than Lambda's defaults). */
export function hasEventInvokeConfig(c: ResolvedFunctionConfig): boolean {
  return (
    c.MaximumRetryAttempts !== LAMBDA_DEFAULTS.MaximumRetryAttempts ||
    c.MaximumEventAgeInSeconds !== LAMBDA_DEFAULTS.MaximumEventAgeInSeconds ||
    c.DestinationConfig.OnSuccess !== undefined ||
    c.DestinationConfig.OnFailure !== undefined
  );
}

/** The virtual moment of the function's last configuration change (epoch ms), or the start. */
export function lastModified(sim: LambdaSimulation, functionName: string): number {
  const trace = sim.trace();
  for (let i = trace.length - 1; i >= 0; i--) {
    const e = trace[i] as { type: string; t: number; functionName?: unknown };
    if (e.type === 'config.updated' && e.functionName === functionName) return sim.startTime + e.t;
  }
  return sim.startTime;
}

function destinationSide(d: { Destination: string } | undefined): Json {
  return d ? { Destination: d.Destination } : {};
}

/**
 * GetFunctionEventInvokeConfig. A function without one is a ResourceNotFoundException (message
 * as LocalStack and other emulators give it; UNCONFIRMED in AWS's documentation).
 */
export function eventInvokeConfigJson(
  sim: LambdaSimulation,
  c: ResolvedFunctionConfig,
  /** The CLI prints a timestamp as Python's isoformat; on the wire it is epoch seconds. */
  timestamp: (epochMs: number) => Json = pythonIsoformat,
): Json {
  if (!hasEventInvokeConfig(c)) {
    throw new LambdaServiceError({
      name: 'ResourceNotFoundException',
      httpStatusCode: 404,
      message: `The function ${c.FunctionArn}:$LATEST doesn't have an EventInvokeConfig`,
    });
  }
  return {
    LastModified: timestamp(lastModified(sim, c.FunctionName)),
    FunctionArn: `${c.FunctionArn}:$LATEST`,
    MaximumRetryAttempts: c.MaximumRetryAttempts,
    MaximumEventAgeInSeconds: c.MaximumEventAgeInSeconds,
    DestinationConfig: {
      OnSuccess: destinationSide(c.DestinationConfig.OnSuccess),
      OnFailure: destinationSide(c.DestinationConfig.OnFailure),
    },
  };
}

/** GetFunctionConcurrency: empty when nothing is reserved (the CLI then prints nothing). */
export function functionConcurrencyJson(c: ResolvedFunctionConfig): Json {
  return c.ReservedConcurrentExecutions === null
    ? {}
    : { ReservedConcurrentExecutions: c.ReservedConcurrentExecutions };
}
