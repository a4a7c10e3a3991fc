import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useCafeStore } from '../store/CafeContext';
import { LESSONS } from '../lessons/content';
import { createLessonEngine } from '../lessons/engine';
import { createProgressStore } from '../lessons/progress';
import { LessonList } from '../lessons/ui/LessonList';
import { LessonCard } from '../lessons/ui/LessonCard';
import { LessonEnd } from '../lessons/ui/LessonEnd';
import type { LessonsHub } from './lessonsHub';
import '../lessons/ui/lessons.css';

/**
 * The lessons inside an embedded café (lazy, like the app's LessonGuide): the same engine and
 * cards, and the engine handed to the embed bridge (goToStep, step and lesson events).
 */
export default function EmbedLessons({
  link,
  hub,
  onClose,
}: {
  link: { id: string; step: number } | undefined;
  hub: LessonsHub;
  onClose: () => void;
}) {
  const cafe = useCafeStore();
  const [progress] = useState(() => createProgressStore());
  const [engine] = useState(() => createLessonEngine(cafe, LESSONS, progress.getState()));
  const view = useStore(engine, (s) => s.view);
  const opened = useRef(false);

  useEffect(() => {
    engine.connect();
    const detach = hub.attach(engine);
    if (link) engine.goToStep(link.id, link.step);
    else engine.openList();
    return () => {
      detach();
      engine.dispose();
    };
  }, [engine, hub, link]);

  useEffect(() => {
    if (view.kind !== 'closed') opened.current = true;
    else if (opened.current) onClose();
  }, [view, onClose]);

  return (
    <section className="lesson-guide" aria-label="Lessons">
      {view.kind === 'list' && <LessonList engine={engine} progress={progress} />}
      {view.kind === 'step' && (
        <LessonCard key={`${view.lessonId}/${view.index}`} engine={engine} progress={progress} />
      )}
      {view.kind === 'end' && <LessonEnd engine={engine} progress={progress} lessonId={view.lessonId} />}
    </section>
  );
}
