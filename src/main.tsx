import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { parseUrlOptions } from './app/urlOptions';
import { hasSharedSession, withSharedSession, type StartOptions } from './embed/shareLinkStart';
import './app/theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('Lambda Café: #root element missing from index.html');

function render({ options, present, problems, lesson, shared }: StartOptions) {
  createRoot(root!).render(
    <StrictMode>
      <App options={{ ...options, problems, shared }} present={present} lesson={lesson} />
    </StrictMode>,
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
// Offline and install (production builds only; README "Offline and install"): after the café has loaded.
if (import.meta.env.PROD)
  window.addEventListener('load', () => void import('./app/offline').then((m) => m.registerOffline()));
