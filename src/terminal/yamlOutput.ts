/**
 * `--output yaml` as AWS CLI v2 writes it: awscli/formatter.py YAMLDumper, i.e. ruamel.yaml's
 * safe dumper with block style (keys sorted, sequences not indented under their key, 80-column
 * folding), except that a bare scalar is written as JSON. A port of what that dumper does with
 * JSON data (ruamel.yaml 0.19 emitter: analyze_scalar, choose_scalar_style, write_plain,
 * write_single_quoted, write_double_quoted), checked against ruamel.yaml's own output.
 */
import type { Json } from './cliOutput';

const BEST_WIDTH = 80;
const INDENT = 2;

/** YAML 1.2 implicit types (ruamel.yaml's resolver): a string that reads as one of these must be quoted. */
const IMPLICIT = [
  /^(?:true|True|TRUE|false|False|FALSE)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
  /^(?:~|null|Null|NULL)$/,
  /^<<$/,
  /^=$/,
  /^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?$/,
  /^(?:!|&|\*)/,
];

const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xa0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

const BREAKS = '\n\x85\u2028\u2029';
const WHITESPACE = '\0 \t\r\n\x85\u2028\u2029';

function isPrintable(ch: string): boolean {
  return (
    (ch >= '\x20' && ch <= '\x7e') ||
    ch === '\x85' ||
    (ch >= '\xa0' && ch <= '\ud7ff') ||
    (ch >= '\ue000' && ch <= '\ufffd' && ch !== '\ufeff') ||
    ch.codePointAt(0)! > 0xffff
  );
}

type Style = 'plain' | 'single' | 'double';

/** ruamel.yaml's analyze_scalar + choose_scalar_style for a string in block context. */
function chooseStyle(text: string, simpleKey: boolean): Style {
  if (text === '') return 'single';
  const implicit = !IMPLICIT.some((re) => re.test(text));
  const chars = [...text];
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let trailingSpace = false;
  let leadingBreak = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || WHITESPACE.includes(chars[1]);
  chars.forEach((ch, index) => {
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ('?:'.includes(ch) && followedByWhitespace) blockIndicators = true;
      if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    // allow_unicode: printable non-ASCII is written as it is; control characters and BOMs are not.
    if (!(ch === '\n' || (ch >= '\x20' && ch <= '\x7e')) && !(ch === '\x85' || isPrintable(ch)))
      special = true;
    if (ch === ' ') {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = WHITESPACE.includes(ch);
    followedByWhitespace = index + 2 >= chars.length || WHITESPACE.includes(chars[index + 2]);
  });
  let plain = true;
  let single = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) plain = false;
  if (breakSpace) plain = single = false;
  if (special || spaceBreak) plain = single = false;
  if (lineBreaks) plain = false;
  if (blockIndicators) plain = false;
  if (implicit && plain && !(simpleKey && lineBreaks)) return 'plain';
  if (text.includes("'") || text.includes('\n')) return 'double';
  if (single && !(simpleKey && lineBreaks)) return 'single';
  return 'double';
}

/** The emitter's state: what has been written, and where the cursor is. */
class Writer {
  out = '';
  column = 0;
  /** The current block indent (where continuation lines start). */
  indent = 0;
  whitespace = true;
  indention = true;

  write(data: string) {
    this.out += data;
    this.column += data.length;
  }

  lineBreak() {
    this.out += '\n';
    this.column = 0;
    this.whitespace = true;
    this.indention = true;
  }

  writeIndent() {
    if (!this.indention || this.column > this.indent || (this.column === this.indent && !this.whitespace))
      this.lineBreak();
    if (this.column < this.indent) {
      this.out += ' '.repeat(this.indent - this.column);
      this.column = this.indent;
      this.whitespace = true;
    }
  }

