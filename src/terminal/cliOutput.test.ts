import { describe, expect, it } from 'vitest';
import { applyQuery, formatJson, formatText, parseQuery } from './cliOutput';

describe('--output json', () => {
  it('indents by 4 spaces like json.dump(indent=4) and prints nothing for an empty response', () => {
    expect(formatJson({ StatusCode: 202 })).toBe('{\n    "StatusCode": 202\n}\n');
    expect(formatJson({})).toBe('');
    expect(formatJson(null)).toBe('null\n');
  });
});

describe('--output text (awscli/text.py)', () => {
  it('prints a dict of scalars on one line, tab-separated, keys sorted', () => {
    expect(formatText({ StatusCode: 200, ExecutedVersion: '$LATEST', FunctionError: 'Unhandled' })).toBe(
      '$LATEST\tUnhandled\t200\n',
    );
  });

  it('prints nested structures under their upper-cased key', () => {
    expect(
      formatText({ FunctionName: 'f', TracingConfig: { Mode: 'PassThrough' }, Architectures: ['x86_64'] }),
    ).toBe('f\nARCHITECTURES\tx86_64\nTRACINGCONFIG\tPassThrough\n');
  });

  it('prints None, True and False the Python way', () => {
    expect(formatText(null)).toBe('None\n');
    expect(formatText([true, false])).toBe('True\tFalse\n');
  });
});

describe('--query (a JMESPath subset)', () => {
  const data = {
    LogResult: 'abc',
    Functions: [{ FunctionName: 'a' }, { FunctionName: 'b' }],
    Nested: { Deep: 1 },
  };

  it('selects fields, quoted fields, sub-fields, indexes and projections', () => {
    expect(applyQuery('LogResult', data)).toBe('abc');
    expect(applyQuery('"LogResult"', data)).toBe('abc');
    expect(applyQuery('Nested.Deep', data)).toBe(1);
    expect(applyQuery('Functions[1].FunctionName', data)).toBe('b');
    expect(applyQuery('Functions[-1].FunctionName', data)).toBe('b');
    expect(applyQuery('Functions[*].FunctionName', data)).toEqual(['a', 'b']);
    expect(applyQuery('Missing', data)).toBeNull();
  });

  it('refuses expressions outside the subset with a clear message', () => {
    expect(() => parseQuery('Functions[?Timeout > `3`]')).toThrow('only simple --query paths');
    expect(() => parseQuery('')).toThrow('only simple --query paths');
  });
});
