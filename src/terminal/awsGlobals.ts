/**
 * The AWS CLI's global options, which may appear anywhere on the line (`aws lambda invoke …
 * --query LogResult --output text`), and the rendering of a response through them.
 */
import { ArgParseError, parseArgs, stringOption, type OptionSpec } from './argParser';
import { formatJson, formatText, OUTPUT_CHOICES, type Json } from './cliOutput';
import { EXIT, generalError, parameterError, usageError } from './cliErrors';
import type { CliRun, CommandOutput } from './types';

export type BinaryFormat = 'base64' | 'raw-in-base64-out';

export interface GlobalOptions {
  output: (typeof OUTPUT_CHOICES)[number];
  query?: string;
  /** CLI v2's default is base64: a `--payload` is decoded from base64 before it is sent. */
  binaryFormat: BinaryFormat;
  version: boolean;
  /** The API operation being run ("Invoke"): the title of `--output table`. */
  operation?: string;
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
export function parseGlobals(
  words: readonly string[],
  env: ReadonlyMap<string, string> = new Map(),
): GlobalParse {
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
    const output = (stringOption(parsed, '--output') ??
      env.get('AWS_DEFAULT_OUTPUT') ??
      'json') as GlobalOptions['output'];
    if (!OUTPUT_CHOICES.includes(output)) {
      // awscli/formatter.py get_formatter, for a bad AWS_DEFAULT_OUTPUT.
      return { ok: false, error: generalError(`Unknown output type: ${output}`) };
    }
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

type Extras = typeof import('./outputExtras');
let extras: Extras | undefined;
let loading: Promise<Extras> | undefined;

/**
 * Loads `--query`, table and YAML output (a chunk of its own, off the first view). The
 * terminal asks for it when it starts, so it is there long before anyone types a query.
 */
export function loadOutputExtras(): Promise<Extras> {
  loading ??= import('./outputExtras').then((module) => (extras = module));
  return loading;
}

/** The extras if they have arrived (synchronously), else undefined. */
export function loadedOutputExtras(): Extras | undefined {
  return extras;
}

function needsExtras(globals: GlobalOptions): boolean {
  return globals.query !== undefined || globals.output === 'table' || globals.output.startsWith('yaml');
}

/**
 * The CLI compiles `--query` before it calls the service, and refuses a bad expression
 * (awscli/customizations/globalargs.py: a ParamValidationError, exit 252). The detail is
 * jmespath.js's wording, not Python jmespath's.
 */
export function queryError(globals: GlobalOptions): CommandOutput | undefined {
  if (globals.query === undefined || !extras) return undefined;
  const problem = extras.queryProblem(globals.query);
  return problem === undefined
    ? undefined
    : parameterError(`Bad value for --query ${globals.query}: ${problem}`);
}

const ok = (stdout: string): CommandOutput => ({ stdout, stderr: '', exitCode: EXIT.ok });

function render(module: Extras | undefined, response: Json, globals: GlobalOptions): CommandOutput {
  let value = response;
  if (globals.query !== undefined && module) {
    const problem = module.queryProblem(globals.query);
    if (problem !== undefined) return parameterError(`Bad value for --query ${globals.query}: ${problem}`);
    try {
      value = module.runQuery(globals.query, response);
    } catch (error) {
      // A type error at search time (`length(Timeout)`) is a general failure in the CLI.
      return generalError(error instanceof Error ? error.message : String(error));
    }
  }
  switch (globals.output) {
    case 'off':
      return ok('');
    case 'text':
      return ok(formatText(value));
    case 'table':
      return ok(module!.formatTable(globals.operation ?? '', value));
    case 'yaml':
      return ok(module!.formatYaml(value));
    case 'yaml-stream':
      // One document per response page: a list around the (single) response.
      return ok(isEmptyObject(value) ? '' : module!.formatYaml([value]));
    default:
      return ok(formatJson(value));
  }
}

function isEmptyObject(value: Json): boolean {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0
  );
}

/**
 * Prints a response as the CLI would: query first, then the output format. Output that needs
 * the lazily loaded part waits for it (a few milliseconds, once) as a still-running command.
 */
export function renderResponse(response: Json, globals: GlobalOptions): CliRun {
  if (!needsExtras(globals) || extras) return render(extras, response, globals);
  return {
    stdout: '',
    stderr: '',
    exitCode: EXIT.ok,
    pending: loadOutputExtras().then((module) => render(module, response, globals)),
  };
}
