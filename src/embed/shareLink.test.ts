import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type CafeAction } from '../store/cafeStore';
import { SHARE_KEY, decodeShare, encodeShare, type SharedSession } from './shareLink';

const actions: CafeAction[] = [
  { t: 0, type: 'order.placed', kind: 'sync', customer: 1 },
  { t: 0, type: 'order.placed', kind: 'async', customer: 2 },
  { t: 1200, type: 'settings.changed', settings: { failure: 'always', failureTarget: 'DLQ' } },
  {
    t: 1500,
    type: 'config.changed',
    op: { api: 'UpdateFunctionConfiguration', params: { FunctionName: 'cafe-order', Timeout: 3 } },
  },
  {
    t: 2000,
    type: 'terminal.command',
    line: 'aws lambda invoke --function-name cafe-order --invocation-type Event out.json',
  },
  { t: 2500, type: 'terminal.cleared' },
  ...Array.from({ length: 60 }, (_, i): CafeAction => ({
    t: 3000 + i * 250,
    type: 'order.placed',
    kind: i % 2 ? 'async' : 'sync',
    customer: 3 + i,
  })),
];
const session: SharedSession = {
  seed: 7,
  settings: { ...DEFAULT_SETTINGS, baristas: 1, onSuccess: true },
  at: 9000,
  speed: 4,
  actions,
};

describe('share links', () => {
  it('give back exactly the session they were made from', async () => {
    const fragment = await encodeShare(session);
    expect(fragment.startsWith(`${SHARE_KEY}=1.`)).toBe(true);
    expect(fragment).toMatch(/^[A-Za-z0-9=._-]+$/); // nothing a URL would have to escape
    expect(await decodeShare('#' + fragment)).toEqual({ session, problems: [] });
  });

  it('are not read from a fragment that is not one', async () => {
    expect(await decodeShare('#top')).toBeUndefined();
    expect(await decodeShare('')).toBeUndefined();
  });

  it('cut short anywhere: never throw, say so, and keep every step before the cut', async () => {
    const fragment = await encodeShare(session);
    let restoredSome = 0;
    for (let cut = SHARE_KEY.length + 1; cut < fragment.length; cut += 3) {
      const decoded = (await decodeShare(fragment.slice(0, cut)))!;
      expect(decoded.problems.length).toBeGreaterThan(0);
      expect(decoded.problems.join(' ')).toMatch(/cut short|cannot be opened/);
      if (decoded.session) {
        restoredSome++;
        expect(decoded.session.seed).toBe(7);
        expect(actions.slice(0, decoded.session.actions.length)).toEqual(decoded.session.actions);
        expect(decoded.session.at).toBeLessThanOrEqual(9000);
      }
    }
    expect(restoredSome).toBeGreaterThan(0);
  });

  it('name what a newer format or a hand edit broke', async () => {
    const fragment = await encodeShare(session);
    expect((await decodeShare(fragment.replace(`${SHARE_KEY}=1.`, `${SHARE_KEY}=2.`)))!.problems[0]).toMatch(
      /made by a newer Lambda Café \(format 2\)/,
    );
    expect((await decodeShare(`${SHARE_KEY}=1.@@@`))!.problems[0]).toMatch(/text has been changed/);
  });

  it('leave out recorded steps that are not the café’s, and name how many', async () => {
    const tampered: SharedSession = {
      ...session,
      actions: [
        actions[0],
        { t: 10, type: 'order.placed', kind: 'teleport', customer: 1 } as unknown as CafeAction,
        { t: 30, type: 'order.placed', kind: 'async', customer: 2 },
        { t: 25, type: 'order.placed', kind: 'sync', customer: 9 } as CafeAction, // out of order
        { t: 40, type: 'settings.changed', settings: { baristas: -3 } } as unknown as CafeAction,
      ],
    };
    const decoded = (await decodeShare(await encodeShare(tampered)))!;
    expect(decoded.session!.actions).toEqual([
      actions[0],
      { t: 30, type: 'order.placed', kind: 'async', customer: 2 },
    ]);
    expect(decoded.problems).toEqual([
      '3 recorded steps of the session could not be read and were left out.',
    ]);
  });
});
