import { useEffect, useRef } from 'react';

/**
 * Focus for a view that replaces another (the list, a step, a lesson's end): keyboard and
 * screen-reader users land on its heading instead of on the page's body.
 * Not in an embedded café before its reader has touched it (a click or a key inside it): focus
 * would leave the host page, and scroll it to the café, while the reader is still reading the
 * tutorial around it — or when the host page drives the café (goToStep).
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (framed() && !touched) return;
    ref.current?.focus();
  }, []);
  return ref;
}

let touched = false;
if (typeof window !== 'undefined') {
  const touch = () => {
    touched = true;
  };
  window.addEventListener('pointerdown', touch, { capture: true, once: true });
  window.addEventListener('keydown', touch, { capture: true, once: true });
}

function framed(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a cross-origin parent can refuse even the comparison in old browsers
  }
}
