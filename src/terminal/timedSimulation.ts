/**
 * Lets the terminal wait on the model's virtual clock, as the CLI sleeps between retries: a
 * throttled call's next attempt must happen at an exact virtual moment, in live play and in
 * every replay alike, whatever slices the clock is advanced in. The model's clock is its own
 * (src/model is not changed for this), so the simulation is wrapped: the wrapper runs due
 * wake-ups between the model's events, at their own time, and reports them as scheduled events
 * (so "step to the next event" stops there).
 */
import type { LambdaSimulation } from '../model';

export interface TimedSimulation extends LambdaSimulation {
  /** Runs `fn` when the virtual clock reaches `t` (at once if it already has); returns a cancel. */
  wakeAt(t: number, fn: () => void): () => void;
}

interface WakeUp {
  t: number;
  seq: number;
  fn: () => void;
}

export function isTimed(sim: LambdaSimulation): sim is TimedSimulation {
  return typeof (sim as Partial<TimedSimulation>).wakeAt === 'function';
}

/** Wraps a simulation; every other property and method is the simulation's own. */
export function withTimers(sim: LambdaSimulation): TimedSimulation {
  if (isTimed(sim)) return sim;
  // Few and short-lived (a retry waits a second or two): a sorted array is plenty.
  const pending: WakeUp[] = [];
  let seq = 0;

  const nextWake = () => pending[0]?.t;
  const advanceTo = (t: number) => {
    if (!Number.isFinite(t)) return sim.advanceTo(t); // the model's own error
    for (let wake = pending[0]; wake !== undefined && wake.t <= t; wake = pending[0]) {
      sim.advanceTo(wake.t);
      pending.shift();
      wake.fn();
    }
    sim.advanceTo(t);
  };
  const nextEventTime = () => {
    const model = sim.nextEventTime();
    const wake = nextWake();
    if (model === undefined) return wake;
    return wake === undefined ? model : Math.min(model, wake);
  };
  const own: Partial<TimedSimulation> = {
    wakeAt(t, fn) {
      const wake = { t: Math.max(t, sim.now()), seq: ++seq, fn };
      let i = pending.length;
      while (
        i > 0 &&
        (pending[i - 1].t > wake.t || (pending[i - 1].t === wake.t && pending[i - 1].seq > wake.seq))
      )
        i--;
      pending.splice(i, 0, wake);
      return () => {
        const at = pending.indexOf(wake);
        if (at >= 0) pending.splice(at, 1);
      };
    },
    advanceTo,
    advanceBy(ms) {
      if (!Number.isFinite(ms) || ms < 0) return sim.advanceBy(ms);
      advanceTo(sim.now() + ms);
    },
    nextEventTime,
    step() {
      const t = nextEventTime();
      if (t !== undefined) advanceTo(t);
      return t;
    },
  };
  return new Proxy(sim as TimedSimulation, {
    get(target, property, receiver) {
      if (property in own) return own[property as keyof TimedSimulation];
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
