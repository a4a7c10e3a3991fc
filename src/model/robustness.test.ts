import { describe, expect, it } from 'vitest';
import { cafePresetFunction } from './defaults';
import { LambdaServiceError } from './errors';
import { createLambdaSimulation } from './simulation';
import { flush, watch } from './testSupport';
import type { InvokeInput } from './types';

// Issue #15 item 3: one bad call never breaks the next ones. Times beyond what a JavaScript Date
// can hold are refused with a RangeError; arguments of the wrong type from plain JavaScript
// callers get Lambda's exceptions (lambda-facts §10), never a bare TypeError.

const sim = () => createLambdaSimulation({ seed: 3, functions: [cafePresetFunction()] });

/** The simulation still works: a sync call runs and is answered 200. */
async function stillWorks(s: ReturnType<typeof sim>) {
  const out = watch(s.invoke({ FunctionName: 'cafe-order' }));
  s.advanceBy(20_000);
  await flush();
  expect(out.output?.StatusCode).toBe(200);
}

describe('time beyond the range of dates', () => {
  it.each([8.64e15, 1e16, Infinity, -Infinity, NaN])(
    'advanceTo(%s) is refused with a RangeError, and the next call works',
    async (t) => {
      const s = sim();
      expect(() => s.advanceTo(t)).toThrow(RangeError);
      expect(() => s.advanceBy(t)).toThrow(RangeError);
      expect(s.now()).toBe(0);
      await stillWorks(s);
    },
  );

  it('the message says why', () => {
    expect(() => sim().advanceTo(1e16)).toThrow(/latest time a JavaScript Date can hold/);
  });

  it('non-numbers too (a BigInt, a string)', () => {
    const s = sim();
    expect(() => s.advanceTo(10n as unknown as number)).toThrow(RangeError);
    expect(() => s.advanceBy('5' as unknown as number)).toThrow(RangeError);
  });
});

describe('arguments of the wrong type from plain JavaScript', () => {
  const cases: [string, unknown, unknown, string, RegExp][] = [
    [
      'a numeric Qualifier',
      { FunctionName: 'cafe-order', Qualifier: 7 },
      undefined,
      'InvalidRequestContentException',
      /Qualifier/,
    ],
    [
      'a BigInt InvocationType',
      { FunctionName: 'cafe-order', InvocationType: 5n },
      undefined,
      'ValidationException',
      /Value '5n' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: \[Event, RequestResponse, DryRun\]/,
    ],
    [
      'a Symbol InvocationType',
      { FunctionName: 'cafe-order', InvocationType: Symbol('x') },
      undefined,
      'ValidationException',
      /Value 'Symbol\(x\)' at 'invocationType'/,
    ],
    [
      'an array FunctionName',
      { FunctionName: ['cafe-order'] },
      undefined,
      'InvalidRequestContentException',
      /FunctionName/,
    ],
    [
      'no input at all',
      null,
      undefined,
      'ValidationException',
      /Value null at 'functionName' failed to satisfy constraint: Member must not be null/,
    ],
    [
      'a LogType that is not None or Tail',
      { FunctionName: 'cafe-order', LogType: 'tail' },
      undefined,
      'ValidationException',
      /at 'logType'/,
    ],
  ];
  it.each(cases)('invoke with %s is refused with %s', async (_label, input, options, name, message) => {
    const s = sim();
    const out = watch(s.invoke(input as InvokeInput, options as never));
    await flush();
    expect(out.error).toBeInstanceOf(LambdaServiceError);
    expect(out.error?.name).toBe(name);
    expect(out.error?.message).toMatch(message);
    expect(s.trace().map((e) => e.type)).toEqual(['invoke.rejected']);
    await stillWorks(s);
  });

  it('invoke(x, null) runs with no options', async () => {
    const s = sim();
    const out = watch(s.invoke({ FunctionName: 'cafe-order', InvocationType: 'Event' }, null as never));
    await flush();
    expect(out.output).toEqual({ StatusCode: 202 });
  });

  it.each<[string, (s: ReturnType<typeof sim>) => unknown, string]>([
    [
      'putFunctionEventInvokeConfig(null)',
      (s) => s.putFunctionEventInvokeConfig(null as never),
      'ValidationException',
    ],
    [
      'updateFunctionConfiguration(undefined)',
      (s) => s.updateFunctionConfiguration(undefined as never),
      'ValidationException',
    ],
    [
      'putFunctionConcurrency without a value',
      (s) => s.putFunctionConcurrency({ FunctionName: 'cafe-order' } as never),
      'ValidationException',
    ],
    [
      'Timeout as text',
      (s) => s.updateFunctionConfiguration({ FunctionName: 'cafe-order', Timeout: '10' as never }),
      'InvalidRequestContentException',
    ],
    [
      'MemorySize as an array',
      (s) => s.updateFunctionConfiguration({ FunctionName: 'cafe-order', MemorySize: [256] as never }),
      'InvalidRequestContentException',
    ],
    [
      'a Handler that is a string',
      (s) => s.updateFunctionConfiguration({ FunctionName: 'cafe-order', Handler: 'fast' as never }),
      'InvalidRequestContentException',
    ],
    [
      'a BigInt account limit',
      (s) => s.setAccountConcurrency(10n as never),
      'InvalidRequestContentException',
    ],
    [
      'a numeric function name',
      (s) => s.getFunctionConfiguration(42 as never),
      'InvalidRequestContentException',
    ],
  ])('%s is refused with %s and changes nothing', async (_label, call, name) => {
    const s = sim();
    const before = JSON.stringify(s.listFunctions());
    let thrown: unknown;
    try {
      call(s);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LambdaServiceError);
    expect((thrown as Error).name).toBe(name);
    expect(JSON.stringify(s.listFunctions())).toBe(before);
    await stillWorks(s);
  });

  it('a refusal names its field, so a form can show it there', () => {
    try {
      sim().updateFunctionConfiguration({ FunctionName: 'cafe-order', Timeout: 901 });
    } catch (e) {
      expect((e as LambdaServiceError).refusal()).toEqual({
        field: 'Timeout',
        type: 'ValidationException',
        message:
          "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
      });
    }
    expect.assertions(1);
  });
});
