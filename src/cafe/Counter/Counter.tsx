import { CounterTop } from '../art';
import type { CustomerView } from '../sceneModel';
import { CustomerCard } from './CustomerCard';
import { Zone } from '../Zone';

/** The counter is the Invoke API: synchronous callers wait here until their response. */
export function Counter({
  waiting,
  hidden,
  leaving,
  selected,
  onSelect,
}: {
  waiting: CustomerView[];
  hidden: number;
  leaving: CustomerView[];
  selected: string | undefined;
  onSelect(id: string | undefined): void;
}) {
  return (
    <Zone
      zone="counter"
      className="zone-counter"
      title="Counter"
      meaning="the Invoke API — synchronous callers wait here, blocked"
    >
      <ul className="customer-row waiting-line" aria-label="Waiting at the counter">
        {waiting.map((c) => (
          <CustomerCard key={c.id} customer={c} selected={selected === c.id} onSelect={onSelect} />
        ))}
        {waiting.length === 0 && <li className="empty-note">Nobody waiting</li>}
      </ul>
      {hidden > 0 && <p className="overflow-note">+{hidden} more waiting</p>}
      <div className="counter-top">
        <CounterTop width={480} />
      </div>
      <h4 className="sub-title">Got their response</h4>
      <ul className="customer-row leaving" aria-label="Got their response">
        {leaving.map((c) => (
          <CustomerCard key={c.id} customer={c} selected={selected === c.id} onSelect={onSelect} />
        ))}
      </ul>
    </Zone>
  );
}
