import { describe, expect, it, vi } from 'vitest';
import { KEY_BINDINGS, bindingFor } from './keyboard';
import type { CafeState } from '../store/cafeStore';
import type { StageState } from './Stage/stageStore';

// (bindingFor's typing check needs a DOM for elements; a plain target is "not typing".)
const press = (key: string) => KEY_BINDINGS.find((b) => b.keys.includes(key))!;
const key = (k: string) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: null });

function fakeStage(presenting: boolean) {
  return {
    presenting,
    toggleBlank: vi.fn(),
    togglePresenting: vi.fn(),
    toggleFullscreen: vi.fn(),
    leave: vi.fn(),
  } as unknown as StageState;
}

describe('presenter keys', () => {
  it('PageDown / PageUp step the model, or move between lesson steps while a lesson runs', () => {
    const state = { step: vi.fn(), stepBack: vi.fn(), slides: undefined } as unknown as CafeState;
    press('PageDown').run(state);
    press('PageUp').run(state);
    expect(state.step).toHaveBeenCalledTimes(1);
    expect(state.stepBack).toHaveBeenCalledTimes(1);

    const slides = { next: vi.fn(), prev: vi.fn() };
    const inLesson = { ...state, slides } as CafeState;
    press('PageDown').run(inLesson);
    press('ArrowRight').run(inLesson);
    press('PageUp').run(inLesson);
    expect(slides.next).toHaveBeenCalledTimes(2);
    expect(slides.prev).toHaveBeenCalledTimes(1);
    expect(state.step).toHaveBeenCalledTimes(1);
  });

  it('b steps back outside presenter mode and blanks the screen in it; "." only blanks, only there', () => {
    const state = { step: vi.fn(), stepBack: vi.fn(), slides: undefined } as unknown as CafeState;
    const normal = fakeStage(false);
    bindingFor(key('b'), normal)!.run(state, normal);
    expect(state.stepBack).toHaveBeenCalledTimes(1);
    expect(normal.toggleBlank).not.toHaveBeenCalled();
    expect(bindingFor(key('.'), normal)).toBeUndefined();

    const presenting = fakeStage(true);
    bindingFor(key('b'), presenting)!.run(state, presenting);
    bindingFor(key('.'), presenting)!.run(state, presenting);
    expect(presenting.toggleBlank).toHaveBeenCalledTimes(2);
    expect(state.stepBack).toHaveBeenCalledTimes(1);
  });

  it('Esc closes the help first, then leaves presenter mode', () => {
    const stage = fakeStage(true);
    const withHelp = { helpOpen: true, toggleHelp: vi.fn() } as unknown as CafeState;
    press('Escape').run(withHelp, stage);
    expect(withHelp.toggleHelp).toHaveBeenCalledWith(false);
    expect(stage.leave).not.toHaveBeenCalled();
    press('Escape').run({ ...withHelp, helpOpen: false } as CafeState, stage);
    expect(stage.leave).toHaveBeenCalledTimes(1);
  });

  it('p and f switch presenter mode and full screen; modified keys are left to the browser', () => {
    const stage = fakeStage(false);
    const state = {} as CafeState;
    bindingFor(key('p'), stage)!.run(state, stage);
    bindingFor(key('f'), stage)!.run(state, stage);
    expect(stage.togglePresenting).toHaveBeenCalledTimes(1);
    expect(stage.toggleFullscreen).toHaveBeenCalledTimes(1);
    expect(bindingFor({ ...key('r'), ctrlKey: true }, stage)).toBeUndefined();
  });
});
