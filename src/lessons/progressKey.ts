/** Where the browser keeps the student's lesson progress (localStorage). Apart, so the first view can peek cheaply. */
export const PROGRESS_KEY = 'lambda-cafe.lessons';

/** The step the student had open last, if the browser remembers one; never throws. */
export function savedLastStep(): { lessonId: string; step: number } | undefined {
  try {
    const saved = JSON.parse(window.localStorage.getItem(PROGRESS_KEY) ?? 'null') as {
      state?: { last?: { lessonId?: unknown; step?: unknown } };
    } | null;
    const last = saved?.state?.last;
    return typeof last?.lessonId === 'string' && Number.isInteger(last.step)
      ? { lessonId: last.lessonId, step: last.step as number }
      : undefined;
  } catch {
    return undefined;
  }
}
