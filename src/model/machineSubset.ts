/**
 * What the MachineRunner runs exactly as XState does (see machineRunner.ts), as a check: the
 * problems of a machine that steps outside it. The model's tests run it on every machine; the
 * page does not load it.
 */
import type { AnyStateMachine } from 'xstate';

type Config = Record<string, unknown>;

const isRecord = (v: unknown): v is Config => typeof v === 'object' && v !== null && !Array.isArray(v);
const toArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const MACHINE_KEYS = ['id', 'initial', 'context', 'states', 'on', 'description', 'types', 'schemas'];
const STATE_KEYS = ['entry', 'exit', 'on', 'always', 'after', 'type', 'description', 'tags'];
const TRANSITION_KEYS = ['target', 'guard', 'actions', 'description'];

/** Problems that keep the runner from running `machine` as XState does (none: it may). */
export function machineSubsetProblems(machine: AnyStateMachine): string[] {
  const problems: string[] = [];
  const config = machine.config as Config;
  const impls = (machine.implementations as unknown as { actions: Config }).actions;
  const states = isRecord(config.states) ? config.states : {};
  for (const key of Object.keys(config))
    if (!MACHINE_KEYS.includes(key)) problems.push(`the machine property "${key}"`);
  if (typeof config.initial !== 'string' || !(config.initial in states)) problems.push('no initial state');
  const action = (a: unknown, where: string) => {
    if (typeof a !== 'string') return problems.push(`an inline action in ${where} (name it in setup)`);
    const type = (impls[a] as { type?: string } | undefined)?.type;
    if (type !== 'xstate.assign' && type !== 'xstate.emit')
      problems.push(`action "${a}" (only assign and emit)`);
  };
  const transitions = (t: unknown, where: string) => {
    for (const one of toArray(t)) {
      if (typeof one === 'string') {
        if (!(one in states)) problems.push(`a target "${one}" that is not a sibling state (${where})`);
        continue;
      }
      if (!isRecord(one)) {
        problems.push(`a transition that is not an object (${where})`);
        continue;
      }
      for (const key of Object.keys(one))
        if (!TRANSITION_KEYS.includes(key)) problems.push(`the transition property "${key}" (${where})`);
      if (one.guard !== undefined && typeof one.guard !== 'string')
        problems.push(`an inline guard (${where})`);
      if (one.target !== undefined && (typeof one.target !== 'string' || !(one.target in states)))
        problems.push(`a target that is not a sibling state (${where})`);
      for (const a of toArray(one.actions)) action(a, where);
    }
  };
  const on = (o: unknown, where: string) => {
    if (o === undefined) return;
    if (!isRecord(o)) return problems.push(`an \`on\` that is not an object (${where})`);
    for (const [type, t] of Object.entries(o)) {
      if (type.includes('*')) problems.push(`wildcard events (${where})`);
      transitions(t, `${where} on ${type}`);
    }
  };
  on(config.on, 'the machine');
  for (const [name, raw] of Object.entries(states)) {
    if (!isRecord(raw)) {
      problems.push(`state "${name}" that is not an object`);
      continue;
    }
    for (const key of Object.keys(raw))
      if (!STATE_KEYS.includes(key)) problems.push(`the state property "${key}" (in "${name}")`);
    if (raw.type !== undefined && raw.type !== 'final' && raw.type !== 'atomic')
      problems.push(`a ${String(raw.type)} state ("${name}")`);
    for (const a of [...toArray(raw.entry), ...toArray(raw.exit)]) action(a, `"${name}"`);
    on(raw.on, `"${name}"`);
    if (raw.always !== undefined) transitions(raw.always, `"${name}" always`);
    if (raw.after !== undefined) {
      if (!isRecord(raw.after)) problems.push(`an \`after\` that is not an object ("${name}")`);
      else for (const [delay, t] of Object.entries(raw.after)) transitions(t, `"${name}" after ${delay}`);
    }
  }
  return problems;
}
