// The size budget's yardstick: a bare page that only imports and touches the app's runtime
// libraries (React DOM, framer-motion, XState + @xstate/react, Zustand). The app's first view
// may weigh at most 1.25 × this, gzipped.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { motion, MotionConfig } from 'framer-motion';
import { createActor, setup } from 'xstate';
import { useSelector } from '@xstate/react';
import { createStore, useStore } from 'zustand';

const machine = setup({}).createMachine({ initial: 'idle', states: { idle: {} } });
const actor = createActor(machine).start();
const store = createStore(() => ({ n: 1 }));

function Bare() {
  const value = useSelector(actor, (s) => s.value);
  const n = useStore(store, (s) => s.n);
  return createElement(
    MotionConfig,
    { reducedMotion: 'user' },
    createElement(motion.div, { animate: { opacity: 1 } }, `${value} ${n}`),
  );
}
createRoot(document.getElementById('root')).render(createElement(Bare));
