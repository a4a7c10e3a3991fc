import type { CSSProperties } from 'react';
import type { SceneView } from '../sceneModel';
import { BaristaStation } from './BaristaStation';
import { Zone } from '../Zone';
import { useCafe } from '../../store/CafeContext';

/** Execution environments behind the bar; the number of places is the concurrency limit. */
export function Baristas({ scene }: { scene: SceneView }) {
  const selected = useCafe((s) => s.selectedEnvironment);
  const selectEnvironment = useCafe((s) => s.selectEnvironment);
  const limitText =
    scene.limitSource === 'reserved'
      ? `${scene.limit} place${scene.limit === 1 ? '' : 's'} = reserved concurrency`
      : `${scene.limit} places = account concurrency limit`;
  return (
    <Zone zone="baristas" title="Baristas" term={`execution environments · ${limitText}`}>
      {scene.limit === 0 && (
        <p className="zone-note">
          Nobody may work: sync orders get 429, async ones go straight to the failure target.
        </p>
      )}
      <ul
        className="station-list"
        aria-label="Barista places"
        style={{ '--n': scene.stations.length } as CSSProperties}
      >
        {scene.stations.map((s, i) => (
          <BaristaStation
            key={s.id}
            station={s}
            index={i}
            selected={selected === s.id}
            onSelect={selectEnvironment}
          />
        ))}
      </ul>
      <p className="overflow-note" aria-live="off">
        {scene.stationsHidden > 0 ? `+${scene.stationsHidden} more baristas` : ''}
      </p>
    </Zone>
  );
}