  writePlain(text: string) {
    if (!this.whitespace) this.write(' ');
    this.whitespace = false;
    this.indention = false;
    let spaces = false;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = end < text.length ? text[end] : undefined;
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column >= BEST_WIDTH) {
            this.writeIndent();
            this.whitespace = false;
            this.indention = false;
          } else this.write(text.slice(start, end));
          start = end;
        }
      } else if (ch === undefined || ch === ' ') {
        const data = text.slice(start, end);
        // Words longer than the line get a line of their own.
        if (data.length + this.column > BEST_WIDTH && this.column > this.indent) this.writeIndent();
        this.write(data);
        start = end;
      }
      if (ch !== undefined) spaces = ch === ' ';
    }
  }

  writeSingleQuoted(text: string) {
    if (!this.whitespace) this.write(' ');
    this.write("'");
    this.whitespace = false;
    this.indention = false;
    let spaces = false;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = end < text.length ? text[end] : undefined;
      if (spaces) {
        if (ch === undefined || ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && start !== 0 && end !== text.length)
            this.writeIndent();
          else this.write(text.slice(start, end));
          start = end;
        }
      } else if (ch === undefined || ch === ' ' || ch === "'") {
        if (start < end) {
          this.write(text.slice(start, end));
          start = end;
        }
      }
      if (ch === "'") {
        this.write("''");
        start = end + 1;
      }
      if (ch !== undefined) spaces = ch === ' ';
    }
    this.write("'");
  }

  writeDoubleQuoted(text: string) {
    if (!this.whitespace) this.write(' ');
    this.write('"');
    this.whitespace = false;
    this.indention = false;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const ch = end < text.length ? text[end] : undefined;
      if (ch === undefined || '"\\\x85\u2028\u2029\ufeff'.includes(ch) || !isPrintable(ch)) {
        if (start < end) {
          this.write(text.slice(start, end));
          start = end;
        }
        if (ch !== undefined) {
          const code = ch.codePointAt(0)!;
          this.write(
            ESCAPES[ch] !== undefined
              ? `\\${ESCAPES[ch]}`
              : code <= 0xff
                ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
                : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`,
          );
          start = end + 1;
        }
      }
      if (
        0 < end &&
        end < text.length - 1 &&
        (ch === ' ' || start >= end) &&
        this.column + (end - start) > BEST_WIDTH
      ) {
        let needBackslash = true;
        const spaceAt = text.indexOf(' ', end);
        if (spaceAt >= 0) {
          const breakAt = text.slice(end, spaceAt).indexOf('\n');
          const at = breakAt >= 0 ? end + breakAt : spaceAt;
          if (text[at] === '\n' && text[at + 1] !== ' ') {
            // keep the backslash
          } else if (
            !text.slice(end, at).includes('"') &&
            !text.slice(end, at).includes("'") &&
            at + 1 < text.length &&
            !' \n'.includes(text[at + 1]) &&
            text.slice(end - 1, end + 1) !== '  ' &&
            start !== end
          ) {
            needBackslash = false;
          }
        }
        this.write(text.slice(start, end) + (needBackslash ? '\\' : ''));
        if (start < end) start = end;
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
        if (text[start] === ' ') {
          if (!needBackslash) start += 1;
          else this.write('\\');
        }
      }
    }
    this.write('"');
  }

  scalar(text: string, simpleKey = false) {
    const style = chooseStyle(text, simpleKey);
    if (style === 'plain') this.writePlain(text);
    else if (style === 'single') this.writeSingleQuoted(text);
    else this.writeDoubleQuoted(text);
  }
}

/** ruamel.yaml's representation of a JSON scalar: null, true/false, numbers as Python prints them. */
function scalarText(value: Exclude<Json, object> | null): string | undefined {
  if (value === null) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pythonFloat(value);
  return undefined;
}

function pythonFloat(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  const text = String(n).replace(/e\+?/, 'e+').replace('e+-', 'e-');
  return /e/.test(text) && !text.includes('.') ? text.replace('e', '.0e') : text;
}

function isEmptyCollection(value: Json): boolean {
  return Array.isArray(value)
    ? value.length === 0
    : value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

function node(w: Writer, value: Json, indent: number): void {
  if (value === null || typeof value !== 'object') {
    const text = scalarText(value);
    w.indent = indent;
    if (text !== undefined) {
      if (!w.whitespace) w.write(' ');
      w.write(text);
      w.whitespace = false;
      w.indention = false;
    } else w.scalar(value as string);
    return;
  }
  if (isEmptyCollection(value)) {
    if (!w.whitespace) w.write(' ');
    w.write(Array.isArray(value) ? '[]' : '{}');
    w.whitespace = false;
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      w.indent = indent;
      w.writeIndent();
      w.write('-');
      w.whitespace = false;
      w.indention = true;
      w.write(' ');
      w.whitespace = true;
      // A mapping or sequence in an item starts on the item's line, one level in.
      node(w, item, indent + INDENT);
    }
    return;
  }
  for (const key of Object.keys(value).toSorted()) {
    w.indent = indent;
    w.writeIndent();
    w.scalar(key, true);
    w.write(':');
    w.whitespace = false;
    w.indention = false;
    const child = value[key];
    if (child !== null && typeof child === 'object' && !isEmptyCollection(child)) {
      // Sequences under a key are not indented (ruamel.yaml's default, like PyYAML's).
      node(w, child, Array.isArray(child) ? indent : indent + INDENT);
    } else {
      node(w, child, indent + INDENT);
    }
  }
}

export function formatYaml(value: Json): string {
  // awscli's YAMLDumper writes a bare scalar as JSON (a YAML scalar document would end with "...").
  if (value === null || typeof value !== 'object') return `${JSON.stringify(value)}\n`;
  // An empty response prints nothing (YAMLFormatter: `if response == {}: return`).
  if (!Array.isArray(value) && Object.keys(value).length === 0) return '';
  const w = new Writer();
  node(w, value, 0);
  return `${w.out}\n`;
}
