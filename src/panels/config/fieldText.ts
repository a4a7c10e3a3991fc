/**
 * Turning what a person typed into the value an AWS API call would carry. Only what the model
 * cannot see is refused here (text that is not a number, JSON that does not parse): a number,
 * even one out of range or with decimals, goes to the model, whose refusal is the real one.
 * The rules are the model's own table (CONFIG_FIELDS), and a refusal here is the one the model
 * gives for the same text, word for word.
 */
import { CONFIG_FIELDS, describeJsonError, typeRefusal, type NumberField } from '../../model';
import { formatCount } from '../../cafe/format';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A semantic refusal (a destination of the wrong kind): Lambda's InvalidParameterValueException. */
export const INVALID_PARAMETER = 'InvalidParameterValueException';

/** A numeric field's rule: the model's (range, default, unit, AWS's name for it). */
export type NumberRule = NumberField;

export const RULES = CONFIG_FIELDS;

/** Reserved concurrency: 0 up to the account's limit (the model checks the upper bound). */
export function reservedRule(_accountConcurrency: number): NumberRule {
  return CONFIG_FIELDS.ReservedConcurrentExecutions;
}

/** Provisioned concurrency: 0 up to the reservation, or the account limit (the model checks). */
export function provisionedRule(_reserved: number | null, _accountConcurrency: number): NumberRule {
  return CONFIG_FIELDS.ProvisionedConcurrentExecutions;
}

/** The model's refusal of `value` for a field of the wrong type, as one line. */
export function ruleMessage(rule: NumberRule, value: unknown): string {
  const refusal = typeRefusal(rule.integer ? 'Integer' : 'Double', value, rule.field);
  return `${refusal.name}: ${refusal.message}`;
}

/** A plain decimal number: optional sign, digits, optional fraction. No exponents, hex, spaces inside or units. */
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * The number in a text field. Text that is not a plain decimal number ("", "12abc", "1e3",
 * "ten") is refused with the message the model gives for a non-number; anything numeric
 * is returned as is, for the model to judge (range, whole number).
 */
export function parseNumberText(rule: NumberRule, text: string): Parsed<number> {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return { ok: false, message: ruleMessage(rule, text) };
  const value = Number(trimmed);
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** How a number is shown in a field (no grouping: the field must parse back). */
export function numberText(value: number): string {
  return String(value);
}

/** How a number is shown in prose: 21,600. */
export function grouped(value: number): string {
  return formatCount(value);
}

/** A field's range (and default) from the model's table: "1–900 s, default 3". */
export function rangeText(rule: NumberRule, withDefault = true): string {
  const unit = rule.unit === '' ? '' : ` ${rule.unit}`;
  const range = `${grouped(rule.min)}–${rule.max === undefined ? '…' : grouped(rule.max)}${unit}`;
  return withDefault && rule.default !== undefined ? `${range}, default ${grouped(rule.default)}` : range;
}

function shortValue(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** The handler's return value, typed as JSON. */
export function parseResultJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      message: `InvalidRequestContentException: Could not parse request body into json: Handler.result is not JSON: ${describeJsonError(shortValue(text))}`,
    };
  }
}

/** One printed line a row; a trailing newline does not add an empty line. */
export function parsePrintedLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export function printedLinesText(lines: readonly string[]): string {
  return lines.join('\n');
}
