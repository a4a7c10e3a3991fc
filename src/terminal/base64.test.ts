import { describe, expect, it } from 'vitest';
import { gnuB64Decode, gnuB64Encode, pythonB64Decode, utf8Decode, utf8Encode } from './base64';

describe("Python's lenient base64 decoding (what CLI v2 applies to --payload)", () => {
  it('decodes proper base64', () => {
    const r = pythonB64Decode('eyJvcmRlciI6ICJsYXR0ZSJ9');
    expect(r.ok && utf8Decode(r.bytes)).toBe('{"order": "latte"}');
  });

  it('fails a JSON text with "Incorrect padding" (the cause of "Invalid base64")', () => {
    expect(pythonB64Decode('{"order": "latte"}')).toEqual({ ok: false, error: 'Incorrect padding' });
  });

  it('skips characters outside the alphabet, so some JSON decodes to garbage instead of failing', () => {
    const r = pythonB64Decode('{"a":"bcd"}');
    expect(r.ok).toBe(true);
  });

  it('reports 1-more-than-a-multiple-of-4 and non-ASCII input with binascii/Python messages', () => {
    expect(pythonB64Decode('abcde')).toEqual({
      ok: false,
      error:
        'Invalid base64-encoded string: number of data characters (5) cannot be 1 more than a multiple of 4',
    });
    expect(pythonB64Decode('café')).toEqual({
      ok: false,
      error: 'string argument should contain only ASCII characters',
    });
  });
});

describe('GNU base64', () => {
  it('encodes UTF-8 with a trailing newline, wrapping at 76 columns', () => {
    expect(gnuB64Encode(utf8Encode('hi there\n'))).toBe('aGkgdGhlcmUK\n');
    const long = gnuB64Encode(utf8Encode('x'.repeat(100)));
    expect(long.split('\n')[0]).toHaveLength(76);
  });

  it('decodes across newlines and rejects other junk', () => {
    expect(utf8Decode(gnuB64Decode('aGkg\ndGhlcmUK\n').bytes)).toBe('hi there\n');
    expect(gnuB64Decode('aGk=').valid).toBe(true);
    expect(gnuB64Decode('a!Gk').valid).toBe(false);
    expect(gnuB64Decode('aGk').valid).toBe(false);
    expect(gnuB64Decode('a===').valid).toBe(false);
  });
});
