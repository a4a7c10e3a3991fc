import { memo } from 'react';
import { AnimatePresence, m } from 'framer-motion';
import { useGlide, useReadableNow } from '../../store/CafeContext';
import { Ticket } from '../art';
import type { TicketView } from '../sceneModel';
import { formatDuration } from '../format';
import { Zone } from '../Zone';

export function ticketText(t: TicketView, now: number): string {
  const dueIn = Math.max(0, (t.dueAt ?? now) - now);
  if (t.status === 'retry') return `attempt ${t.attempts + 1} in ${formatDuration(dueIn)}`;
  if (t.status === 'backoff') return `throttled · back-off ${formatDuration(dueIn)}`;
  return `waiting ${formatDuration(now - t.acceptedAt)}`;
}

function LiveTicketText({ ticket }: { ticket: TicketView }) {
  return <span className="ticket-text">{ticketText(ticket, useReadableNow())}</span>;
}

/** One event on the rail; its shell re-renders only when its state changes, its timer ticks alone. */
const TicketCard = memo(
  function TicketCard({ ticket: t }: { ticket: TicketView }) {
    const glide = useGlide();
    return (
      <m.li
        layout={glide ? 'position' : false}
        className={`ticket status-${t.status}`}
        data-customer={t.source === 'cafe' ? t.customer : undefined}
        data-status={t.status}
        initial={{ opacity: 0, y: -12 }}
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
    a.ticket.dueAt === b.ticket.dueAt,
);

/** Lambda's internal event queue: async orders wait here for a free barista. */
export function TicketRail({ tickets, hidden }: { tickets: TicketView[]; hidden: number }) {
  return (
    <Zone
      zone="rail"
      className="zone-rail"
      title="Ticket rail"
      meaning="Lambda's internal event queue (async only)"
    >
      <ol className="ticket-row" aria-label="Queued events">
        <AnimatePresence initial={false}>
          {tickets.map((t) => (
            <TicketCard key={t.requestId} ticket={t} />
          ))}
        </AnimatePresence>
        {tickets.length === 0 && <li className="empty-note">Rail empty</li>}
      </ol>
      {hidden > 0 && <p className="overflow-note">+{hidden} more tickets queued</p>}
    </Zone>
  );
}
