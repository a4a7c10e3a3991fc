import { describe, expect, it } from 'vitest';
import { createCafeStore, type CafeStore } from './cafeStore';
import { CHECKPOINT_SPACING_MS, Checkpoints, MAX_CHECKPOINTS } from './checkpoints';
import type { SessionCheckpoint } from './session';

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

/** A checkpoint at `t` (only its time, actions applied and event count matter to the list). */
const at = (t: number, events = t / 100, waiting = 0): SessionCheckpoint =>
  ({
    t,
    applied: 0,
    model: { trace: { total: events }, invocations: Array.from({ length: waiting }), environments: [] },
  }) as unknown as SessionCheckpoint;

describe('the checkpoint list', () => {
  it('stays bounded as a long session is played, dense near the café’s moment', () => {
    const list = new Checkpoints();
    const end = 60 * 60_000; // an hour of model time, a checkpoint every spacing
    for (let t = 0; t <= end; t += CHECKPOINT_SPACING_MS) list.add(at(t), t);
    expect(list.size).toBeLessThanOrEqual(MAX_CHECKPOINTS);
    // Step back from the end: the last minute has one every spacing.
    for (let t = end; t > end - 60_000; t -= CHECKPOINT_SPACING_MS) expect(list.at(t)?.t).toBe(t);
    // Further back, the gap to the nearest earlier one grows with the distance, at most a tenth of it.
    for (const back of [5, 10, 20]) {
      const t = end - back * 60_000 + 1;
      expect(t - list.at(t)!.t).toBeLessThanOrEqual(Math.max(CHECKPOINT_SPACING_MS, (back * 60_000) / 8));
    }
  });

  it('reaches back at most 30 minutes of model time', () => {
    const list = new Checkpoints();
    for (let t = 0; t <= 45 * 60_000; t += CHECKPOINT_SPACING_MS) list.add(at(t, 0), t);
    // The oldest kept is the first one within reach that thinning left (they thin with age).
    expect(list.oldest()!.t).toBeGreaterThanOrEqual(15 * 60_000);
    expect(list.oldest()!.t).toBeLessThanOrEqual(15 * 60_000 + (30 * 60_000) / 8);
  });

  it('copy at most 150,000 invocations under way among them (an overloaded café keeps fewer)', () => {
    const list = new Checkpoints();
    for (let t = 0; t <= 20 * 60_000; t += CHECKPOINT_SPACING_MS) list.add(at(t, 0, 10_000), t);
    expect(list.size).toBeLessThanOrEqual(15);
    expect(list.at(20 * 60_000)?.t).toBe(20 * 60_000); // the newest stays
  });

  it('and at most 120,000 model events (memory, for a busy café)', () => {
    const list = new Checkpoints();
    for (let t = 0; t <= 20 * 60_000; t += CHECKPOINT_SPACING_MS) list.add(at(t, t * 0.2), t);
    const newest = 20 * 60_000 * 0.2;
    expect(newest - list.oldest()!.t * 0.2).toBeLessThanOrEqual(120_000);
    expect(list.oldest()!.t).toBeGreaterThan(0);
  });
});

