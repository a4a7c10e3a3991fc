import { describe, expect, it } from 'vitest';
import { SPEEDS } from '../store/cafeStore';
import { claimsResultInLogs } from '../cafe/narrate';
import { LESSONS } from './content';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const steps = LESSONS.flatMap((lesson) => lesson.steps.map((step) => ({ lesson, step })));

describe('the lessons as data', () => {
  it('follow the tutorial’s order, with ids a link can name', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'counter',
      'receipt',
      'both-ways',
      'terminal',
      'result',
      'use-cases',
      'misconceptions',
      'quiz',
    ]);
    for (const lesson of LESSONS) {
      expect(lesson.steps.length).toBeGreaterThan(0);
      const ids = lesson.steps.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of [lesson.id, ...ids]) expect(id).toMatch(/^[a-z0-9-]{1,40}$/);
    }
  });

  it('keep each step’s text to 60 words at most', () => {
    const long = steps
      .filter(({ step }) => words(step.text) > 60)
      .map(({ step }) => `${step.id}: ${words(step.text)}`);
    expect(long).toEqual([]);
  });

  it('ask predictions with 2–4 choices, exactly one right, and an explanation of its own for each wrong one', () => {
    for (const { lesson, step } of steps) {
      const p = step.prediction;
      if (!p) continue;
      const where = `${lesson.id}/${step.id}`;
      expect(p.choices.length, where).toBeGreaterThanOrEqual(2);
      expect(p.choices.length, where).toBeLessThanOrEqual(4);
      expect(p.choices.filter((c) => c.correct).length, where).toBe(1);
      const explanations = p.choices.map((c) => c.explanation.trim());
      expect(
        explanations.every((e) => e.length > 20),
        where,
      ).toBe(true);
      expect(new Set(explanations).size, where).toBe(explanations.length);
      expect(new Set(p.choices.map((c) => c.id)).size, where).toBe(p.choices.length);
    }
  });

  it('run every scenario at an offered speed, long enough to show its last scripted action, watching a region', () => {
    for (const { lesson, step } of steps) {
      const s = step.scenario;
      if (!s) continue;
      const where = `${lesson.id}/${step.id}`;
      expect(SPEEDS as readonly number[], where).toContain(s.speed);
      expect(s.until, where).toBeGreaterThan(Math.max(0, ...(s.actions ?? []).map((a) => a.t)));
      expect(step.watch, where).toBeDefined();
      expect(step.prediction, where).toBeDefined();
      expect(step.explanation, where).toBeTruthy();
    }
  });

  it('put each of the four misconceptions to the test by name', () => {
    const lesson = LESSONS.find((l) => l.id === 'misconceptions')!;
    expect(lesson.steps.map((s) => s.title)).toEqual([
      '“Async returns my result later”',
      '“202 means it worked”',
      '“My 5 s handler fits the default timeout”',
      '“My code runs once per event”',
    ]);
    expect(lesson.steps.every((s) => s.prediction && s.scenario)).toBe(true);
  });

  it('have a use-case chooser of 4–6 situations, sync or async, with feedback on both answers', () => {
    const lesson = LESSONS.find((l) => l.id === 'use-cases')!;
    const situations = lesson.steps.filter((s) => s.prediction);
    expect(situations.length).toBeGreaterThanOrEqual(4);
    expect(situations.length).toBeLessThanOrEqual(6);
    for (const s of situations) expect(s.prediction!.choices.map((c) => c.id)).toEqual(['sync', 'async']);
    expect(situations.map((s) => s.prediction!.choices.find((c) => c.correct)!.id)).toEqual(
      expect.arrayContaining(['sync', 'async']),
    );
  });

  it('end with a quiz of 8–12 scored questions', () => {
    const quiz = LESSONS.at(-1)!;
    expect(quiz.quiz).toBe(true);
    expect(quiz.steps.length).toBeGreaterThanOrEqual(8);
    expect(quiz.steps.length).toBeLessThanOrEqual(12);
    expect(quiz.steps.every((s) => s.prediction && !s.scenario)).toBe(true);
  });

  it('never say that a return value is written to the logs (only wrong answers may believe it)', () => {
    const said = steps.flatMap(({ step }) => [
      step.title,
      step.text,
      step.explanation ?? '',
      ...(step.prediction?.choices ?? []).flatMap((c) =>
        c.correct ? [c.text, c.explanation] : [c.explanation],
      ),
    ]);
    expect(said.filter(claimsResultInLogs)).toEqual([]);
    // The wrong answers that believe it are there to be corrected.
    const believers = steps.flatMap(({ step }) =>
      (step.prediction?.choices ?? []).filter((c) => !c.correct && claimsResultInLogs(c.text)),
    );
    expect(believers.length).toBeGreaterThan(0);
  });
});
