import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CafeStore } from '../store/cafeStore';
import { fastForward } from './fastForward';
import type { Lesson, LessonStep } from './types';

/**
 * The lesson player: which lesson and step is open, the student's guess, and the step's run on
 * the café. It knows nothing of React, the page or the URL, so the app, presenter mode and an
 * embed drive the same engine (`goToStep`, `next`, `prev`). While a lesson is open its steps
 * are the café's slides: the presenter keys call `next` / `prev`.
 */

/** ready: reading and guessing; running: the scenario plays; revealed: the explanation shows. */
export type StepPhase = 'ready' | 'running' | 'revealed';

export type EngineView =
  | { kind: 'closed' }
  | { kind: 'list' }
  | { kind: 'step'; lessonId: string; index: number }
  /** After a lesson's last step: its summary (the quiz's score). */
  | { kind: 'end'; lessonId: string };

export interface LessonEngineState {
  view: EngineView;
  phase: StepPhase;
  /** The choice picked for the open step (kept after the reveal: the verdict is about it). */
  choice: string | undefined;
  /** The café no longer plays the step's scripted run (the student ordered or changed something). */
  modified: boolean;
  /** Why a request could not be followed (an unknown lesson or step in a link). */
  message: string | undefined;
}

export type LessonEvent =
  | { name: 'step.changed'; detail: { lessonId: string; step: number; stepId: string } }
  | {
      name: 'step.revealed';
      detail: { lessonId: string; stepId: string; choice?: string; correct?: boolean };
    }
  | { name: 'lesson.completed'; detail: { lessonId: string } };

/** Where the engine reports what the student did (the app saves it; an embed may not). */
export interface ProgressSink {
  stepOpened(lessonId: string, step: number): void;
  stepDone(lessonId: string, stepId: string): void;
  /** A quiz answer; only the first per question counts. */
  answered(lessonId: string, stepId: string, choiceId: string): void;
}

export interface LessonEngine extends StoreApi<LessonEngineState> {
  readonly lessons: readonly Lesson[];
  lesson(id: string): Lesson | undefined;
  /** The open step, if a step is open. */
  currentStep(): { lesson: Lesson; step: LessonStep; index: number } | undefined;
  openList(message?: string): void;
  close(): void;
  /** Opens step `step` (1-based, as shown) of a lesson; unknown ones show the list and a message. */
  goToStep(lessonId: string, step?: number): boolean;
  choose(choiceId: string): void;
  /** Runs the step's scenario (or, without one, checks the answer). */
  run(): void;
  /** Plays the running scenario to its end at once. */
  finishNow(): Promise<void>;
  /** The presenter's next: run, then finish, then the next step (or the lesson's end). */
  next(): void;
  prev(): void;
  onEvent(listener: (event: LessonEvent) => void): () => void;
  /** Follows the café again after `dispose` (a React effect that runs twice). Created connected. */
  connect(): void;
  /** Stops following and driving the café (clears the slides and the highlight). */
  dispose(): void;
}

export function isCorrect(step: LessonStep, choiceId: string | undefined): boolean | undefined {
  if (!step.prediction || choiceId === undefined) return undefined;
  return step.prediction.choices.find((c) => c.id === choiceId)?.correct === true;
}

