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

  it('reads present=1 (presenter mode) and refuses other values with a message', () => {
    expect(parseUrlOptions('?present=1')).toMatchObject({ present: true, problems: [] });
    expect(parseUrlOptions('?seed=3')).toMatchObject({ present: false, problems: [] });
    const bad = parseUrlOptions('?present=yes');
    expect(bad.present).toBe(false);
    expect(bad.problems).toEqual(['present=yes must be 1 or 0; not presenting.']);
  });

  it('accepts baristas=account for the account limit', () => {
    expect(parseUrlOptions('?baristas=account').options.settings).toEqual({ baristas: null });
  });
});
