import { FailureBox, SuccessTray } from '../art';
import type { SceneView } from '../sceneModel';
import { Zone } from '../Zone';

/** Where async outcomes go: destinations, the dead-letter queue, or nowhere. */
export function Pass({ scene }: { scene: SceneView }) {
  return (
    <Zone zone="pass" className="zone-pass" title="The pass" meaning="destinations for async results">
      <ul className="pass-boxes">
        <li data-box="onsuccess">
          <SuccessTray label="OnSuccess" count={scene.onSuccessCount} size={64} />
          <span>
            OnSuccess destination: <strong>{scene.onSuccessCount}</strong>
          </span>
        </li>
        <li data-box="onfailure">
          <FailureBox label="OnFailure" count={scene.onFailureCount} size={64} />
          <span>
            OnFailure destination: <strong>{scene.onFailureCount}</strong>
          </span>
        </li>
        <li data-box="dlq">
          <FailureBox label="DLQ" count={scene.dlqCount} size={64} />
          <span>
            Dead-letter queue: <strong>{scene.dlqCount}</strong>
          </span>
        </li>
        <li data-box="discarded">
          <span className="discard-mark" aria-hidden="true">
            ∅
          </span>
          <span>
            Discarded: <strong>{scene.discardedCount}</strong>
          </span>
        </li>
      </ul>
    </Zone>
  );
}
