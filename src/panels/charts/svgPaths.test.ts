import { describe, expect, it } from 'vitest';
import { barsMax, barsPath, linePath, stepAreaPath, type Frame } from './svgPaths';

const frame = (over: Partial<Frame> = {}): Frame => ({
  window: { start: 0, end: 1_000 },
  until: 1_000,
  vmax: 10,
  width: 100,
  height: 10,
  columns: 10,
  ...over,
});
const steps = (d: string) => (d.match(/V/g) ?? []).length;

describe('plot paths', () => {
  it('a gauge draws at most one step per column, however many points it has', () => {
    const points = Array.from({ length: 5_000 }, (_, i) => ({ t: i / 5, v: i % 7 }));
    expect(steps(stepAreaPath(points, frame()))).toBeLessThanOrEqual(11);
  });

  it('each column shows the highest value held within it, and nothing after the model’s now', () => {
    const d = stepAreaPath(
      [
        { t: 0, v: 2 },
        { t: 150, v: 8 },
        { t: 160, v: 1 },
      ],
      frame({ until: 300 }),
    );
    // Column 0 (0–100 ms) holds 2, column 1 peaks at 8, column 2 is 1; the area closes at 300 ms.
    expect(d).toBe('M0,10V8H10V2H20V9H30H30V10Z');
  });

  it('bars sum the counts that fall in one column and share one scale', () => {
    const bins = [
      { t: 0, v: 1 },
      { t: 50, v: 2 },
      { t: 500, v: 1 },
    ];
    expect(barsMax(bins, 50, frame())).toBe(3);
    const d = barsPath(bins, 50, frame({ vmax: 3 }));
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.startsWith('M0,10v-10')).toBe(true);
  });

  it('a line is clipped to the window and to what is known', () => {
    expect(
      linePath(
        [
          { t: -5, v: 0 },
          { t: 0, v: 0 },
          { t: 500, v: 5 },
          { t: 900, v: 9 },
        ],
        frame({ until: 600 }),
      ),
    ).toBe('M0,10L50,5');
  });
});
