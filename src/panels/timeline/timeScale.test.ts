import { describe, expect, it } from 'vitest';
import { formatAxisTime, tickStep, ticks, timeAt, timeWindow, xPercent } from './timeScale';

describe('time axis', () => {
  it('shows the whole session, rounded up to a tick, and at least half a minute', () => {
    expect(timeWindow('all', 2_000, 2_000)).toEqual({ start: 0, end: 30_000 });
    expect(timeWindow('all', 61_000, 83_000)).toEqual({ start: 0, end: 90_000 });
  });

  it('a fixed span ends at the recorded end, and slides back to keep a stepped-back playhead in view', () => {
    expect(timeWindow('1m', 600_000, 600_000)).toEqual({ start: 540_000, end: 600_000 });
    const back = timeWindow('1m', 100_000, 600_000);
    expect(back.start).toBeLessThanOrEqual(100_000);
    expect(back.end - back.start).toBe(60_000);
    expect(timeWindow('5m', 10_000, 20_000)).toEqual({ start: 0, end: 300_000 });
  });

  it('ticks are round m:ss values', () => {
    expect(tickStep(90_000)).toBe(15_000);
    expect(ticks({ start: 0, end: 90_000 }).map(formatAxisTime)).toEqual([
      '0:00',
      '0:15',
      '0:30',
      '0:45',
      '1:00',
      '1:15',
      '1:30',
    ]);
    expect(formatAxisTime(3_725_000)).toBe('1:02:05');
  });

  it('maps times to positions and back', () => {
    const w = { start: 10_000, end: 20_000 };
    expect(xPercent(15_000, w)).toBe(50);
    expect(xPercent(25_000, w)).toBe(100);
    expect(timeAt(0.25, w)).toBe(12_500);
    expect(timeAt(-1, w)).toBe(10_000);
  });
});
