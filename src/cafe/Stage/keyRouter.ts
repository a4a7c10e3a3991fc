/**
 * Routes the page's key presses to one café, so a presenter's keys work from page load without
 * a click: a key pressed inside a café goes to that café; any other key goes to the café last
 * focused or used, or to the only café on the page. (Page-wide by nature: one listener on the
 * document serves every café; each café still owns its own state and registers here.)
 */

export interface KeyClient {
  /** The café's root element: keys pressed inside it are its own. */
  root: HTMLElement;
  /** Handles a key press; calls preventDefault on the keys it uses. */
  onKey(event: KeyboardEvent): void;
  /** Told whether it receives the page's keys (for the visible "keys are live" hint). */
  setLive(live: boolean): void;
}

const clients: KeyClient[] = [];
let lastUsed: KeyClient | undefined;

function current(): KeyClient | undefined {
  if (lastUsed && clients.includes(lastUsed)) return lastUsed;
  return clients.length === 1 ? clients[0] : undefined;
}

function notify() {
  const live = current();
  for (const client of clients) client.setLive(client === live);
}

/** The café an event happened in; composedPath sees through shadow roots (script embeds). */
function owner(event: Event): KeyClient | undefined {
  const path = event.composedPath();
  return clients.find((client) => path.includes(client.root));
}

function onKeyDown(event: KeyboardEvent) {
  // A field, a slider or a tab list already used this key.
  if (event.defaultPrevented) return;
  (owner(event) ?? current())?.onKey(event);
}

function onUse(event: Event) {
  const client = owner(event);
  if (client && client !== lastUsed) {
    lastUsed = client;
    notify();
  }
}

/** Registers a café; returns the function that unregisters it. */
export function registerKeys(client: KeyClient): () => void {
  if (clients.length === 0) {
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onUse);
    document.addEventListener('pointerdown', onUse);
  }
  clients.push(client);
  notify();
  return () => {
    clients.splice(clients.indexOf(client), 1);
    if (lastUsed === client) lastUsed = undefined;
    client.setLive(false);
    if (clients.length === 0) {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onUse);
      document.removeEventListener('pointerdown', onUse);
    } else notify();
  };
}
