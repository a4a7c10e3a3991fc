import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createCafeStore, type CafeOptions, type CafeState, type CafeStore } from './cafeStore';

const CafeContext = createContext<CafeStore | null>(null);

/** Gives its subtree one café: a store created once per provider, so cafés never share state. */
export function CafeProvider({ options, children }: { options?: CafeOptions; children: ReactNode }) {
  const [store] = useState(() => createCafeStore(options));
  return <CafeContext.Provider value={store}>{children}</CafeContext.Provider>;
}

export function useCafeStore(): CafeStore {
  const store = useContext(CafeContext);
  if (!store) throw new Error('useCafe must be used inside <CafeProvider>');
  return store;
}

export function useCafe<T>(selector: (state: CafeState) => T): T {
  return useStore(useCafeStore(), selector);
}

/**
 * The virtual clock, for the few leaves that tick (timers, progress bars, totals). The scene's
 * structure re-derives only when the model changes, so a ticking number never re-renders
 * (or re-measures) the animated shells around it.
 */
export function useNow(): number {
  return useCafe((s) => s.now);
}

/**
 * Above this speed cards jump between zones instead of gliding: a glide would last a fraction
 * of the model time it shows, and measuring layouts every frame costs the frame rate. After a
 * seek (rewind, the playhead) they jump too, until the café moves on.
 */
export const GLIDE_MAX_SPEED = 4;

export function useGlide(): boolean {
  return useCafe((s) => s.speed <= GLIDE_MAX_SPEED && !s.jumped);
}

/**
 * The virtual clock for numbers people read (timers, totals): it re-renders at most every
 * `realMs` of real time, whatever the speed. At 16× a tenth-of-a-second display would otherwise
 * change, and re-lay out its text, on every frame; a progress bar (useNow) still moves smoothly.
 */
export function useReadableNow(realMs = 100): number {
  const store = useCafeStore();
  useCafe((s) => Math.floor(s.now / (realMs * s.speed)));
  return store.getState().now;
}
