import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SPEEDS, isValidSeed } from '../store/cafeStore';
import { fuzzRuns, reportFuzz } from '../fuzz/fuzzRuns';
import { QUOTE_MAX, parseUrlOptions } from './urlOptions';

// #15: any query string a user, a link shortener or a hand edit can produce is read without a
// throw, every refusal is a short message, and whatever is accepted is a value the café offers.

const KEYS = ['seed', 'speed', 'baristas', 'failure', 'target', 'onsuccess', 'paused'];
const nastyValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('1', '0', '42', '4294967295', '4294967296', '-0', '+8', ' 1', '1e3', '0x10', '１'),
  fc.constantFrom('never', 'always', 'timeout', 'OnFailure', 'DLQ', 'none', 'account', 'true', 'false'),
  fc.constantFrom('<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '%00', '\u202e', '\ufeff1'),
  fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)),
);
const pair = fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 })), nastyValue);
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return s; // lone surrogates: keep them raw, as a pasted URL might
  }
};
const query = fc.oneof(
  fc
    .array(pair, { maxLength: 10 })
    .map((pairs) => '?' + pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
  fc.string({ unit: 'binary', maxLength: 200 }).map((raw) => '?' + raw),
);

describe('URL parameters under fuzzing', () => {
  it('never throw, quote at most 60 characters, and accept only what the café offers', () => {
    let cases = 0;
    let refusals = 0;
    fc.assert(
      fc.property(query, (search) => {
        cases++;
        const { options, problems } = parseUrlOptions(search);
        refusals += problems.length;
        expect(problems.length).toBeLessThanOrEqual(6);
        // A message quotes at most 3 values of at most QUOTE_MAX characters each plus its own words.
        for (const p of problems) expect(Array.from(p).length).toBeLessThan(3 * (QUOTE_MAX + 40) + 200);
        if (options.seed !== undefined) expect(isValidSeed(options.seed)).toBe(true);
        if (options.speed !== undefined) expect(SPEEDS).toContain(options.speed);
        const s = options.settings ?? {};
        if (s.baristas !== undefined)
          expect(
            s.baristas === null || (Number.isInteger(s.baristas) && s.baristas >= 0 && s.baristas <= 1000),
          ).toBe(true);
        if (s.failure !== undefined) expect(['never', 'always', 'timeout']).toContain(s.failure);
        if (s.failureTarget !== undefined) expect(['OnFailure', 'DLQ', 'none']).toContain(s.failureTarget);
      }),
      { numRuns: fuzzRuns(500), seed: 15 },
    );
    reportFuzz('URL parameters', { cases, crashes: 0, refusals });
  });

  it('read back every valid value exactly as written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.constantFrom(...SPEEDS),
        fc.integer({ min: 0, max: 1000 }),
        (seed, speed, baristas) => {
          const { options, problems } = parseUrlOptions(`?seed=${seed}&speed=${speed}&baristas=${baristas}`);
          expect(problems).toEqual([]);
          expect(options).toEqual({ seed, speed, settings: { baristas } });
        },
      ),
      { numRuns: fuzzRuns(200), seed: 16 },
    );
  });
});
