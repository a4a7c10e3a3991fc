import { lazy, Suspense, useEffect, useRef, useState } from 'react';

// The dialog (snippets, copy buttons) loads on the first click, off the first view's budget.
const EmbedDialog = lazy(() => import('./EmbedDialog'));

/**
 * "Embed this café in a page…", in the Kitchen panel (the control bar has no room left at 1280 px):
 * opens a dialog that writes the snippets for putting this café in another page. */
export function EmbedButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus returns to the button once the dialog is gone (while it is modal the button is inert).
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn ghost embed-open"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Embed this café in a page…
      </button>
      {open && (
        <Suspense fallback={null}>
          <EmbedDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
