import { useStore } from 'zustand';
import type { LessonEngine } from '../engine';
import type { ProgressStore } from '../progress';
import { quizScore } from './QuizScore';
import { useFocusOnMount } from './useFocusOnMount';

/** After a lesson's last step: what was done, the quiz's score and review, and where to go next. */
export function LessonEnd({
  engine,
  progress,
  lessonId,
}: {
  engine: LessonEngine;
  progress: ProgressStore;
  lessonId: string;
}) {
  const answers = useStore(progress, (s) => s.quiz);
  const done = useStore(progress, (s) => s.done[lessonId] ?? []);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const lesson = engine.lesson(lessonId)!;
  const i = engine.lessons.indexOf(lesson);
  const next = engine.lessons[i + 1];
  const seen = lesson.steps.filter((s) => done.includes(s.id)).length;

  return (
    <div className="lesson-card lesson-end">
      <h2 ref={heading} tabIndex={-1}>
        {lesson.quiz ? 'Quiz finished' : `End of “${lesson.title}”`}
      </h2>
      {lesson.quiz ? (
        <QuizReview
          lesson={lesson}
          answers={answers}
          onRetake={() => {
            progress.getState().resetQuiz();
            engine.goToStep(lesson.id, 1);
          }}
        />
      ) : (
        <p>
          You saw the result of {seen} of its {lesson.steps.length} steps
          {seen < lesson.steps.length ? '; the list shows which lessons still have steps to watch.' : '.'}
        </p>
      )}
      <div className="lesson-nav">
        <button type="button" className="btn" onClick={() => engine.prev()}>
          ← Last step
        </button>
        <button type="button" className="btn" onClick={() => engine.openList()}>
          All lessons
        </button>
        {next && (
          <button type="button" className="btn sync" onClick={() => engine.goToStep(next.id)}>
            Next lesson: {next.title} →
          </button>
        )}
      </div>
    </div>
  );
}

function QuizReview({
  lesson,
  answers,
  onRetake,
}: {
  lesson: Parameters<typeof quizScore>[0];
  answers: Record<string, string>;
  onRetake: () => void;
}) {
  const { right, answered, total } = quizScore(lesson, answers);
  return (
    <>
      <p className="lesson-score" role="status" data-testid="quiz-final-score">
        Your score: {right} of {total}
        {answered < total ? ` (${total - answered} not answered)` : ''}.
      </p>
      <ol className="lesson-review">
        {lesson.steps.map((step) => {
          const answer = step.prediction?.choices.find((c) => c.id === answers[step.id]);
          const correct = step.prediction?.choices.find((c) => c.correct);
          return (
            <li key={step.id} data-correct={answer ? Boolean(answer.correct) : undefined}>
              <strong>{step.title}</strong>:{' '}
              {answer
                ? answer.correct
                  ? `✓ ${answer.text}`
                  : `✗ ${answer.text} (answer: ${correct?.text})`
                : `not answered (answer: ${correct?.text})`}
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn" onClick={onRetake}>
        Take the quiz again
      </button>
    </>
  );
}
