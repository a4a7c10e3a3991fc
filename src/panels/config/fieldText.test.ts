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

// Text where the API takes a number cannot be read as the request's shape: Lambda's
// InvalidRequestContentException, "Could not parse request body into json: …" (lambda-facts §10),
// with the parser's (Jackson's) detail.
describe('number fields refuse text that is not a number, in the model’s words', () => {
  it.each(['', '   ', '12abc', 'ten', '1e3', '0x10', '1 000', '1,000', '12.5.1', '--1', 'NaN', 'Infinity'])(
    'Timeout %j is refused naming the field',
    (text) => {
      expect(parseNumberText(RULES.Timeout, text)).toEqual({
        ok: false,
        message: `InvalidRequestContentException: Could not parse request body into json: Cannot deserialize value of type \`java.lang.Integer\` from String ${JSON.stringify(text)} (for Timeout)`,
      });
    },
  );

  it.each([
    [RULES.MemorySize, 'Integer'],
    [RULES.MaximumRetryAttempts, 'Integer'],
    [RULES.MaximumEventAgeInSeconds, 'Integer'],
    [RULES.accountConcurrency, 'Integer'],
    [reservedRule(1000), 'Integer'],
    [provisionedRule(3, 1000), 'Integer'],
    [provisionedRule(null, 50), 'Integer'],
    [RULES.durationMs, 'Double'],
    [RULES.jitterMs, 'Double'],
    [RULES.initDurationMs, 'Double'],
    [RULES.failureCount, 'Integer'],
    [RULES.failureP, 'Double'],
  ])('%o', (rule, javaType) => {
    expect(parseNumberText(rule, '12abc')).toEqual({
      ok: false,
      message: `InvalidRequestContentException: Could not parse request body into json: Cannot deserialize value of type \`java.lang.${javaType}\` from String "12abc" (for ${rule.field})`,
    });
  });

  it('text is quoted as a string; a fraction where a whole number goes cannot be coerced', () => {
    expect(ruleMessage(RULES.Timeout, '901')).toContain('from String "901" (for Timeout)');
    expect(ruleMessage(RULES.Timeout, 12.5)).toContain(
      'Cannot coerce Floating-point value (12.5) to `java.lang.Integer` value (for Timeout)',
    );
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
      message: `InvalidRequestContentException: Could not parse request body into json: Handler.result is not JSON: ${reason}`,
    });
  });

  it('a long refused text is shortened in the message', () => {
    const parsed = parseResultJson('x'.repeat(100));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(`Unrecognized token '${'x'.repeat(39)}'`);
      expect(parsed.message.length).toBeLessThan(250);
    }
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
