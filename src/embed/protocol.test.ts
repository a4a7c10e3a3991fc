import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, cafeMessage, parseHostMessage } from './protocol';

const cmd = (command: string, args?: unknown, extra: Record<string, unknown> = {}) => ({
  source: 'lambda-cafe',
  version: 1,
  type: 'command',
  id: 'c1',
  command,
  ...(args === undefined ? {} : { args }),
  ...extra,
});

describe('parseHostMessage', () => {
  it('accepts every command of version 1 with its arguments', () => {
    const good: [string, unknown][] = [
      ['order', { kind: 'sync' }],
      ['order', { kind: 'async', count: 5 }],
      ['play', {}],
      ['pause', undefined],
      ['step', {}],
      ['seek', { t: 5000 }],
      ['reset', {}],
      ['reset', { seed: 7 }],
      ['setSpeed', { speed: 16 }],
      ['runCommand', { line: 'aws lambda invoke --function-name cafe-order out.json' }],
      ['goToStep', { lesson: 'sync-basics', step: 2 }],
    ];
    for (const [command, args] of good) {
      const parsed = parseHostMessage(cmd(command, args));
      expect(parsed, command).toMatchObject({ ok: true, message: { command, id: 'c1', type: 'command' } });
    }
    expect(new Set(good.map(([c]) => c))).toEqual(new Set(COMMAND_NAMES));
  });

  it('copies only the arguments it checked (no prototype tricks, no getters run)', () => {
    const parsed = parseHostMessage(cmd('order', { kind: 'async', count: 2 }));
    expect(parsed.ok && parsed.message.args).toEqual({ kind: 'async', count: 2 });
    let ran = false;
    const sneaky = cmd('order', {
      get kind() {
        ran = true;
        return 'sync';
      },
    });
    expect(parseHostMessage(sneaky)).toMatchObject({ ok: false, id: 'c1' });
    expect(ran).toBe(false);
  });

  it('ignores messages that are not ours, silently (foreign)', () => {
    for (const data of [
      null,
      undefined,
      'order',
      42,
      [],
      { type: 'command' },
      { source: 'x', type: 'command' },
    ])
      expect(parseHostMessage(data)).toMatchObject({ ok: false, foreign: true });
    // Our own outgoing messages echoed back are not commands either.
    expect(parseHostMessage(cafeMessage({ type: 'ready' }))).toMatchObject({ ok: false, foreign: true });
  });

  it('refuses malformed commands with a readable error and the id to reply to', () => {
    const cases: [unknown, RegExp][] = [
      [cmd('order', { kind: 'latte' }), /kind "sync" or "async"/],
      [cmd('order', { kind: 'sync', count: 0 }), /from 1 to 50/],
      [cmd('order', { kind: 'sync', count: 2.5 }), /whole number/],
      [cmd('order', { kind: 'sync', extra: 1 }), /unknown argument "extra"/],
      [cmd('seek', { t: -1 }), /seek needs t/],
      [cmd('seek', { t: Number.NaN }), /seek needs t/],
      [cmd('setSpeed', { speed: 3 }), /one of 0.25/],
      [cmd('runCommand', { line: '' }), /non-empty/],
      [cmd('goToStep', { lesson: '<b>' }), /lesson id/],
      [cmd('goToStep', { lesson: 'a', step: 0 }), /from 1/],
      [cmd('play', { now: true }), /takes none/],
      [cmd('order', 'sync'), /args must be an object/],
      [cmd('explode', {}), /unknown command "explode"/],
      [cmd('order', { kind: 'sync' }, { version: 2 }), /version 2 is not supported/],
    ];
    for (const [data, error] of cases) {
      const parsed = parseHostMessage(data);
      expect(parsed.ok, String(error)).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error).toMatch(error);
        expect(parsed.foreign).toBeFalsy();
        expect(parsed).toMatchObject({ id: 'c1' });
      }
    }
  });

  it('refuses a command without a usable id (nothing to reply to)', () => {
    for (const id of [undefined, '', 'x'.repeat(101), 1.5, {}, null]) {
      const parsed = parseHostMessage(cmd('play', {}, { id }));
      expect(parsed).toMatchObject({ ok: false });
      expect(parsed).not.toHaveProperty('id');
    }
  });

  it('never throws on hostile objects (throwing getters, proxies)', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(() => parseHostMessage(throwing)).not.toThrow();
    expect(() => parseHostMessage(cmd('order', throwing))).not.toThrow();
    expect(parseHostMessage(cmd('order', throwing)).ok).toBe(false);
  });
});
