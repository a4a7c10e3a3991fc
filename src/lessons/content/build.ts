import { FUNCTION_NAME, type CafeAction, type ConfigOp } from '../../store/cafeStore';

/** Every lesson run starts from this seed: the same request ids and log streams each time. */
export const LESSON_SEED = 2026;

export const order = (t: number, kind: 'sync' | 'async', customer: number): CafeAction => ({
  t,
  type: 'order.placed',
  kind,
  customer,
});

export const command = (t: number, line: string): CafeAction => ({ t, type: 'terminal.command', line });

/** Lambda's default Timeout (the café itself uses 10 s so that its 5 s handler fits). */
export const defaultTimeout: ConfigOp = {
  api: 'UpdateFunctionConfiguration',
  params: { FunctionName: FUNCTION_NAME, Timeout: 3 },
};

/** The handler fails its first attempt at each event and succeeds when tried again. */
export const failsFirstAttempt: ConfigOp = {
  api: 'UpdateFunctionConfiguration',
  params: {
    FunctionName: FUNCTION_NAME,
    Handler: {
      failure: {
        mode: 'firstAttempts',
        count: 1,
        errorType: 'ConnectionError',
        errorMessage: 'Card reader not responding',
      },
    },
  },
};
