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
