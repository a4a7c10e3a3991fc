import type { Scenario, ZoneId } from '../store/cafeStore';

/** One answer to a prediction or a quiz question, with why it is (or is not) right. */
export interface Choice {
  id: string;
  text: string;
  correct?: boolean;
  /** Shown after the run (or the check) to whoever picked this choice. */
  explanation: string;
}

/** The guess a step asks for before it shows anything: 2–4 choices, exactly one correct. */
export interface Prediction {
  question: string;
  choices: Choice[];
}

/** A lesson step's narrated run: the café restarts as `Scenario`, then plays at `speed`. */
export interface StepScenario extends Scenario {
  /** Playback speed while the student watches (1 = real Lambda time). */
  speed: number;
  /** Virtual ms by which the run has shown what the step is about: then its explanation appears. */
  until: number;
}

/** Something the card shows after the run, drawn from the model (not written by hand). */
export type StepExtra = 'comparison' | 'terminal' | 'logs' | 'destination';

export interface LessonStep {
  /** Stable within its lesson (progress and quiz answers are saved under it). */
  id: string;
  title: string;
  /** What the student reads first; at most 60 words (a test enforces it). */
  text: string;
  prediction?: Prediction;
  scenario?: StepScenario;
  /** The scene region to watch while it runs. */
  watch?: ZoneId;
  /** Shown once the run (or the check) is over. */
  explanation?: string;
  extra?: StepExtra;
}

export interface Lesson {
  id: string;
  title: string;
  /** One line for the lesson list. */
  summary: string;
  /** A quiz: every step is a scored question (the first answer counts). */
  quiz?: boolean;
  steps: LessonStep[];
}
