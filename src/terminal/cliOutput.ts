/**
 * The CLI's light output formats for a command's response: `--output json` (4-space indented,
 * as Python's json.dump(indent=4)) and `--output text` (awscli/text.py: tab-separated scalars,
 * keys sorted). `--query`, table and YAML are in outputExtras.ts, loaded lazily.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export const OUTPUT_CHOICES = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'] as const;

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
