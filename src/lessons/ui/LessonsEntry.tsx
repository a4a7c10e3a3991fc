import { lazy, Suspense, useState } from 'react';
import { savedLastStep } from '../progressKey';
import { LoadingLessons, ReplayKeys, type SlideKey } from './LoadingLessons';
import './entry.css';

// The lessons (content, engine, cards) load on demand, off the first view's size budget.
const LessonGuide = lazy(() => import('./LessonGuide'));

export interface LessonLink {
  id: string;
  step: number;
}

/**
 * The way into the lessons, in the café's guide slot. Closed, the café is an open sandbox; a
 * `?lesson=…&step=…` link opens its step at once.
 */
export function LessonsEntry({ link }: { link?: LessonLink }) {
  const [opened, setOpened] = useState<{ link?: LessonLink } | undefined>(link ? { link } : undefined);
  const [last] = useState(savedLastStep);
  const [pressed] = useState<SlideKey[]>(() => []);

  if (opened) {
    return (
      <Suspense fallback={<LoadingLessons pressed={pressed} />}>
        <LessonGuide link={opened.link} onClose={() => setOpened(undefined)} />
        <ReplayKeys pressed={pressed} />
      </Suspense>
    );
  }
  return (
    <div className="lessons-entry">
      <p>
        <strong>New here?</strong> The lessons walk you through sync and async invocation: guess what will
        happen, then watch the café do it.
      </p>
      <div className="lessons-entry-actions">
        {last && (
          <button
            type="button"
            className="btn sync"
            onClick={() => setOpened({ link: { id: last.lessonId, step: last.step } })}
          >
            Continue the lessons
          </button>
        )}
        <button type="button" className={last ? 'btn' : 'btn sync'} onClick={() => setOpened({})}>
          {last ? 'All lessons' : 'Start the lessons'}
        </button>
      </div>
    </div>
  );
}
