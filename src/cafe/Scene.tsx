import { useMemo } from 'react';
import { LayoutGroup } from 'framer-motion';
import { useCafe } from '../store/CafeContext';
import { FUNCTION_NAME } from '../store/cafeStore';
import { deriveScene } from './sceneModel';
import { Counter } from './Counter/Counter';
import { Tables } from './Tables/Tables';
import { TicketRail } from './TicketRail/TicketRail';
import { Baristas } from './Baristas/Baristas';
import { Pass } from './Pass/Pass';
import { Totals } from './Totals';

/** The café picture: one projection of the model, recomputed when the model or clock moves. */
export function Scene() {
  const sim = useCafe((s) => s.sim);
  const version = useCafe((s) => s.version);
  const now = useCafe((s) => s.now);
  const selected = useCafe((s) => s.selectedCustomer);
  const select = useCafe((s) => s.select);
  const onSuccess = useCafe((s) => s.settings.onSuccess);
  // version/now are the reasons to re-derive; the sim object itself is mutable.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const scene = useMemo(() => deriveScene(sim, FUNCTION_NAME), [sim, version, now]);

  return (
    <LayoutGroup>
      <div className="scene" data-testid="scene">
        <Totals scene={scene} />
        <Counter waiting={scene.counter} leaving={scene.leaving} selected={selected} onSelect={select} />
        <Baristas scene={scene} />
        <TicketRail tickets={scene.rail} hidden={scene.railHidden} />
        <Tables
          customers={scene.tables}
          hidden={scene.tablesHidden}
          onSuccessConfigured={onSuccess}
          selected={selected}
          onSelect={select}
        />
        <Pass scene={scene} />
      </div>
    </LayoutGroup>
  );
}
