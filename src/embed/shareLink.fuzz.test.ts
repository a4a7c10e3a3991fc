import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, createCafeStore, type CafeAction } from '../store/cafeStore';
import { loadTerminal } from '../store/terminalLoader';
import { fuzzRuns, reportFuzz } from '../fuzz/fuzzRuns';
import { SHARE_KEY, decodeShare, encodeShare, type SharedSession } from './shareLink';

const session: SharedSession = {
  seed: 7,
  settings: { ...DEFAULT_SETTINGS, baristas: 1 },
  at: 4_000,
  end: 6_000,
  speed: 2,
  actions: [
    { t: 0, type: 'order.placed', kind: 'sync', customer: 1 },
    { t: 0, type: 'order.placed', kind: 'async', customer: 2 },
    { t: 900, type: 'settings.changed', settings: { failure: 'always' } },
    {
      t: 1_500,
      type: 'config.changed',
      op: {
        api: 'PutFunctionEventInvokeConfig',
        params: { FunctionName: 'cafe-order', MaximumRetryAttempts: 1 },
      },
    },
    {
      t: 2_000,
      type: 'terminal.command',
      line: 'aws lambda get-function-configuration --function-name cafe-order',
    },
    { t: 3_000, type: 'order.placed', kind: 'async', customer: 3 },
  ] satisfies CafeAction[],
};

/** What a chat app, a hand edit or a bad copy does to a link. */
function damaged(good: string) {
  return fc.oneof(
    // cut short
    fc.nat(good.length).map((i) => good.slice(0, i)),
    // a few characters changed, inserted or deleted
    fc
      .tuple(fc.nat(good.length - 1), fc.string({ minLength: 0, maxLength: 4 }), fc.nat(4))
      .map(([i, s, del]) => good.slice(0, i) + s + good.slice(i + del)),
    // percent-encoded, doubled, or with other fragment parameters around it
    fc.constantFrom(encodeURIComponent(good), `${good}&${good}`, `a=1&${good}&b`, good.toUpperCase()),
    // anything at all after the key
    fc.string({ unit: 'binary', maxLength: 300 }).map((s) => `${SHARE_KEY}=${s}`),
    fc.string({ unit: 'binary', maxLength: 300 }).map((s) => `${SHARE_KEY}=1.${s}`),
    // text that is not a link at all
    fc
      .array(fc.oneof(fc.json(), fc.string()), { maxLength: 6 })
      .chain((lines) => fc.constant(lines.join('\n'))),
  );
}

describe('share links under fuzzing', () => {
  it('never throw, always explain a link they cannot fully read, and only restore valid sessions, which a café opens without throwing', async () => {
    await loadTerminal();
    const good = await encodeShare(session);
    let cases = 0;
    let opened = 0;
    let explained = 0;
    await fc.assert(
      fc.asyncProperty(damaged(good), async (fragment) => {
        cases++;
        const decoded = await decodeShare(fragment);
        if (decoded === undefined) {
          // Only a fragment without the key is not a share link.
          expect(new URLSearchParams(fragment).has(SHARE_KEY)).toBe(false);
          return;
        }
        for (const p of decoded.problems) expect(p.length).toBeLessThan(300);
        if (!decoded.session) {
          expect(decoded.problems[0]).toMatch(/^This share link cannot be opened: /);
          explained++;
          return;
        }
        opened++;
        const s = decoded.session;
        expect(Number.isInteger(s.seed) && s.seed >= 0).toBe(true);
        expect(s.actions.every((a, i) => i === 0 || a.t >= s.actions[i - 1].t)).toBe(true);
        const store = createCafeStore({ paused: true });
        await store.getState().openShared(s, decoded.problems);
        expect(store.getState().playing).toBe(false);
        expect(store.getState().now).toBe(Math.min(s.at, store.getState().sessionEnd));
        if (decoded.problems.length) expect(store.getState().notice).toBe(decoded.problems.join(' '));
      }),
      { numRuns: fuzzRuns(300), seed: 1212 },
    );
    reportFuzz('share links', {
      cases,
      crashes: 0,
      'opened (partly)': opened,
      'refused with a message': explained,
    });
    expect(opened).toBeGreaterThan(0);
    expect(explained).toBeGreaterThan(0);
  }, 120_000);
});
