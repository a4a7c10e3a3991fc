import type { KeyboardEvent } from 'react';
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
import './cafe.css';

const loadMotionFeatures = () => import('./motionFeatures').then((mod) => mod.default);

/** One self-contained café: its own simulation, store, clock and keys. Several may share a page. */
export function Cafe({ options, id }: { options?: CafeOptions; id?: string }) {
  return (
    // reducedMotion="user": movement is dropped when the OS asks for less motion (fades remain).
    // LazyMotion + `m`: the animation features load in their own chunk, off the first view's budget.
    <MotionConfig reducedMotion="user">
      <LazyMotion features={loadMotionFeatures} strict>
        <CafeProvider options={options}>
          <CafeRoot id={id} />
        </CafeProvider>
      </LazyMotion>
    </MotionConfig>
  );
}

function CafeRoot({ id }: { id?: string }) {
  const store = useCafeStore();
  useAnimationDriver(store);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const binding = bindingFor(event.nativeEvent);
    if (!binding) return;
    event.preventDefault();
    binding.run(store.getState());
  };
  return (
    // The keys live on this element, so they act only on the café that has focus.
    <section
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
