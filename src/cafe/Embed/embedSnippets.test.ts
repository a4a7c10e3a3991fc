import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../store/cafeStore';
import { parseEmbedOptions } from '../../embed/embedOptions';
import { embedParams, iframeSnippet, scriptSnippet, type SnippetInput } from './embedSnippets';

const base: SnippetInput = {
  base: 'https://example.com/cafe/',
  seed: 42,
  speed: 1,
  settings: DEFAULT_SETTINGS,
  panels: [],
  controls: 'full',
  theme: 'auto',
};

describe('embed snippets', () => {
  it('a default café is the bare embed page', () => {
    expect(iframeSnippet(base)).toContain('src="https://example.com/cafe/embed.html"');
    expect(scriptSnippet(base)).toBe(
      '<script src="https://example.com/cafe/lambda-cafe.js"></script>\n<lambda-cafe></lambda-cafe>',
    );
  });

  it('writes the lesson step, the settings that differ and the chosen chrome, which the embed page reads back', () => {
    const input: SnippetInput = {
      ...base,
      seed: 7,
      speed: 4,
      settings: {
        ...DEFAULT_SETTINGS,
        baristas: null,
        failure: 'always',
        failureTarget: 'DLQ',
        onSuccess: true,
      },
      panels: ['terminal', 'logs'],
      controls: 'minimal',
      theme: 'dark',
    };
    const query = new URLSearchParams(embedParams(input)).toString();
    const parsed = parseEmbedOptions(`?${query}`);
    expect(parsed.problems).toEqual([]);
    expect(parsed).toMatchObject({
      options: {
        seed: 7,
        speed: 4,
        settings: { baristas: null, failure: 'always', failureTarget: 'DLQ', onSuccess: true },
      },
      panels: ['terminal', 'logs'],
      controls: 'minimal',
      theme: 'dark',
    });
    expect(scriptSnippet(input)).toContain('<lambda-cafe seed="7" speed="4" baristas="account"');
    expect(iframeSnippet(input)).toContain('embed.html?seed=7&amp;speed=4&amp;baristas=account');
  });

  it('a lesson step brings its own run: the snippet names the step and the chrome only', () => {
    const input: SnippetInput = {
      ...base,
      seed: 2026,
      speed: 2,
      lesson: { lessonId: 'receipt', step: 2 },
      theme: 'dark',
    };
    expect(scriptSnippet(input)).toContain(
      '<lambda-cafe lesson="receipt" step="2" theme="dark"></lambda-cafe>',
    );
    expect(parseEmbedOptions(`?${new URLSearchParams(embedParams(input))}`)).toMatchObject({
      lesson: { id: 'receipt', step: 2 },
      theme: 'dark',
      problems: [],
    });
  });
});
