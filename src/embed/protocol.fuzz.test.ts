import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzRuns, reportFuzz } from '../fuzz/fuzzRuns';
import { COMMAND_NAMES, LIMITS, parseHostMessage } from './protocol';

// Any value a window can post: parseHostMessage never throws, and whatever it accepts is a
// well-formed command by an independent check (the oracle below, written from the README table).

const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];
const wellFormed: Record<string, (a: Record<string, unknown>) => boolean> = {
  order: (a) =>
    (a.kind === 'sync' || a.kind === 'async') &&
    (a.count === undefined ||
      (Number.isInteger(a.count) && (a.count as number) >= 1 && (a.count as number) <= 50)),
  play: () => true,
  pause: () => true,
  step: () => true,
  seek: (a) => typeof a.t === 'number' && a.t >= 0 && a.t <= LIMITS.seekMs,
  reset: (a) => a.seed === undefined || (Number.isInteger(a.seed) && (a.seed as number) >= 0),
  setSpeed: (a) => SPEEDS.includes(a.speed as number),
  runCommand: (a) => typeof a.line === 'string' && a.line.trim() !== '' && a.line.length <= LIMITS.lineChars,
  goToStep: (a) => typeof a.lesson === 'string' && /^[a-z0-9-]+$/.test(a.lesson),
};
const ARG_KEYS: Record<string, string[]> = {
  order: ['kind', 'count'],
  play: [],
  pause: [],
  step: [],
  seek: ['t'],
  reset: ['seed'],
  setSpeed: ['speed'],
  runCommand: ['line'],
  goToStep: ['lesson', 'step'],
};

const anyValue = fc.oneof(
  fc.anything(),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    'sync',
    'async',
    'lambda-cafe',
    'command',
    'order',
    0,
    1,
    -1,
    1.5,
    NaN,
    Infinity,
    null,
    'aws lambda invoke',
  ),
  fc.double(),
  fc.integer(),
);
const argsDict = fc.dictionary(
  fc.oneof(
    fc.constantFrom('kind', 'count', 't', 'seed', 'speed', 'line', 'lesson', 'step', '__proto__'),
    fc.string({ maxLength: 8 }),
  ),
  fc.oneof(
    { arbitrary: anyValue, weight: 1 },
    {
      arbitrary: fc.constantFrom('sync', 'async', 1, 5, 50, 51, 0, 5000, 16, 3, 'ls', ' ', 'intro', 'a-b', 2),
      weight: 3,
    },
  ),
  { maxKeys: 3 },
);
const likely = <T>(value: T) =>
  fc.oneof({ arbitrary: fc.constant(value), weight: 6 }, { arbitrary: anyValue, weight: 1 });
const nearCommand = fc.record(
  {
    source: likely('lambda-cafe'),
    version: likely(1),
    type: likely('command'),
    id: fc.oneof(fc.string({ maxLength: 120 }), fc.integer(), anyValue),
    command: fc.oneof(fc.constantFrom(...COMMAND_NAMES), anyValue),
    args: fc.oneof(argsDict, anyValue),
  },
  { requiredKeys: ['source', 'type'] },
);

/** Commands built from the table, then one field perhaps swapped for anything. */
const validArgs = fc.oneof(
  fc.record({
    command: fc.constant('order'),
    args: fc.record(
      { kind: fc.constantFrom('sync', 'async'), count: fc.integer({ min: 1, max: 50 }) },
      { requiredKeys: ['kind'] },
    ),
  }),
  fc.record({ command: fc.constantFrom('play', 'pause', 'step'), args: fc.constant({}) }),
  fc.record({
    command: fc.constant('seek'),
    args: fc.record({ t: fc.double({ min: 0, max: LIMITS.seekMs, noNaN: true }) }),
  }),
  fc.record({ command: fc.constant('reset'), args: fc.record({ seed: fc.nat() }, { requiredKeys: [] }) }),
  fc.record({ command: fc.constant('setSpeed'), args: fc.record({ speed: fc.constantFrom(...SPEEDS) }) }),
  fc.record({
    command: fc.constant('runCommand'),
    args: fc.record({ line: fc.string({ minLength: 1, maxLength: 40 }) }),
  }),
  fc.record({
    command: fc.constant('goToStep'),
    args: fc.record(
      { lesson: fc.stringMatching(/^[a-z0-9-]{1,12}$/), step: fc.integer({ min: 1, max: 999 }) },
      { requiredKeys: ['lesson'] },
    ),
  }),
);
const mutated = fc
  .tuple(
    validArgs,
    fc.option(
      fc.tuple(fc.constantFrom('source', 'version', 'type', 'id', 'command', 'args', 'arg'), anyValue),
      { freq: 2 },
    ),
  )
  .map(([{ command, args }, change]) => {
    const message: Record<string, unknown> = {
      source: 'lambda-cafe',
      version: 1,
      type: 'command',
      id: 'x1',
      command,
      args: { ...args },
    };
    if (change) {
      const [key, value] = change;
      if (key === 'arg') (message.args as Record<string, unknown>)[Object.keys(args)[0] ?? 'kind'] = value;
      else message[key] = value;
    }
    return message;
  });

describe('parseHostMessage fuzzed', () => {
  it('never throws; accepts only well-formed commands', () => {
    let accepted = 0;
    let cases = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          { arbitrary: nearCommand, weight: 3 },
          { arbitrary: mutated, weight: 3 },
          anyValue,
          fc.json(),
        ),
        (data) => {
          cases++;
          let parsed!: ReturnType<typeof parseHostMessage>;
          expect(() => (parsed = parseHostMessage(data))).not.toThrow();
          if (!parsed.ok) {
            expect(typeof parsed.error).toBe('string');
            expect(parsed.error.length).toBeLessThan(400);
            return;
          }
          accepted++;
          const m = parsed.message;
          expect(m.source).toBe('lambda-cafe');
          expect(m.version).toBe(1);
          expect(m.type).toBe('command');
          expect(
            typeof m.id === 'string' ? m.id.length > 0 && m.id.length <= 100 : Number.isSafeInteger(m.id),
          ).toBe(true);
          expect(COMMAND_NAMES).toContain(m.command);
          const a = m.args as Record<string, unknown>;
          expect(Object.keys(a).every((k) => ARG_KEYS[m.command].includes(k))).toBe(true);
          expect(wellFormed[m.command](a)).toBe(true);
          // What the café runs is what the host sent.
          const sent = (data as { args?: Record<string, unknown> }).args ?? {};
          for (const k of Object.keys(a)) expect(a[k]).toBe(sent[k]);
        },
      ),
      { numRuns: fuzzRuns(2000) },
    );
    reportFuzz('embed messages', { cases, 'accepted commands': accepted });
    expect(accepted).toBeGreaterThan(cases / 10);
  });
});
