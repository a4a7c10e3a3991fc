import { useEffect, useRef, useState, type ReactNode } from 'react';
import { LazyMotion, MotionConfig } from 'framer-motion';
import { useStore } from 'zustand';
import { CafeProvider, useCafeStore } from '../store/CafeContext';
import type { CafeOptions } from '../store/cafeStore';
import { useAnimationDriver } from './useAnimationDriver';
import { bindingFor } from './keyboard';
import { Stage } from './Stage/Stage';
import { StageContext } from './Stage/StageContext';
import { createStageStore } from './Stage/stageStore';
import { registerKeys } from './Stage/keyRouter';
import { Simplifications } from './Simplifications';
import { DevView, TimelineView } from '../panels/DevView';
import { Visibility } from '../panels/Visibility';
import { useLambdaBridge } from '../bridge';
import './cafe.css';

const loadMotionFeatures = () => import('./motionFeatures').then((mod) => mod.default);

/**
 * One self-contained café: its own simulation, store, clock, stage and keys. Several may share
 * a page. `guide` (a lesson) is drawn on the stage beside the scene and may use this café's
 * store; in presenter mode it is the slide text. `present` starts in presenter mode.
 */
export function Cafe({
  options,
  id,
  guide,
  present,
}: {
  options?: CafeOptions;
  id?: string;
  guide?: ReactNode;
  present?: boolean;
}) {
  return (
    // reducedMotion="user": movement is dropped when the OS asks for less motion (fades remain).
    // LazyMotion + `m`: the animation features load in their own chunk, off the first view's budget.
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadMotionFeatures} strict>
        <CafeProvider options={options}>
          <CafeRoot id={id} guide={guide} present={present} />
        </CafeProvider>
      </LazyMotion>
    </MotionConfig>
  );
}

function CafeRoot({ id, guide, present }: { id?: string; guide?: ReactNode; present?: boolean }) {
  const store = useCafeStore();
  const [stage] = useState(() => createStageStore({ presenting: present }));
  const presenting = useStore(stage, (s) => s.presenting);
  const keysLive = useStore(stage, (s) => s.keysLive);
  const root = useRef<HTMLElement>(null);
  useAnimationDriver(store);
  // A real AWS CLI or SDK on this machine can call this café (README: "Use your own AWS CLI or SDK").
  useLambdaBridge(store, root);

  useEffect(
    () =>
      // Keys work from page load, without a click: the page's keys come here when this is the
      // only café, or the one last focused or used (see Stage/keyRouter.ts).
      registerKeys({
        root: root.current!,
        onKey(event) {
          const binding = bindingFor(event, stage.getState());
          if (!binding) return;
          // PageDown must step, not scroll; Space must play, not scroll.
          event.preventDefault();
          binding.run(store.getState(), stage.getState());
        },
        setLive: (live) => stage.setState({ keysLive: live }),
      }),
    [store, stage],
  );

  return (
    <StageContext.Provider value={stage}>
      <section
        ref={root}
        id={id}
        className="cafe"
        aria-label="Lambda Café simulation"
        tabIndex={-1}
        data-cafe
        data-presenting={presenting || undefined}
        data-keys-live={keysLive || undefined}
      >
        <Stage guide={guide} />
        <Visibility className="below-stage">
          <TimelineView />
        </Visibility>
        <Visibility className="below-stage">
          <DevView />
        </Visibility>
        <Simplifications />
      </section>
    </StageContext.Provider>
  );
}
