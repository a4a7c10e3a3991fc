import { memo } from 'react';
import { m, useIsPresent } from 'framer-motion';
import { CustomerFigure } from '../art';
import type { CustomerView } from '../sceneModel';
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

export function statusLine(c: CustomerView): string {
  switch (c.status) {
    case 'waiting':
      return `Blocked ${formatDuration(c.blockedMs)}`;
    case 'served':
      return `200 OK · blocked ${formatDuration(c.blockedMs)}`;
    case 'error':
      return `200 + FunctionError: ${c.functionError} · blocked ${formatDuration(c.blockedMs)}`;
    case 'turnedAway':
      // Turned away at once: a 429 never reaches a barista, so nobody was blocked.
      return `Turned away at once: ${c.errorName ?? 'rejected'}`;
    case 'seated':
      return `202 Accepted · free ${formatDuration(c.freeMs)}`;
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

/** One caller. Its layoutId lets framer-motion glide it between zones when the model moves it. */
export const CustomerCard = memo(function CustomerCard({
  customer,
  selected,
  onSelect,
}: {
  customer: CustomerView;
  selected: boolean;
  onSelect(id: string): void;
}) {
  // While it fades out of one zone the same customer is already in the next: hide the leaving
  // copy from assistive tech and tests, so each customer is announced and found once.
  const exiting = !useIsPresent();
  const badge = customer.status === 'turnedAway' ? String(customer.statusCode ?? '4xx') : BADGE[customer.status];
  return (
    <m.li
      layout="position"
      layoutId={customer.id}
      className={`customer ${customer.kind} status-${customer.status}${selected ? ' selected' : ''}`}
      data-customer={customer.number}
      data-status={customer.status}
      data-exiting={exiting || undefined}
      aria-hidden={exiting || undefined}
      inert={exiting || undefined}
      initial={{ opacity: 0 }}
      animate={{ opacity: 1 }}
      exit={{ opacity: 0 }}
      transition={{ duration: 0.35 }}
    >
      <button
        type="button"
        className="customer-button"
        aria-pressed={selected}
        onClick={() => onSelect(customer.id)}
        aria-label={`Customer ${customer.number}, ${customer.kind === 'sync' ? 'synchronous' : 'asynchronous'}: ${statusLine(customer)}`}
      >
        <CustomerFigure kind={customer.kind} mood={moodOf(customer)} seed={customer.number} size={64} />
        <span className="customer-text" aria-hidden="true">
          <span className="customer-name">
            #{customer.number} <span className={`badge badge-${customer.status}`}>{badge}</span>
          </span>
          <span className="customer-status">{statusLine(customer)}</span>
        </span>
      </button>
    </m.li>
  );
},
// Re-render only when what is drawn changes (the derived object is new every frame).
(a, b) =>
  a.customer.id === b.customer.id &&
  a.customer.status === b.customer.status &&
  statusLine(a.customer) === statusLine(b.customer) &&
  a.selected === b.selected &&
  a.onSelect === b.onSelect);
