import { AnimatePresence } from 'framer-motion';
import { EspressoMachine } from '../art';
import type { SceneView } from '../sceneModel';
import { BaristaStation } from './BaristaStation';
import { Zone } from '../Zone';
import { useCafe } from '../../store/CafeContext';

/** Execution environments; the number of places is the concurrency limit. */
export function Baristas({ scene }: { scene: SceneView }) {
  const selected = useCafe((s) => s.selectedEnvironment);
  const selectEnvironment = useCafe((s) => s.selectEnvironment);
  const limitText =
    scene.limitSource === 'reserved'
      ? `${scene.limit} place${scene.limit === 1 ? '' : 's'} (reserved concurrency)`
      : `${scene.limit} places (account concurrency limit)`;
  return (
    <Zone
      zone="baristas"
      className="zone-baristas"
      title="Baristas"
      meaning="execution environments — one order each at a time"
    >
      <p className="zone-note">
        <EspressoMachine size={28} /> {limitText}
        {scene.limit === 0 &&
          ' — nobody may work: sync orders get 429, async ones go straight to the failure target'}
      </p>
      <ul className="station-list" aria-label="Barista places">
        <AnimatePresence initial={false}>
          {scene.stations.map((s) => (
            <BaristaStation
              key={s.id}
              station={s}
              selected={selected === s.id}
              onSelect={selectEnvironment}
            />
          ))}
        </AnimatePresence>
      </ul>
      {scene.stationsHidden > 0 && <p className="overflow-note">+{scene.stationsHidden} more baristas</p>}
    </Zone>
  );
}
