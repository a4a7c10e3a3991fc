/**
 * The AWS CLI's global options, which may appear anywhere on the line (`aws lambda invoke …
 * --query LogResult --output text`), and the rendering of a response through them.
 */
import { ArgParseError, parseArgs, stringOption, type OptionSpec } from './argParser';
import { applyQuery, formatJson, formatText, OUTPUT_CHOICES, QueryError, type Json } from './cliOutput';
import { EXIT, usageError } from './cliErrors';
import type { CommandOutput } from './types';

export type BinaryFormat = 'base64' | 'raw-in-base64-out';

export interface GlobalOptions {
  output: (typeof OUTPUT_CHOICES)[number];
  query?: string;
  /** CLI v2's default is base64: a `--payload` is decoded from base64 before it is sent. */
  binaryFormat: BinaryFormat;
  version: boolean;
}

/** Accepted and ignored: the simulation has one region and one account, and no pager. */
const IGNORED_WITH_VALUE = [
  '--region',
  '--profile',
  '--endpoint-url',
  '--ca-bundle',
  '--cli-read-timeout',
  '--cli-connect-timeout',
];
const IGNORED_FLAGS = [
  '--debug',
  '--no-verify-ssl',
  '--no-paginate',
  '--no-sign-request',
  '--no-cli-pager',
  '--cli-auto-prompt',
  '--no-cli-auto-prompt',
];

const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: '--output', takesValue: true, choices: OUTPUT_CHOICES },
  { name: '--query', takesValue: true },
  { name: '--cli-binary-format', takesValue: true, choices: ['base64', 'raw-in-base64-out'] },
  { name: '--color', takesValue: true, choices: ['on', 'off', 'auto'] },
  { name: '--version', takesValue: false },
  ...IGNORED_WITH_VALUE.map((name) => ({ name, takesValue: true })),
  ...IGNORED_FLAGS.map((name) => ({ name, takesValue: false })),
];

export type GlobalParse =
  { ok: true; globals: GlobalOptions; rest: string[] } | { ok: false; error: CommandOutput };

/**
 * Takes the global options out of the words after `aws`, as the CLI's main parser does,
 * leaving the command, subcommand and their parameters in order.
 */
export function parseGlobals(words: readonly string[]): GlobalParse {
  const globalNames = new Set(GLOBAL_OPTIONS.map((o) => o.name));
  const mine: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const name = word.includes('=') ? word.slice(0, word.indexOf('=')) : word;
    if (!globalNames.has(name)) {
      rest.push(word);
      continue;
    }
    mine.push(word);
    const spec = GLOBAL_OPTIONS.find((o) => o.name === name);
    if (spec?.takesValue && !word.includes('=') && i + 1 < words.length) mine.push(words[++i]);
  }
  try {
    const parsed = parseArgs({ options: GLOBAL_OPTIONS }, mine);
    const output = (stringOption(parsed, '--output') ?? 'json') as GlobalOptions['output'];
    const query = stringOption(parsed, '--query');
    return {
      ok: true,
      rest,
      globals: {
        output,
        ...(query !== undefined ? { query } : {}),
        binaryFormat: (stringOption(parsed, '--cli-binary-format') ?? 'base64') as BinaryFormat,
        version: parsed.options.has('--version'),
      },
    };
  } catch (e) {
    if (e instanceof ArgParseError) return { ok: false, error: usageError(e.message) };
    throw e;
  }
}

/** Prints a response as the CLI would: query first, then the output format. */
export function renderResponse(response: Json, globals: GlobalOptions): CommandOutput {
  let value = response;
  if (globals.query !== undefined) {
    try {
      value = applyQuery(globals.query, response);
    } catch (e) {
      if (e instanceof QueryError) return usageError(`argument --query: ${e.message}`);
      throw e;
    }
  }
  switch (globals.output) {
    case 'off':
      return { stdout: '', stderr: '', exitCode: EXIT.ok };
    case 'text':
      return { stdout: formatText(value), stderr: '', exitCode: EXIT.ok };
    case 'json':
      return { stdout: formatJson(value), stderr: '', exitCode: EXIT.ok };
    default:
      // Said plainly rather than faked: table and YAML are not drawn by this terminal.
      return {
        stdout: formatJson(value),
        stderr: `(this simulated terminal prints --output ${globals.output} as json)\n`,
        exitCode: EXIT.ok,
      };
  }
}
