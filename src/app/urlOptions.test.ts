import { describe, expect, it } from 'vitest';
import { parseUrlOptions } from './urlOptions';

describe('URL parameters', () => {
  it('reads every known parameter', () => {
    const { options, problems } = parseUrlOptions(
      '?seed=7&speed=16&baristas=2&failure=always&target=DLQ&onsuccess=1&paused=1',
    );
    expect(problems).toEqual([]);
    expect(options).toEqual({
      seed: 7,
      speed: 16,
      paused: true,
      settings: { baristas: 2, failure: 'always', failureTarget: 'DLQ', onSuccess: true },
    });
  });

  it('refuses each bad value with a message naming it, and keeps the default', () => {
    const { options, problems } = parseUrlOptions(
      '?seed=-1&speed=3&baristas=two&failure=sometimes&colour=red',
    );
    expect(options.seed).toBeUndefined();
    expect(options.speed).toBeUndefined();
    expect(options.settings).toBeUndefined();
    expect(problems.join('\n')).toMatch(/Unknown URL parameter "colour"/);
    expect(problems.join('\n')).toMatch(/seed="-1" is not a whole number/);
    expect(problems.join('\n')).toMatch(/speed="3" is not one of 0\.25, 0\.5, 1, 2, 4, 8, 16, 32, 64/);
    expect(problems.join('\n')).toMatch(/baristas="two" must be a whole number/);
    expect(problems.join('\n')).toMatch(/failure="sometimes" must be one of never, always, timeout/);
  });

  it('reads present=1 (presenter mode) and refuses other values with a message', () => {
    expect(parseUrlOptions('?present=1')).toMatchObject({ present: true, problems: [] });
    expect(parseUrlOptions('?seed=3')).toMatchObject({ present: false, problems: [] });
    const bad = parseUrlOptions('?present=yes');
    expect(bad.present).toBe(false);
    expect(bad.problems).toEqual(['present="yes" must be 1 or 0; not presenting.']);
  });

  it('accepts baristas=account for the account limit', () => {
    expect(parseUrlOptions('?baristas=account').options.settings).toEqual({ baristas: null });
  });

  // Issue #15: Number() trims and accepts signs, so these passed silently before.
  it.each([
    ['seed', '%201'],
    ['seed', '%EF%BB%BF1'],
    ['seed', '1e3'],
    ['seed', '007'],
    ['seed', '0x10'],
    ['baristas', '%2B8'],
    ['baristas', '-0'],
    ['baristas', '3.0'],
    ['speed', '%2016'],
    ['speed', '1.0'],
  ])('refuses %s=%s: numbers are written plainly', (key, raw) => {
    const { options, problems } = parseUrlOptions(`?${key}=${raw}`);
    expect(options).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${key}="`));
  });

  it('quotes at most 60 characters of a bad value and names its length', () => {
    const huge = 'x'.repeat(12_000);
    const { problems } = parseUrlOptions(`?failure=${huge}&${'k'.repeat(5000)}=1`);
    expect(problems).toHaveLength(2);
    for (const p of problems) expect(p.length).toBeLessThan(240);
    expect(problems.join('\n')).toContain(`failure="${'x'.repeat(60)}…" (12000 characters)`);
  });

  it('shows invisible characters in a quoted value instead of hiding them', () => {
    const { problems } = parseUrlOptions('?target=DLQ%00%E2%80%AE');
    expect(problems[0]).toContain('"DLQ\\u{0}\\u{202e}"');
  });

  it('names a parameter given twice, uses the first, and lists at most six problems', () => {
    expect(parseUrlOptions('?seed=7&seed=8')).toEqual({
      options: { seed: 7 },
      present: false,
      problems: ['seed is given more than once; using the first, "7".'],
    });
    const many = parseUrlOptions('?seed=a&speed=b&baristas=c&failure=d&target=e&onsuccess=f&paused=g&zz=1');
    expect(many.problems).toHaveLength(6);
    expect(many.problems[5]).toBe('…and 3 more problems with the URL.');
  });
});

describe('lesson links', () => {
  it('reads ?lesson=ID&step=N, step 1 when left out', () => {
    expect(parseUrlOptions('?lesson=receipt&step=2')).toMatchObject({
      lesson: { id: 'receipt', step: 2 },
      problems: [],
    });
    expect(parseUrlOptions('?lesson=quiz').lesson).toEqual({ id: 'quiz', step: 1 });
    expect(parseUrlOptions('?seed=7').lesson).toBeUndefined();
  });

  it('refuses a malformed lesson or step with a message (an unknown lesson is the lesson list’s to say)', () => {
    expect(parseUrlOptions('?lesson=Re%20ceipt').lesson).toBeUndefined();
    expect(parseUrlOptions('?lesson=Re%20ceipt').problems[0]).toMatch(/lesson="Re ceipt" is not a lesson id/);
    for (const step of ['0', '-1', '1.5', '%201', 'two', '01']) {
      const parsed = parseUrlOptions(`?lesson=receipt&step=${step}`);
      expect(parsed.lesson).toEqual({ id: 'receipt', step: 1 });
      expect(parsed.problems[0]).toMatch(/must be a whole number from 1; opening step 1/);
    }
    expect(parseUrlOptions('?step=2').problems).toEqual(['step= needs a lesson= too; ignored.']);
    expect(parseUrlOptions('?lesson=nope&step=3').lesson).toEqual({ id: 'nope', step: 3 });
  });
});
