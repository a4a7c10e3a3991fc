/**
 * The slice of Python's argparse that AWS CLI v2 relies on, so that mistakes produce the
 * CLI's own words: "expected one argument", "the following arguments are required: …",
 * "Invalid choice, valid choices are: …", and leftovers for "Unknown options: …".
 * Not emulated: option-name abbreviations (argparse's allow_abbrev) and nargs other than 0/1.
 */

export interface OptionSpec {
  /** With the dashes: `--function-name`. */
  name: string;
  /** false: a flag (store_true). */
  takesValue: boolean;
  required?: boolean;
  choices?: readonly string[];
}

export interface ParserSpec {
  /** In the order the CLI adds them: the "required" message lists names in this order. */
  options: readonly OptionSpec[];
  /** Positional arguments (`outfile`, `group_name`), after the options in that order. */
  positionals?: readonly { name: string; required: boolean }[];
}

export interface ParsedArgs {
  /** Option values by name (`--payload`); flags map to true. */
  options: Map<string, string | true>;
  positionals: Map<string, string>;
  /** What argparse did not recognise, in order: options and surplus positionals. */
  extras: string[];
}

/** An argparse error: the CLI prints it after the usage block and exits 252. */
export class ArgParseError extends Error {
  override readonly name = 'ArgParseError';
}

/** argparse treats `-5` as a value, not an option, when the parser has no numeric-looking options. */
function looksLikeOption(word: string): boolean {
  return word.startsWith('-') && word !== '-' && !/^-\d+(\.\d+)?$/.test(word);
}

/** The CLI's own choices message (awscli/argparser.py `_check_value`), two choices per line. */
export function invalidChoiceMessage(argument: string, value: string, choices: readonly string[]): string {
  const lines: string[] = ['Invalid choice, valid choices are:\n'];
  for (let i = 0; i < choices.length; i += 2) {
    lines.push(
      choices
        .slice(i, i + 2)
        .map((c) => c.padEnd(40))
        .join(' | '),
    );
  }
  const close = closeMatches(value, choices);
  if (close.length > 0) {
    lines.push(`\n\nInvalid choice: '${value}', maybe you meant:\n`);
    for (const c of close) lines.push(`  * ${c}`);
  }
  return `argument ${argument}: ${lines.join('\n')}`;
}

/**
 * Python's difflib.get_close_matches(cutoff=0.8), approximated with the longest common
 * subsequence (difflib's ratio uses matching blocks, which is close for typos).
 */
function similarity(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, () => 0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return (2 * row[b.length]) / (a.length + b.length);
}

function closeMatches(value: string, choices: readonly string[]): string[] {
  return choices
    .map((c) => ({ c, r: similarity(value, c) }))
    .filter((x) => x.r >= 0.8)
    .toSorted((x, y) => y.r - x.r)
    .slice(0, 3)
    .map((x) => x.c);
}

export function parseArgs(spec: ParserSpec, args: readonly string[]): ParsedArgs {
  const byName = new Map(spec.options.map((o) => [o.name, o]));
  const positionalSpecs = spec.positionals ?? [];
  const parsed: ParsedArgs = { options: new Map(), positionals: new Map(), extras: [] };
  let onlyPositionals = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!onlyPositionals && arg === '--') {
      onlyPositionals = true;
      continue;
    }
    if (onlyPositionals || !looksLikeOption(arg)) {
      const slot = positionalSpecs[parsed.positionals.size];
      if (slot) parsed.positionals.set(slot.name, arg);
      else parsed.extras.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const option = byName.get(name);
    if (!option) {
      parsed.extras.push(arg);
      continue;
    }
    if (!option.takesValue) {
      if (eq > 0)
        throw new ArgParseError(`argument ${name}: ignored explicit argument '${arg.slice(eq + 1)}'`);
      parsed.options.set(name, true);
      continue;
    }
    let value: string;
    if (eq > 0) {
      value = arg.slice(eq + 1);
    } else {
      const next = args[i + 1];
      if (next === undefined || looksLikeOption(next))
        throw new ArgParseError(`argument ${name}: expected one argument`);
      value = next;
      i++;
    }
    if (option.choices && !option.choices.includes(value)) {
      throw new ArgParseError(invalidChoiceMessage(name, value, option.choices));
    }
    parsed.options.set(name, value);
  }

  const missing = [
    ...spec.options.filter((o) => o.required && !parsed.options.has(o.name)).map((o) => o.name),
    ...positionalSpecs.filter((p) => p.required && !parsed.positionals.has(p.name)).map((p) => p.name),
  ];
  if (missing.length > 0)
    throw new ArgParseError(`the following arguments are required: ${missing.join(', ')}`);
  return parsed;
}

/** An option's value as a string, or undefined (flags and absent options). */
export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.options.get(name);
  return typeof v === 'string' ? v : undefined;
}
