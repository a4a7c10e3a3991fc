import { describe, expect, it } from 'vitest';
import { createCafeStore, type CafeStore } from './cafeStore';
import { CheckpointPool } from './checkpoints';

/** Drives a paused café by hand: ticks of real time at a given speed. */
function cafe(seed = 5) {
  const store = createCafeStore({ seed, paused: true, speed: 16 });
  const s = () => store.getState();
  const run = (virtualMs: number) => {
    s().play();
    for (let left = virtualMs; left > 0; left -= 16 * 100) s().tick(Math.min(100, left / 16));
    s().pause();
  };
  return { store, s, run };
}

/** A short lesson: sync and async orders, a failing handler, a terminal command, over ~4 minutes. */
function lesson(c: ReturnType<typeof cafe>) {
  c.s().order('sync');
  c.s().order('async', 2);
  c.run(3_000);
  c.s().changeSettings({ failure: 'always', baristas: 2 });
  c.s().order('async');
  c.s().order('sync', 3);
  c.run(10_000);
  c.s().runCommand('aws lambda invoke --function-name cafe-order --invocation-type Event out.json');
  c.run(230_000);
}

const trace = (store: CafeStore) => JSON.stringify(store.getState().sim.trace());

describe('replay and step back', () => {
  it('stepping back and then forward again gives the same trace as never having stepped back', async () => {
    const straight = cafe();
    lesson(straight);
    const end = straight.s().now;

    const rewound = cafe();
    lesson(rewound);
    await rewound.s().seek(6_000);
    expect(rewound.s().now).toBe(6_000);
    await rewound.s().stepBack();
    await rewound.s().stepBack();
    expect(rewound.s().now).toBeLessThan(6_000);
    rewound.run(end - rewound.s().now); // the recorded future is re-applied on the way
    expect(rewound.s().now).toBe(end);
    expect(trace(rewound.store)).toBe(trace(straight.store));
    expect(rewound.s().terminal.entries).toEqual(straight.s().terminal.entries);
  });

  it('seeking to a moment shows the café, narration and terminal as they were then', async () => {
    const c = cafe();
    c.s().order('sync');
    c.run(1_000);
    const atOne = { trace: trace(c.store), narration: c.s().narration, customers: c.s().customerCount };
    c.run(500); // actions made at exactly 1 s would belong to the 1 s moment
    c.s().runCommand('ls');
    c.s().order('async', 4);
    c.run(20_000);

    await c.s().seek(1_000);
    expect(trace(c.store)).toBe(atOne.trace);
    expect(c.s().narration).toEqual(atOne.narration);
    expect(c.s().customerCount).toBe(atOne.customers);
    expect(c.s().terminal.entries.some((e) => e.text === '$ ls')).toBe(false);
    expect(c.s().sessionEnd).toBe(21_500);
  });

  it('acting in the past discards the later actions, like an undo', async () => {
    const c = cafe();
    c.s().order('sync');
    c.run(2_000);
    c.s().order('async', 3);
    c.run(2_000);
    await c.s().seek(1_000);
    c.s().order('sync');
    expect(c.s().actions.map((a) => a.type === 'order.placed' && a.customer)).toEqual([1, 2]);
    expect(c.s().sessionEnd).toBe(1_000);
    c.run(5_000);
    expect(
      c
        .s()
        .sim.invocations()
        .map((i) => i.callerId),
    ).toEqual(['customer-1', 'customer-2']);
  });

  it('a sync terminal command that was waiting at the seek moment is waiting again, then answers', async () => {
    const c = cafe();
    c.s().runCommand('aws lambda invoke --function-name cafe-order out.json');
    c.run(8_000);
    await new Promise((r) => setTimeout(r, 0)); // the CLI's answer is a promise reaction
    expect(c.s().terminal.entries.some((e) => e.text.includes('"StatusCode": 200'))).toBe(true);
    await c.s().seek(2_000);
    expect(c.s().terminal.busy).toBe('sync');
    expect(c.s().terminal.entries.some((e) => e.text.includes('"StatusCode": 200'))).toBe(false);
    c.run(6_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(c.s().terminal.busy).toBeUndefined();
    expect(c.s().terminal.entries.some((e) => e.text.includes('"StatusCode": 200'))).toBe(true);
  });

  it('step back at the start says so and changes nothing', async () => {
    const c = cafe();
    await c.s().stepBack();
    expect(c.s().notice).toMatch(/Already at the start/);
    expect(c.s().now).toBe(0);
  });
});

describe('rewind checkpoints', () => {
  it('seeking with checkpoints gives the same moment as replaying from the seed', async () => {
    const a = cafe(11);
    const b = cafe(11);
    for (const c of [a, b]) {
      for (let i = 0; i < 40; i++) {
        c.s().order(i % 3 === 0 ? 'sync' : 'async');
        c.run(2_000);
      }
    }
    expect(await b.s().prepareRewind()).toBeGreaterThan(0);
    for (const t of [37_000, 12_500, 61_000]) {
      await a.s().seek(t);
      await b.s().seek(t);
      expect(trace(b.store)).toBe(trace(a.store));
      expect(b.s().narration).toEqual(a.s().narration);
    }
  });

  it('acting in the past drops the checkpoints after that moment', async () => {
    const c = cafe(3);
    for (let i = 0; i < 30; i++) {
      c.s().order('async');
      c.run(2_000);
    }
    await c.s().prepareRewind();
    await c.s().seek(20_000);
    c.s().order('sync', 3); // a different future from here
    await c.s().seek(45_000);
    expect(c.s().now).toBe(20_000); // the new session ends at 20 s: nothing recorded after it
    const straight = cafe(3);
    for (let i = 0; i < 10; i++) {
      straight.s().order('async');
      straight.run(2_000);
    }
    straight.s().order('async'); // recorded at exactly 20 s: part of that moment
    straight.s().order('sync', 3);
    expect(trace(c.store)).toBe(trace(straight.store));
  });
});

describe('the checkpoint grid', () => {
  const pool = new CheckpointPool();
  const ends = Array.from({ length: 240 }, (_, i) => (i + 1) * 5_000 + 200); // up to 20 minutes

  it('keeps at most 10 moments, none more than a fifth of the session (or 15 s) apart', () => {
    for (const end of ends) {
      const t = pool.targets(end);
      expect(t.length).toBeLessThanOrEqual(10);
      const edges = [0, ...t, end];
      const gaps = edges.slice(1).map((x, i) => x - edges[i]);
      for (const gap of gaps) expect(gap).toBeLessThanOrEqual(Math.max(15_000, end / 5));
    }
  });

  it('only coarsens: a longer session never wants a moment the shorter one did not', () => {
    for (let i = 1; i < ends.length; i++) {
      const shorter = new Set(pool.targets(ends[i - 1]));
      const longer = pool.targets(ends[i]).filter((t) => t < ends[i - 1]);
      expect(longer.filter((t) => !shorter.has(t))).toEqual([]);
    }
  });
});

describe('rewind checkpoints while playing', () => {
  it('at up to 4× they are built in idle turns, and live orders do not cancel the rebuild', async () => {
    const store = createCafeStore({ seed: 4, speed: 4 });
    const s = () => store.getState();
    s().order('async');
    // 100 s of model time at 4×: 25 s of real play in 100 ms frames, with a turn between frames
    // (in the browser: idle time), placing an order every 2 s of model time.
    for (let frame = 0; frame < 250; frame++) {
      s().tick(100);
      if (frame % 5 === 0) s().order(frame % 10 === 0 ? 'sync' : 'async');
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(s().now).toBe(100_000);
    expect(s().checkpointCount()).toBeGreaterThan(0);
  });

  it('at 16× play builds each grid moment as it passes it, and a seek from them is exact', async () => {
    const played = createCafeStore({ seed: 4, speed: 16 });
    const p = () => played.getState();
    // 160 s of model time at 16×, with a turn (idle time) between 100 ms frames.
    for (let frame = 0; frame < 100; frame++) {
      p().tick(100);
      if (frame % 2 === 0) p().order(frame % 4 === 0 ? 'sync' : 'async');
      await new Promise((r) => setTimeout(r, 0));
    }
    p().pause();
    // The grid for 160 s has a moment every 15 s; all but the newest one or two are ready.
    expect(p().checkpointCount()).toBeGreaterThanOrEqual(8);
    for (const t of [151_000, 47_500, 120_000]) {
      const fromSeed = cafe(4);
      for (const a of p().actions) {
        if (a.t > t) break;
        if (a.type !== 'order.placed') continue;
        fromSeed.run(a.t - fromSeed.s().now);
        fromSeed.s().order(a.kind);
      }
      fromSeed.run(t - fromSeed.s().now);
      await p().seek(t);
      expect(p().now).toBe(t);
      expect(trace(played)).toBe(trace(fromSeed.store));
    }
  });
});

describe('the session a seek leaves behind', () => {
  it('seeking back to it gives exactly that moment again', async () => {
    const c = cafe(8);
    lesson(c);
    const end = c.s().now;
    const before = { trace: trace(c.store), narration: c.s().narration, terminal: c.s().terminal.entries };
    await c.s().seek(100_000);
    await c.s().seek(end);
    expect(trace(c.store)).toBe(before.trace);
    expect(c.s().narration).toEqual(before.narration);
    expect(c.s().terminal.entries).toEqual(before.terminal);
  });

  it('is dropped when the user acts in the past (its future no longer happened)', async () => {
    const c = cafe(9);
    for (let i = 0; i < 30; i++) {
      c.s().order('async');
      c.run(2_000);
    }
    await c.s().seek(20_000); // leaves the 60 s session behind
    c.s().order('sync', 3);
    c.run(50_000); // past the 60 s moment again, on a different future
    await c.s().seek(65_000);

    const straight = cafe(9);
    for (let i = 0; i < 10; i++) {
      straight.s().order('async');
      straight.run(2_000);
    }
    straight.s().order('async'); // recorded at exactly 20 s
    straight.s().order('sync', 3);
    straight.run(45_000);
    expect(straight.s().now).toBe(65_000);
    expect(trace(c.store)).toBe(trace(straight.store));
  });
});

describe('a seek still under way', () => {
  it('is superseded by a reset without leaving a session of the old seed behind', async () => {
    const c = cafe(5);
    for (let i = 0; i < 20; i++) {
      c.s().order('sync');
      c.run(2_000);
    }
    // A sync terminal call is pending: a seek that replays it waits for its answer (a browser turn).
    c.s().runCommand('aws lambda invoke --function-name cafe-order out.json');
    c.run(40_000);
    const seeking = c.s().seek(30_000);
    c.s().reset(7);
    await seeking;
    c.run(40_000);
    await c.s().seek(30_000);
    const fresh = cafe(7);
    fresh.run(30_000);
    expect(c.s().seed).toBe(7);
    expect(trace(c.store)).toBe(trace(fresh.store));
  });

  it('refuses an order meanwhile, with a notice, and records nothing', async () => {
    const c = cafe(9);
    const straight = cafe(9);
    for (const x of [c, straight]) {
      for (let i = 0; i < 30; i++) {
        x.s().order('async');
        x.run(2_000);
      }
    }
    const seeking = c.s().seek(30_000);
    c.s().order('sync', 3);
    expect(c.s().notice).toMatch(/moving to another moment/);
    await seeking;
    await straight.s().seek(30_000);
    expect(c.s().actions).toHaveLength(30);
    expect(trace(c.store)).toBe(trace(straight.store));
  });
});
