import { useStore } from 'zustand';
import type { ProgressStore } from '../progress';
import type { Lesson } from '../types';

/** The quiz's score from the saved first answers: right / answered / questions. */
export function quizScore(lesson: Lesson, answers: Record<string, string>) {
  let answered = 0;
  let right = 0;
  for (const step of lesson.steps) {
    const answer = answers[step.id];
    if (answer === undefined) continue;
    answered++;
    if (step.prediction?.choices.find((c) => c.id === answer)?.correct) right++;
  }
  return { right, answered, total: lesson.steps.length };
}

export function QuizScore({ lesson, progress }: { lesson: Lesson; progress: ProgressStore }) {
  const answers = useStore(progress, (s) => s.quiz);
  const { right, answered, total } = quizScore(lesson, answers);
  return (
    <p className="lesson-score" data-testid="quiz-score">
      Score: {right} right of {answered} answered ({total} questions)
    </p>
  );
}
