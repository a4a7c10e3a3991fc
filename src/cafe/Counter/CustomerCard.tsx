import { memo } from 'react';
import { m } from 'framer-motion';
import { Cup, CustomerFigure, type CupState } from '../art';
import { liveCustomerMs, type CustomerView } from '../sceneModel';
import { useGlide, useReadableNow } from '../../store/CafeContext';
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
    case 'effect':
      return c.outcomeNote?.startsWith('Result sent') ? 'served' : 'free';
    default:
      // An async caller never learns about a failure: it stays free, whatever happened.
      return 'free';
  }
}

export function statusLine(c: CustomerView, now: number): string {
  const { blockedMs, freeMs } = liveCustomerMs(c, now);
  switch (c.status) {
    case 'waiting':
      return `Blocked ${formatDuration(blockedMs)}`;
    case 'served':
      return `200 OK · blocked ${formatDuration(blockedMs)}`;
    case 'error':
      return `200 + FunctionError: ${c.functionError} · blocked ${formatDuration(blockedMs)}`;
    case 'turnedAway':
      // Turned away at once: a 429 never reaches a barista, so nobody was blocked.
      return `Turned away at once: ${c.errorName ?? 'rejected'}`;
    case 'seated':
      return `202 Accepted · free ${formatDuration(freeMs)}`;
    case 'effect':
    case 'failed':
      return c.outcomeNote ?? '';
  }
}

const BADGE: Record<CustomerView['status'], string> = {
  waiting: 'waiting',
  served: '200',
  error: '200 ⚠',
  turnedAway: '429',
  seated: '202',
  effect: '202 ✓',
  failed: '202 ✗',
};

/**
 * The cup that reaches this caller, if any: a sync caller gets the response (a full or spilled
 * cup); an async caller gets a cup only through an OnSuccess destination — never as a response.
 */
function cupFor(c: CustomerView): CupState | undefined {
  if (c.status === 'served') return 'full';
  if (c.status === 'error') return 'spilled';
  if (c.status === 'effect' && c.outcomeNote?.startsWith('Result sent')) return 'full';
  return undefined;
}

/** A caller's own work, in tasks of this many virtual ms: what a free caller gets done. */
const OWN_TASK_MS = 2_000;

/** The caller's own to-do list while its order is open: frozen when blocked, moving when free. */
export function ownWorkLine(c: CustomerView, now: number): string | undefined {
  if (c.status === 'waiting') return 'Own to-do list: frozen';
  if (c.status === 'seated') {
    const done = Math.floor(liveCustomerMs(c, now).freeMs / OWN_TASK_MS);
    return `Own to-do list: ${done} task${done === 1 ? '' : 's'} done`;
  }
  return undefined;
}

/** The only part of a card that ticks: re-rendered by the clock, not by the scene. */
function LiveStatus({ customer }: { customer: CustomerView }) {
  const now = useReadableNow();
  const work = ownWorkLine(customer, now);
  return (
    <>
      <span className="customer-status">{statusLine(customer, now)}</span>
      {work && <span className={`customer-work work-${customer.status}`}>{work}</span>}
    </>
  );
}

/** One caller. Its layoutId lets framer-motion glide it between zones when the model moves it. */
export const CustomerCard = memo(
  function CustomerCard({
    customer,
    selected,
    onSelect,
  }: {
    customer: CustomerView;
    selected: boolean;
    onSelect(id: string | undefined): void;
  }) {
    const glide = useGlide();
    const badge =
      customer.status === 'turnedAway' ? String(customer.statusCode ?? '4xx') : BADGE[customer.status];
    return (
      <m.li
        layout={glide ? 'position' : false}
        layoutId={glide ? customer.id : undefined}
        className={`customer ${customer.kind} status-${customer.status}${selected ? ' selected' : ''}`}
        data-customer={customer.source === 'cafe' ? customer.number : undefined}
        data-caller={customer.id}
        data-status={customer.status}
        initial={{ opacity: 0 }}
        animate={{ opacity: 1 }}
        // No exit animation: at 64× hundreds of cards a second leave, and fading copies would pile
        // up. A card that moves zones glides there through its layoutId instead.
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
          <CustomerFigure kind={customer.kind} mood={moodOf(customer)} seed={customer.number} size={64} />
          {cupFor(customer) && (
            <span className="customer-cup" aria-hidden="true">
              <Cup state={cupFor(customer)!} size={28} />
              {customer.kind === 'async' && <span className="cup-tag">via OnSuccess</span>}
            </span>
          )}
          <span className="customer-text">
            <span className="customer-name" aria-hidden="true">
              {customer.short} <span className={`badge badge-${customer.status}`}>{badge}</span>
            </span>
            <LiveStatus customer={customer} />
          </span>
        </button>
      </m.li>
    );
  },
  // Re-render the animated shell only when the customer changes state (the derived object is new
  // on every model event; the ticking timer lives in LiveStatus).
  // A caller that retries keeps its id: its next attempt is another request, drawn anew.
  (a, b) =>
    a.customer.id === b.customer.id &&
    a.customer.requestId === b.customer.requestId &&
    a.customer.status === b.customer.status &&
    a.customer.outcomeNote === b.customer.outcomeNote &&
    a.selected === b.selected &&
    a.onSelect === b.onSelect,
);
