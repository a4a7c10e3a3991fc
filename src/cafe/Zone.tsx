import { useId, type ReactNode } from 'react';
import type { ZoneId } from '../store/cafeStore';

/**
 * A region of the café, with a sign: the plain words first, the AWS term second as a small tag
 * (never a heading of jargon). `data-zone` is what lesson highlights and the tests find.
 */
export function Zone({
  zone,
  title,
  term,
  className,
  children,
}: {
  /** Which region this is, for lesson highlights (`data-zone`). */
  zone: ZoneId;
  title: string;
  /** The AWS name of what the picture stands for. */
  term: string;
  className?: string;
  children: ReactNode;
}) {
  // useId, not the title: several cafés on one page must not share element ids.
  const id = useId();
  return (
    <section className={`zone zone-${zone} ${className ?? ''}`} aria-labelledby={id} data-zone={zone}>
      <h3 id={id} className="zone-sign">
        <span className="sign-words">{title}</span> <span className="aws-term">{term}</span>
      </h3>
      {children}
    </section>
  );
}
