import { describe, expect, it } from 'vitest';
import { readFeed, traceFeed } from './traceFeed';
import { order, testCafe } from './testCafe';

describe('trace feed', () => {
  it('hands every model event to a reader exactly once, however often it reads', () => {
    const sim = testCafe();
    order(sim, 'sync', 1);
    const feed = traceFeed(sim);
    const seen: string[] = [];
    let seq = 0;
    const read = () => {
      const { events, next } = readFeed(feed, seq);
      seq = next;
      seen.push(...events.map((e) => `${e.t} ${e.type}`));
    };
    read();
    for (let i = 0; i < 20; i++) {
      if (i % 4 === 0) order(sim, 'async', i + 2);
      sim.advanceBy(700);
      if (i % 3) read();
    }
    read();
    read();
    expect(seen).toEqual(sim.trace().map((e) => `${e.t} ${e.type}`));
    expect(traceFeed(sim)).toBe(feed);
  });

  it('tells a reader that fell behind the kept window about the gap', () => {
    const sim = testCafe({ ReservedConcurrentExecutions: 1 });
    const feed = traceFeed(sim, 50);
    for (let i = 1; i <= 200; i++) order(sim, 'sync', i); // one accepted, the rest 429
    const { events, gap } = readFeed(feed, 0);
    expect(gap).toBe(true);
    expect(events.length).toBeLessThanOrEqual(100);
    expect(events.at(-1)).toEqual(sim.trace().at(-1));
    expect(readFeed(feed, feed.offset + feed.events.length).events).toEqual([]);
  });
});
