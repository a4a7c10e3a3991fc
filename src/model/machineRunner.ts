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
 * It supports the subset the model's machines use, and refuses anything else when a machine is
 * compiled (so a machine that XState would run differently cannot slip in):
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

function isRecord(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toArray(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function unsupported(kind: string, what: string): Error {
  return new Error(`machineRunner: ${kind} uses ${what}, which the runner does not support`);
}

function compileAction(kind: string, name: unknown, impls: Config): Action {
  if (typeof name !== 'string') throw unsupported(kind, 'an inline action (name it in setup)');
  const impl = impls[name] as { type?: string; assignment?: unknown; event?: unknown } | undefined;
  if (impl === undefined) throw new Error(`machineRunner: ${kind} has no action "${name}"`);
  if (impl.type === 'xstate.assign') {
    const assignment = impl.assignment;
    if (typeof assignment === 'function') {
      const fn = assignment as (args: Args, params: undefined) => Config;
      return {
        kind: 'assign',
        apply: (context, event) => ({ ...(context as Config), ...fn({ context, event }, undefined) }),
      };
    }
    if (!isRecord(assignment)) throw unsupported(kind, `an assign without properties ("${name}")`);
    const entries = Object.entries(assignment);
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
  if (impl.type === 'xstate.emit') {
    const ev = impl.event;
    if (typeof ev === 'function') {
      const fn = ev as (args: Args, params: undefined) => MachineEvent;
      return { kind: 'emit', event: (context, event) => fn({ context, event }, undefined) };
    }
    if (!isRecord(ev)) throw unsupported(kind, `an emit without an event ("${name}")`);
    const fixed = ev as unknown as MachineEvent;
    return { kind: 'emit', event: () => fixed };
  }
  throw unsupported(kind, `action "${name}" (only assign and emit)`);
}

function compileTransitions(kind: string, config: unknown, impls: Config, guards: Config): Transition[] {
  return toArray(config).map((t) => {
    const def = typeof t === 'string' ? { target: t } : t;
    if (!isRecord(def)) throw unsupported(kind, 'a transition that is not an object or a target');
    for (const key of Object.keys(def))
      if (key !== 'target' && key !== 'guard' && key !== 'actions' && key !== 'description')
        throw unsupported(kind, `the transition property "${key}"`);
    let guard: Guard | undefined;
    if (def.guard !== undefined) {
      if (typeof def.guard !== 'string') throw unsupported(kind, 'an inline guard (name it in setup)');
      guard = guards[def.guard] as Guard | undefined;
      if (typeof guard !== 'function') throw new Error(`machineRunner: ${kind} has no guard "${def.guard}"`);
    }
    if (def.target !== undefined && typeof def.target !== 'string')
      throw unsupported(kind, 'a target that is not a sibling state name');
    return {
      guard,
      target: def.target,
      actions: toArray(def.actions).map((a) => compileAction(kind, a, impls)),
    };
  });
}

function compileOn(kind: string, on: unknown, impls: Config, guards: Config): Map<string, Transition[]> {
  const map = new Map<string, Transition[]>();
  if (on === undefined) return map;
  if (!isRecord(on)) throw unsupported(kind, 'an `on` that is not an object');
  for (const [type, t] of Object.entries(on)) {
    if (type.includes('*')) throw unsupported(kind, 'wildcard events');
    map.set(type, compileTransitions(kind, t, impls, guards));
  }
  return map;
}

/** Reads an XState machine definition into the runner's tables (once per machine). */
export function compileMachine(kind: string, machine: AnyStateMachine): CompiledMachine {
  const config = machine.config as Config;
  const implementations = machine.implementations as unknown as {
    actions: Config;
    guards: Config;
    delays: Config;
  };
  const impls = implementations.actions;
  const guards = implementations.guards;
  const delays = implementations.delays;
  for (const key of Object.keys(config))
    if (!['id', 'initial', 'context', 'states', 'on', 'description', 'types', 'schemas'].includes(key))
      throw unsupported(kind, `the machine property "${key}"`);
  if (!isRecord(config.states) || typeof config.initial !== 'string')
    throw unsupported(kind, 'a machine without flat states and an initial state');
  const states = new Map<string, StateDef>();
  for (const [name, raw] of Object.entries(config.states)) {
    if (!isRecord(raw)) throw unsupported(kind, `state "${name}" that is not an object`);
    for (const key of Object.keys(raw))
      if (!['entry', 'exit', 'on', 'always', 'after', 'type', 'description', 'tags'].includes(key))
        throw unsupported(kind, `the state property "${key}" (in "${name}")`);
    if (raw.type !== undefined && raw.type !== 'final' && raw.type !== 'atomic')
      throw unsupported(kind, `a ${String(raw.type)} state ("${name}")`);
    const on = compileOn(kind, raw.on, impls, guards);
    const after: StateDef['after'] = [];
    if (raw.after !== undefined) {
      if (!isRecord(raw.after)) throw unsupported(kind, `an \`after\` that is not an object ("${name}")`);
      for (const [delayKey, t] of Object.entries(raw.after)) {
        const id = `after:${name}:${delayKey}`;
        const fixed = Number(delayKey);
        let delay: (context: unknown, event: MachineEvent) => number;
        if (!Number.isNaN(fixed)) delay = () => fixed;
        else {
          const impl = delays[delayKey];
          if (typeof impl === 'number') delay = () => impl;
          else if (typeof impl === 'function') {
            const fn = impl as (args: Args, params: undefined) => number;
            delay = (context, event) => fn({ context, event }, undefined);
          } else throw new Error(`machineRunner: ${kind} has no delay "${delayKey}"`);
        }
        after.push({ id, delay });
        on.set(id, compileTransitions(kind, t, impls, guards));
      }
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
  for (const state of states.values())
    for (const list of [...state.on.values(), state.always ?? []])
      for (const t of list)
        if (t.target !== undefined && !states.has(t.target))
          throw new Error(`machineRunner: ${kind} targets an unknown state "${t.target}"`);
  if (!states.has(config.initial)) throw new Error(`machineRunner: ${kind} has no initial state`);
  const context = config.context;
  const createContext =
    typeof context === 'function'
      ? (input: unknown) => (context as (args: { input: unknown }) => unknown)({ input })
      : () => context;
  return {
    kind,
    initial: config.initial,
    states,
    on: compileOn(kind, config.on, impls, guards),
    createContext,
  };
}

/** The mailbox of a busy instance that has received nothing yet (shared: most never do). */
const EMPTY: MachineEvent[] = [];

/** Eventless transitions taken in a row before the runner calls it a loop (a machine bug). */
const MAX_EVENTLESS = 10_000;

export class MachineRunner {
  private readonly machines = new Map<string, CompiledMachine>();

  constructor(
    private readonly host: RunnerHost,
    machines: Record<string, AnyStateMachine>,
  ) {
    for (const [kind, machine] of Object.entries(machines))
      this.machines.set(kind, compileMachine(kind, machine));
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

  /** Whether `instance` in its current state has a transition enabled for `event`. */
  can(instance: Instance, event: MachineEvent): boolean {
    return !instance.done && this.select(this.machine(instance.kind), instance, event) !== undefined;
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
