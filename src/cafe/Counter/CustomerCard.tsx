import { memo, type CSSProperties } from 'react';
import { m } from 'framer-motion';
import { Cup, CustomerFigure, type CupState } from '../art';
import type { AsyncOutcome } from '../sceneModel';
import { liveCustomerMs, type CustomerView } from '../sceneModel';
import { useGlide } from '../../store/CafeContext';
import { useTicking } from '../useTicking';
import { formatDuration } from '../format';

type Mood = 'waiting' | 'served' | 'error' | 'turnedAway' | 'free' | 'seated';

function moodOf(c: CustomerView): Mood {
  switch (c.status) {
    case 'waiting':
      return 'waiting';
    case 'served':
      return 'served';
    case 'error':
      return 'error';
    case 'turnedAway':
      return 'turnedAway';
    case 'seated':
      // Free while the event is handled: working on a laptop.
      return 'free';
    default:
      // Finished async callers are not told anything: they read on at their table.
      return 'seated';
  }
}

/** The caller's own line: how long it was blocked (sync), or that it is free (async). */
export function statusLine(c: CustomerView, now: number): string {
  const { blockedMs } = liveCustomerMs(c, now);
  switch (c.status) {
    case 'waiting':
      return `Blocked ${formatDuration(blockedMs)}`;
    case 'served':
      return `OK · blocked ${formatDuration(blockedMs)}`;
    case 'error':
      // Still a 200: the error is in the response (X-Amz-Function-Error), not in the status.
      return `FunctionError · blocked ${formatDuration(blockedMs)}`;
    case 'turnedAway':
      // Turned away at once: a 429 never reaches a barista, so nobody was blocked.
      return 'Turned away at once';
    case 'seated':
    case 'effect':
    case 'failed':
      return 'Accepted · blocked 0 ms';
  }
}

/** HTTP status the caller got, as on the badge. An async caller's is always its 202. */
const BADGE: Record<CustomerView['status'], string> = {
  waiting: 'waiting',
  served: '200',
  error: '200',
  turnedAway: '429',
  seated: '202',
  effect: '202',
  failed: '202',
};

/** The cup that reaches this caller: only a sync caller gets one, as its response. */
function cupFor(c: CustomerView): CupState | undefined {
  if (c.status === 'served') return 'full';
  if (c.status === 'error') return 'spilled';
  return undefined;
}

/** A caller's own work, in tasks of this many virtual ms: what a free caller gets done. */
const OWN_TASK_MS = 2_000;

/** The caller's own work while its order is open: frozen when blocked, moving when free. */
export function ownWorkLine(c: CustomerView, now: number): string | undefined {
  if (c.status === 'waiting') return 'to-do: frozen';
  if (c.status === 'seated') {
    const done = Math.floor(liveCustomerMs(c, now).freeMs / OWN_TASK_MS);
    return `free: ${done} task${done === 1 ? '' : 's'} done`;
  }
  return undefined;
}

/** The wait indicator over a blocked caller's head: a clock that runs until the 200. */
function WaitBubble({ customer }: { customer: CustomerView }) {
  const blockedMs = useTicking((now) => Math.floor(liveCustomerMs(customer, now).blockedMs / 100) * 100);
  // A small clock drawn in CSS (its hand turns once a minute): cheap for a crowd of waiting callers.
  const turn = { '--turn': `${((blockedMs / 60_000) % 1) * 360}deg` } as CSSProperties;
  return (
    <span className="wait-bubble" data-testid="wait-bubble">
      <span className="mini-clock" style={turn} aria-hidden="true" />
      {/* Where the card is narrower than the bubble, the time goes under "Blocked", whole. */}
      <span className="customer-status">
        <span className="nowrap">Blocked</span> <span className="nowrap">{formatDuration(blockedMs)}</span>
      </span>
    </span>
  );
}

/** The ticking lines of a card: re-rendered only when their text changes (an idle card never). */
function LiveLines({ customer }: { customer: CustomerView }) {
  // A waiting caller's time is in its bubble; here it would tick for nothing.
  const status = useTicking((now) => (customer.status === 'waiting' ? undefined : statusLine(customer, now)));
  const work = useTicking((now) => ownWorkLine(customer, now));
  return (
    <>
      {status && (
        <span className="customer-status">
          {status}
          {customer.errorName && <span className="visually-hidden">: {customer.errorName}</span>}
          {customer.functionError && (
            <span className="visually-hidden"> (FunctionError: {customer.functionError})</span>
          )}
        </span>
      )}
      {work && <span className={`customer-work work-${customer.status}`}>{work}</span>}
    </>
  );
}

