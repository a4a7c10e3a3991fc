import { describe, expect, it } from 'vitest';
import { appendEntries } from './scrollback';

describe('terminal scrollback', () => {
  it('gives every block a fresh id, in order', () => {
    const a = appendEntries([], [{ kind: 'input', text: '$ ls' }]);
    const b = appendEntries(a, [
      { kind: 'stdout', text: 'event.json' },
      { kind: 'stderr', text: 'x' },
    ]);
    expect(b.map((e) => e.id)).toEqual([0, 1, 2]);
  });

  it('keeps only the newest blocks beyond the limit, ids still increasing', () => {
    let entries = appendEntries([], [{ kind: 'info', text: 'start' }], 3);
    for (let i = 0; i < 5; i++) entries = appendEntries(entries, [{ kind: 'stdout', text: `line ${i}` }], 3);
    expect(entries.map((e) => e.text)).toEqual(['line 2', 'line 3', 'line 4']);
    expect(entries.map((e) => e.id)).toEqual([3, 4, 5]);
  });
});
