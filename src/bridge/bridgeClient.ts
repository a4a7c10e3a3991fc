/**
 * The café tab's end of the server's Lambda bridge (server/lambdaBridge.ts): it listens for
 * calls from real AWS clients on a same-origin event stream, lets the café that had focus last
 * answer each one, and POSTs the answer back. Loaded lazily (index.ts), only where a dev or
 * preview server can be serving the page. Several cafés on a page share one connection.
 */
import type { CafeStore } from '../store/cafeStore';
import { answerCall, OutsideCallers } from './outsideCall';
import { BRIDGE_EVENTS, BRIDGE_PATH, type BridgeCall, type BridgeReply } from './protocol';

interface ConnectedCafe {
  store: CafeStore;
  callers: OutsideCallers;
  focus: number;
}

const cafes: ConnectedCafe[] = [];
let focusSeq = 0;
let source: EventSource | undefined;
let tab: string | undefined;

function reportFocus(): void {
  if (!tab || document.visibilityState !== 'visible') return;
  void fetch(`${BRIDGE_PATH}/focus`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ tab }),
  }).catch(() => undefined);
}

/** The café on this page that had focus last (the first one when none had). */
function answeringCafe(): ConnectedCafe | undefined {
  let best: ConnectedCafe | undefined;
  for (const cafe of cafes) if (!best || cafe.focus > best.focus) best = cafe;
  return best;
}

async function onCall(call: BridgeCall): Promise<void> {
  const cafe = answeringCafe();
  const from = tab;
  if (!cafe || !from) return;
  const reply: BridgeReply = {
    tab: from,
    id: call.id,
    answer: await answerCall(cafe.store, call, cafe.callers),
  };
  await fetch(`${BRIDGE_PATH}/reply`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(reply),
  }).catch(() => undefined);
}

function connect(): void {
  if (source) return;
  const focused = document.hasFocus() ? 1 : 0;
  source = new EventSource(`${BRIDGE_PATH}/events?focused=${focused}`);
  source.addEventListener(BRIDGE_EVENTS.hello, (event) => {
    tab = (JSON.parse((event as MessageEvent<string>).data) as { tab: string }).tab;
  });
  source.addEventListener(BRIDGE_EVENTS.call, (event) => {
    void onCall(JSON.parse((event as MessageEvent<string>).data) as BridgeCall);
  });
  // A server without the bridge (a static host) answers 404 once: the stream closes for good, quietly.
  window.addEventListener('focus', reportFocus);
  document.addEventListener('visibilitychange', reportFocus);
}

function disconnect(): void {
  source?.close();
  source = undefined;
  tab = undefined;
  window.removeEventListener('focus', reportFocus);
  document.removeEventListener('visibilitychange', reportFocus);
}

/** Lets `store`'s café answer calls from outside; `root` is its element (focus inside it makes it the one that answers). Returns the disconnect. */
export function connectCafe(store: CafeStore, root: HTMLElement | null): () => void {
  const cafe: ConnectedCafe = { store, callers: new OutsideCallers(), focus: 0 };
  cafes.push(cafe);
  const onFocusIn = () => {
    cafe.focus = ++focusSeq;
  };
  root?.addEventListener('focusin', onFocusIn);
  connect();
  return () => {
    root?.removeEventListener('focusin', onFocusIn);
    cafes.splice(cafes.indexOf(cafe), 1);
    if (cafes.length === 0) disconnect();
  };
}
