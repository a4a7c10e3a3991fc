/**
 * Turning what a person typed into the value an AWS API call would carry. Only what the model
 * cannot see is refused here (text that is not a number, JSON that does not parse): a number,
 * even one out of range or with decimals, goes to the model, whose refusal is the real one.
 * Refusals here use the model's words (src/model/validation.ts), so both read alike.
 */
import { describeJsonError } from '../../model/validation';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export const INVALID_PARAMETER = 'InvalidParameterValueException';

/** An AWS parameter's numeric rule, as the model checks it. */
export interface NumberRule {
  /** The parameter's name as the model reports it (`Timeout`, `Handler.failure.p`). */
  field: string;
  min: number;
  max: number;
  /** Whole numbers only (the API's Integer type). */
  integer: boolean;
  /** The model's unit suffix for the message, e.g. ` (seconds)`. */
  unit?: string;
}

export const RULES = {
  Timeout: { field: 'Timeout', min: 1, max: 900, integer: true, unit: ' (seconds)' },
  MemorySize: { field: 'MemorySize', min: 128, max: 10_240, integer: true, unit: ' (MB)' },
  MaximumRetryAttempts: { field: 'MaximumRetryAttempts', min: 0, max: 2, integer: true },
  MaximumEventAgeInSeconds: {
    field: 'MaximumEventAgeInSeconds',
    min: 60,
    max: 21_600,
    integer: true,
    unit: ' (seconds)',
  },
  accountConcurrency: { field: 'accountConcurrency', min: 1, max: 1_000_000, integer: true },
  durationMs: { field: 'Handler.durationMs', min: 0, max: 3_600_000, integer: false },
  jitterMs: { field: 'Handler.jitterMs', min: 0, max: 3_600_000, integer: false },
  initDurationMs: { field: 'Handler.initDurationMs', min: 0, max: 10_000, integer: false },
  failureCount: { field: 'Handler.failure.count', min: 0, max: 1000, integer: true },
  failureP: { field: 'Handler.failure.p', min: 0, max: 1, integer: false },
} as const satisfies Record<string, NumberRule>;

/** Reserved concurrency: 0 up to the account's limit. */
export function reservedRule(accountConcurrency: number): NumberRule {
  return { field: 'ReservedConcurrentExecutions', min: 0, max: accountConcurrency, integer: true };
}

/** Provisioned concurrency: 0 up to the reservation (or the account limit when unreserved). */
export function provisionedRule(reserved: number | null, accountConcurrency: number): NumberRule {
  return {
    field: 'ProvisionedConcurrentExecutions',
    min: 0,
    max: reserved ?? accountConcurrency,
    integer: true,
  };
}

/** The model's message for a value outside the rule, word for word (src/model/validation.ts). */
export function ruleMessage(rule: NumberRule, value: unknown): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  return `${INVALID_PARAMETER}: Value ${JSON.stringify(value)} for ${rule.field} is invalid: it must be ${kind} between ${rule.min} and ${rule.max}${rule.unit ?? ''}.`;
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
  return value.toLocaleString('en-US');
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
      message: `${INVALID_PARAMETER}: Value ${JSON.stringify(shortValue(text))} for Handler.result is invalid: it must be JSON (${describeJsonError(text)}).`,
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
