import { memo, type CSSProperties } from 'react';
import { m } from 'framer-motion';
import { useGlide } from '../../store/CafeContext';
import { Ticket } from '../art';
import type { TicketView } from '../sceneModel';
import { formatDuration } from '../format';
import { useTicking } from '../useTicking';
import { Zone } from '../Zone';

export function ticketText(t: TicketView, now: number): string {
  const dueIn = Math.max(0, (t.dueAt ?? now) - now);
  if (t.status === 'retry') return `attempt ${t.attempts + 1} in ${formatDuration(dueIn)}`;
  if (t.status === 'backoff') return `back-off ${formatDuration(dueIn)}`;
  return `waiting ${formatDuration(now - t.acceptedAt)}`;
}

function LiveTicketText({ ticket }: { ticket: TicketView }) {
  return <span className="ticket-text">{useTicking((now) => ticketText(ticket, now))}</span>;
}

/** One event on the rail; its shell re-renders only when its state or place changes, its timer ticks alone. */
const TicketCard = memo(
  function TicketCard({ ticket: t, index }: { ticket: TicketView; index: number }) {
    const glide = useGlide();
    return (
      <m.li
        layout={glide ? 'position' : false}
        className={`ticket status-${t.status}`}
        style={{ '--i': index } as CSSProperties}
        data-customer={t.source === 'cafe' ? t.customer : undefined}
        data-status={t.status}
        initial={glide ? { opacity: 0, y: -12 } : false}
        animate={{ opacity: 1, y: 0 }}
      >
        <Ticket status={t.status} label={t.short} size={72} />
        <LiveTicketText ticket={t} />
      </m.li>
    );
  },
  (a, b) =>
    a.ticket.requestId === b.ticket.requestId &&
    a.ticket.status === b.ticket.status &&
    a.ticket.attempts === b.ticket.attempts &&
    a.ticket.dueAt === b.ticket.dueAt &&
    a.index === b.index,
);

/** Lambda's internal event queue: async orders wait here, clipped to the rail, for a free barista. */
export function TicketRail({ tickets, hidden }: { tickets: TicketView[]; hidden: number }) {
  return (
    <Zone zone="rail" title="Ticket rail" term="Lambda's event queue (async only)">
      <ol
        className="ticket-row"
        aria-label="Queued events"
        style={{ '--n': tickets.length } as CSSProperties}
      >
        {tickets.map((t, i) => (
          <TicketCard key={t.requestId} ticket={t} index={i} />
        ))}
        {tickets.length === 0 && <li className="empty-note">Rail empty: no event waits</li>}
      </ol>
      <p className="overflow-note" aria-live="off">
        {hidden > 0 ? `+${hidden} more tickets queued` : ''}
      </p>
    </Zone>
  );
}
