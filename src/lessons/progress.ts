import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist, type PersistStorage, type StateStorage } from 'zustand/middleware';
import type { ProgressSink } from './engine';
import { PROGRESS_KEY } from './progressKey';

export { PROGRESS_KEY };

/** Bump when the saved shape changes; data saved by another version is set aside with a notice. */
export const PROGRESS_VERSION = 1;

export interface ProgressData {
  /** Steps whose result the student has seen, by lesson id. */
  done: Record<string, string[]>;
  /** The step open last (1-based): "continue where you left off". */
  last: { lessonId: string; step: number } | undefined;
  /** Quiz answers by question id; the first answer counts. */
  quiz: Record<string, string>;
}

export interface ProgressState extends ProgressData, ProgressSink {
  /** Saved progress that could not be read (then it was ignored); shown to the student. */
  notice: string | undefined;
  reset(): void;
  /** Forgets the quiz answers only (to take it again). */
  resetQuiz(): void;
  dismissNotice(): void;
}

export type ProgressStore = StoreApi<ProgressState>;

const EMPTY: ProgressData = { done: {}, last: undefined, quiz: {} };

const UNREADABLE =
  'Your saved lesson progress could not be read (it may come from another version of this app), so the lessons start afresh.';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The saved data if it has the expected shape; undefined otherwise (never throws). */
export function readProgress(saved: unknown): ProgressData | undefined {
  if (!isRecord(saved) || !isRecord(saved.done) || !isRecord(saved.quiz)) return undefined;
  const done: Record<string, string[]> = {};
  for (const [lessonId, steps] of Object.entries(saved.done)) {
    if (!Array.isArray(steps) || steps.some((s) => typeof s !== 'string')) return undefined;
    done[lessonId] = [...new Set(steps as string[])];
  }
  const quiz: Record<string, string> = {};
  for (const [id, choice] of Object.entries(saved.quiz)) {
    if (typeof choice !== 'string') return undefined;
    quiz[id] = choice;
  }
  let last: ProgressData['last'];
  if (saved.last !== undefined && saved.last !== null) {
    const l = saved.last;
    if (!isRecord(l) || typeof l.lessonId !== 'string' || !Number.isInteger(l.step) || (l.step as number) < 1)
      return undefined;
    last = { lessonId: l.lessonId, step: l.step as number };
  }
  return { done, last, quiz };
}

/**
 * `storage()` (localStorage) as far as the browser lets us use it: where it is blocked or full,
 * progress is kept for as long as the page lives instead, never an error.
 */
function guarded(storage: () => StateStorage): StateStorage {
  const memory = new Map<string, string>();
  let raw: StateStorage | undefined;
  try {
    raw = storage();
  } catch {
    raw = undefined;
  }
  const attempt = <T>(use: (s: StateStorage) => T, fallback: () => T): T => {
    if (!raw) return fallback();
    try {
      return use(raw);
    } catch {
      return fallback();
    }
  };
  return {
    getItem: (name) =>
      attempt(
        (s) => s.getItem(name) as string | null,
        () => memory.get(name) ?? null,
      ),
    setItem: (name, value) =>
      attempt(
        (s) => void s.setItem(name, value),
        () => void memory.set(name, value),
      ),
    removeItem: (name) =>
      attempt(
        (s) => void s.removeItem(name),
        () => void memory.delete(name),
      ),
  };
}

/** Stands for saved data that could not be read: `merge` turns it into the notice. */
const UNREADABLE_DATA = Symbol('unreadable');

type Saved = Pick<ProgressState, 'done' | 'last' | 'quiz'>;

/** JSON in `raw` storage; text that is not our JSON comes back as UNREADABLE_DATA, never as an error. */
function jsonStorage(raw: StateStorage): PersistStorage<Saved> {
  const unreadable = { state: UNREADABLE_DATA as unknown as Saved, version: PROGRESS_VERSION };
  return {
    getItem(name) {
      const text = raw.getItem(name) as string | null;
      if (text === null) return null;
      try {
        const value: unknown = JSON.parse(text);
        return isRecord(value) && typeof value.version === 'number' && 'state' in value
          ? { state: value.state as Saved, version: value.version }
          : unreadable;
      } catch {
        return unreadable;
      }
    },
    setItem: (name, value) => void raw.setItem(name, JSON.stringify(value)),
    removeItem: (name) => void raw.removeItem(name),
  };
}

/**
 * The student's progress, saved in the browser (zustand `persist`, versioned). Unreadable or
 * foreign saved data is ignored and `notice` says so; the next save replaces it.
 */
export function createProgressStore(storage: () => StateStorage = () => window.localStorage): ProgressStore {
  return createStore<ProgressState>()(
    persist(
      (set, get) => ({
        ...EMPTY,
        notice: undefined,
        stepOpened: (lessonId, step) => set({ last: { lessonId, step } }),
        stepDone(lessonId, stepId) {
          const steps = get().done[lessonId] ?? [];
          if (steps.includes(stepId)) return;
          set({ done: { ...get().done, [lessonId]: [...steps, stepId] } });
        },
        answered(_lessonId, stepId, choiceId) {
          if (get().quiz[stepId] !== undefined) return;
          set({ quiz: { ...get().quiz, [stepId]: choiceId } });
        },
        reset: () => set({ ...EMPTY, notice: undefined }),
        resetQuiz: () =>
          set((s) => {
            const done = { ...s.done };
            delete done.quiz;
            return { quiz: {}, done };
          }),
        dismissNotice: () => set({ notice: undefined }),
      }),
      {
        name: PROGRESS_KEY,
        version: PROGRESS_VERSION,
        storage: jsonStorage(guarded(storage)),
        partialize: ({ done, last, quiz }) => ({ done, last, quiz }),
        // Data saved by another version is not guessed at: it is set aside like unreadable data.
        migrate: () => UNREADABLE_DATA as unknown as Saved,
        merge: (saved, current) => {
          if (saved === undefined) return current;
          const data = (saved as unknown) === UNREADABLE_DATA ? undefined : readProgress(saved);
          return data ? { ...current, ...data } : { ...current, notice: UNREADABLE };
        },
      },
    ),
  );
}
