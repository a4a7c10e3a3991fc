import { describe, expect, it } from 'vitest';
import { parseEmbedOptions } from './embedOptions';

describe('parseEmbedOptions', () => {
  it('defaults: no panels, full controls, auto theme, allow absent', () => {
    expect(parseEmbedOptions('')).toMatchObject({
      panels: [],
      controls: 'full',
      theme: 'auto',
      allow: null,
      problems: [],
    });
  });

  it('reads the embed parameters beside the app’s', () => {
    const o = parseEmbedOptions(
      '?seed=7&panels=logs,terminal&controls=minimal&theme=dark&allow=https://a.example&lesson=receipt&step=2',
    );
    expect(o).toMatchObject({
      panels: ['terminal', 'logs'],
      controls: 'minimal',
      theme: 'dark',
      allow: 'https://a.example',
      lesson: { id: 'receipt', step: 2 },
      options: { seed: 7 },
      problems: [],
    });
    expect(parseEmbedOptions('?panels=none').panels).toEqual([]);
  });

  it('names every bad value and keeps the default (or the valid part)', () => {
    const o = parseEmbedOptions('?panels=terminal,fridge&controls=huge&theme=neon&theme=dark&speed=3');
    expect(o.panels).toEqual(['terminal']);
    expect(o.controls).toBe('full');
    expect(o.theme).toBe('auto');
    const text = o.problems.join('\n');
    expect(text).toMatch(/panels="terminal,fridge": "fridge" unknown/);
    expect(text).toMatch(/controls="huge" must be one of full, minimal, none; using full/);
    expect(text).toMatch(/theme is given more than once/);
    expect(text).toMatch(/speed="3"/);
    // The embed's own parameters are not "unknown" to the app's parser.
    expect(text).not.toMatch(/Unknown URL parameter/);
  });
});
