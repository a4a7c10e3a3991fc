/**
 * Runs the model's XState machines fast, as plain data.
 *
 * The machines (`*.machine.ts`) are ordinary XState v5 machines: each can be run alone with
 * `createActor(machine, { input })`, and that is how their tests drive them. A simulation,
 * though, runs hundreds of thousands of transitions, and must be copied as data (a snapshot):
 * XState's actors keep their pending delays in closures, cost about 8 µs a transition, and
 * the pure `transition()` about 30 µs. This runner executes the same machine definitions
 * (their `config` and `setup` implementations) with each instance as plain data —
 * `{ value, context }` — and every delay as a timer entry in the model's Scheduler.
 *
 * It supports the subset the model's machines use (`machineSubset.ts` checks that a machine
 * keeps to it, so one that XState would run differently cannot slip in):
 * - flat machines: atomic states (`type: 'final'` allowed), `initial`, `on` on the machine and
 *   on states, `entry`, `exit`, `always`, `after` (named delays or numbers);
 * - transitions: a target name, or `{ target?, guard?, actions? }`, or an array of those;
 *   guards and actions referenced by name and implemented in `setup()`;
 * - actions: `assign(...)` (object or function form) and `emit(...)` (object or function).
 * Semantics follow XState: the state's transitions are tried before the machine's; a targeted
 * transition runs exit, transition and entry actions in that order, then `after` timers start;
 * eventless transitions are taken until none is enabled (after every microstep — XState only
 * re-checks them after a microstep that changed the snapshot, which pure assigns always do);
 * emitted events reach the host after the macrostep, in order. As with XState actors, an event
 * sent to an instance that is busy (handling an event, or having its emitted events handled) waits
 * in its mailbox until it is done; an event sent to any other instance is handled at once.
 */
import type { AnyStateMachine } from 'xstate';
import type { Scheduler, TimerEvent } from './scheduler';

export interface MachineEvent {
  type: string;
}

/** One machine instance, as plain data. */
export interface Instance<C = unknown> {
  key: string;
  kind: string;
  value: string;
  context: C;
  done: boolean;
  /** Runtime only (never in a snapshot): events sent to it while it was handling one. */
  mailbox?: MachineEvent[];
}

interface Args {
  context: unknown;
  event: MachineEvent;
}

type Guard = (args: Args, params: undefined) => boolean;

type Action =
  | { kind: 'assign'; apply: (context: unknown, event: MachineEvent) => unknown }
  | { kind: 'emit'; event: (context: unknown, event: MachineEvent) => MachineEvent };

interface Transition {
  guard: Guard | undefined;
  target: string | undefined;
  actions: Action[];
}

interface StateDef {
  name: string;
  entry: Action[];
  exit: Action[];
  on: Map<string, Transition[]>;
  always: Transition[] | undefined;
  after: { id: string; delay: (context: unknown, event: MachineEvent) => number }[];
  final: boolean;
}

interface CompiledMachine {
  kind: string;
  initial: string;
  states: Map<string, StateDef>;
  on: Map<string, Transition[]>;
  createContext: (input: unknown) => unknown;
}

export interface RunnerHost {
  readonly scheduler: Scheduler;
  /** An event a machine emitted (after its macrostep, in order). */
  emitted(instance: Instance, event: MachineEvent): void;
}

type Config = Record<string, unknown>;

const toArray = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

function missing(kind: string, what: string, name: unknown): Error {
  return new Error(`machineRunner: ${kind} has no ${what} "${String(name)}"`);
}

type Impl = { type?: string; assignment?: unknown; event?: unknown };

function compileAction(kind: string, name: unknown, impls: Config): Action {
  const impl = impls[name as string] as Impl | undefined;
  if (impl === undefined) throw missing(kind, 'action', name);
  if (impl.type === 'xstate.assign') {
    const assignment = impl.assignment;
    if (typeof assignment === 'function') {
      const fn = assignment as (args: Args, params: undefined) => Config;
      return {
        kind: 'assign',
        apply: (context, event) => ({ ...(context as Config), ...fn({ context, event }, undefined) }),
      };
    }
    const entries = Object.entries(assignment as Config);
    return {
      kind: 'assign',
      apply: (context, event) => {
        const args: Args = { context, event };
        const next: Config = { ...(context as Config) };
        for (const [key, value] of entries)
          next[key] =
            typeof value === 'function'
              ? (value as (a: Args, p: undefined) => unknown)(args, undefined)
              : value;
        return next;
      },
    };
  }
  const ev = impl.event;
  if (typeof ev === 'function') {
    const fn = ev as (args: Args, params: undefined) => MachineEvent;
    return { kind: 'emit', event: (context, event) => fn({ context, event }, undefined) };
  }
  const fixed = ev as MachineEvent;
  return { kind: 'emit', event: () => fixed };
}

