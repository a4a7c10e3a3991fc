import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCafeStore, FUNCTION_NAME } from '../../store/cafeStore';
import { fuzzRuns, reportFuzz } from '../../fuzz/fuzzRuns';
import { FORMS, fieldForRefusal, type ConfigSnapshot, type FormId, type Texts } from './configForms';

// #15: whatever a person types into the configuration panel's fields, the form either refuses it
// at a field of that form, or produces an AWS call the model applies or refuses with AWS's words
// at a field of that form; nothing throws, and the café keeps serving orders.

const FORM_IDS = Object.keys(FORMS) as FormId[];
const fieldText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '1',
    '-1',
    '3',
    '10',
    '60',
    '59',
    '900',
    '901',
    '128',
    '127',
    '10240',
    '10241',
    '21600',
  ),
  fc.constantFrom('0.5', '1e3', 'NaN', 'Infinity', '１', '+5', '5 ', '00', '1.0', '2147483648', '-0'),
  fc.constantFrom(
    'never',
    'always',
    'hang',
    'firstAttempts',
    'probability',
    'cafe-failed',
    'arn:aws:sqs:us-east-1:123456789012:q',
  ),
  fc.constantFrom('{"statusCode": 200}', '{bad', 'null', '[]', '"x"'),
  fc.integer({ min: -5, max: 30_000 }).map(String),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const edit = fc.record({
  form: fc.constantFrom(...FORM_IDS),
  values: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fieldText, { maxKeys: 4 }),
  pick: fc.array(fc.nat(20), { minLength: 1, maxLength: 4 }),
});

describe('the configuration panel under fuzzing', () => {
  it('refuses at a field of the form or applies, never throws, and the café keeps serving', () => {
    let edits = 0;
    let applied = 0;
    let refusedByForm = 0;
    let refusedByModel = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (session) => {
        const store = createCafeStore({ paused: true });
        for (const { form, values, pick } of session) {
          edits++;
          const spec = FORMS[form];
          const keys = spec.fields.map(([key]) => key);
          const snapshot = (): ConfigSnapshot => ({
            config: store.getState().sim.getFunctionConfiguration(FUNCTION_NAME),
            accountConcurrency: store.getState().sim.accountConcurrency(),
          });
          const texts: Texts = { ...spec.values(snapshot()) };
          // Overwrite some of the form's own fields with fuzzed text.
          const fuzzed = Object.values(values);
          pick.forEach((n, i) => {
            if (fuzzed.length) texts[keys[n % keys.length]] = fuzzed[i % fuzzed.length];
          });
          const outcome = spec.build(snapshot(), texts);
          if (outcome.kind === 'invalid') {
            refusedByForm++;
            for (const key of Object.keys(outcome.errors)) expect(Object.keys(texts)).toContain(key);
            continue;
          }
          if (outcome.kind === 'unchanged') continue;
          const refusal = store.getState().tryConfigure(outcome.op);
          if (!refusal) {
            applied++;
            continue;
          }
          refusedByModel++;
          expect(refusal.message.length).toBeGreaterThan(0);
          expect(keys).toContain(fieldForRefusal(form, refusal, Object.keys(values)));
        }
        // The café still serves: a sync order gets its customer, a terminal-free check.
        store.getState().order('sync');
        expect(
          store
            .getState()
            .sim.invocations()
            .some((r) => r.callerId?.startsWith('customer-')),
        ).toBe(true);
      }),
      { numRuns: fuzzRuns(150, 4), seed: 1517 },
    );
    reportFuzz('configuration panel', {
      edits,
      crashes: 0,
      applied,
      'refused by the form': refusedByForm,
      'refused by the model': refusedByModel,
    });
  });
});
