import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CafeProvider } from '../../store/CafeContext';
import TimelinePanel from './TimelinePanel';

describe('timeline panel markup', () => {
  it('renders a labelled playhead slider, lane groups and an empty state for a new café', () => {
    const html = renderToStaticMarkup(
      <CafeProvider options={{ paused: true }}>
        <TimelinePanel />
      </CafeProvider>,
    );
    expect(html).toMatch(/role="slider"[^>]*aria-labelledby="[^"]+"/);
    expect(html).toContain('aria-valuemin="0"');
    expect(html).toContain('aria-valuenow="0"');
    expect(html).toContain('aria-valuetext="0:00.0"');
    expect(html).toContain('No orders yet: place one in the café.');
    expect(html).toContain('role="group"');
    // Decorative drawings are hidden from assistive technology; the words are in the buttons.
    expect(html).not.toMatch(/<svg(?![^>]*aria-hidden="true")/);
  });
});
