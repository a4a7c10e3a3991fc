/**
 * A tiny in-memory file system, one per terminal: where `aws lambda invoke` writes its
 * `<outfile>`, where `file://` payloads are read from, and what `cat`, `ls`, `rm` see.
 * Flat (no directories); `./name` and `name` are the same file. Text only: a Lambda payload
 * and its logs are UTF-8 JSON and text, so bytes are never needed.
 */

/** The file a fresh terminal starts with, so `--payload file://event.json` works at once. */
export const SEED_FILES: Readonly<Record<string, string>> = Object.freeze({
  'event.json': '{"order": "latte"}\n',
});

export function normalizePath(path: string): string {
  let p = path;
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

export class MemoryFileSystem {
  private readonly files = new Map<string, string>();

  constructor(seed: Readonly<Record<string, string>> = SEED_FILES) {
    for (const [path, text] of Object.entries(seed)) this.write(path, text);
  }

  write(path: string, text: string): void {
    this.files.set(normalizePath(path), text);
  }

  append(path: string, text: string): void {
    const p = normalizePath(path);
    this.files.set(p, (this.files.get(p) ?? '') + text);
  }

  /** The file's text, or undefined when there is no such file. */
  read(path: string): string | undefined {
    return this.files.get(normalizePath(path));
  }

  exists(path: string): boolean {
    return this.files.has(normalizePath(path));
  }

  /** File names, sorted as `ls` sorts them (C locale: byte order). */
  list(): string[] {
    return [...this.files.keys()].toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Removes the file; false when there was none. */
  remove(path: string): boolean {
    return this.files.delete(normalizePath(path));
  }
}
