import type { LambdaSimulation, TraceEvent } from '../../model';

/**
 * New trace events, numbered, for the panels' incremental folds. `sim.trace()` copies its
 * whole ring buffer (20,000 events: ~0.8 ms), too much to call every frame at 16×; the feed
 * copies it once, when first asked about a simulation, and then appends the batches
 * `sim.subscribe` hands over, which are exactly the events each model call added. Readers keep
 * a sequence number, so "what is new" is exact even when several events share one instant.
 * One feed per simulation, shared by every panel; it lives as long as the simulation does.
 */
export interface TraceFeed {
  /** The newest events, oldest first. */
  events: TraceEvent[];
  /** Sequence number of events[0]; events before it were dropped (by the model or here). */
  offset: number;
}

/** As many as the model's own trace keeps by default; twice that before trimming (amortised). */
export const FEED_KEEP = 20_000;

const feeds = new WeakMap<LambdaSimulation, TraceFeed>();

/** `keep` applies when the feed is created (tests pass a small one). */
export function traceFeed(sim: LambdaSimulation, keep = FEED_KEEP): TraceFeed {
  let feed = feeds.get(sim);
  if (feed) return feed;
  const created: TraceFeed = { events: sim.trace(), offset: 0 };
  sim.subscribe((batch) => {
    for (const e of batch) created.events.push(e);
    if (created.events.length > 2 * keep) {
      const drop = created.events.length - keep;
      created.events = created.events.slice(drop);
      created.offset += drop;
    }
  });
  feed = created;
  feeds.set(sim, feed);
  return feed;
}

/** Events numbered `seq` and later; `gap` when some of them were already dropped. */
export function readFeed(feed: TraceFeed, seq: number): { events: TraceEvent[]; next: number; gap: boolean } {
  const next = feed.offset + feed.events.length;
  const from = Math.max(0, seq - feed.offset);
  return { events: from === 0 ? feed.events : feed.events.slice(from), next, gap: seq < feed.offset };
}
