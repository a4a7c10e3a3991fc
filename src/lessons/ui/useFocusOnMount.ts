import { useEffect, useRef } from 'react';

/**
 * Focus for a view that replaces another (the list, a step, a lesson's end): keyboard and
 * screen-reader users land on its heading instead of on the page's body.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
