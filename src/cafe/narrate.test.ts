import { describe, expect, it } from 'vitest';
import { createCafeStore, type KitchenSettings } from '../store/cafeStore';
import { claimsResultInLogs } from './narrate';

/** A paused café played by hand for `ms` of virtual time at 16×. */
function cafe(settings: Partial<KitchenSettings> = {}) {
  const store = createCafeStore({ seed: 3, paused: true, speed: 16, settings });
  const s = () => store.getState();
  const run = (ms: number) => {
    s().play();
    for (let left = ms; left > 0; left -= 4_000) s().tick(Math.min(250, left / 16));
    s().pause();
  };
  const lines = () => s().narration.map((l) => l.text);
  return { s, run, lines };
}

describe('narration', () => {
  it('a failed async attempt says only what happened; after the last one comes OnFailure, never a promised retry', () => {
    const c = cafe({ failure: 'always', failureTarget: 'OnFailure' });
    c.s().order('async');
    c.run(200_000);
    const lines = c.lines();
    const failures = lines.filter((l) => l.includes('spilled'));
    expect(failures).toHaveLength(3);
    for (const line of failures) expect(line).not.toMatch(/retr/i);
    expect(lines.filter((l) => l.includes('Lambda will retry in'))).toHaveLength(2);
    expect(lines.at(-1)).toBe(
      "No more retries after 3 attempts: Customer 1's event went to the OnFailure destination.",
    );
    expect(lines.at(-2)).toBe(failures[2]);
  });

  it('after a timeout the barista’s environment is shut down because of the timeout, not for being idle', () => {
    const c = cafe();
    c.s().configure({
      api: 'UpdateFunctionConfiguration',
      params: { FunctionName: 'cafe-order', Timeout: 3 },
    });
    c.s().order('sync');
    c.run(5_000);
    const text = c.lines().join('\n');
    expect(text).toContain("Lambda stopped Customer 1's run (Task timed out).");
    expect(text).toContain('The caller gets 200, with FunctionError: Unhandled.');
    expect(text).toContain("After the timeout Lambda shut that barista's execution environment down");
    expect(text).not.toMatch(/idle/);
  });

  it('a barista that idles long enough still goes home as idle', () => {
    const c = cafe();
    c.s().order('async');
    c.run(16 * 60_000);
    expect(c.lines().at(-1)).toBe(
      'A barista who had been idle went home (the execution environment shut down).',
    );
  });

  it('says where a result goes as Lambda does: to the sync caller, to OnSuccess, or to nobody', () => {
    const plain = cafe();
    plain.s().order('sync');
    plain.s().order('async');
    plain.run(7_000);
    expect(plain.lines()).toContain(
      "Customer 1 got 200 with the result (the function's return value) after being blocked 5.3 s.",
    );
    expect(plain.lines()).toContain(
      "Customer 2's drink is done. The caller is not told (it had its 202), and with no OnSuccess destination the return value reaches nobody.",
    );
    const withOnSuccess = cafe({ onSuccess: true });
    withOnSuccess.s().order('async');
    withOnSuccess.run(7_000);
    expect(withOnSuccess.lines().slice(-2)).toEqual([
      "Customer 1's drink is done. The caller is not told (it had its 202); Lambda sends the return value to the OnSuccess destination.",
      "Lambda sent an invocation record for Customer 1's event, with the return value, to the OnSuccess destination.",
    ]);
  });

  it('never claims that a return value is written to the logs, whatever the kitchen does', () => {
    const seen = new Set<string>();
    for (const failure of ['never', 'always', 'timeout'] as const) {
      for (const failureTarget of ['OnFailure', 'DLQ', 'none'] as const) {
        for (const onSuccess of [false, true]) {
          const c = cafe({ failure, failureTarget, onSuccess, baristas: 1 });
          c.s().order('sync');
          c.s().order('async', 2);
          c.s().order('sync');
          c.run(240_000);
          c.lines().forEach((l) => seen.add(l));
        }
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    expect([...seen].filter(claimsResultInLogs)).toEqual([]);
  });

  it('the check catches the wordings this app used to show', () => {
    expect(
      claimsResultInLogs("Customer 1's drink is done — the caller is not told; the result goes to the logs."),
    ).toBe(true);
    expect(claimsResultInLogs('Done — the result is only in the logs; the caller is never told')).toBe(true);
    expect(
      claimsResultInLogs(
        'The caller never gets the result back: without an OnSuccess destination it exists only in the logs.',
      ),
    ).toBe(true);
    expect(claimsResultInLogs('print() goes to CloudWatch Logs; the return value is not logged')).toBe(false);
    expect(claimsResultInLogs('Lambda never writes a return value to the logs.')).toBe(false);
  });
});