function compileTransitions(kind: string, config: unknown, impls: Config, guards: Config): Transition[] {
  return toArray(config).map((t) => {
    const def = (typeof t === 'string' ? { target: t } : t) as {
      target?: string;
      guard?: string;
      actions?: unknown;
    };
    let guard: Guard | undefined;
    if (def.guard !== undefined) {
      guard = guards[def.guard] as Guard | undefined;
      if (typeof guard !== 'function') throw missing(kind, 'guard', def.guard);
    }
    return {
      guard,
      target: def.target,
      actions: toArray(def.actions).map((a) => compileAction(kind, a, impls)),
    };
  });
}

function compileOn(kind: string, on: unknown, impls: Config, guards: Config): Map<string, Transition[]> {
  const map = new Map<string, Transition[]>();
  for (const [type, t] of Object.entries((on ?? {}) as Config))
    map.set(type, compileTransitions(kind, t, impls, guards));
  return map;
}

/**
 * Reads an XState machine definition into the runner's tables (once per machine). It takes the
 * subset described above for granted; `machineSubset.ts` checks a machine keeps to it (the
 * model's machines are checked by their tests), which keeps that code out of the page.
 */
export function compileMachine(kind: string, machine: AnyStateMachine): CompiledMachine {
  const config = machine.config as Config;
  const { actions: impls, guards, delays } = machine.implementations as unknown as Record<string, Config>;
  const states = new Map<string, StateDef>();
  for (const [name, stateConfig] of Object.entries(config.states as Config)) {
    const raw = stateConfig as Config;
    const on = compileOn(kind, raw.on, impls, guards);
    const after: StateDef['after'] = [];
    for (const [delayKey, t] of Object.entries((raw.after ?? {}) as Config)) {
      const id = `after:${name}:${delayKey}`;
      const fixed = Number(delayKey);
      const impl = delays[delayKey];
      let delay: (context: unknown, event: MachineEvent) => number;
      if (!Number.isNaN(fixed)) delay = () => fixed;
      else if (typeof impl === 'number') delay = () => impl;
      else if (typeof impl === 'function') {
        const fn = impl as (args: Args, params: undefined) => number;
        delay = (context, event) => fn({ context, event }, undefined);
      } else throw missing(kind, 'delay', delayKey);
      after.push({ id, delay });
      on.set(id, compileTransitions(kind, t, impls, guards));
    }
    states.set(name, {
      name,
      entry: toArray(raw.entry).map((a) => compileAction(kind, a, impls)),
      exit: toArray(raw.exit).map((a) => compileAction(kind, a, impls)),
      on,
      always: raw.always === undefined ? undefined : compileTransitions(kind, raw.always, impls, guards),
      after,
      final: raw.type === 'final',
    });
  }
  const context = config.context;
  return {
    kind,
    initial: config.initial as string,
    states,
    on: compileOn(kind, config.on, impls, guards),
    createContext:
      typeof context === 'function'
        ? (input: unknown) => (context as (args: { input: unknown }) => unknown)({ input })
        : () => context,
  };
}

/** The mailbox of a busy instance that has received nothing yet (shared: most never do). */
const EMPTY: MachineEvent[] = [];

/** Eventless transitions taken in a row before the runner calls it a loop (a machine bug). */
const MAX_EVENTLESS = 10_000;

/** Compiled tables are read-only: runners share them. */
const compiledMachines = new WeakMap<AnyStateMachine, CompiledMachine>();

export class MachineRunner {
  private readonly machines = new Map<string, CompiledMachine>();
  /**
   * Transitions taken so far (instances created count as one): a context or state can change
   * only through one, so views cache what they read of the instances against this number.
   */
  steps = 0;

  constructor(
    private readonly host: RunnerHost,
    machines: Record<string, AnyStateMachine>,
  ) {
    for (const [kind, machine] of Object.entries(machines)) {
      // Compiled once per machine definition, not once per runner: a seek restores a simulation.
      let compiled = compiledMachines.get(machine);
      if (compiled?.kind !== kind) {
        compiled = compileMachine(kind, machine);
        compiledMachines.set(machine, compiled);
      }
      this.machines.set(kind, compiled);
    }
  }

  private machine(kind: string): CompiledMachine {
    const m = this.machines.get(kind);
    if (m === undefined) throw new Error(`machineRunner: no machine "${kind}"`);
    return m;
  }

