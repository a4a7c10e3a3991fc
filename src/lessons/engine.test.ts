import { describe, expect, it, vi } from 'vitest';
import { createCafeStore } from '../store/cafeStore';
import { KEY_BINDINGS } from '../cafe/keyboard';
import { LESSONS } from './content';
import { createLessonEngine, isCorrect, type LessonEvent, type ProgressSink } from './engine';

function setup() {
  const cafe = createCafeStore({ paused: true });
  const sink: ProgressSink = { stepOpened: vi.fn(), stepDone: vi.fn(), answered: vi.fn() };
  const engine = createLessonEngine(cafe, LESSONS, sink);
  const events: LessonEvent[] = [];
  engine.onEvent((e) => events.push(e));
  return { cafe, engine, sink, events };
}

const press = (key: string, cafe: ReturnType<typeof createCafeStore>) =>
  KEY_BINDINGS.find((b) => b.keys.includes(key))!.run(cafe.getState());

describe('the lesson engine', () => {
  it('opens a step: its run installed paused at 0, its region highlighted, its steps the slides', () => {
    const { cafe, engine, sink, events } = setup();
    cafe.getState().order('sync'); // whatever the café was doing
    expect(engine.goToStep('receipt', 2)).toBe(true);
    expect(engine.getState()).toMatchObject({
      view: { kind: 'step', lessonId: 'receipt', index: 1 },
      phase: 'ready',
    });
    const s = cafe.getState();
    expect([s.now, s.playing, s.customerCount, s.settings.baristas, s.speed]).toEqual([0, false, 0, 1, 2]);
    expect(s.highlight).toBe('rail');
    expect(s.slides).toBeDefined();
    expect(sink.stepOpened).toHaveBeenCalledWith('receipt', 2);
    expect(events).toEqual([
      { name: 'step.changed', detail: { lessonId: 'receipt', step: 2, stepId: 'queue' } },
    ]);
  });

  it('an unknown lesson or step shows the list with a message', () => {
    const { engine } = setup();
    expect(engine.goToStep('nope')).toBe(false);
    expect(engine.getState()).toMatchObject({
      view: { kind: 'list' },
      message: 'There is no lesson "nope". Choose one from the list.',
    });
    expect(engine.goToStep('counter', 9)).toBe(false);
    expect(engine.getState().message).toBe(
      '"Waiting at the counter" has 2 steps; there is no step 9. Choose a lesson from the list.',
    );
  });

  it('guess, run, watch: the explanation comes when the run reaches the moment it explains', async () => {
    const { cafe, engine, sink, events } = setup();
    engine.goToStep('counter', 1);
    engine.choose('zero');
    engine.run();
    expect(engine.getState().phase).toBe('running');
    expect(cafe.getState().playing).toBe(true);
    // Played frame by frame, as the browser does: revealed at `until`, and the café pauses there.
    for (let i = 0; i < 40 && engine.getState().phase === 'running'; i++) cafe.getState().tick(250);
    expect(engine.getState()).toMatchObject({ phase: 'revealed', choice: 'zero', modified: false });
    expect(cafe.getState().now).toBeGreaterThanOrEqual(6_600);
    expect(cafe.getState().playing).toBe(false);
    expect(sink.stepDone).toHaveBeenCalledWith('counter', 'blocked');
    expect(events.at(-1)).toEqual({
      name: 'step.revealed',
      detail: { lessonId: 'counter', stepId: 'blocked', choice: 'zero', correct: false },
    });
    expect(isCorrect(engine.currentStep()!.step, 'five')).toBe(true);
  });

  it('the presenter’s next key runs, then finishes, then moves on; previous goes back', async () => {
    const { cafe, engine, events } = setup();
    engine.goToStep('counter', 2);
    press('PageDown', cafe);
    expect(engine.getState().phase).toBe('running');
    press('PageDown', cafe); // finish now
    await vi.waitFor(() => expect(engine.getState().phase).toBe('revealed'));
    expect(cafe.getState().now).toBe(6_600);
    press('PageDown', cafe); // the last step: the lesson's end
    expect(engine.getState().view).toEqual({ kind: 'end', lessonId: 'counter' });
    expect(events.at(-1)).toEqual({ name: 'lesson.completed', detail: { lessonId: 'counter' } });
    press('PageUp', cafe);
    expect(engine.getState().view).toEqual({ kind: 'step', lessonId: 'counter', index: 1 });
    engine.next();
    engine.next();
    await vi.waitFor(() => expect(engine.getState().phase).toBe('revealed'));
    engine.next();
    engine.next(); // from the end: the next lesson
    expect(engine.getState().view).toEqual({ kind: 'step', lessonId: 'receipt', index: 0 });
  });

  it('a step without a run reveals at once; a quiz answer is reported, the choice locked after', () => {
    const { engine, sink } = setup();
    engine.goToStep('quiz', 3);
    engine.choose('event');
    engine.choose('rr');
    engine.run();
    expect(engine.getState()).toMatchObject({ phase: 'revealed', choice: 'rr' });
    expect(sink.answered).toHaveBeenCalledWith('quiz', 'default-type', 'rr');
    engine.choose('event');
    expect(engine.getState().choice).toBe('rr');
  });

  it('a step with nothing to guess or run is done once read', () => {
    const { engine, sink } = setup();
    engine.goToStep('use-cases', 7);
    expect(engine.getState().phase).toBe('revealed');
    expect(sink.stepDone).toHaveBeenCalledWith('use-cases', 'summary');
  });

  it('says when the student changed the scripted run, and running it again restores the script', async () => {
    const { cafe, engine } = setup();
    engine.goToStep('receipt', 1);
    engine.run();
    cafe.getState().tick(250);
    cafe.getState().order('sync'); // acting replaces the recorded future: the scripted order is gone
    expect(engine.getState().modified).toBe(true);
    await engine.finishNow();
    expect(engine.getState().phase).toBe('revealed');
    engine.run();
    expect(engine.getState()).toMatchObject({ phase: 'running', modified: false });
    expect(cafe.getState().customerCount).toBe(0);
    await engine.finishNow();
    expect(
      cafe
        .getState()
        .sim.invocations()
        .map((r) => r.callerId),
    ).toEqual(['customer-1']);
  });

  it('closing gives the café back: no slides, no highlight (the keys step the model again)', () => {
    const { cafe, engine } = setup();
    engine.goToStep('receipt', 2);
    engine.close();
    expect([cafe.getState().slides, cafe.getState().highlight]).toEqual([undefined, undefined]);
    cafe.getState().order('async');
    press('PageDown', cafe);
    expect(cafe.getState().now).toBeGreaterThan(0);
    engine.goToStep('receipt', 2);
    engine.dispose();
    expect(cafe.getState().slides).toBeUndefined();
  });
});
