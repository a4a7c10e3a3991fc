/**
 * The offline café's page side (README "Offline and install"): registers the service worker
 * that plugins/serviceWorker.ts writes into production builds, and when a newer version has
 * installed and waits, shows "A new version of Lambda Café is available" with Reload and
 * dismiss. Plain DOM (no React): it loads after the café, off the first view.
 */
import './offline.css';

const SW_URL = './sw.js';
/** Set when the user asked for the new version: then (only then) a change of worker reloads the page. */
let reloading = false;

function offer(worker: ServiceWorker) {
  showUpdate(() => {
    reloading = true;
    // A ServiceWorker's postMessage takes no target origin (the lint rule is for windows).
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    worker.postMessage({ type: 'lambda-cafe:activate' });
  });
}

export function registerOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  // Not when the first install takes control: only after Reload.
  container.addEventListener('controllerchange', () => {
    if (reloading) window.location.reload();
  });
  container
    .register(SW_URL)
    .then((registration) => {
      // A version that installed earlier and is still waiting (another tab kept the old one).
      if (registration.waiting && container.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          // 'installed' with a controller: a newer version waits; without one, this is the first install.
          if (worker.state === 'installed' && container.controller) offer(worker);
        });
      });
    })
    .catch(() => {
      // No worker (a private window, a file:// copy): the café works online as before; nothing to say.
    });
}

let shown: HTMLElement | undefined;

/** The notice: a polite live region with Reload and a dismiss button, keyboard reachable. */
export function showUpdate(reload: () => void): HTMLElement {
  shown?.remove();
  const box = document.createElement('div');
  box.className = 'update-notice';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  const text = document.createElement('span');
  text.textContent = 'A new version of Lambda Café is available. Reload to use it (the café starts again).';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    button.disabled = true;
    reload();
  });
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'btn ghost';
  dismiss.textContent = '×';
  dismiss.setAttribute('aria-label', 'Dismiss the new-version message');
  dismiss.addEventListener('click', () => {
    box.remove();
    shown = undefined;
  });
  box.append(text, button, dismiss);
  document.body.append(box);
  shown = box;
  return box;
}
