/**
 * The CLI's output formats for a command's response: `--output json` (4-space indented, as
 * Python's json.dump(indent=4)), `--output text` (awscli/text.py: tab-separated scalars, keys
 * sorted) and `--query` (a small subset of JMESPath: the paths tutorials use).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const OUTPUT_CHOICES = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'] as const;

type PathStep = { kind: 'field'; name: string } | { kind: 'index'; index: number } | { kind: 'project' };

export class QueryError extends Error {
  override readonly name = 'QueryError';
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Parses `Field`, `"Field"`, `A.B`, `List[0]`, `List[*].Name`, `List[].Name`. */
export function parseQuery(expression: string): PathStep[] {
  const steps: PathStep[] = [];
  let rest = expression.trim();
  let expectField = true;
  while (rest.length > 0) {
    if (rest.startsWith('[')) {
      const m = /^\[(\*|-?\d+)?\]/.exec(rest);
      if (!m) break;
      steps.push(
        m[1] === undefined || m[1] === '*' ? { kind: 'project' } : { kind: 'index', index: Number(m[1]) },
      );
      rest = rest.slice(m[0].length);
      expectField = false;
    } else if (expectField || rest.startsWith('.')) {
      if (!expectField) rest = rest.slice(1);
      const quoted = /^"([^"\\]*)"/.exec(rest);
      const bare = IDENTIFIER.exec(rest);
      const m = quoted ?? bare;
      if (!m) break;
      steps.push({ kind: 'field', name: quoted ? quoted[1] : m[0] });
      rest = rest.slice(m[0].length);
      expectField = false;
    } else {
      break;
    }
  }
  if (rest.length > 0 || steps.length === 0) {
    throw new QueryError(
      `this terminal understands only simple --query paths (Field, A.B, List[0], List[*].Name); got: ${expression}`,
    );
  }
  return steps;
}

function evaluate(steps: readonly PathStep[], value: Json): Json {
  if (steps.length === 0) return value;
  const [step, ...rest] = steps;
  if (step.kind === 'field') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    return evaluate(rest, value[step.name] ?? null);
  }
  if (!Array.isArray(value)) return null;
  if (step.kind === 'index') {
    const item = value[step.index < 0 ? value.length + step.index : step.index];
    return evaluate(rest, item ?? null);
  }
  // A projection applies the rest to each element and drops the nulls, as JMESPath does.
  return value.map((item) => evaluate(rest, item)).filter((v) => v !== null);
}

export function applyQuery(expression: string, value: Json): Json {
  return evaluate(parseQuery(expression), value);
}

function isEmptyObject(value: Json): boolean {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0
  );
}

/** awscli JSONFormatter: an empty response ({}) prints nothing at all. */
export function formatJson(value: Json): string {
  return isEmptyObject(value) ? '' : `${JSON.stringify(value, null, 4)}\n`;
}

/** Python's str() of a scalar, as text output shows it. */
function scalarText(value: Json): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return String(value);
}

function isScalar(value: Json): boolean {
  return value === null || typeof value !== 'object';
}

/** A port of awscli/text.py. */
export function formatText(value: Json): string {
  const out: string[] = [];
  const write = (line: string) => out.push(`${line}\n`);

  const formatScalarList = (items: Json[], identifier: string | undefined) => {
    if (identifier !== undefined)
      for (const item of items) write(`${identifier.toUpperCase()}\t${scalarText(item)}`);
    else write(items.map(scalarText).join('\t'));
  };

  const formatDict = (
    item: { [key: string]: Json },
    identifier: string | undefined,
    scalarKeys: string[] | undefined,
  ) => {
    const scalars: string[] = [];
    const nonScalars: [string, Json][] = [];
    if (scalarKeys === undefined) {
      for (const key of Object.keys(item).toSorted()) {
        if (isScalar(item[key])) scalars.push(scalarText(item[key]));
        else nonScalars.push([key, item[key]]);
      }
    } else {
      for (const key of scalarKeys) scalars.push(key in item ? scalarText(item[key]) : '');
      for (const key of Object.keys(item)
        .filter((k) => !scalarKeys.includes(k))
        .toSorted())
        nonScalars.push([key, item[key]]);
    }
    if (scalars.length > 0)
      write([...(identifier !== undefined ? [identifier.toUpperCase()] : []), ...scalars].join('\t'));
    for (const [key, nested] of nonScalars) format(nested, key, undefined);
  };

  const formatList = (items: Json[], identifier: string | undefined) => {
    if (items.length === 0) return;
    const dicts = items.filter(
      (el): el is { [key: string]: Json } => el !== null && typeof el === 'object' && !Array.isArray(el),
    );
    if (dicts.length > 0) {
      const keys = new Set<string>();
      for (const d of dicts) for (const [k, v] of Object.entries(d)) if (isScalar(v)) keys.add(k);
      const allKeys = [...keys].toSorted();
      for (const el of items) format(el, identifier, allKeys);
    } else if (items.some(Array.isArray)) {
      const scalars = items.filter(isScalar);
      if (scalars.length > 0) formatScalarList(scalars, identifier);
      for (const el of items.filter((x) => !isScalar(x))) format(el, identifier, undefined);
    } else {
      formatScalarList(items, identifier);
    }
  };

  function format(item: Json, identifier: string | undefined, scalarKeys: string[] | undefined): void {
    if (Array.isArray(item)) formatList(item, identifier);
    else if (item !== null && typeof item === 'object') formatDict(item, identifier, scalarKeys);
    else write(scalarText(item));
  }

  format(value, undefined, undefined);
  return out.join('');
}
