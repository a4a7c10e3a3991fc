import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ZoneId } from '../../store/cafeStore';
import { useCafe } from '../../store/CafeContext';
import { isCorrect, type LessonEngine } from '../engine';
import type { ProgressStore } from '../progress';
import type { LessonStep } from '../types';
import { ChoiceGroup } from './ChoiceGroup';
import { StepExtra } from './StepExtra';
import { QuizScore } from './QuizScore';
import { useFocusOnMount } from './useFocusOnMount';

/** The scene regions, as the step's "watch" line names them. */
export const ZONE_NAMES: Record<ZoneId, string> = {
  counter: 'the counter (synchronous callers)',
  baristas: 'the baristas (execution environments)',
  rail: 'the ticket rail (Lambda’s event queue)',
  tables: 'the tables (asynchronous callers)',
  pass: 'the pass (destinations)',
  contrast: 'the totals: callers blocked against callers free',
};

/** An answer's explanation without its own "Right:" / "Yes:" (the headline already says so). */
function reason(explanation: string): string {
  const rest = explanation.replace(/^(Right|Yes)[:.,]?\s+/, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** What the student is told once the step has run (or been checked). */
export function verdictOf(
  step: LessonStep,
  choiceId: string | undefined,
): { headline: string; details: string[] } {
  const details: string[] = [];
  const prediction = step.prediction;
  let headline = 'What happened';
  if (prediction) {
    const chosen = prediction.choices.find((c) => c.id === choiceId);
    const right = prediction.choices.find((c) => c.correct)!;
    if (!chosen) {
      headline = `The answer: ${right.text}`;
      details.push(reason(right.explanation));
    } else if (chosen.correct) {
      headline = `Right: ${chosen.text}`;
      details.push(reason(chosen.explanation));
    } else {
      headline = `Not quite: you chose “${chosen.text}”`;
      details.push(chosen.explanation, `The answer: ${right.text}. ${reason(right.explanation)}`);
    }
  }
  if (step.explanation) details.push(step.explanation);
  return { headline, details };
}

/** One lesson step: read, guess, run and watch, then the explanation; self-contained (its own CSS). */
export function LessonCard({ engine, progress }: { engine: LessonEngine; progress: ProgressStore }) {
  const phase = useStore(engine, (s) => s.phase);
  const choice = useStore(engine, (s) => s.choice);
  const modified = useStore(engine, (s) => s.modified);
  const message = useStore(engine, (s) => s.message);
  const speed = useCafe((s) => s.speed);
  const here = engine.currentStep();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const nextButton = useRef<HTMLButtonElement>(null);
  const choicesRef = useRef<HTMLDivElement>(null);
  const [needGuess, setNeedGuess] = useState(false);
  const ids = { title: useId(), result: useId() };

  // A check without a run replaces its button with the result: focus moves on to Next.
  useEffect(() => {
    if (phase === 'revealed' && !here?.step.scenario && document.activeElement === document.body)
      nextButton.current?.focus();
  }, [phase, here?.step.scenario]);

  if (!here) return null;
  const { lesson, step, index } = here;
  const lessonNumber = engine.lessons.indexOf(lesson) + 1;
  const isLast = index + 1 === lesson.steps.length;
  const revealed = phase === 'revealed';
  // A summary step (nothing guessed, nothing run) has no result to show.
  const verdict = revealed && (step.prediction || step.scenario) ? verdictOf(step, choice) : undefined;

  const onPrimary = () => {
    if (phase === 'running') return void engine.finishNow();
    if (phase === 'ready' && step.prediction && choice === undefined) {
      setNeedGuess(true);
      choicesRef.current?.querySelector('input')?.focus();
      return;
    }
    engine.run();
  };
  const primaryLabel =
    phase === 'running'
      ? 'Show the result now'
      : revealed
        ? 'Run it again'
        : step.scenario
          ? 'Run it'
          : lesson.quiz
            ? 'Check my answer'
            : 'Check';
  const announcement =
    phase === 'running'
      ? `Running at ${speed}×. Watch ${step.watch ? ZONE_NAMES[step.watch] : 'the café'}.`
      : verdict
        ? `${verdict.headline}. ${verdict.details.join(' ')}`
        : '';

  return (
    <article className="lesson-card" aria-labelledby={ids.title} data-phase={phase}>
      <div className="lesson-head">
        <p className="lesson-crumb">
          Lesson {lessonNumber} of {engine.lessons.length}: {lesson.title} ·{' '}
          {lesson.quiz ? 'question' : 'step'} {index + 1} of {lesson.steps.length}
        </p>
        <div className="lesson-tools">
          <button type="button" className="btn ghost" onClick={() => engine.openList()}>
            All lessons
          </button>
          <button
            type="button"
            className="btn ghost"
            onClick={() => engine.close()}
            aria-label="Close lessons"
          >
            ×
          </button>
        </div>
      </div>
      {lesson.quiz && <QuizScore lesson={lesson} progress={progress} />}
      <h2 id={ids.title} ref={heading} tabIndex={-1} className="lesson-title">
        {step.title}
      </h2>
      {message && (
        <p className="lesson-message" role="alert">
          {message}
        </p>
      )}
      <p className="lesson-text">{step.text}</p>
      {step.prediction && (
        <div ref={choicesRef}>
          <ChoiceGroup
            prediction={step.prediction}
            choice={choice}
            revealed={revealed}
            onChoose={(id) => {
              engine.choose(id);
              setNeedGuess(false);
            }}
          />
        </div>
      )}
      {step.watch && !revealed && <p className="lesson-watch">Watch {ZONE_NAMES[step.watch]}.</p>}
      <div className="lesson-actions">
        {!(revealed && !step.scenario) && (
          <button type="button" className="btn sync" onClick={onPrimary}>
            {primaryLabel}
          </button>
        )}
        {phase === 'running' && <span className="lesson-running">Running at {speed}×…</span>}
        {needGuess && (
          <span className="lesson-hint">Make your guess first: the run is there to check it.</span>
        )}
      </div>
      {modified && (
        <p className="lesson-message">
          You changed this run (an order, a setting or a command of your own), so it may not show what this
          step describes. “Run it again” replays the step’s run.
        </p>
      )}
      {verdict && (
        <section className="lesson-result" aria-labelledby={ids.result}>
          <h3 id={ids.result} data-correct={isCorrect(step, choice)}>
            {verdict.headline}
          </h3>
          {verdict.details.map((d) => (
            <p key={d}>{d}</p>
          ))}
          {step.extra && <StepExtra extra={step.extra} />}
          {lesson.quiz && choice !== undefined && progress.getState().quiz[step.id] !== choice && (
            <p className="lesson-hint">Only your first answer to a question counts for the score.</p>
          )}
        </section>
      )}
      <nav className="lesson-nav" aria-label="Lesson steps">
        <button type="button" className="btn" onClick={() => engine.prev()} disabled={index === 0}>
          ← Previous {lesson.quiz ? 'question' : 'step'}
        </button>
        <button ref={nextButton} type="button" className="btn" onClick={() => engine.next()}>
          {isLast
            ? lesson.quiz
              ? 'See your score →'
              : 'Finish the lesson →'
            : `${phase === 'revealed' ? 'Next' : 'Skip to the next'} ${lesson.quiz ? 'question' : 'step'} →`}
        </button>
      </nav>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </article>
  );
}
