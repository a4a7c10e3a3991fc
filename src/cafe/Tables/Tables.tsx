import type { CSSProperties } from 'react';
import type { CustomerView } from '../sceneModel';
import { CustomerCard } from '../Counter/CustomerCard';
import { Zone } from '../Zone';

/**
 * Asynchronous callers: a 202 receipt in hand, they sit down and get on with other things.
 * Those still waiting on their event work at the front tables; those whose event is finished
 * (which nobody tells them) read on at the back, with a note of where the result went.
 */
export function Tables({
  customers,
  hidden,
  selected,
  onSelect,
}: {
  customers: CustomerView[];
  hidden: number;
  selected: string | undefined;
  onSelect(id: string | undefined): void;
}) {
  const seated = customers.filter((c) => c.status === 'seated').length;
  const done = customers.length - seated;
  return (
    <Zone zone="tables" title="Tables: take a receipt, sit down" term="async · Event">
      <ul
        className="crowd tables"
        aria-label="Seated asynchronous customers"
        style={{ '--n': seated, '--n-done': done } as CSSProperties}
      >
        {customers.map((c, i) => (
          <CustomerCard
            key={c.id}
            customer={c}
            index={c.status === 'seated' ? i : i - seated}
            selected={selected === c.id}
            onSelect={onSelect}
          />
        ))}
        {customers.length === 0 && <li className="empty-note">No tables taken</li>}
      </ul>
      <p className="overflow-note" aria-live="off">
        {hidden > 0 ? `+${hidden} more seated` : ''}
      </p>
    </Zone>
  );
}