export function createLessonEngine(
  cafe: CafeStore,
  lessons: readonly Lesson[],
  progress?: ProgressSink,
): LessonEngine {
  const store = createStore<LessonEngineState>()(() => ({
    view: { kind: 'closed' },
    phase: 'ready',
    choice: undefined,
    modified: false,
    message: undefined,
  }));
  const listeners = new Set<(event: LessonEvent) => void>();
  const emit = (event: LessonEvent) => listeners.forEach((l) => l(event));
  const byId = new Map(lessons.map((l) => [l.id, l]));
  /** The café's recorded actions right after the step's scenario was installed. */
  let scripted: unknown;

  const get = () => store.getState();
  const slides = { next: () => engine.next(), prev: () => engine.prev() };

  function current() {
    const { view } = get();
    if (view.kind !== 'step') return undefined;
    const lesson = byId.get(view.lessonId);
    const step = lesson?.steps[view.index];
    return lesson && step ? { lesson, step, index: view.index } : undefined;
  }

  /** Installs a step's scenario on the café (paused at its start). */
  function install(step: LessonStep): boolean {
    if (!step.scenario) return true;
    const refused = cafe.getState().loadScenario(step.scenario);
    scripted = cafe.getState().actions;
    cafe.getState().setSpeed(step.scenario.speed);
    if (refused) store.setState({ message: `This step's run could not be set up: ${refused}` });
    return !refused;
  }

  function open(lessonId: string, index: number) {
    const lesson = byId.get(lessonId)!;
    const step = lesson.steps[index];
    cafe.getState().pause();
    store.setState({
      view: { kind: 'step', lessonId, index },
      phase: 'ready',
      choice: undefined,
      modified: false,
      message: undefined,
    });
    install(step);
    cafe.getState().setHighlight(step.watch);
    cafe.getState().setSlides(slides);
    progress?.stepOpened(lessonId, index + 1);
    emit({ name: 'step.changed', detail: { lessonId, step: index + 1, stepId: step.id } });
    // A step with nothing to guess or run (a summary) is done once read.
    if (!step.prediction && !step.scenario) reveal();
  }

  function reveal() {
    const here = current();
    if (!here || get().phase === 'revealed') return;
    const { lesson, step } = here;
    const { choice } = get();
    // The phase first: pausing notifies the café's subscribers, this engine's among them.
    store.setState({ phase: 'revealed' });
    if (step.scenario) cafe.getState().pause();
    progress?.stepDone(lesson.id, step.id);
    if (lesson.quiz && choice !== undefined) progress?.answered(lesson.id, step.id, choice);
    emit({
      name: 'step.revealed',
      detail: { lessonId: lesson.id, stepId: step.id, choice, correct: isCorrect(step, choice) },
    });
  }

  // The run is over when the café's clock reaches the step's `until`; it is "modified" as soon
  // as the café's recorded actions are no longer the ones the step installed.
  const follow = () =>
    cafe.subscribe((s) => {
      if (get().phase !== 'running') return;
      const here = current();
      if (!here?.step.scenario) return;
      if (s.actions !== scripted && !get().modified) store.setState({ modified: true });
      if (s.now >= here.step.scenario.until) reveal();
    });
  let unsubscribe: (() => void) | undefined = follow();

  const engine: LessonEngine = {
    ...store,
    lessons,
    lesson: (id) => byId.get(id),
    currentStep: current,

    openList(message) {
      cafe.getState().setSlides(undefined);
      cafe.getState().setHighlight(undefined);
      store.setState({ view: { kind: 'list' }, phase: 'ready', choice: undefined, message });
    },

    close() {
      cafe.getState().setSlides(undefined);
      cafe.getState().setHighlight(undefined);
      store.setState({ view: { kind: 'closed' }, phase: 'ready', choice: undefined, message: undefined });
    },

    goToStep(lessonId, step = 1) {
      const lesson = byId.get(lessonId);
      if (!lesson) {
        engine.openList(`There is no lesson "${lessonId}". Choose one from the list.`);
        return false;
      }
      if (!Number.isInteger(step) || step < 1 || step > lesson.steps.length) {
        engine.openList(
          `"${lesson.title}" has ${lesson.steps.length} steps; there is no step ${step}. Choose a lesson from the list.`,
        );
        return false;
      }
      open(lessonId, step - 1);
      return true;
    },

    choose(choiceId) {
      const here = current();
      if (!here?.step.prediction || get().phase !== 'ready') return;
      if (!here.step.prediction.choices.some((c) => c.id === choiceId)) return;
      store.setState({ choice: choiceId });
    },

    run() {
      const here = current();
      if (!here || get().phase === 'running') return;
      const { step } = here;
      if (!step.scenario) {
        reveal();
        return;
      }
      // A fresh start every time: a second run, or one after the student meddled, is the script again.
      if (!install(step)) return;
      cafe.getState().setHighlight(step.watch);
      store.setState({ phase: 'running', modified: false });
      cafe.getState().play();
    },

    async finishNow() {
      const here = current();
      if (!here?.step.scenario || get().phase !== 'running') return;
      await fastForward(cafe, here.step.scenario.until);
      if (get().phase === 'running' && current()?.step === here.step) reveal();
    },

    next() {
      const { view, phase } = get();
      if (view.kind === 'end') {
        const i = lessons.findIndex((l) => l.id === view.lessonId);
        if (i + 1 < lessons.length) engine.goToStep(lessons[i + 1].id, 1);
        else engine.openList();
        return;
      }
      const here = current();
      if (!here) return;
      if (phase === 'ready') return engine.run();
      if (phase === 'running') return void engine.finishNow();
      if (here.index + 1 < here.lesson.steps.length) open(here.lesson.id, here.index + 1);
      else {
        cafe.getState().setHighlight(undefined);
        store.setState({
          view: { kind: 'end', lessonId: here.lesson.id },
          phase: 'ready',
          choice: undefined,
        });
        emit({ name: 'lesson.completed', detail: { lessonId: here.lesson.id } });
      }
    },

    prev() {
      const { view } = get();
      if (view.kind === 'end') {
        const lesson = byId.get(view.lessonId)!;
        open(lesson.id, lesson.steps.length - 1);
        return;
      }
      const here = current();
      if (here && here.index > 0) open(here.lesson.id, here.index - 1);
    },

    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    connect() {
      unsubscribe ??= follow();
      if (get().view.kind === 'step' || get().view.kind === 'end') cafe.getState().setSlides(slides);
    },

    dispose() {
      unsubscribe?.();
      unsubscribe = undefined;
      if (cafe.getState().slides === slides) cafe.getState().setSlides(undefined);
      cafe.getState().setHighlight(undefined);
    },
  };
  return engine;
}
