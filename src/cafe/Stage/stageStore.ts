import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * How one café is being shown: normal, or as a presenter's stage (the scene, the narration and
 * a slim control bar filling the screen). Kept apart from the café's store: it is about the
 * screen, not the simulation, and rewinding the model must never change it.
 */
export interface StageState {
  presenting: boolean;
  /** The presenter blanked the screen (`b` / `.`, as slide clickers send). */
  blank: boolean;
  /** The stage is the browser's fullscreen element. */
  fullscreen: boolean;
  /** This café receives the page's keys: the only café on the page, or the one last focused or used. */
  keysLive: boolean;
  /** Why the last fullscreen request failed (an embed without allowfullscreen, a browser that refuses). */
  fullscreenRefused: string | undefined;

  /** The element that presenter mode shows fullscreen; set by the Stage component. */
  attach(el: HTMLElement | null): void;
  /** Enters (with fullscreen where allowed) or leaves presenter mode. */
  setPresenting(on: boolean, options?: { fullscreen?: boolean }): void;
  togglePresenting(): void;
  toggleFullscreen(): void;
  toggleBlank(): void;
  /** Esc: un-blank first, then leave presenter mode. Returns false when there was nothing to leave. */
  leave(): boolean;
  /** The browser left or entered fullscreen (its own Esc, or our request). */
  fullscreenChanged(): void;
}

export type StageStore = StoreApi<StageState>;

export function createStageStore(initial: { presenting?: boolean } = {}): StageStore {
  let stage: HTMLElement | null = null;
  /** Set while we ask the browser to leave fullscreen ourselves (`f`): presenter mode stays on. */
  let leavingByRequest = false;

  function exitFullscreen() {
    if (typeof document === 'undefined' || !stage || document.fullscreenElement !== stage) return;
    leavingByRequest = true;
    void document.exitFullscreen().catch(() => (leavingByRequest = false));
  }

  return createStore<StageState>()((set, get) => {
    function enterFullscreen() {
      if (!stage || typeof stage.requestFullscreen !== 'function' || !document.fullscreenEnabled) {
        set({ fullscreenRefused: 'Full screen is not available here; the stage fills the window instead.' });
        return;
      }
      stage.requestFullscreen().then(
        () => set({ fullscreenRefused: undefined }),
        () =>
          set({
            fullscreenRefused: 'The browser refused full screen; the stage fills the window instead.',
          }),
      );
    }
    return {
      presenting: initial.presenting ?? false,
      blank: false,
      fullscreen: false,
      keysLive: false,
      fullscreenRefused: undefined,

      attach(el) {
        stage = el;
      },
      setPresenting(on, options = {}) {
        if (on === get().presenting) return;
        if (on) {
          set({ presenting: true, blank: false });
          if (options.fullscreen ?? true) enterFullscreen();
        } else {
          exitFullscreen();
          set({ presenting: false, blank: false, fullscreenRefused: undefined });
        }
      },
      togglePresenting() {
        get().setPresenting(!get().presenting);
      },
      toggleFullscreen() {
        if (get().fullscreen) {
          exitFullscreen();
          return;
        }
        if (!get().presenting) set({ presenting: true, blank: false });
        enterFullscreen();
      },
      toggleBlank() {
        set((s) => ({ blank: s.presenting && !s.blank }));
      },
      leave() {
        const { blank, presenting } = get();
        if (blank) set({ blank: false });
        else if (presenting) get().setPresenting(false);
        return blank || presenting;
      },
      fullscreenChanged() {
        const fullscreen = stage !== null && document.fullscreenElement === stage;
        const wasFullscreen = get().fullscreen;
        set({ fullscreen });
        // The browser's own Esc ends fullscreen without a key event reaching the page: it means
        // "leave", so presenter mode ends with it. Our own `f` only leaves fullscreen.
        if (wasFullscreen && !fullscreen && !leavingByRequest && get().presenting) {
          set({ presenting: false, blank: false });
        }
        leavingByRequest = false;
      },
    };
  });
}
