import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cafePresetFunction, createLambdaSimulation } from '../model';
import { fuzzRuns, reportFuzz } from '../fuzz/fuzzRuns';
import { createCli } from './awsCli';
import type { CommandOutput } from './types';

// #15: any line a student can type — well-formed, half-right, or garbage — is answered as text
// with a CLI exit code; nothing throws, the simulation keeps working, and every event the
// terminal got accepted ends with exactly one outcome.

const EXIT_CODES = [0, 1, 2, 127, 130, 252, 253, 254, 255];

const word = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'aws',
      'lambda',
      'logs',
      'invoke',
      'tail',
      'cat',
      'ls',
      'rm',
      'echo',
      'base64',
      'help',
      'clear',
    ),
  },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'get-function-configuration',
      'update-function-configuration',
      'put-function-event-invoke-config',
      'put-function-concurrency',
      'get-function-concurrency',
      'delete-function-concurrency',
      'list-functions',
      'get-function',
      'sts',
      'get-caller-identity',
      's3',
      'ls',
    ),
  },
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      '--function-name',
      'cafe-order',
      'missing-fn',
      'arn:aws:lambda:us-east-1:123456789012:function:cafe-order',
      '--invocation-type',
      'Event',
      'RequestResponse',
      'DryRun',
      'event',
      '--log-type',
      'Tail',
      'None',
      '--payload',
      '\'{"order":"latte"}\'',
      "'{not json'",
      'file://event.json',
      'file://missing.json',
      '--cli-binary-format',
      'raw-in-base64-out',
      '--qualifier',
      '$LATEST',
      '7',
      '--query',
      'LogResult',
      "'Configuration.Timeout'",
      '--output',
      'text',
      'json',
      'table',
      'yaml',
      'out.json',
      'output.txt',
      '--timeout',
      '3',
      '10',
      '0',
      '901',
      '-1',
      '--memory-size',
      '128',
      '64',
      '--reserved-concurrent-executions',
      '1',
      '--maximum-retry-attempts',
      '2',
      '5',
      '--maximum-event-age-in-seconds',
      '60',
      '59',
      '--follow',
      '--since',
      '1m',
      '|',
      '>',
      '>>',
      '-d',
      '--region',
      'us-east-1',
      '--debug',
      '--version',
      '--no-cli-pager',
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '"',
      "'",
      '\\',
      '`',
      '$(',
      '${',
      '<b>',
      '<img src=x onerror=alert(1)>',
      '\u0000',
      '\u202e',
    ),
  },
);
/** Mostly-right commands, so events are accepted and configuration really changes under the fuzz. */
const invokeLine = fc
  .record({
    type: fc.constantFrom(
      '',
      '--invocation-type Event',
      '--invocation-type Event',
      '--invocation-type DryRun',
      '--invocation-type RequestResponse',
    ),
    payload: fc.constantFrom(
      '',
      `--payload '{"n":1}' --cli-binary-format raw-in-base64-out`,
      `--payload '{bad' --cli-binary-format raw-in-base64-out`,
    ),
    tail: fc.constantFrom('', '--log-type Tail'),
    pipe: fc.constantFrom('', ' --query LogResult --output text | base64 -d', ' > saved.txt'),
  })
  .map(
    (r) => `aws lambda invoke --function-name cafe-order ${r.type} ${r.payload} ${r.tail} out.json${r.pipe}`,
  );
const configLine = fc.oneof(
  fc
    .integer({ min: -1, max: 3 })
    .map(
      (n) =>
        `aws lambda put-function-concurrency --function-name cafe-order --reserved-concurrent-executions ${n}`,
    ),
  fc.constant('aws lambda delete-function-concurrency --function-name cafe-order'),
  fc
    .integer({ min: 0, max: 12 })
    .map((n) => `aws lambda update-function-configuration --function-name cafe-order --timeout ${n}`),
  fc
    .tuple(fc.integer({ min: -1, max: 3 }), fc.constantFrom(59, 60, 90, 21600, 21601))
    .map(
      ([r, age]) =>
        `aws lambda put-function-event-invoke-config --function-name cafe-order --maximum-retry-attempts ${r} --maximum-event-age-in-seconds ${age}`,
    ),
);
const line = fc.oneof(
  { weight: 4, arbitrary: invokeLine },
  { weight: 2, arbitrary: configLine },
  { weight: 8, arbitrary: fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 2000, max: 50_000 }).map((n) => `echo ${'x'.repeat(n)} | base64`),
  },
);

function checkOutput(o: CommandOutput) {
  expect(typeof o.stdout).toBe('string');
  expect(typeof o.stderr).toBe('string');
  expect(EXIT_CODES).toContain(o.exitCode);
}

describe('the terminal under fuzzing', () => {
  it('answers every line as text with a CLI exit code, and the café model stays whole', async () => {
    let lines = 0;
    let failedLines = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(line, fc.integer({ min: 0, max: 20_000 })), { minLength: 1, maxLength: 12 }),
        async (session) => {
          const sim = createLambdaSimulation({ seed: 1, functions: [cafePresetFunction()] });
          const cli = createCli({ sim });
          for (const [text, gapMs] of session) {
            lines++;
            const before = sim.stats().accepted;
            const run = cli.run(text);
            checkOutput(run);
            accepted += sim.stats().accepted - before;
            if (run.follow) run.follow.stop();
            run.interrupt?.();
            if (run.pending) checkOutput(await run.pending);
            if (run.exitCode !== 0) failedLines++;
            sim.advanceBy(gapMs);
          }
          // Every event accepted through the terminal ends: nothing waits after the longest
          // event age (6 h), retries and back-off.
          sim.advanceBy(7 * 3_600_000);
          expect(sim.queueDepth()).toBe(0);
          expect(sim.stats().active).toBe(0);
          for (const inv of sim.invocations()) if (inv.state !== 'rejected') expect(inv.outcome).toBeTruthy();
          // And the terminal still works.
          const ok = cli.run('aws lambda invoke --function-name cafe-order --invocation-type Event out.json');
          expect(ok.stdout).toContain('"StatusCode": 202');
        },
      ),
      { numRuns: fuzzRuns(60, 6), seed: 1515 },
    );
    reportFuzz('terminal lines', {
      lines,
      crashes: 0,
      'non-zero exits': failedLines,
      'events accepted': accepted,
    });
  });
});
