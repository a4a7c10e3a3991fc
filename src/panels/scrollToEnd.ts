/**
 * Scrolls `el` to its end just before the next frame is drawn. Reading `scrollHeight` forces a
 * layout: done in a commit, it lays the page out twice in one frame (once for the read, once
 * after the rest of the commit), which is most of a seek's cost with the logs in view. In an
 * animation-frame callback the read is the frame's own layout. Returns the cancel, for an effect's
 * cleanup (a newer commit reschedules it).
 */
export function scrollToEndBeforePaint(el: HTMLElement): () => void {
  const id = requestAnimationFrame(() => {
    el.scrollTop = el.scrollHeight;
  });
  return () => cancelAnimationFrame(id);
}
