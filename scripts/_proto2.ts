import { setup, createActor, assign } from 'xstate';
import { VirtualClock } from '../src/model/virtualClock';
const m = setup({ types: {} as { context: { n: number }; events: { type: 'inc' } } }).createMachine({
  context: { n: 0 }, on: { inc: { actions: ({ context }) => { context.n++; } } } });
const a = createActor(m).start();
let t0 = performance.now();
for (let i = 0; i < 300000; i++) a.send({ type: 'inc' });
console.log('plain action send us/evt', (performance.now() - t0) / 300);
const m2 = setup({ types: {} as { context: { n: number }; events: { type: 'inc' } } }).createMachine({
  context: { n: 0 }, on: { inc: { actions: assign({ n: ({ context }) => context.n + 1 }) } } });
const a2 = createActor(m2).start();
t0 = performance.now();
for (let i = 0; i < 300000; i++) a2.send({ type: 'inc' });
console.log('assign send us/evt', (performance.now() - t0) / 300);
const m3 = setup({ types: {} as { events: { type: 'go' } }, delays: { d: 10 } }).createMachine({
  initial: 'a', states: { a: { on: { go: 'b' } }, b: { after: { d: 'a' } } } });
const clock = new VirtualClock();
const a3 = createActor(m3, { clock }).start();
t0 = performance.now();
for (let i = 0; i < 100000; i++) { a3.send({ type: 'go' }); clock.advanceBy(10); }
console.log('state+after cycle us', (performance.now() - t0) / 100);