describe('rewind checkpoints while playing', () => {
  it('at up to 4× they are taken as play passes, and live orders keep them', async () => {
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

  it('at 16× play takes them as it passes, and a seek from them is exact', async () => {
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

describe('a seek is done when it returns', () => {
  it('is synchronous: right after seek() the café is at that moment, and a reset right after wins', () => {
    const c = cafe(5);
    for (let i = 0; i < 20; i++) {
      c.s().order('sync');
      c.run(2_000);
    }
    c.s().runCommand('aws lambda invoke --function-name cafe-order out.json');
    c.run(40_000);
    void c.s().seek(30_000);
    expect(c.s().now).toBe(30_000);
    c.s().reset(7);
    c.run(40_000);
    void c.s().seek(30_000);
    const fresh = cafe(7);
    fresh.run(30_000);
    expect(c.s().seed).toBe(7);
    expect(trace(c.store)).toBe(trace(fresh.store));
  });

  it('an order right after a seek is recorded at that moment', () => {
    const c = cafe(9);
    const straight = cafe(9);
    for (const x of [c, straight]) {
      for (let i = 0; i < 30; i++) {
        x.s().order('async');
        x.run(2_000);
      }
    }
    void c.s().seek(30_000);
    c.s().order('sync', 3);
    expect(c.s().actions).toHaveLength(15 + 1 + 3); // 0 s … 28 s, the one at exactly 30 s, then 3 new
    void straight.s().seek(30_000);
    straight.s().order('sync', 3);
    expect(trace(c.store)).toBe(trace(straight.store));
  });
});

describe('a terminal command answered during a replay', () => {
  it('prints what it printed the first time at the moment the model answers, with its piped and redirected output', () => {
    const c = cafe(12);
    c.s().runCommand(
      'aws lambda invoke --function-name cafe-order --log-type Tail --query LogResult --output text out.json | base64 -d > tail.txt',
    );
    c.run(8_000);
    return new Promise<void>((done) => setTimeout(done, 0)).then(() => {
      c.s().runCommand('cat tail.txt');
      c.run(2_000);
      const first = c.s().terminal.entries.map((e) => e.text);
      expect(first.some((t) => t.startsWith('START RequestId'))).toBe(true);
      // Back to before the command, then straight through the answer and `cat`, with no turn of the event loop.
      void c.s().seek(0);
      void c.s().seek(c.s().sessionEnd);
      expect(c.s().terminal.busy).toBeUndefined();
      expect(c.s().terminal.entries.map((e) => e.text)).toEqual(first);
    });
  });
});

const flushTurn = () => new Promise<void>((done) => setTimeout(done, 0));

describe('a throttled terminal invoke, retried by the CLI, under rewind', () => {
  it('retries at the same moments as the same caller in a replay, and ends with the same text', async () => {
    const c = cafe(21);
    c.s().changeSettings({ baristas: 1 });
    c.s().order('sync'); // the only barista is busy for 5 s: the terminal's sync call is throttled
    c.s().runCommand('aws lambda invoke --function-name cafe-order out.json');
    for (let i = 0; i < 40; i++) {
      c.run(500);
      await flushTurn();
    }
    c.run(60_000);
    await flushTurn();
    const first = c.s().terminal.entries.map((e) => e.text);
    expect(first.join('\n')).toContain('(reached max retries: 2): Rate Exceeded.');
    const attempts = c
      .s()
      .sim.invocations()
      .filter((r) => r.callerId === 'terminal-1');
    expect(attempts.map((r) => r.statusCode)).toEqual([429, 429, 429]);
    const lastAttempt = Math.max(...attempts.map((r) => r.acceptedAt));
    expect(lastAttempt).toBeLessThan(CHECKPOINT_SPACING_MS); // so the seek below replays the command
    const upTo = (t: number) =>
      JSON.stringify(
        c
          .s()
          .sim.trace()
          .filter((e) => e.t <= t),
      );
    const original = upTo(lastAttempt + 1);

    // Back to before the command (a checkpoint at 0), then through it: no event-loop turn.
    void c.s().seek(0);
    void c.s().seek(lastAttempt + 1);
    expect(upTo(lastAttempt + 1)).toBe(original);
    expect(c.s().terminal.entries.map((e) => e.text)).toEqual(first);
    expect(c.s().terminal.busy).toBeUndefined();
  });

  it('keeps the shell’s exported variables across a checkpoint restore', async () => {
    const c = cafe(22);
    c.s().runCommand('export AWS_MAX_ATTEMPTS=1');
    c.run(30_000); // past several checkpoints
    await flushTurn();
    void c.s().seek(20_000); // restored from a checkpoint taken after the export
    c.s().runCommand('env');
    expect(c.s().terminal.entries.at(-1)?.text).toContain('AWS_MAX_ATTEMPTS=1');
  });
});
