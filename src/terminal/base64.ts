/**
 * Base64 the two ways the terminal meets it: Python's lenient decoder (what AWS CLI v2 runs on a
 * `--payload` unless `--cli-binary-format raw-in-base64-out` is given) and GNU coreutils'
 * `base64` / `base64 -d` (what students pipe `LogResult` into).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...ALPHABET].map((ch, i) => [ch, i]));

export function utf8Encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Invalid UTF-8 becomes U+FFFD, as a terminal shows undecodable bytes. */
export function utf8Decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** Feeds 6-bit groups in and collects bytes out; shared by both decoders. */
class QuadDecoder {
  readonly bytes: number[] = [];
  /** Data characters seen in the current group of four (0–3). */
  quadPos = 0;
  private left = 0;

  push(v: number): void {
    switch (this.quadPos) {
      case 0:
        this.left = v;
        break;
      case 1:
        this.bytes.push(((this.left << 2) | (v >> 4)) & 255);
        this.left = v & 0x0f;
        break;
      case 2:
        this.bytes.push(((this.left << 4) | (v >> 2)) & 255);
        this.left = v & 0x03;
        break;
      default:
        this.bytes.push(((this.left << 6) | v) & 255);
        this.left = 0;
    }
    this.quadPos = (this.quadPos + 1) % 4;
  }
}

export type DecodeResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/**
 * Python's `base64.b64decode(s)` (binascii, non-strict): characters outside the alphabet are
 * skipped, so `{"a":"bcd"}` decodes (to garbage) while `{"order": "latte"}` fails with
 * "Incorrect padding". Messages are binascii's; a non-ASCII str fails before decoding.
 */
export function pythonB64Decode(text: string): DecodeResult {
  // eslint-disable-next-line no-control-regex -- the check is exactly "ASCII only"
  if (!/^[\x00-\x7f]*$/.test(text))
    return { ok: false, error: 'string argument should contain only ASCII characters' };
  const q = new QuadDecoder();
  let pads = 0;
  let dataChars = 0;
  for (const ch of text) {
    if (ch === '=') {
      pads++;
      if (q.quadPos >= 2 && q.quadPos + pads >= 4) return { ok: true, bytes: Uint8Array.from(q.bytes) };
      continue;
    }
    const v = VALUE.get(ch);
    if (v === undefined) continue;
    pads = 0;
    dataChars++;
    q.push(v);
  }
  if (q.quadPos === 1) {
    return {
      ok: false,
      error: `Invalid base64-encoded string: number of data characters (${dataChars}) cannot be 1 more than a multiple of 4`,
    };
  }
  if (q.quadPos !== 0) return { ok: false, error: 'Incorrect padding' };
  return { ok: true, bytes: Uint8Array.from(q.bytes) };
}

/**
 * GNU `base64 -d`: newlines are ignored, anything else outside the alphabet (or bad padding)
 * is "invalid input". The bytes decoded before the error are still returned, as GNU writes them.
 */
export function gnuB64Decode(text: string): { bytes: Uint8Array; valid: boolean } {
  const q = new QuadDecoder();
  let padding = 0;
  for (const ch of text) {
    if (ch === '\n' || ch === '\r') continue;
    if (ch === '=') {
      // Padding may only finish a group: "xx==" or "xxx=".
      padding++;
      if (q.quadPos < 2 || q.quadPos + padding > 4) return { bytes: Uint8Array.from(q.bytes), valid: false };
      if (q.quadPos + padding === 4) {
        q.quadPos = 0;
        padding = 0;
      }
      continue;
    }
    const v = VALUE.get(ch);
    if (v === undefined || padding > 0) return { bytes: Uint8Array.from(q.bytes), valid: false };
    q.push(v);
  }
  return { bytes: Uint8Array.from(q.bytes), valid: q.quadPos === 0 && padding === 0 };
}

/** GNU `base64`: wrapped at 76 columns (`-w 0`: not at all), ending with a newline (nothing for empty input). */
export function gnuB64Encode(bytes: Uint8Array, wrap = 76): string {
  const flat = encodeBase64(bytes);
  if (flat === '') return '';
  if (wrap <= 0) return `${flat}\n`;
  const lines: string[] = [];
  for (let i = 0; i < flat.length; i += wrap) lines.push(flat.slice(i, i + wrap));
  return lines.join('\n') + '\n';
}
