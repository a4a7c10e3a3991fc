import { useId, useMemo } from 'react';
import { LayoutGroup } from 'framer-motion';
import { useCafe } from '../store/CafeContext';
import { FUNCTION_NAME } from '../store/cafeStore';
import { deriveScene } from './sceneModel';
import { Counter } from './Counter/Counter';
import { Tables } from './Tables/Tables';
import { TicketRail } from './TicketRail/TicketRail';
import { Baristas } from './Baristas/Baristas';
import { Pass } from './Pass/Pass';
import { Contrast } from './Contrast';
import { SimClock } from './SimClock';

/**
 * The café, drawn as one room: the wall with the ticket rail and the pass, the baristas behind
 * the bar, and the floor — the counter's queue (sync) on the left, the tables (async) on the
 * right. One projection of the model, recomputed when the model moves; every region keeps its
 * size whatever happens in it, so nothing on the page ever shifts.
 */
export function Scene() {
  const sim = useCafe((s) => s.sim);
  const version = useCafe((s) => s.version);
  const selected = useCafe((s) => s.selectedCustomer);
  const select = useCafe((s) => s.select);
  const highlight = useCafe((s) => s.highlight);
  const layoutGroupId = useId();
  // The scene's structure changes only when the model does (version: the sim object itself is
  // mutable); the clock alone moves just the ticking leaves (useTicking, useNow), so a frame
  // with no model event re-renders almost nothing.
  const { scene } = useMemo(() => ({ version, scene: deriveScene(sim, FUNCTION_NAME) }), [sim, version]);

  return (
    // The id namespaces layoutIds: customer-1 of one café must never glide into another café.
    <LayoutGroup id={layoutGroupId}>
      <div className="scene" data-testid="scene" data-highlight={highlight}>
        <Contrast scene={scene} />
        <div className="wall-clock">
          <SimClock />
        </div>
        <TicketRail tickets={scene.rail} hidden={scene.railHidden} />
        <Baristas scene={scene} />
        <Pass scene={scene} />
        <Counter
          waiting={scene.counter}
          hidden={scene.counterHidden}
          leaving={scene.leaving}
          selected={selected}
          onSelect={select}
        />
        <Tables customers={scene.tables} hidden={scene.tablesHidden} selected={selected} onSelect={select} />
      </div>
    </LayoutGroup>
  );
}
