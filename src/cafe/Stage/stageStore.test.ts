import { describe, expect, it } from 'vitest';
import { createStageStore } from './stageStore';

// Without a DOM: no stage element is attached, so fullscreen is refused and said so.
describe('the stage (presenter mode)', () => {
  it('starts presenting when asked (?present=1) and leaves with Esc, un-blanking first', () => {
    const stage = createStageStore({ presenting: true });
    expect(stage.getState().presenting).toBe(true);
    stage.getState().toggleBlank();
    expect(stage.getState().blank).toBe(true);
    expect(stage.getState().leave()).toBe(true);
    expect(stage.getState()).toMatchObject({ blank: false, presenting: true });
    expect(stage.getState().leave()).toBe(true);
    expect(stage.getState().presenting).toBe(false);
    expect(stage.getState().leave()).toBe(false);
  });

  it('blanks only in presenter mode', () => {
    const stage = createStageStore();
    stage.getState().toggleBlank();
    expect(stage.getState().blank).toBe(false);
    stage.getState().setPresenting(true, { fullscreen: false });
    stage.getState().toggleBlank();
    expect(stage.getState().blank).toBe(true);
    stage.getState().togglePresenting();
    expect(stage.getState()).toMatchObject({ presenting: false, blank: false });
  });

  it('says why when fullscreen is not available, and presents in the window instead', () => {
    const stage = createStageStore();
    stage.getState().togglePresenting();
    expect(stage.getState().presenting).toBe(true);
    expect(stage.getState().fullscreenRefused).toMatch(/not available here/);
  });
});
