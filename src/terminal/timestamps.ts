/**
 * Timestamps as the CLI prints them: Python's datetime.isoformat() of a UTC time
 * (`2026-01-15T09:00:05.254000+00:00`). The simulated terminal's machine is on UTC.
 */

/**
 * `datetime.isoformat()`: microseconds appear only when non-zero, unless `alwaysMicros`
 * (`isoformat(timespec='microseconds')`, which `aws logs tail` uses).
 */
export function pythonIsoformat(epochMs: number, alwaysMicros = false): string {
  const iso = new Date(epochMs).toISOString(); // 2026-01-15T09:00:05.254Z
  const seconds = iso.slice(0, 19);
  const millis = iso.slice(20, 23);
  const fraction = alwaysMicros || millis !== '000' ? `.${millis}000` : '';
  return `${seconds}${fraction}+00:00`;
}

/** `strftime("%Y-%m-%dT%H:%M:%S")`, the short format of `aws logs tail --format short`. */
export function shortTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19);
}
