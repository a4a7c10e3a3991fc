import { describe, expect, it } from 'vitest';
import {
  base64Utf8,
  decodeBase64Utf8,
  logStreamName,
  printedLine,
  pythonInfoLine,
  reportLine,
  tailLogResult,
} from './logFormat';
import { createRandom, randomHex32, randomUuid } from './prng';
import { describeJsonError, utf8Length } from './validation';

describe('formats', () => {
  it('base64 of UTF-8 matches the standard encoding and round-trips', () => {
    expect(base64Utf8('Hello from Lambda!')).toBe('SGVsbG8gZnJvbSBMYW1iZGEh');
    expect(base64Utf8('café ☕')).toBe('Y2Fmw6kg4piV');
    expect(decodeBase64Utf8(base64Utf8('naïve 🍰 text'))).toBe('naïve 🍰 text');
  });

  it('UTF-8 length counts bytes, not characters', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('☕')).toBe(3);
    expect(utf8Length('🍰')).toBe(4);
  });

  it('request ids are UUID v4 shaped and stream suffixes are 32 hex characters', () => {
    const r = createRandom(7);
    expect(randomUuid(r)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomHex32(r)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('log stream names are YYYY/MM/DD/[$LATEST]<32 hex>', () => {
    expect(logStreamName(Date.UTC(2020, 0, 31, 22, 0, 0), '3893aaaa7fac4485b47bb75b671a283c')).toBe(
      '2020/01/31/[$LATEST]3893aaaa7fac4485b47bb75b671a283c',
    );
  });

  it('a printed line is logged as is; only the runtime’s logger adds [INFO], the time and the request id', () => {
    expect(printedLine('Processing complete')).toBe('Processing complete');
    expect(pythonInfoLine(Date.UTC(2020, 0, 31, 22, 12, 58, 534), 'id', 'Processing complete')).toBe(
      '[INFO]\t2020-01-31T22:12:58.534Z\tid\tProcessing complete',
    );
  });

  it('REPORT line has tab-separated fields and Init Duration last only when given', () => {
    const base = {
      requestId: 'id',
      durationMs: 26.734,
      billedMs: 27,
      memorySizeMb: 128,
      maxMemoryUsedMb: 75,
    };
    expect(reportLine(base)).toBe(
      'REPORT RequestId: id\tDuration: 26.73 ms\tBilled Duration: 27 ms\tMemory Size: 128 MB\tMax Memory Used: 75 MB\t',
    );
    expect(reportLine({ ...base, initDurationMs: 130.49 })).toBe(
      'REPORT RequestId: id\tDuration: 26.73 ms\tBilled Duration: 27 ms\tMemory Size: 128 MB\tMax Memory Used: 75 MB\tInit Duration: 130.49 ms\t',
    );
  });

  it('Tail keeps only the last 4 KB of the log', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    const text = decodeBase64Utf8(tailLogResult(lines, 4096));
    expect(utf8Length(text)).toBe(4096);
    expect(text.endsWith(`line 199 ${'x'.repeat(40)}\n`)).toBe(true);
  });

  it('describes non-JSON bodies the way Lambda does', () => {
    expect(describeJsonError('value')).toBe(
      "Unrecognized token 'value': was expecting ('true', 'false' or 'null')",
    );
  });
});
