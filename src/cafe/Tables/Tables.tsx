import type { CustomerView } from '../sceneModel';
import { CustomerCard } from '../Counter/CustomerCard';
import { Zone } from '../Zone';

/** Asynchronous callers: 202 receipt in hand, free to get on with other things. */
export function Tables({
  customers,
  hidden,
  onSuccessConfigured,
  selected,
  onSelect,
}: {
  customers: CustomerView[];
  hidden: number;
  onSuccessConfigured: boolean;
  selected: string | undefined;
  onSelect(id: string | undefined): void;
}) {
  return (
    <Zone
      zone="tables"
      className="zone-tables"
      title="Tables"
      meaning="asynchronous callers — free as soon as they get 202"
    >
      <p className="zone-note">
        {onSuccessConfigured
          ? 'A finished drink reaches the table only through the OnSuccess destination — Lambda never answers the caller.'
          : 'The caller never gets the result back: without an OnSuccess destination it exists only in the logs.'}
      </p>
      <ul className="customer-row tables" aria-label="Seated asynchronous customers">
        {customers.map((c) => (
          <CustomerCard key={c.id} customer={c} selected={selected === c.id} onSelect={onSelect} />
        ))}
        {customers.length === 0 && <li className="empty-note">No tables taken</li>}
      </ul>
      {hidden > 0 && <p className="overflow-note">+{hidden} more seated</p>}
    </Zone>
  );
}
