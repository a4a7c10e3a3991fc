import { createActor, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtualClock';

describe('VirtualClock', () => {
  it('fires timers one at a time in due order with now() at each timer’s own due time', () => {
    const clock = new VirtualClock();
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 2000);
    clock.setTimeout(() => {
      seen.push(`a@${clock.now()}`);
      // A timer scheduled by a timer counts from that timer's due time, not the span's end.
      clock.setTimeout(() => seen.push(`a2@${clock.now()}`), 500);
    }, 1000);
    clock.advanceTo(10_000);
    expect(seen).toEqual(['a@1000', 'a2@1500', 'b@2000']);
    expect(clock.now()).toBe(10_000);
  });

  it('breaks ties by insertion order', () => {
    const clock = new VirtualClock();
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) clock.setTimeout(() => seen.push(i), 100);
    clock.advanceBy(100);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('clearTimeout cancels, nextDueTime skips cancelled timers, infinite delays never fire', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    const a = clock.setTimeout(() => fired.push('a'), 100);
    clock.setTimeout(() => fired.push('b'), 300);
    clock.setTimeout(() => fired.push('never'), Infinity);
    expect(clock.nextDueTime()).toBe(100);
    clock.clearTimeout(a);
    expect(clock.nextDueTime()).toBe(300);
    clock.advanceTo(1e12);
    expect(fired).toEqual(['b']);
    expect(clock.nextDueTime()).toBeUndefined();
  });

  it('refuses to go back in time', () => {
    const clock = new VirtualClock();
    clock.advanceTo(50);
    expect(() => clock.advanceTo(10)).toThrow(RangeError);
  });

  it('stays fast with many pending timers (heap, not re-sorting)', () => {
    const clock = new VirtualClock();
    let n = 0;
    for (let i = 0; i < 100_000; i++) clock.setTimeout(() => n++, (i * 7919) % 100_000);
    clock.advanceTo(100_000);
    expect(n).toBe(100_000);
  });

  it('drives XState delayed transitions when passed as createActor’s clock', () => {
    const machine = setup({ delays: { brewing: 5000 } }).createMachine({
      initial: 'brewing',
      states: { brewing: { after: { brewing: 'ready' } }, ready: {} },
    });
    const clock = new VirtualClock();
    const actor = createActor(machine, { clock }).start();
    clock.advanceTo(4999);
    expect(actor.getSnapshot().value).toBe('brewing');
    clock.advanceTo(5000);
    expect(actor.getSnapshot().value).toBe('ready');
  });
});
