import { describe, expect, it } from 'vitest';
import { quantise, type TimedSpan } from './quantise';

describe('lane quantising', () => {
  it('keeps a few wide spans exactly, clipped to the window and open ones drawn to now', () => {
    const spans: TimedSpan<'busy' | 'idle'>[] = [
      { kind: 'busy', from: -5, to: 40 },
      { kind: 'idle', from: 40, to: undefined },
    ];
    expect(quantise(spans, 0, 100, 70, 10)).toEqual([
      { kind: 'busy', from: 0, to: 40 },
      { kind: 'idle', from: 40, to: 70 },
    ]);
  });

  it('never draws more blocks than columns, giving each column the kind that filled most of it', () => {
    const spans: TimedSpan<'busy' | 'idle'>[] = [];
    for (let t = 0; t < 10_000; t += 10) {
      spans.push({ kind: 'busy', from: t, to: t + 9 }, { kind: 'idle', from: t + 9, to: t + 10 });
    }
    const blocks = quantise(spans, 0, 10_000, 10_000, 100);
    expect(blocks).toEqual([{ kind: 'busy', from: 0, to: 10_000 }]);
    const alternating = quantise(
      Array.from(
        { length: 5_000 },
        (_, i) => ({ kind: i % 2 ? 'idle' : 'busy', from: i, to: i + 1 }) as const,
      ),
      0,
      5_000,
      5_000,
      200,
    );
    expect(alternating.length).toBeLessThanOrEqual(200);
  });
});
