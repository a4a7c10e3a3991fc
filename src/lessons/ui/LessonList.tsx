import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { LessonEngine } from '../engine';
import type { ProgressStore } from '../progress';
import { useFocusOnMount } from './useFocusOnMount';

/** The lessons, with the student's progress, "continue where you left off" and a reset. */
export function LessonList({ engine, progress }: { engine: LessonEngine; progress: ProgressStore }) {
  const message = useStore(engine, (s) => s.message);
  const done = useStore(progress, (s) => s.done);
  const last = useStore(progress, (s) => s.last);
  const notice = useStore(progress, (s) => s.notice);
  const [confirming, setConfirming] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // The button pressed disappears when the question appears or goes: focus follows, never to the page.
  const resetButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (asked.current) resetButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  const lastLesson = last && engine.lesson(last.lessonId);
  const lastStep = lastLesson?.steps[last!.step - 1];

  return (
    <div className="lesson-list-view">
      <div className="lesson-head">
        <h2 ref={heading} tabIndex={-1}>
          Lessons
        </h2>
        <button type="button" className="btn ghost" onClick={() => engine.close()}>
          Close lessons
        </button>
      </div>
      {message && (
        <p className="lesson-message" role="alert">
          {message}
        </p>
      )}
      {notice && (
        <p className="lesson-message" role="status">
          {notice}{' '}
          <button type="button" className="btn ghost" onClick={() => progress.getState().dismissNotice()}>
            OK
          </button>
        </p>
      )}
      <p className="lesson-intro">
        Each step asks you to guess, then runs the café to show what Lambda really does. Inside a lesson, →
        and PageDown run a step and move on, as a presenter’s clicker does.
      </p>
      {lastLesson && lastStep && (
        <button
          type="button"
          className="btn sync lesson-continue"
          onClick={() => engine.goToStep(lastLesson.id, last!.step)}
        >
          Continue where you left off: {lastLesson.title}, step {last!.step} “{lastStep.title}”
        </button>
      )}
      <ol className="lesson-list">
        {engine.lessons.map((lesson, i) => {
          const count = lesson.steps.filter((s) => done[lesson.id]?.includes(s.id)).length;
          const complete = count === lesson.steps.length;
          return (
            <li key={lesson.id}>
              <button type="button" className="lesson-item" onClick={() => engine.goToStep(lesson.id)}>
                <span className="lesson-item-title">
                  {i + 1}. {lesson.title}
                </span>
                <span className="lesson-item-summary">{lesson.summary}</span>
                <span className={complete ? 'lesson-item-progress complete' : 'lesson-item-progress'}>
                  {complete
                    ? '✓ done'
                    : `${count} of ${lesson.steps.length} ${lesson.steps.length === 1 ? 'step' : 'steps'} done`}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="lesson-list-actions">
        {confirming ? (
          <>
            <span>Forget all your lesson progress and quiz answers?</span>
            <button
              type="button"
              className="btn"
              onClick={() => {
                progress.getState().reset();
                setConfirming(false);
              }}
            >
              Yes, reset
            </button>
            <button ref={keepButton} type="button" className="btn ghost" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button ref={resetButton} type="button" className="btn ghost" onClick={() => setConfirming(true)}>
            Reset progress
          </button>
        )}
      </div>
    </div>
  );
}
