import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from './fileSystem';

describe('the in-memory file system', () => {
  it('starts with event.json holding an order', () => {
    expect(JSON.parse(new MemoryFileSystem().read('event.json')!)).toEqual({ order: 'latte' });
  });

  it('writes, appends, reads, lists sorted and removes; ./name is name', () => {
    const fs = new MemoryFileSystem({});
    fs.write('./b.json', '1');
    fs.append('b.json', '2');
    fs.write('a.json', 'x');
    expect(fs.read('b.json')).toBe('12');
    expect(fs.list()).toEqual(['a.json', 'b.json']);
    expect(fs.remove('a.json')).toBe(true);
    expect(fs.remove('a.json')).toBe(false);
    expect(fs.read('a.json')).toBeUndefined();
  });

  it('each instance is separate', () => {
    const a = new MemoryFileSystem();
    const b = new MemoryFileSystem();
    a.write('x', 'y');
    expect(b.exists('x')).toBe(false);
  });
});
