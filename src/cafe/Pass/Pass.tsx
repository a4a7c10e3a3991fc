import { Cup, FailureBox, SuccessTray } from '../art';
import type { SceneView } from '../sceneModel';
import { Zone } from '../Zone';

/**
 * Where finished async events go: out the back to a destination, or nowhere. This is where the
 * café's analogy breaks, and the picture says so: Lambda never brings the coffee to the table.
 * A successful run's result goes to the OnSuccess destination if one is set, else to nobody.
 */
export function Pass({ scene }: { scene: SceneView }) {
  return (
    <Zone zone="pass" title="Where async results go" term="the pass · destinations">
      <ul className="pass-boxes">
        <li data-box="onsuccess" className="pass-ok">
          <SuccessTray label="OnSuccess" count={scene.onSuccessCount} size={64} />
          <span>
            OnSuccess<span className="box-long"> destination</span>: <strong>{scene.onSuccessCount}</strong>
          </span>
        </li>
        <li data-box="nobody" className="pass-ok">
          <span className="pass-icon">
            <Cup state="abandoned" size={48} />
          </span>
          <span>
            Result to nobody<span className="box-long"> (no OnSuccess)</span>:{' '}
            <strong>{scene.resultNobodyCount}</strong>
          </span>
        </li>
        <li data-box="onfailure" className="pass-failed">
          <FailureBox label="OnFailure" count={scene.onFailureCount} size={64} />
          <span>
            OnFailure<span className="box-long"> destination</span>: <strong>{scene.onFailureCount}</strong>
          </span>
        </li>
        <li data-box="dlq" className="pass-failed">
          <FailureBox label="DLQ" count={scene.dlqCount} size={64} />
          <span>
            DLQ<span className="box-long"> (dead-letter queue)</span>: <strong>{scene.dlqCount}</strong>
          </span>
        </li>
        <li data-box="discarded" className="pass-failed">
          {/* The box is an icon's size; the glyph inside is drawn large (its own font size). */}
          <span className="pass-icon" aria-hidden="true">
            <span className="discard-mark">∅</span>
          </span>
          <span>
            Discarded<span className="box-long"> (failed)</span>: <strong>{scene.discardedCount}</strong>
          </span>
        </li>
      </ul>
    </Zone>
  );
}
