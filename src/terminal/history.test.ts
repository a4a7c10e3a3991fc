import { describe, expect, it } from 'vitest';
import { createHistory, nextLine, previousLine, recordLine } from './history';

describe('command history (up/down)', () => {
  it('up walks back through submitted lines and stops at the oldest', () => {
    let h = recordLine(recordLine(createHistory(), 'ls'), 'cat event.json');
    let step = previousLine(h, '');
    expect(step.line).toBe('cat event.json');
    step = previousLine(step.history, step.line);
    expect(step.line).toBe('ls');
    step = previousLine(step.history, step.line);
    expect(step.line).toBe('ls');
    h = step.history;
    expect(h.cursor).toBe(0);
  });

  it('down walks forward and then restores what was being typed', () => {
    const h = recordLine(recordLine(createHistory(), 'ls'), 'help');
    const up1 = previousLine(h, 'aws lam');
    const up2 = previousLine(up1.history, up1.line);
    const down1 = nextLine(up2.history, up2.line);
    expect(down1.line).toBe('help');
    const down2 = nextLine(down1.history, down1.line);
    expect(down2.line).toBe('aws lam');
    expect(nextLine(down2.history, 'aws lam').line).toBe('aws lam');
  });

  it('does not record blank lines or an immediate repeat, and keeps at most `limit` lines', () => {
    let h = createHistory([], 2);
    for (const line of ['a', 'a', '  ', 'b', 'c']) h = recordLine(h, line);
    expect(h.entries).toEqual(['b', 'c']);
  });

  it('up on an empty history leaves the input alone', () => {
    expect(previousLine(createHistory(), 'typed').line).toBe('typed');
  });
});
