/**
 * A small single-line tokenizer for the generated handler code: enough to colour keywords,
 * strings, numbers and comments. The generated code never has multi-line strings, so
 * each line is tokenized alone. The tokens always join back to the line, unchanged.
 */
import type { Language } from './handlerSource';

export type TokenKind = 'keyword' | 'string' | 'number' | 'comment' | 'name' | 'plain';

export interface Token {
  text: string;
  kind: TokenKind;
}

const KEYWORDS: Record<Language, Set<string>> = {
  python: new Set([
    'False',
    'None',
    'True',
    'and',
    'as',
    'async',
    'await',
    'class',
    'def',
    'elif',
    'else',
    'except',
    'for',
    'from',
    'if',
    'import',
    'in',
    'is',
    'lambda',
    'not',
    'or',
    'pass',
    'raise',
    'return',
    'try',
    'while',
    'with',
  ]),
  nodejs: new Set([
    'async',
    'await',
    'class',
    'const',
    'else',
    'export',
    'extends',
    'false',
    'for',
    'function',
    'if',
    'import',
    'let',
    'new',
    'null',
    'return',
    'super',
    'this',
    'throw',
    'true',
    'try',
    'undefined',
  ]),
};

const PATTERNS: Record<Language, RegExp> = {
  // comment | string | number | identifier | anything else (one char at a time)
  python:
    /(#.*)|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)|(\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b)|([A-Za-z_][A-Za-z0-9_]*)|([\s\S])/gy,
  nodejs:
    /(\/\/.*)|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)|(\b\d+(?:\.\d+)?(?:e[+-]?\d+)?\b)|([A-Za-z_$][A-Za-z0-9_$]*)|([\s\S])/gy,
};

export function tokenize(text: string, language: Language): Token[] {
  const re = new RegExp(PATTERNS[language].source, 'gy');
  const keywords = KEYWORDS[language];
  const tokens: Token[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m[0] !== '') {
    const kind: TokenKind = m[1]
      ? 'comment'
      : m[2]
        ? 'string'
        : m[3]
          ? 'number'
          : m[4]
            ? keywords.has(m[4])
              ? 'keyword'
              : 'name'
            : 'plain';
    const last = tokens.at(-1);
    // Merge neighbours of the same plain kind: fewer spans.
    if (last && (kind === 'plain' || kind === 'name') && last.kind === kind) last.text += m[0];
    else tokens.push({ text: m[0], kind });
  }
  return tokens;
}
