import { describe, expect, it } from 'vitest';
import {
  parseNumberText,
  parsePrintedLines,
  parseResultJson,
  printedLinesText,
  provisionedRule,
  reservedRule,
  RULES,
  ruleMessage,
} from './fieldText';

describe('number fields accept plain decimal numbers and leave the range to the model', () => {
  it.each([
    ['10', 10],
    [' 15 ', 15],
    ['+3', 3],
    ['-5', -5],
    ['12.5', 12.5],
    ['.5', 0.5],
    ['901', 901],
    ['-0', 0],
  ])('%j → %d', (text, value) => {
    expect(parseNumberText(RULES.Timeout, text)).toEqual({ ok: true, value });
  });
});

describe('number fields refuse text that is not a number, in the model’s words', () => {
  it.each(['', '   ', '12abc', 'ten', '1e3', '0x10', '1 000', '1,000', '12.5.1', '--1', 'NaN', 'Infinity'])(
    'Timeout %j is refused naming the field and its range',
    (text) => {
      expect(parseNumberText(RULES.Timeout, text)).toEqual({
        ok: false,
        message: `InvalidParameterValueException: Value ${JSON.stringify(text)} for Timeout is invalid: it must be an integer between 1 and 900 (seconds).`,
      });
    },
  );

  it.each([
    [
      RULES.MemorySize,
      'Value "12abc" for MemorySize is invalid: it must be an integer between 128 and 10240 (MB).',
    ],
    [
      RULES.MaximumRetryAttempts,
      'Value "12abc" for MaximumRetryAttempts is invalid: it must be an integer between 0 and 2.',
    ],
    [
      RULES.MaximumEventAgeInSeconds,
      'Value "12abc" for MaximumEventAgeInSeconds is invalid: it must be an integer between 60 and 21600 (seconds).',
    ],
    [
      RULES.accountConcurrency,
      'Value "12abc" for accountConcurrency is invalid: it must be an integer between 1 and 1000000.',
    ],
    [
      reservedRule(1000),
      'Value "12abc" for ReservedConcurrentExecutions is invalid: it must be an integer between 0 and 1000.',
    ],
    [
      provisionedRule(3, 1000),
      'Value "12abc" for ProvisionedConcurrentExecutions is invalid: it must be an integer between 0 and 3.',
    ],
    [
      provisionedRule(null, 50),
      'Value "12abc" for ProvisionedConcurrentExecutions is invalid: it must be an integer between 0 and 50.',
    ],
    [
      RULES.durationMs,
      'Value "12abc" for Handler.durationMs is invalid: it must be a number between 0 and 3600000.',
    ],
    [
      RULES.jitterMs,
      'Value "12abc" for Handler.jitterMs is invalid: it must be a number between 0 and 3600000.',
    ],
    [
      RULES.initDurationMs,
      'Value "12abc" for Handler.initDurationMs is invalid: it must be a number between 0 and 10000.',
    ],
    [
      RULES.failureCount,
      'Value "12abc" for Handler.failure.count is invalid: it must be an integer between 0 and 1000.',
    ],
    [RULES.failureP, 'Value "12abc" for Handler.failure.p is invalid: it must be a number between 0 and 1.'],
  ])('%o', (rule, message) => {
    expect(parseNumberText(rule, '12abc')).toEqual({
      ok: false,
      message: `InvalidParameterValueException: ${message}`,
    });
  });

  it('numbers are quoted as numbers, text as strings', () => {
    expect(ruleMessage(RULES.Timeout, 901)).toContain('Value 901 for Timeout');
    expect(ruleMessage(RULES.Timeout, '901')).toContain('Value "901" for Timeout');
  });
});

describe('the result field takes JSON', () => {
  it.each([
    ['{"statusCode":200}', { statusCode: 200 }],
    ['"plain text"', 'plain text'],
    ['42', 42],
    ['null', null],
    ['[1, 2]', [1, 2]],
  ])('%s parses', (text, value) => {
    expect(parseResultJson(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'No content to map due to end-of-input'],
    ['hello', "Unrecognized token 'hello': was expecting ('true', 'false' or 'null')"],
    ['{"statusCode": 200', 'Unexpected end-of-input or malformed JSON'],
    [
      '<html>',
      "Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    ],
  ])('%j is refused with the Jackson reason', (text, reason) => {
    expect(parseResultJson(text)).toEqual({
      ok: false,
      message: `InvalidParameterValueException: Value ${JSON.stringify(text)} for Handler.result is invalid: it must be JSON (${reason}).`,
    });
  });

  it('a long refused text is shortened in the message', () => {
    const parsed = parseResultJson(`{${'x'.repeat(100)}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(`Value "{${'x'.repeat(38)}…" for Handler.result`);
  });
});

describe('printed lines are one a row', () => {
  it('splits rows, drops the empty row a trailing newline makes, keeps empty rows inside', () => {
    expect(parsePrintedLines('a\nb\n')).toEqual(['a', 'b']);
    expect(parsePrintedLines('a\r\n\r\nb')).toEqual(['a', '', 'b']);
    expect(parsePrintedLines('')).toEqual([]);
  });
  it('round-trips', () => {
    expect(parsePrintedLines(printedLinesText(['Processing complete', 'order 7']))).toEqual([
      'Processing complete',
      'order 7',
    ]);
  });
});
