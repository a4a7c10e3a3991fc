import type { CSSProperties } from 'react';
import { CounterTop } from '../art';
import type { CustomerView } from '../sceneModel';
import { CustomerCard } from './CustomerCard';
import { Zone } from '../Zone';

/** The counter: synchronous callers queue at the till (the Invoke API) until their response. */
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
    <Zone zone="counter" title="Counter: wait here" term="sync · RequestResponse">
      <div className="till" aria-hidden="true">
        <CounterTop width={72} size={60} />
        <span className="till-label">till = Invoke API</span>
      </div>
      <ul
        className="crowd row-active waiting-line"
        aria-label="Waiting at the counter"
        style={{ '--n': waiting.length } as CSSProperties}
      >
        {waiting.map((c, i) => (
          <CustomerCard key={c.id} customer={c} index={i} selected={selected === c.id} onSelect={onSelect} />
        ))}
        {waiting.length === 0 && <li className="empty-note">Nobody waiting at the counter</li>}
      </ul>
      <p className="overflow-note" aria-live="off">
        {hidden > 0 ? `+${hidden} more waiting` : ''}
      </p>
      <ul
        className="crowd row-done leaving"
        aria-label="Got their response"
        style={{ '--n': leaving.length } as CSSProperties}
      >
        {leaving.map((c, i) => (
          <CustomerCard key={c.id} customer={c} index={i} selected={selected === c.id} onSelect={onSelect} />
        ))}
      </ul>
    </Zone>
  );
}
