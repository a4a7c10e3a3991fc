/**
 * Connects a café to the server's Lambda bridge, so a real AWS CLI or SDK can call it (README:
 * "Use your own AWS CLI or SDK"). The client is loaded lazily, and only where the page comes
 * from this machine over http (`npm run dev` or `vite preview`): an embed on another host
 * never tries.
 */
import { useEffect, type RefObject } from 'react';
import type { CafeStore } from '../store/cafeStore';

function servedByLocalServer(): boolean {
  if (typeof location === 'undefined' || typeof EventSource === 'undefined') return false;
  return location.protocol === 'http:' && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(location.hostname);
}

export function useLambdaBridge(store: CafeStore, root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!servedByLocalServer()) return;
    let disconnect: (() => void) | undefined;
    let cancelled = false;
    void import('./bridgeClient').then(({ connectCafe }) => {
      if (!cancelled) disconnect = connectCafe(store, root.current);
    });
    return () => {
      cancelled = true;
      disconnect?.();
    };
  }, [store, root]);
}
