import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerKeys, type KeyClient } from './keyRouter';

// A page without a browser: the document is a bare EventTarget, and each event says which
// elements it passed through (composedPath), as a key press inside or outside a café would.
const page = new EventTarget();
const root = (name: string) => ({ name }) as unknown as HTMLElement;

function press(key: string, path: unknown[] = []) {
  const event = new Event('keydown', { cancelable: true }) as Event & { key: string };
  event.key = key;
  Object.defineProperty(event, 'composedPath', { value: () => [...path, page] });
  page.dispatchEvent(event);
  return event;
}
function use(type: 'focusin' | 'pointerdown', path: unknown[]) {
  const event = new Event(type);
  Object.defineProperty(event, 'composedPath', { value: () => [...path, page] });
  page.dispatchEvent(event);
}

function cafe(name: string) {
  const client = {
    root: root(name),
    keys: [] as string[],
    live: false,
    onKey(event: KeyboardEvent) {
      client.keys.push(event.key);
      event.preventDefault();
    },
    setLive(live: boolean) {
      client.live = live;
    },
  };
  return client satisfies KeyClient;
}

describe('which café gets the page keys', () => {
  const unregister: (() => void)[] = [];
  beforeEach(() => {
    (globalThis as { document?: unknown }).document = page;
  });
  afterEach(() => {
    while (unregister.length) unregister.pop()!();
    delete (globalThis as { document?: unknown }).document;
  });

  it('the only café on the page gets every key from load, without a click, and says its keys are live', () => {
    const only = cafe('only');
    unregister.push(registerKeys(only));
    expect(only.live).toBe(true);
    const event = press('PageDown');
    expect(only.keys).toEqual(['PageDown']);
    // Handled: the browser must not also scroll the page.
    expect(event.defaultPrevented).toBe(true);
  });

  it('with several cafés: the one pressed in, else the one last focused or used; none before any is used', () => {
    const a = cafe('a');
    const b = cafe('b');
    unregister.push(registerKeys(a), registerKeys(b));
    expect([a.live, b.live]).toEqual([false, false]);
    press('n');
    expect([a.keys, b.keys]).toEqual([[], []]);

    use('pointerdown', [b.root]);
    expect([a.live, b.live]).toEqual([false, true]);
    press('n');
    press('s', [a.root]); // pressed inside café a: a's own key
    expect(b.keys).toEqual(['n']);
    expect(a.keys).toEqual(['s']);

    use('focusin', [a.root]);
    press('PageDown');
    expect(a.keys).toEqual(['s', 'PageDown']);
    expect([a.live, b.live]).toEqual([true, false]);
  });

  it('leaves keys a field already handled alone, and stops listening when the last café goes', () => {
    const only = cafe('only');
    const stop = registerKeys(only);
    const handled = new Event('keydown', { cancelable: true }) as Event & { key: string };
    handled.key = 'a';
    handled.preventDefault();
    Object.defineProperty(handled, 'composedPath', { value: () => [page] });
    page.dispatchEvent(handled);
    expect(only.keys).toEqual([]);
    stop();
    expect(only.live).toBe(false);
    press('a');
    expect(only.keys).toEqual([]);
  });
});
