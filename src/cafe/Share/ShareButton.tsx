import { useEffect, useRef, useState } from 'react';
import { useCafeStore } from '../../store/CafeContext';
import { formatClock } from '../format';
import { shareUrl } from '../../embed/shareLinkStart';
import type { ShareStatus as Status } from './shareFlow';
import './share.css';

/**
 * "Share": copies a link that reopens this session (src/embed/shareLink.ts) — paused at this
 * moment, with the same scene. The codec loads on the first click, off the first view.
 */
export function ShareButton() {
  const store = useCafeStore();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (status.kind === 'manual') field.current?.select();
  }, [status]);

  async function share() {
    setStatus({ kind: 'working' });
    try {
      const { shareSession } = await import('./shareFlow');
      setStatus(await shareSession(store.getState(), shareUrl));
    } catch {
      // The flow's chunk did not arrive (offline before it was cached).
      setStatus({ kind: 'refused', text: 'The link could not be made in this browser. Try again.' });
    }
  }

  const message =
    status.kind === 'copied'
      ? `Link copied. It reopens this session paused at ${formatClock(status.at)}.`
      : status.kind === 'manual'
        ? `Copying was not allowed: copy this link (Ctrl+C or ⌘C). It reopens this session paused at ${formatClock(status.at)}.`
        : status.kind === 'refused'
          ? status.text
          : '';

  return (
    <div className="share">
      <button
        type="button"
        className="btn ghost share-button"
        onClick={() => void share()}
        aria-disabled={status.kind === 'working' || undefined}
        title="Share: copy a link that reopens this session, paused at this moment"
      >
        {/* On a laptop-wide bar only the icon shows (the bar must stay one row); the name stays for screen readers. */}
        <svg
          className="share-icon"
          viewBox="0 0 16 16"
          width="16"
          height="16"
          aria-hidden="true"
          focusable="false"
        >
          <path
            d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5l-1.2 1.2a2.5 2.5 0 0 1-3.5-3.5L5.5 8"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
          />
        </svg>
        <span className="share-label">Share</span>
      </button>
      {/* Always in the page, so that a screen reader hears each new message. */}
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      <div className="share-panel" hidden={!message} data-kind={status.kind}>
        <p>{message}</p>
        {status.kind === 'manual' && (
          <input
            ref={field}
            className="share-url"
            readOnly
            value={status.url}
            aria-label="Share link"
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
        <button
          type="button"
          className="btn ghost"
          onClick={() => setStatus({ kind: 'idle' })}
          aria-label="Close the share message"
        >
          ×
        </button>
      </div>
    </div>
  );
}
