/**
 * How the CLI turns a parameter's text into a value before calling the service: `file://` and
 * `fileb://` (awscli/paramfile.py), integers, JSON structures, and CLI v2's base64 blobs.
 */
import { pythonB64Decode, utf8Decode } from './base64';
import { generalError, parameterError } from './cliErrors';
import type { MemoryFileSystem } from './fileSystem';
import type { CommandOutput } from './types';

export type Loaded<T> = { ok: true; value: T } | { ok: false; error: CommandOutput };

/** The text of a parameter, reading `file://path` from the terminal's file system. */
export function loadParamText(cliName: string, raw: string, fs: MemoryFileSystem): Loaded<string> {
  for (const prefix of ['file://', 'fileb://']) {
    if (!raw.startsWith(prefix)) continue;
    const path = raw.slice(prefix.length);
    const text = fs.read(path);
    if (text === undefined) {
      return {
        ok: false,
        error: parameterError(
          `Error parsing parameter '${cliName}': Unable to load paramfile ${raw}: [Errno 2] No such file or directory: '${path}'`,
        ),
      };
    }
    return { ok: true, value: text };
  }
  return { ok: true, value: raw };
}

/**
 * A blob parameter (`--payload`) as the text the service receives. CLI v2 base64-decodes text
 * (inline or `file://`) unless `--cli-binary-format raw-in-base64-out`; `fileb://` is raw bytes.
 */
export function loadBlobParam(
  cliName: string,
  raw: string,
  fs: MemoryFileSystem,
  binaryFormat: 'base64' | 'raw-in-base64-out',
): Loaded<string> {
  const loaded = loadParamText(cliName, raw, fs);
  if (!loaded.ok || binaryFormat === 'raw-in-base64-out' || raw.startsWith('fileb://')) return loaded;
  const decoded = pythonB64Decode(loaded.value);
  if (decoded.ok) return { ok: true, value: utf8Decode(decoded.bytes) };
  // binascii errors become the CLI's "Invalid base64"; a non-ASCII string fails earlier, with Python's own words.
  const message = decoded.error.startsWith('string argument')
    ? decoded.error
    : `Invalid base64: "${loaded.value}"`;
  return { ok: false, error: generalError(message) };
}

/** An integer parameter; the CLI calls Python's int() on it. */
export function loadInteger(raw: string): Loaded<number> {
  if (/^\s*[-+]?\d+\s*$/.test(raw)) return { ok: true, value: Number(raw) };
  return { ok: false, error: generalError(`invalid literal for int() with base 10: '${raw}'`) };
}

/** A structure parameter given as JSON (shorthand syntax is not emulated). */
export function loadJsonStructure(cliName: string, raw: string, fs: MemoryFileSystem): Loaded<unknown> {
  const loaded = loadParamText(cliName, raw, fs);
  if (!loaded.ok) return loaded;
  const text = loaded.value;
  if (!text.trimStart().startsWith('{')) {
    return {
      ok: false,
      error: parameterError(
        `Error parsing parameter '${cliName}': Invalid JSON:\n${text}\n(this simulated terminal accepts JSON here, not shorthand syntax)`,
      ),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: parameterError(
        `Error parsing parameter '${cliName}': Invalid JSON: ${reason}\nJSON received: ${text}`,
      ),
    };
  }
}
