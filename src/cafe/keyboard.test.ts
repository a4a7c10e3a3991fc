import { describe, expect, it, vi } from 'vitest';
import { KEY_BINDINGS } from './keyboard';
import type { CafeState } from '../store/cafeStore';

// (bindingFor needs a DOM for its typing check; the bindings themselves do not.)
const press = (key: string) => KEY_BINDINGS.find((b) => b.keys.includes(key))!;

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
});
