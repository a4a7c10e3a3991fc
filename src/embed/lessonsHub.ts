import type { LessonEngine } from '../lessons/engine';
import type { LessonsDriver } from './embedBridge';

export interface LessonsHub {
  driver: LessonsDriver;
  /** The lessons' view hands over its engine while it is mounted; returns the detach. */
  attach(engine: LessonEngine): () => void;
}

/** What the engine said when it could not open a step (it shows the list with a message). */
function refusal(e: LessonEngine): string | undefined {
  return (
    e.getState().message ??
    (e.getState().view.kind === 'step' ? undefined : 'That lesson step could not be opened.')
  );
}

/**
 * Lets the embed bridge drive lessons that load on demand: `goToStep` opens the guide (through
 * `open`) when it is not there yet and waits for its engine.
 */
export function createLessonsHub(open: (link: { id: string; step: number }) => void): LessonsHub {
  let engine: LessonEngine | undefined;
  let unsubscribe: (() => void) | undefined;
  const waiting: ((engine: LessonEngine) => void)[] = [];
  const listeners = new Set<(event: { name: string; detail: unknown }) => void>();

  return {
    attach(next) {
      engine = next;
      unsubscribe?.();
      unsubscribe = next.onEvent((event) => listeners.forEach((l) => l(event)));
      for (const resolve of waiting.splice(0)) resolve(next);
      return () => {
        if (engine !== next) return;
        unsubscribe?.();
        unsubscribe = undefined;
        engine = undefined;
      };
    },
    driver: {
      async goToStep(lesson, step) {
        if (engine) return engine.goToStep(lesson, step) ? undefined : refusal(engine);
        const attached = new Promise<LessonEngine>((resolve) => waiting.push(resolve));
        open({ id: lesson, step });
        // The guide opens at this step when it mounts; its answer is there once it attached.
        const opened = await attached;
        await Promise.resolve();
        return refusal(opened);
      },
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}
