import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CafeProvider } from '../../store/CafeContext';
import ChartsPanel from './ChartsPanel';

describe('charts panel markup', () => {
  it('gives every chart an image role with a title and a description of its current values', () => {
    const html = renderToStaticMarkup(
      <CafeProvider options={{ paused: true }}>
        <ChartsPanel />
      </CafeProvider>,
    );
    expect(html.match(/role="img"/g)).toHaveLength(5);
    expect(html.match(/<title id=/g)).toHaveLength(5);
    expect(html.match(/<desc id=/g)).toHaveLength(5);
    expect(html).toContain('Environments in use now: 0; peak 0. Limit: 3 (reserved concurrency).');
    expect(html).toContain('Sync callers blocked');
  });
});
