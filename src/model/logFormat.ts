/** CloudWatch log lines exactly as Lambda (Python runtime) writes them; see lambda-facts.md §7–8. */

/** The last whole second formatted, up to and including its '.': log lines come in bursts within a second. */
let isoSecond = NaN;
let isoSecondPrefix = '';

export function isoTime(epochMs: number): string {
  // Fast path for whole milliseconds in years 1970–9999 (the café's range): reuse the
  // second's "YYYY-MM-DDTHH:MM:SS." and append the milliseconds; anything else as before.
  if (!Number.isInteger(epochMs) || epochMs < 0 || epochMs >= 253402300800000)
    return new Date(epochMs).toISOString();
  const ms = epochMs % 1000;
  const second = epochMs - ms;
  if (second !== isoSecond) {
    isoSecond = second;
    isoSecondPrefix = new Date(second).toISOString().slice(0, 20);
  }
  return isoSecondPrefix + (ms < 10 ? '00' : ms < 100 ? '0' : '') + ms + 'Z';
}

export function logGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/** `YYYY/MM/DD/[$LATEST]<32 hex>` from the environment's creation date (UTC). */
export function logStreamName(createdAtEpochMs: number, hex32: string, version = '$LATEST'): string {
  const iso = isoTime(createdAtEpochMs);
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/[${version}]${hex32}`;
}

// Log lines are kept by the thousand, so the long ones are built with join (one flat
// string) rather than `+`/templates (a tree of pieces per line).

export function startLine(requestId: string, version = '$LATEST'): string {
  return ['START RequestId: ', requestId, ' Version: ', version].join('');
}

export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

export interface ReportFields {
  requestId: string;
  durationMs: number;
  billedMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Only on a cold start. */
  initDurationMs?: number;
}

/** Fields separated by tabs, each followed by one (the line ends with a tab); Init Duration last. */
export function reportLine(f: ReportFields): string {
  const parts = [
    'REPORT RequestId: ',
    f.requestId,
    '\tDuration: ',
    f.durationMs.toFixed(2),
    ' ms\tBilled Duration: ',
    String(f.billedMs),
    ' ms\tMemory Size: ',
    String(f.memorySizeMb),
    ' MB\tMax Memory Used: ',
    String(f.maxMemoryUsedMb),
    ' MB\t',
  ];
  if (f.initDurationMs !== undefined) parts.push('Init Duration: ', f.initDurationMs.toFixed(2), ' ms\t');
  return parts.join('');
}

/**
 * A line the handler printed (Python `print(...)`): CloudWatch Logs shows it as is, without
 * the `[INFO]\t<time>\t<request id>` prefix the runtime's logger adds (lambda-facts.md §8).
 */
export function printedLine(message: string): string {
  return message;
}

/** Python `logger.info(...)` in the Lambda runtime (the café's handler prints instead). */
export function pythonInfoLine(epochMs: number, requestId: string, message: string): string {
  return ['[INFO]\t', isoTime(epochMs), '\t', requestId, '\t', message].join('');
}

export function timeoutLine(epochMs: number, requestId: string, elapsedMs: number): string {
  return [
    isoTime(epochMs),
    ' ',
    requestId,
    ' Task timed out after ',
    (elapsedMs / 1000).toFixed(2),
    ' seconds',
  ].join('');
}

export function pythonStackTrace(errorType: string, errorMessage: string): string[] {
  return [
    `  File "/var/task/lambda_function.py", line 9, in lambda_handler\n    raise ${errorType}(${JSON.stringify(errorMessage)})\n`,
  ];
}

/** How the Python runtime logs an unhandled exception (one log event). */
export function pythonErrorLine(errorType: string, errorMessage: string): string {
  return `[ERROR] ${errorType}: ${errorMessage}\nTraceback (most recent call last):\n${pythonStackTrace(errorType, errorMessage)[0].trimEnd()}`;
}

function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Bytes(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += B64[a >> 2] + B64[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? B64[((b & 15) << 2) | (c >> 6)] : '=';
    out += i + 2 < bytes.length ? B64[c & 63] : '=';
  }
  return out;
}

/** Base64 of the UTF-8 bytes of `text` (works in browsers and Node without Buffer/btoa). */
export function base64Utf8(text: string): string {
  return base64Bytes(utf8Bytes(text));
}

/** Decodes base64 to a UTF-8 string (for tests and views). */
export function decodeBase64Utf8(b64: string): string {
  const clean = b64.replace(/=+$/, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) continue;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 255);
    }
  }
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    let c: number;
    let n: number;
    if (b < 0x80) [c, n] = [b, 1];
    else if (b >= 0xf0) [c, n] = [b & 7, 4];
    else if (b >= 0xe0) [c, n] = [b & 15, 3];
    else if (b >= 0xc0) [c, n] = [b & 31, 2];
    else [c, n] = [0xfffd, 1];
    for (let k = 1; k < n; k++) c = (c << 6) | ((bytes[i + k] ?? 0) & 63);
    out += String.fromCodePoint(c);
    i += n;
  }
  return out;
}

/**
 * `LogType: Tail`: the last `maxBytes` bytes of the invocation's log (lines joined with
 * newlines, as Lambda returns them), base64-encoded.
 */
export function tailLogResult(lines: string[], maxBytes: number): string {
  const bytes = utf8Bytes(lines.map((l) => l + '\n').join(''));
  return base64Bytes(bytes.length > maxBytes ? bytes.slice(bytes.length - maxBytes) : bytes);
}
