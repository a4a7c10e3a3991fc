import { useEffect } from 'react';
import { useCafeStore } from '../../store/CafeContext';
import type { SlideController } from '../../store/cafeStore';

export type SlideKey = keyof SlideController;

/**
 * Stands in for the lessons while their chunk loads (in the app and in an embed). The presenter's
 * next/previous keys pressed meanwhile wait in `pressed` for the lesson: were they to step the
 * café, the step's scenario would reset it a moment later and the key press would be lost.
 */
export function LoadingLessons({ pressed }: { pressed: SlideKey[] }) {
  const cafe = useCafeStore();
  useEffect(() => {
    const waiting: SlideController = { next: () => pressed.push('next'), prev: () => pressed.push('prev') };
    cafe.getState().setSlides(waiting);
    return () => {
      if (cafe.getState().slides === waiting) cafe.getState().setSlides(undefined);
    };
  }, [cafe, pressed]);
  return (
    <p className="lessons-entry" role="status">
      Loading the lessons…
    </p>
  );
}

/** After the guide: the keys pressed while it loaded go to its step (none if it opened the list). */
export function ReplayKeys({ pressed }: { pressed: SlideKey[] }) {
  const cafe = useCafeStore();
  useEffect(() => {
    const keys = pressed.splice(0);
    const slides = cafe.getState().slides;
    if (slides) for (const key of keys) slides[key]();
  }, [cafe, pressed]);
  return null;
}
