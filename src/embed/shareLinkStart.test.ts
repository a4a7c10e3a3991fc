import { describe, expect, it } from 'vitest';
import { shareUrl } from './shareLinkStart';

describe('shareUrl: the link the Share button copies', () => {
  it('keeps the page and its room parameters, drops what the session replaces', () => {
    expect(shareUrl('https://cafe.example/app/?seed=7&speed=2&present=1', 'session=1.abc')).toBe(
      'https://cafe.example/app/?present=1#session=1.abc',
    );
  });

  it('from an embedded café, opens the whole app (the embed page cannot restore a session)', () => {
    expect(
      shareUrl(
        'https://cafe.example/app/embed.html?lesson=receipt&panels=logs&controls=minimal&theme=dark&allow=https%3A%2F%2Fhost.example',
        'session=1.abc',
      ),
    ).toBe('https://cafe.example/app/index.html#session=1.abc');
    expect(shareUrl('http://127.0.0.1:4173/embed.html', 'session=1.x')).toBe(
      'http://127.0.0.1:4173/index.html#session=1.x',
    );
  });
});
