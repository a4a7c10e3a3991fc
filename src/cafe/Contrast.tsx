import { liveTotals, type SceneView } from './sceneModel';
import { formatDuration, formatSameUnit } from './format';
import { useTicking } from './useTicking';

/**
 * The seed's key contrast, readable from the back of a room: how long callers were blocked,
 * sync against async, in the same unit, side by side, the same size. (Not "blocked" against
 * "free": equal numbers there hid the point.)
 */
export function Contrast({ scene }: { scene: SceneView }) {
  const { syncOrders, asyncOrders, asyncBlockedMs } = scene.totals;
  // One string, so the leaf re-renders only when a digit it shows changes (never while idle).
  const [sync, async, background] = useTicking((now) => {
    const { blockedMs, freeMs } = liveTotals(scene.totals, now);
    return [...formatSameUnit([blockedMs, asyncBlockedMs]), formatDuration(freeMs)].join('|');
  }).split('|');
  return (
    <>
      <dl className="contrast sync" aria-label="Synchronous callers" data-zone="contrast">
        <dt>
          Sync callers <span className="contrast-where">at the counter</span> were blocked
        </dt>
        <dd>
          <span className="contrast-value" data-testid="blocked-total">
            {sync}
          </span>
          <span className="contrast-sub">
            <span className="sub-part">
              orders: <span className="num">{syncOrders}</span>
            </span>
          </span>
        </dd>
      </dl>
      <dl className="contrast async" aria-label="Asynchronous callers" data-zone="contrast">
        <dt>
          Async callers <span className="contrast-where">at the tables</span> were blocked
        </dt>
        <dd>
          <span className="contrast-value" data-testid="async-blocked-total">
            {async}
          </span>
          <span className="contrast-sub">
            <span className="sub-part">
              orders: <span className="num">{asyncOrders}</span>
            </span>{' '}
            <span className="sub-part">
              their events took meanwhile: <span data-testid="free-total">{background}</span>
            </span>
          </span>
        </dd>
      </dl>
    </>
  );
}
