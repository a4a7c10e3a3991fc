import { useId, type ReactNode } from 'react';
import type { ZoneId } from '../store/cafeStore';

/** A labelled area of the scene: the picture's name and what it stands for in Lambda. */
export function Zone({
  zone,
  title,
  meaning,
  className,
  children,
}: {
  /** Which region this is, for lesson highlights (`data-zone`). */
  zone: ZoneId;
  title: string;
  meaning: string;
  className?: string;
  children: ReactNode;
}) {
  // useId, not the title: several cafés on one page must not share element ids.
  const id = useId();
  return (
    <section className={`zone ${className ?? ''}`} aria-labelledby={id} data-zone={zone}>
      <h3 id={id} className="zone-title">
        {title} <span className="zone-meaning">= {meaning}</span>
      </h3>
      {children}
    </section>
  );
}
