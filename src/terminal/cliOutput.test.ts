import { describe, expect, it } from 'vitest';
import { formatJson, formatText } from './cliOutput';

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
