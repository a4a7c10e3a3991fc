/** Turns shell tokens into a pipeline: `a | b | c > file`. */
import { ShellSyntaxError, shellWords, type ShellToken } from './shellWords';

export interface Redirect {
  path: string;
  append: boolean;
}

export interface Pipeline {
  /** Each stage is a command's words; never empty. */
  stages: string[][];
  /** `> file` / `>> file` on the last stage. */
  redirect?: Redirect;
}

function describe(token: ShellToken | undefined): string {
  if (token === undefined) return 'newline';
  if (token.kind === 'pipe') return '|';
  if (token.kind === 'redirect') return token.append ? '>>' : '>';
  return token.text;
}

/** Parses a line; an empty line gives no stages. Throws ShellSyntaxError as bash would refuse it. */
export function parseCommandLine(line: string): Pipeline {
  const tokens = shellWords(line);
  const stages: string[][] = [];
  let current: string[] = [];
  let redirect: Redirect | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'word') {
      if (redirect)
        throw new ShellSyntaxError(`only one redirection, at the end, is supported (near '${token.text}')`);
      current.push(token.text);
    } else if (token.kind === 'pipe') {
      if (current.length === 0 || redirect)
        throw new ShellSyntaxError("syntax error near unexpected token `|'");
      stages.push(current);
      current = [];
    } else {
      const target = tokens[i + 1];
      if (target?.kind !== 'word')
        throw new ShellSyntaxError(`syntax error near unexpected token \`${describe(target)}'`);
      if (redirect) throw new ShellSyntaxError('only one redirection, at the end, is supported');
      redirect = { path: target.text, append: token.append };
      i++;
    }
  }
  if (current.length > 0) stages.push(current);
  else if (stages.length > 0 || redirect)
    throw new ShellSyntaxError("syntax error near unexpected token `newline'");
  return redirect ? { stages, redirect } : { stages };
}
