import { describe, expect, it } from 'vitest';
import { formatClock, formatCount, formatDuration, formatSameUnit } from './format';

describe('the café clock', () => {
  it('shows minutes, seconds and tenths, truncating', () => {
    expect(formatClock(0)).toBe('0:00.0');
    expect(formatClock(5_259)).toBe('0:05.2');
    expect(formatClock(59_999)).toBe('0:59.9');
    expect(formatClock(60_000)).toBe('1:00.0');
  });
  it('switches to hours for long sessions', () => {
    expect(formatClock(3_600_000 + 61_000)).toBe('1:01:01');
  });
});

describe('durations for people', () => {
  it('uses ms, tenths of seconds, then minutes', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(5_250)).toBe('5.3 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
  it('never reads 60.0 s or 1 min 60 s at a boundary', () => {
    expect(formatDuration(59_960)).toBe('1 min');
    expect(formatDuration(119_600)).toBe('2 min');
  });
});

describe('durations compared side by side', () => {
  it('share one unit, so a zero reads as a zero of the same kind', () => {
    expect(formatSameUnit([5_259, 0])).toEqual(['5.3 s', '0.0 s']);
    expect(formatSameUnit([0, 0])).toEqual(['0.0 s', '0.0 s']);
    expect(formatSameUnit([125_000, 20])).toEqual(['125.0 s', '0.0 s']);
    expect(formatSameUnit([3_600_000, 0])).toEqual(['60.0 min', '0.0 min']);
  });
});

describe('formatCount', () => {
  it("groups thousands as en-US writes them, without the browser's number formatter", () => {
    for (const n of [0, 7, 999, 1_000, 21_600, 1_234_567, 10_000_000, 3.25, 12_345.5])
      expect(formatCount(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 20 }));
    expect(formatCount(-1_234)).toBe('-1,234');
  });
});
