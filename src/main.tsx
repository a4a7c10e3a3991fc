import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { parseUrlOptions } from './app/urlOptions';
import { hasSharedSession, withSharedSession, type StartOptions } from './embed/shareLinkStart';
import './app/theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('Lambda Café: #root element missing from index.html');

function render({ options, present, problems, lesson, shared }: StartOptions) {
  // A transition: React builds the café in slices of a few milliseconds instead of one long
  // task, so a phone's main thread stays free for the reader's first tap (the header and the
  // introduction are static HTML, painted already).
  startTransition(() =>
    createRoot(root!).render(
      <StrictMode>
        <App options={{ ...options, problems, shared }} present={present} lesson={lesson} />
      </StrictMode>,
    ),
  );
}

const parsed = parseUrlOptions(window.location.search);
// A share link (#session=…) is decoded first (its codec loads on demand); README "Share a session".
if (hasSharedSession(window.location.hash))
  void withSharedSession(parsed, window.location.search, window.location.hash).then(render);
else render(parsed);
// A share link pasted into this tab's address bar changes only the fragment: open it.
window.addEventListener('hashchange', () => {
  if (hasSharedSession(window.location.hash)) window.location.reload();
});
// Offline and install (production builds only; README "Offline and install"): once the café has
// loaded and the page is idle (the worker's install fetches every file: not while the café starts).
const registerOffline = () => void import('./app/offline').then((m) => m.registerOffline());
if (import.meta.env.PROD)
  window.addEventListener('load', () => {
    if ('requestIdleCallback' in window) requestIdleCallback(registerOffline, { timeout: 5_000 });
    else setTimeout(registerOffline, 2_000);
  });
