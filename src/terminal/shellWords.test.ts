import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './commandLine';
import { ShellSyntaxError, shellWords } from './shellWords';

const words = (line: string) =>
  shellWords(line).map((t) => (t.kind === 'word' ? t.text : t.kind === 'pipe' ? '|' : t.append ? '>>' : '>'));

describe('shellWords splits like a POSIX shell', () => {
  it('splits on blanks and keeps single-quoted text literally (JSON payloads survive)', () => {
    expect(words(`aws lambda invoke --payload '{"order": "latte"}' out.json`)).toEqual([
      'aws',
      'lambda',
      'invoke',
      '--payload',
      '{"order": "latte"}',
      'out.json',
    ]);
  });

  it('double quotes allow \\" \\\\ \\$ escapes; other backslashes stay', () => {
    expect(words(String.raw`echo "say \"hi\" \\ \$HOME \n"`)).toEqual([
      'echo',
      String.raw`say "hi" \ $HOME \n`,
    ]);
  });

  it('a backslash outside quotes escapes the next character; backslash-newline continues the line', () => {
    expect(words(String.raw`echo a\ b \'c`)).toEqual(['echo', 'a b', "'c"]);
    expect(words('aws lambda \\\n  invoke')).toEqual(['aws', 'lambda', 'invoke']);
  });

  it('adjacent quoted and unquoted parts make one word; empty quotes make an empty word', () => {
    expect(words(`--payload='{"a":1}'x ''`)).toEqual(['--payload={"a":1}x', '']);
  });

  it('pipes and redirections are separate tokens, even without spaces', () => {
    expect(words('cat x|base64 -d>y >>z')).toEqual(['cat', 'x', '|', 'base64', '-d', '>', 'y', '>>', 'z']);
    expect(words(`echo 'a|b'`)).toEqual(['echo', 'a|b']);
  });

  it('# starts a comment only at the start of a word', () => {
    expect(words('echo a#b # rest')).toEqual(['echo', 'a#b']);
  });

  it('an unterminated quote is an error naming the quote, as bash says it', () => {
    expect(() => shellWords(`echo 'abc`)).toThrow("unexpected EOF while looking for matching `''");
    expect(() => shellWords('echo "abc')).toThrow('unexpected EOF while looking for matching `"\'');
    expect(() => shellWords('echo "abc')).toThrow(ShellSyntaxError);
  });

  it('operators this terminal does not run (; && || & <) are refused clearly', () => {
    for (const op of [';', '&&', '||', '&', '<']) expect(() => shellWords(`ls ${op} ls`)).toThrow(`'${op}'`);
  });
});

describe('parseCommandLine builds the pipeline', () => {
  it('splits stages at pipes and takes a final redirection', () => {
    expect(parseCommandLine('cat a | base64 -d > b')).toEqual({
      stages: [
        ['cat', 'a'],
        ['base64', '-d'],
      ],
      redirect: { path: 'b', append: false },
    });
  });

  it('rejects an empty stage or a redirection without a file', () => {
    expect(() => parseCommandLine('| cat')).toThrow("syntax error near unexpected token `|'");
    expect(() => parseCommandLine('cat a |')).toThrow("syntax error near unexpected token `newline'");
    expect(() => parseCommandLine('echo >')).toThrow("syntax error near unexpected token `newline'");
  });
});
