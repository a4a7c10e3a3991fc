/**
 * Splits a command line into words the way a POSIX shell does, so that what students paste from
 * AWS tutorials (`--payload '{"order": "latte"}'`, `... | base64 -d`) means what it means in bash.
 * Supported: single quotes, double quotes (backslash escapes only \ " $ ` and newline, as POSIX
 * says), backslash outside quotes, `#` comments, and the operators `|`, `>` and `>>`.
 * Not supported (a clear error rather than a silent difference): `;`, `&`, `&&`, `||`, `<`.
 * No `$VAR`, `$(...)` or glob expansion: those characters stay literal.
 */

export type ShellToken =
  { kind: 'word'; text: string } | { kind: 'pipe' } | { kind: 'redirect'; append: boolean };

export class ShellSyntaxError extends Error {
  override readonly name = 'ShellSyntaxError';
}

/** Characters that end an unquoted word. */
const OPERATOR_START = new Set(['|', '>', '<', ';', '&']);
const BLANK = new Set([' ', '\t', '\n', '\r']);
/** Inside double quotes a backslash only escapes these (POSIX); before anything else it stays. */
const DOUBLE_QUOTE_ESCAPABLE = new Set(['\\', '"', '$', '`', '\n']);

function unsupported(op: string): ShellSyntaxError {
  return new ShellSyntaxError(
    `syntax not supported in this terminal: '${op}' (use one command, or a pipe |)`,
  );
}

/** Reads an operator at `i`; returns the token and its length, or throws for the ones we do not run. */
function readOperator(line: string, i: number): { token: ShellToken; length: number } {
  const two = line.slice(i, i + 2);
  if (two === '>>') return { token: { kind: 'redirect', append: true }, length: 2 };
  if (two === '||' || two === '&&') throw unsupported(two);
  const ch = line[i];
  if (ch === '|') return { token: { kind: 'pipe' }, length: 1 };
  if (ch === '>') return { token: { kind: 'redirect', append: false }, length: 1 };
  throw unsupported(ch);
}

export function shellWords(line: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  let word = '';
  // A word can be empty yet present ('' or ""), so "inside a word" is tracked apart from its text.
  let inWord = false;
  const endWord = () => {
    if (inWord) tokens.push({ kind: 'word', text: word });
    word = '';
    inWord = false;
  };

  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (BLANK.has(ch)) {
      endWord();
      i++;
    } else if (ch === '#' && !inWord) {
      break; // a comment runs to the end of the line
    } else if (OPERATOR_START.has(ch)) {
      endWord();
      const { token, length } = readOperator(line, i);
      tokens.push(token);
      i += length;
    } else if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
      word += line.slice(i + 1, close);
      inWord = true;
      i = close + 1;
    } else if (ch === '"') {
      i++;
      inWord = true;
      for (;;) {
        if (i >= line.length) throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'');
        const c = line[i];
        if (c === '"') break;
        if (c === '\\' && i + 1 < line.length && DOUBLE_QUOTE_ESCAPABLE.has(line[i + 1])) {
          // Backslash-newline is a line continuation: both characters vanish.
          if (line[i + 1] !== '\n') word += line[i + 1];
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
      i++;
    } else if (ch === '\\') {
      if (i + 1 >= line.length) {
        word += '\\'; // a trailing backslash has nothing to escape; bash would wait for more input
        inWord = true;
        i++;
      } else if (line[i + 1] === '\n') {
        i += 2; // line continuation
      } else {
        word += line[i + 1];
        inWord = true;
        i += 2;
      }
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  endWord();
  return tokens;
}
