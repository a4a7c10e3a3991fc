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
    expect(problems.join('\n')).toMatch(/seed=-1 is not a whole number/);
    expect(problems.join('\n')).toMatch(/speed=3 is not one of 0\.25, 0\.5, 1, 2, 4, 8, 16, 32, 64/);
    expect(problems.join('\n')).toMatch(/baristas=two must be a whole number/);
    expect(problems.join('\n')).toMatch(/failure=sometimes must be one of never, always, timeout/);
  });

  it('accepts baristas=account for the account limit', () => {
    expect(parseUrlOptions('?baristas=account').options.settings).toEqual({ baristas: null });
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
    expect(parseUrlOptions('?lesson=Re%20ceipt').problems[0]).toMatch(/lesson=Re ceipt is not a lesson id/);
    for (const step of ['0', '-1', '1.5', '%201', 'two', '01']) {
      const parsed = parseUrlOptions(`?lesson=receipt&step=${step}`);
      expect(parsed.lesson).toEqual({ id: 'receipt', step: 1 });
      expect(parsed.problems[0]).toMatch(/must be a whole number from 1; opening step 1/);
    }
    expect(parseUrlOptions('?step=2').problems).toEqual(['step= needs a lesson= too; ignored.']);
    expect(parseUrlOptions('?lesson=nope&step=3').lesson).toEqual({ id: 'nope', step: 3 });
  });
});
