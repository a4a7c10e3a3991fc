import { describe, expect, it } from 'vitest';
import { createCafeStore } from '../store/cafeStore';
import { connectEmbed, parseAllow, type EmbedWindow } from './embedBridge';
import { loadTerminal } from '../store/terminalLoader';

const HOST = 'https://host.example';
const flush = () => new Promise((r) => setTimeout(r, 0));

function harness(allowed = [HOST]) {
  const store = createCafeStore({ paused: true, seed: 7 });
  const posted: { message: Record<string, unknown>; origin: string }[] = [];
  const parent = {
    postMessage: (message: unknown, origin: string) =>
      posted.push({ message: message as Record<string, unknown>, origin }),
  };
  let listener: ((event: MessageEvent) => void) | undefined;
  const self: EmbedWindow = {
    addEventListener: (_type, l) => (listener = l),
    removeEventListener: () => (listener = undefined),
  };
  const heights: ((h: number) => void)[] = [];
  const stop = connectEmbed({
    store,
    self,
    parent,
    allowed,
    observeHeight: (report) => (heights.push(report), () => {}),
  });
  const send = (data: unknown, { origin = HOST, source = parent as unknown } = {}) =>
    listener?.({ data, origin, source } as MessageEvent);
  const command = (id: string, name: string, args: unknown = {}) =>
    send({ source: 'lambda-cafe', version: 1, type: 'command', id, command: name, args });
  const replies = () => posted.filter((p) => p.message.type === 'reply').map((p) => p.message);
  return { store, posted, send, command, replies, flush, heights, stop };
}

describe('embedBridge', () => {
  it('says ready once, and resize only when the height changes', () => {
    const h = harness();
    expect(h.posted.filter((p) => p.message.type === 'ready')).toHaveLength(1);
    h.heights[0](500.2);
    h.heights[0](500.6);
    h.heights[0](640);
    expect(h.posted.filter((p) => p.message.type === 'resize').map((p) => p.message.height)).toEqual([
      501, 640,
    ]);
  });

  it('runs an order from the parent and replies with its request ids; events go to the allowed origin', async () => {
    const h = harness();
    h.command('o1', 'order', { kind: 'async', count: 2 });
    await h.flush();
    const [reply] = h.replies();
    expect(reply).toMatchObject({ id: 'o1', ok: true });
    const ids = (reply.result as { requestIds: string[] }).requestIds;
    expect(ids).toHaveLength(2);
    const accepted = h.posted.filter((p) => p.message.name === 'invoke.accepted');
    expect(accepted.map((p) => (p.message.detail as { requestId: string }).requestId)).toEqual(ids);
    expect(accepted.every((p) => p.origin === HOST)).toBe(true);
    expect(h.store.getState().customerCount).toBe(2);
  });

  it('reports invoke.responded when a sync caller gets its answer', async () => {
    const h = harness();
    h.command('s1', 'order', { kind: 'sync' });
    await h.flush();
    const [id] = (h.replies()[0].result as { requestIds: string[] }).requestIds;
    h.store.getState().setSpeed(64);
    h.store.getState().play();
    for (let i = 0; i < 4; i++) h.store.getState().tick(250);
    const responded = h.posted.filter((p) => p.message.name === 'invoke.responded');
    expect(responded.map((p) => p.message.detail)).toEqual([
      expect.objectContaining({ requestId: id, statusCode: 200 }),
    ]);
  });

  it('ignores commands from another origin or another window: nothing runs, nothing is answered', async () => {
    const h = harness();
    h.send(
      {
        source: 'lambda-cafe',
        version: 1,
        type: 'command',
        id: 'x',
        command: 'order',
        args: { kind: 'sync' },
      },
      { origin: 'https://evil.example' },
    );
    h.send(
      {
        source: 'lambda-cafe',
        version: 1,
        type: 'command',
        id: 'y',
        command: 'order',
        args: { kind: 'sync' },
      },
      { source: {} },
    );
    await h.flush();
    expect(h.store.getState().customerCount).toBe(0);
    expect(h.replies()).toEqual([]);
  });

  it('refuses unknown and malformed commands with a reply; foreign messages get none', async () => {
    const h = harness();
    h.command('u1', 'dance');
    h.command('u2', 'seek', { t: 'soon' });
    h.send({ hello: 'world' });
    await h.flush();
    expect(h.replies()).toEqual([
      expect.objectContaining({
        id: 'u1',
        ok: false,
        error: expect.stringMatching(/unknown command "dance"/),
      }),
      expect.objectContaining({ id: 'u2', ok: false, error: expect.stringMatching(/seek needs t/) }),
    ]);
  });

  it('runCommand replies once the terminal has printed the output', async () => {
    await loadTerminal();
    const h = harness();
    h.command('r1', 'runCommand', { line: 'echo hello embed' });
    await h.flush();
    expect(h.replies()[0]).toMatchObject({ id: 'r1', ok: true, result: { output: 'hello embed' } });
  });

  it('step moves to the next model event, and is refused with the café’s reason when nothing is scheduled', async () => {
    const h = harness();
    h.command('t1', 'step');
    await h.flush();
    expect(h.replies()[0]).toMatchObject({
      id: 't1',
      ok: false,
      error: expect.stringMatching(/Nothing is scheduled/),
    });
    h.command('o1', 'order', { kind: 'sync' });
    h.command('t2', 'step');
    await h.flush();
    const t2 = h.replies().find((r) => r.id === 't2');
    expect(t2).toMatchObject({ ok: true });
    expect((t2!.result as { t: number }).t).toBeGreaterThan(0);
    // Twice idle in a row: refused both times.
    const idle = harness();
    idle.command('i1', 'step');
    idle.command('i2', 'step');
    await idle.flush();
    expect(idle.replies().map((r) => r.ok)).toEqual([false, false]);
  });

  it('goToStep without lessons is refused clearly', async () => {
    const h = harness();
    h.command('g1', 'goToStep', { lesson: 'x' });
    await h.flush();
    expect(h.replies()[0]).toMatchObject({ ok: false, error: expect.stringMatching(/no lessons/) });
  });
});

describe('parseAllow', () => {
  it('defaults to the embedding page; reads a comma list of origins; names bad entries', () => {
    expect(parseAllow(null, HOST)).toEqual({ origins: [HOST], problems: [] });
    expect(parseAllow(null, undefined)).toEqual({ origins: [], problems: [] });
    expect(parseAllow('https://a.example, http://127.0.0.1:4401', HOST).origins).toEqual([
      'https://a.example',
      'http://127.0.0.1:4401',
    ]);
    const bad = parseAllow('https://a.example/path,javascript:alert(1)', HOST);
    expect(bad.origins).toEqual([HOST]);
    expect(bad.problems.join(' ')).toMatch(/are not origins/);
  });
});