/** What the scene shows at a glance; the full sentence is read out and shown on hover. */
const OUTCOME_TAG: Record<AsyncOutcome, string> = {
  'result-nobody': 'result → nobody',
  'result-onsuccess': 'result → OnSuccess',
  'failed-destination': 'failed → destination',
  'failed-discarded': 'failed → discarded',
};

/**
 * Where the async event's result went. The caller is not told (it reads on at its table), so
 * this is the scene's note beside it, apart from its 202 receipt: 202 only meant "queued".
 */
function OutcomeTag({ customer }: { customer: CustomerView }) {
  if (!customer.outcome || !customer.outcomeNote) return null;
  const tag =
    customer.outcome === 'failed-destination'
      ? customer.outcomeNote.includes('dead-letter')
        ? 'failed → DLQ'
        : 'failed → OnFailure'
      : OUTCOME_TAG[customer.outcome];
  return (
    <span className={`outcome-tag outcome-${customer.outcome}`} title={customer.outcomeNote}>
      <span aria-hidden="true">{tag}</span>
      <span className="visually-hidden">Its event (the caller is not told): {customer.outcomeNote}</span>
    </span>
  );
}

/**
 * One caller, drawn where the model has it: in line at the counter, leaving with its answer, or
 * at a table. `index` is its place in its row (a CSS translate, so moving up the line never
 * shifts the page's layout); its layoutId glides it between rows at 4× and below.
 */
export const CustomerCard = memo(
  function CustomerCard({
    customer,
    index,
    selected,
    onSelect,
  }: {
    customer: CustomerView;
    index: number;
    selected: boolean;
    onSelect(id: string | undefined): void;
  }) {
    const glide = useGlide();
    const badge =
      customer.status === 'turnedAway' ? String(customer.statusCode ?? '4xx') : BADGE[customer.status];
    const cup = cupFor(customer);
    return (
      <m.li
        layout={glide ? 'position' : false}
        layoutId={glide ? customer.id : undefined}
        className={`customer ${customer.kind} status-${customer.status}${selected ? ' selected' : ''}`}
        style={{ '--i': index } as CSSProperties}
        data-customer={customer.source === 'cafe' ? customer.number : undefined}
        data-caller={customer.id}
        data-status={customer.status}
        // Fades only where cards glide (4× and below): above, a fade outlives what it shows, and
        // each fading card in an overlapping crowd costs a compositing layer.
        initial={glide ? { opacity: 0 } : false}
        animate={{ opacity: 1 }}
        // No exit animation: at 64× hundreds of cards a second leave, and fading copies would pile
        // up. A card that moves rows glides there through its layoutId instead.
        transition={{ duration: 0.35 }}
      >
        <button
          type="button"
          className="customer-button"
          aria-pressed={selected}
          onClick={() => onSelect(selected ? undefined : customer.id)}
        >
          <span className="visually-hidden">
            {customer.label}, {customer.kind === 'sync' ? 'synchronous' : 'asynchronous'}:{' '}
          </span>
          {customer.status === 'waiting' && <WaitBubble customer={customer} />}
          <span className="customer-figure" aria-hidden="true">
            <CustomerFigure kind={customer.kind} mood={moodOf(customer)} seed={customer.number} size={64} />
            {cup && (
              <span className="customer-cup">
                <Cup state={cup} size={28} />
              </span>
            )}
            {customer.kind === 'async' && customer.status !== 'turnedAway' && (
              // Their table, with the 202 receipt on it: all an async caller gets back. Drawn in
              // CSS, not SVG: at 16× dozens of these appear every second.
              <span className="customer-table">
                <span className="customer-receipt" />
              </span>
            )}
          </span>
          <span className="customer-text">
            <span className="customer-name">
              <span aria-hidden="true">{customer.short}</span>{' '}
              <span className={`badge badge-${customer.status}`}>{badge}</span>
            </span>
            <LiveLines customer={customer} />
            <OutcomeTag customer={customer} />
          </span>
        </button>
      </m.li>
    );
  },
  // Re-render the animated shell only when the customer changes state or place (the derived
  // object is new on every model event; the ticking lines live in their own leaves).
  // A caller that retries keeps its id: its next attempt is another request, drawn anew.
  (a, b) =>
    a.customer.id === b.customer.id &&
    a.customer.requestId === b.customer.requestId &&
    a.customer.status === b.customer.status &&
    a.customer.outcomeNote === b.customer.outcomeNote &&
    a.index === b.index &&
    a.selected === b.selected &&
    a.onSelect === b.onSelect,
);
