import { liveTotals, type SceneView } from './sceneModel';
import { useReadableNow } from '../store/CafeContext';
import { formatDuration } from './format';

/** The seed's key contrast as numbers: time callers spent blocked vs free. */
export function Totals({ scene }: { scene: SceneView }) {
  const { syncOrders, asyncOrders } = scene.totals;
  const { blockedMs, freeMs } = liveTotals(scene.totals, useReadableNow());
  return (
    <>
      <dl className="total sync" aria-label="Synchronous callers" data-zone="contrast">
        <dt>Sync callers blocked</dt>
        <dd data-testid="blocked-total">
          {formatDuration(blockedMs)}{' '}
          <span className="total-sub">
            over {syncOrders} order{syncOrders === 1 ? '' : 's'}
          </span>
        </dd>
      </dl>
      <dl className="total async" aria-label="Asynchronous callers" data-zone="contrast">
        <dt>Async callers free</dt>
        <dd data-testid="free-total">
          {formatDuration(freeMs)}{' '}
          <span className="total-sub">
            over {asyncOrders} order{asyncOrders === 1 ? '' : 's'} · blocked 0 ms
          </span>
        </dd>
      </dl>
    </>
  );
}
