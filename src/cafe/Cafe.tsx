import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { LazyMotion, MotionConfig } from 'framer-motion';
import { CafeProvider, useCafeStore } from '../store/CafeContext';
import type { CafeOptions } from '../store/cafeStore';
import { useAnimationDriver } from './useAnimationDriver';
import { bindingFor } from './keyboard';
import { Controls } from './Controls/Controls';
import { Narration } from './Narration/Narration';
import { Scene } from './Scene';
import { HelpOverlay } from './Help/HelpOverlay';
import { Notice } from './Notice';
import { Simplifications } from './Simplifications';
import { DevView, TimelineView } from '../panels/DevView';
import { Visibility } from '../panels/Visibility';
import { useLambdaBridge } from '../bridge';
import './cafe.css';

const loadMotionFeatures = () => import('./motionFeatures').then((mod) => mod.default);

/**
 * One self-contained café: its own simulation, store, clock and keys. Several may share a page.
 * `guide` (a lesson) is drawn in the stage beside the scene and may use this café's store.
 */
export function Cafe({ options, id, guide }: { options?: CafeOptions; id?: string; guide?: ReactNode }) {
  return (
    // reducedMotion="user": movement is dropped when the OS asks for less motion (fades remain).
    // LazyMotion + `m`: the animation features load in their own chunk, off the first view's budget.
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadMotionFeatures} strict>
        <CafeProvider options={options}>
          <CafeRoot id={id} guide={guide} />
        </CafeProvider>
      </LazyMotion>
    </MotionConfig>
  );
}

function CafeRoot({ id, guide }: { id?: string; guide?: ReactNode }) {
  const store = useCafeStore();
  useAnimationDriver(store);
  const root = useRef<HTMLElement>(null);
  // A real AWS CLI or SDK on this machine can call this café (README: "Use your own AWS CLI or SDK").
  useLambdaBridge(store, root);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const binding = bindingFor(event.nativeEvent);
    if (!binding) return;
    event.preventDefault();
    binding.run(store.getState());
  };
  return (
    // The keys live on this element, so they act only on the café that has focus.
    <section
      ref={root}
      id={id}
      className="cafe"
      aria-label="Lambda Café simulation"
      onKeyDown={onKeyDown}
      tabIndex={-1}
      data-cafe
    >
      <Controls />
      <Notice />
      <Narration />
      {guide}
      <Scene />
      <Visibility>
        <TimelineView />
      </Visibility>
      <Visibility>
        <DevView />
      </Visibility>
      <Simplifications />
      <HelpOverlay />
    </section>
  );
}
