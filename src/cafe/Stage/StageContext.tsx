import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StageState, StageStore } from './stageStore';

export const StageContext = createContext<StageStore | null>(null);

export function useStageStore(): StageStore {
  const store = useContext(StageContext);
  if (!store) throw new Error('useStage must be used inside a café (StageContext)');
  return store;
}

export function useStage<T>(selector: (state: StageState) => T): T {
  return useStore(useStageStore(), selector);
}
