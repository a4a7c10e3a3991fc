import { useId, type ReactNode } from 'react';

/** A labelled area of the scene: the picture's name and what it stands for in Lambda. */
export function Zone({
  title,
  meaning,
  className,
  children,
}: {
  title: string;
  meaning: string;
  className?: string;
  children: ReactNode;
}) {
  // useId, not the title: several cafés on one page must not share element ids.
  const id = useId();
  return (
    <section className={`zone ${className ?? ''}`} aria-labelledby={id}>
      <h3 id={id} className="zone-title">
        {title} <span className="zone-meaning">= {meaning}</span>
      </h3>
      {children}
    </section>
  );
}
