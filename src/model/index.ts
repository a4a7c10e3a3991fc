/** Lambda Café's model: a deterministic XState simulation of AWS Lambda. See "Model API" in README.md. */
export { createLambdaSimulation, describeRequest } from './simulation';
export type {
  LambdaSimulation,
  EventInvokeConfigInput,
  SimulationStats,
  SimulationSnapshot,
  RestoreOptions,
} from './simulation';
export {
  DEFAULT_HANDLER,
  LAMBDA_DEFAULTS,
  MODEL_LIMITS,
  DEFAULT_START_TIME,
  REGION,
  ACCOUNT_ID,
  cafePresetFunction,
  functionArn,
} from './defaults';
export { LambdaServiceError } from './errors';
export type { ThrottleReason, Refusal } from './errors';
export {
  CONFIG_FIELDS,
  FAILURE_MODE_NAMES,
  numberRefusal,
  typeRefusal,
  describeJsonError,
} from './validation';
export type { NumberField } from './validation';
export { base64Utf8, decodeBase64Utf8 } from './logFormat';
export { envIdOf, isTrace, requestIdOf, traceOf } from './trace';
export { VirtualClock } from './virtualClock';
export { environmentMachine } from './executionEnvironment.machine';
export { eventQueueMachine } from './eventQueue.machine';
export { lambdaServiceMachine } from './lambdaService.machine';
export { invocationMachine } from './invocation.machine';
export type * from './types';
