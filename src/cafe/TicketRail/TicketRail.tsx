import { AnimatePresence, m } from 'framer-motion';
import { Ticket } from '../art';
import type { TicketView } from '../sceneModel';
import { formatDuration } from '../format';
import { Zone } from '../Zone';

function ticketText(t: TicketView): string {
  if (t.status === 'retry') return `attempt ${t.attempts + 1} in ${formatDuration(t.dueInMs ?? 0)}`;
  if (t.status === 'backoff') return `throttled · back-off ${formatDuration(t.dueInMs ?? 0)}`;
  return `waiting ${formatDuration(t.ageMs)}`;
}

/** Lambda's internal event queue: async orders wait here for a free barista. */
export function TicketRail({ tickets, hidden }: { tickets: TicketView[]; hidden: number }) {
  return (
    <Zone className="zone-rail" title="Ticket rail" meaning="Lambda's internal event queue (async only)">
      <ol className="ticket-row" aria-label="Queued events">
        <AnimatePresence initial={false}>
          {tickets.map((t) => (
            <m.li
              key={t.requestId}
              layout="position"
              className={`ticket status-${t.status}`}
              data-customer={t.customer}
              data-status={t.status}
              initial={{ opacity: 0, y: -12 }}
              animate={{ opacity: 1, y: 0 }}
              exit={{ opacity: 0 }}
            >
              <Ticket status={t.status === 'waiting' ? 'waiting' : t.status} label={`#${t.customer}`} size={72} />
              <span className="ticket-text">{ticketText(t)}</span>
            </m.li>
          ))}
        </AnimatePresence>
        {tickets.length === 0 && <li className="empty-note">Rail empty</li>}
      </ol>
      {hidden > 0 && <p className="overflow-note">+{hidden} more tickets queued</p>}
    </Zone>
  );
}