  /** A new instance in its initial state (entry actions and eventless transitions done). */
  create<C>(kind: string, key: string, input: unknown): Instance<C> {
    const m = this.machine(kind);
    const instance: Instance = { key, kind, value: m.initial, context: m.createContext(input), done: false };
    this.steps++;
    const event: MachineEvent & { input: unknown } = { type: 'xstate.init', input };
    instance.mailbox = EMPTY;
    try {
      const emitted: MachineEvent[] = [];
      this.enter(instance, m.states.get(m.initial) as StateDef, event, emitted);
      this.settle(m, instance, event, emitted);
      for (const e of emitted) this.host.emitted(instance, e);
      this.drain(instance);
    } finally {
      instance.mailbox = undefined;
    }
    return instance as Instance<C>;
  }

  /** An instance as it was (restored from a snapshot): nothing runs. */
  revive<C>(data: { key: string; kind: string; value: string; context: C; done: boolean }): Instance<C> {
    const m = this.machine(data.kind);
    if (!m.states.has(data.value))
      throw new Error(`machineRunner: ${data.kind} has no state "${data.value}"`);
    return { key: data.key, kind: data.kind, value: data.value, context: data.context, done: data.done };
  }

  /** Hands `event` to `instance` (at once, or after the event it is busy with). */
  send<E extends MachineEvent>(instance: Instance, event: E): void {
    if (instance.mailbox !== undefined) {
      if (instance.mailbox === EMPTY) instance.mailbox = [event];
      else instance.mailbox.push(event);
      return;
    }
    instance.mailbox = EMPTY;
    try {
      this.process(instance, event);
      this.drain(instance);
    } finally {
      instance.mailbox = undefined;
    }
  }

  private drain(instance: Instance): void {
    // Events handled here may send more to this instance: the mailbox grows while it is read.
    for (let i = 0; i < (instance.mailbox as MachineEvent[]).length; i++)
      this.process(instance, (instance.mailbox as MachineEvent[])[i]);
  }

  private process(instance: Instance, event: MachineEvent): void {
    if (instance.done) return;
    const m = this.machine(instance.kind);
    const t = this.select(m, instance, event);
    if (t === undefined) return;
    const emitted: MachineEvent[] = [];
    this.microstep(m, instance, t, event, emitted);
    this.settle(m, instance, event, emitted);
    for (const e of emitted) this.host.emitted(instance, e);
  }

  private select(m: CompiledMachine, instance: Instance, event: MachineEvent): Transition | undefined {
    const state = m.states.get(instance.value) as StateDef;
    const args: Args = { context: instance.context, event };
    const own = state.on.get(event.type);
    if (own !== undefined)
      for (const t of own) if (t.guard === undefined || t.guard(args, undefined)) return t;
    const shared = m.on.get(event.type);
    if (shared !== undefined)
      for (const t of shared) if (t.guard === undefined || t.guard(args, undefined)) return t;
    return undefined;
  }

  private settle(m: CompiledMachine, instance: Instance, event: MachineEvent, emitted: MachineEvent[]): void {
    for (let n = 0; !instance.done; n++) {
      const always = (m.states.get(instance.value) as StateDef).always;
      if (always === undefined) return;
      const args: Args = { context: instance.context, event };
      let taken: Transition | undefined;
      for (const t of always)
        if (t.guard === undefined || t.guard(args, undefined)) {
          taken = t;
          break;
        }
      if (taken === undefined) return;
      if (n >= MAX_EVENTLESS)
        throw new Error(
          `machineRunner: ${m.kind} loops through eventless transitions in "${instance.value}"`,
        );
      this.microstep(m, instance, taken, event, emitted);
    }
  }

  private run(actions: Action[], instance: Instance, event: MachineEvent, emitted: MachineEvent[]): void {
    for (const a of actions) {
      if (a.kind === 'assign') instance.context = a.apply(instance.context, event);
      else emitted.push(a.event(instance.context, event));
    }
  }

  private microstep(
    m: CompiledMachine,
    instance: Instance,
    t: Transition,
    event: MachineEvent,
    emitted: MachineEvent[],
  ): void {
    this.steps++;
    if (t.target === undefined || t.target === instance.value) {
      this.run(t.actions, instance, event, emitted);
      return;
    }
    const from = m.states.get(instance.value) as StateDef;
    this.run(from.exit, instance, event, emitted);
    for (const a of from.after) this.host.scheduler.cancel(instance.key, a.id);
    this.run(t.actions, instance, event, emitted);
    instance.value = t.target;
    this.enter(instance, m.states.get(t.target) as StateDef, event, emitted);
  }

  private enter(instance: Instance, state: StateDef, event: MachineEvent, emitted: MachineEvent[]): void {
    this.run(state.entry, instance, event, emitted);
    for (const a of state.after) {
      const delay = a.delay(instance.context, event);
      const timerEvent: TimerEvent = { type: a.id };
      this.host.scheduler.schedule(instance.key, a.id, delay, timerEvent);
    }
    if (state.final) instance.done = true;
  }
}
