import { describe, expect, it } from 'vitest';
import { createCafeStore, type CafeStore } from '../store/cafeStore';
import { loadTerminal } from '../store/terminalLoader';
import { decodeShare, encodeShare } from './shareLink';

/** A paused café driven by hand, as in the replay tests. */
function cafe(seed = 11) {
  const store = createCafeStore({ seed, paused: true, speed: 8, settings: { baristas: 2 } });
  const s = () => store.getState();
  const run = (virtualMs: number) => {
    s().play();
    for (let left = virtualMs; left > 0; left -= 8 * 100) s().tick(Math.min(100, left / 8));
    s().pause();
  };
  return { store, s, run };
}

const view = (store: CafeStore) => {
  const s = store.getState();
  return {
    now: s.now,
    seed: s.seed,
    speed: s.speed,
    settings: s.settings,
    playing: s.playing,
    trace: JSON.stringify(s.sim.trace()),
    narration: s.narration.map((l) => l.text),
    terminal: s.terminal.entries.map((e) => e.text),
  };
};

describe('a shared session', () => {
  it('reopens in a new café at the same moment, paused, with the same model, narration and terminal', async () => {
    await loadTerminal();
    const a = cafe();
    a.s().order('sync');
    a.s().order('async', 2);
    a.run(2_000);
    a.s().changeSettings({ failure: 'always' });
    a.s().configure({
      api: 'PutFunctionEventInvokeConfig',
      params: { FunctionName: 'cafe-order', MaximumRetryAttempts: 0 },
    });
    a.s().runCommand('aws lambda invoke --function-name cafe-order --invocation-type Event out.json');
    a.s().order('async');
    a.run(7_300);
    const shared = a.s().sharedSession();
    if (!('session' in shared)) throw new Error(shared.refused);
    expect(shared.session.settings.baristas).toBe(2);
    expect(shared.session.settings.failure).toBe('never'); // the start; the change is an action

    const decoded = (await decodeShare(await encodeShare(shared.session)))!;
    expect(decoded.problems).toEqual([]);
    const b = createCafeStore(); // a fresh café, playing, with other settings
    b.getState().order('sync', 3);
    await b.getState().openShared(decoded.session!, decoded.problems);
    expect(view(b)).toEqual(view(a.store));
    expect(b.getState().notice).toBeUndefined();
  });

  it('opened at an earlier moment keeps the recorded future, which plays on', async () => {
    const a = cafe();
    a.s().order('sync');
    a.run(3_000);
    a.s().order('async');
    a.run(4_000);
    const end = view(a.store);
    await a.s().seek(1_000);
    const shared = a.s().sharedSession();
    if (!('session' in shared)) throw new Error(shared.refused);
    const b = createCafeStore({ paused: true });
    await b.getState().openShared(shared.session, ['This share link was cut short.']);
    expect(b.getState().now).toBe(1_000);
    expect(b.getState().customerCount).toBe(1);
    expect(b.getState().notice).toBe('This share link was cut short.');
    await b.getState().seek(end.now);
    expect(view(b).trace).toBe(end.trace);
  });
});
