import { describe, expect, it } from 'vitest';
import { ticksThatFit } from './Axis';
import { formatAxisTime, ticks } from './timeScale';

/** Where each label would be drawn on an axis `widthPx` wide (first aligned left, last right). */
function labelSpans(widthPx: number, end: number) {
  const w = { start: 0, end };
  const all = ticks(w, ticksThatFit(widthPx, w));
  return all.map((t, i) => {
    const px = formatAxisTime(t).length * 8.5;
    const x = (t / end) * widthPx;
    const left = i === 0 ? x : i === all.length - 1 ? x - px : x - px / 2;
    return { left, right: left + px };
  });
}

describe('timeline axis labels', () => {
  it.each([
    [250, 30_000],
    [250, 95_000],
    [300, 3_700_000],
    [900, 30_000],
    [1500, 600_000],
  ])('never overlap on a %i px axis showing %i ms', (width, end) => {
    const spans = labelSpans(width, end);
    expect(spans.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < spans.length; i++) expect(spans[i].left).toBeGreaterThan(spans[i - 1].right);
    expect(spans.at(-1)!.right).toBeLessThanOrEqual(width);
  });

  it('a wide axis still gets its eight intervals', () => {
    expect(ticksThatFit(1500, { start: 0, end: 30_000 })).toBe(8);
  });
});
