import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createProgressStore, PROGRESS_KEY, PROGRESS_VERSION } from './progress';

/** A browser's localStorage, as far as persist uses it. */
function memoryStorage(initial?: string): StateStorage & { map: Map<string, string> } {
  const map = new Map<string, string>(initial === undefined ? [] : [[PROGRESS_KEY, initial]]);
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('lesson progress in the browser', () => {
  it('survives a reload: done steps, where the student was, quiz answers (the first one counts)', () => {
    const storage = memoryStorage();
    const before = createProgressStore(() => storage);
    before.getState().stepOpened('receipt', 2);
    before.getState().stepDone('counter', 'blocked');
    before.getState().stepDone('counter', 'blocked');
    before.getState().answered('quiz', 'timeout', 'timeout');
    before.getState().answered('quiz', 'timeout', 'ok');
    expect(JSON.parse(storage.map.get(PROGRESS_KEY)!)).toMatchObject({ version: PROGRESS_VERSION });

    const after = createProgressStore(() => storage).getState();
    expect(after.last).toEqual({ lessonId: 'receipt', step: 2 });
    expect(after.done).toEqual({ counter: ['blocked'] });
    expect(after.quiz).toEqual({ timeout: 'timeout' });
    expect(after.notice).toBeUndefined();
  });

  it('ignores unreadable saved data with a notice, and the next save replaces it', () => {
    for (const saved of [
      '{not json',
      JSON.stringify({ state: { done: { counter: 'blocked' }, quiz: {} }, version: PROGRESS_VERSION }),
      JSON.stringify({
        state: { done: {}, quiz: {}, last: { lessonId: 'x', step: 0 } },
        version: PROGRESS_VERSION,
      }),
      JSON.stringify({ state: { done: {}, quiz: {} }, version: PROGRESS_VERSION + 1 }),
      JSON.stringify(['a list']),
    ]) {
      const storage = memoryStorage(saved);
      const store = createProgressStore(() => storage);
      expect(store.getState(), saved).toMatchObject({ done: {}, quiz: {}, last: undefined });
      expect(store.getState().notice, saved).toMatch(/could not be read/);
      store.getState().stepDone('counter', 'blocked');
      expect(createProgressStore(() => storage).getState()).toMatchObject({
        done: { counter: ['blocked'] },
        notice: undefined,
      });
    }
  });

  it('resets everything, or only the quiz', () => {
    const storage = memoryStorage();
    const store = createProgressStore(() => storage);
    store.getState().stepDone('counter', 'blocked');
    store.getState().stepDone('quiz', 'timeout');
    store.getState().answered('quiz', 'timeout', 'ok');
    store.getState().resetQuiz();
    expect(store.getState()).toMatchObject({ done: { counter: ['blocked'] }, quiz: {} });
    store.getState().reset();
    expect(createProgressStore(() => storage).getState()).toMatchObject({
      done: {},
      quiz: {},
      last: undefined,
    });
  });

  it('works where the browser refuses storage (progress then lasts as long as the page)', () => {
    const refusing: StateStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => undefined,
    };
    expect(() =>
      createProgressStore(() => refusing)
        .getState()
        .stepDone('counter', 'blocked'),
    ).not.toThrow();
  });
});
