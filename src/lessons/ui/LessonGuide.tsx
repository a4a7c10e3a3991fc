import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useCafeStore } from '../../store/CafeContext';
import { LESSONS } from '../content';
import { createLessonEngine, type LessonEngine } from '../engine';
import { createProgressStore, type ProgressStore } from '../progress';
import type { LessonLink } from './LessonsEntry';
import { LessonList } from './LessonList';
import { LessonCard } from './LessonCard';
import { LessonEnd } from './LessonEnd';
import './lessons.css';

/**
 * The lessons inside one café: an engine driving that café's store, and the progress saved in
 * the browser. Lazy-loaded by LessonsEntry.
 */
export default function LessonGuide({ link, onClose }: { link?: LessonLink; onClose: () => void }) {
  const cafe = useCafeStore();
  const [progress] = useState(() => createProgressStore());
  const [engine] = useState(() => {
    const created = createLessonEngine(cafe, LESSONS, progress.getState());
    if (link) created.goToStep(link.id, link.step);
    else created.openList();
    return created;
  });
  // Following the café is an effect's: disposed on unmount, reconnected if React runs it again.
  useEffect(() => {
    engine.connect();
    return () => engine.dispose();
  }, [engine]);

  return <GuideView engine={engine} progress={progress} onClose={onClose} />;
}

function GuideView({
  engine,
  progress,
  onClose,
}: {
  engine: LessonEngine;
  progress: ProgressStore;
  onClose: () => void;
}) {
  const view = useStore(engine, (s) => s.view);
  useEffect(() => {
    if (view.kind === 'closed') onClose();
  }, [view, onClose]);

  return (
    <section className="lesson-guide" aria-label="Lessons">
      {view.kind === 'list' && <LessonList engine={engine} progress={progress} />}
      {view.kind === 'step' && (
        // A new step is a new card: its focus and local state start afresh.
        <LessonCard key={`${view.lessonId}/${view.index}`} engine={engine} progress={progress} />
      )}
      {view.kind === 'end' && <LessonEnd engine={engine} progress={progress} lessonId={view.lessonId} />}
    </section>
  );
}
