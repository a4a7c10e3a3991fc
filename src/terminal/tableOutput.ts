/**
 * `--output table` as the AWS CLI draws it: a port of awscli/formatter.py TableFormatter and
 * awscli/table.py MultiTable (no colour: the terminal renders plain text). The width is the
 * CLI's default of 80 columns, which it uses when it cannot read the terminal's size; a table
 * wider than that is turned vertical, as the CLI does.
 */
import type { Json } from './cliOutput';

const TERMINAL_WIDTH = 80;

type Row = string[];

class Section {
  title = '';
  headers: string[] = [];
  rows: Row[] = [];
  indentLevel = 0;
  private numCols: number | undefined;
  private maxWidths: number[] = [];

  addHeader(headers: string[]) {
    this.updateMaxWidths(headers);
    this.numCols ??= headers.length;
    this.headers = headers;
  }

  addRow(row: Json[]) {
    this.numCols ??= row.length;
    const cells = row.map(pythonStr);
    this.rows.push(cells);
    this.updateMaxWidths(cells);
  }

  private updateMaxWidths(row: string[]) {
    if (this.maxWidths.length === 0) this.maxWidths = row.map(textLength);
    else row.forEach((el, i) => (this.maxWidths[i] = Math.max(textLength(el), this.maxWidths[i] ?? 0)));
  }

  calculateColumnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.maxWidths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const scale = maxWidth / unscaled.reduce((a, b) => a + b, 0);
    const scaled = unscaled.map((w) => pythonRound(scale * w));
    let offBy = scaled.reduce((a, b) => a + b, 0) - maxWidth;
    while (offBy !== 0) {
      const order = [...scaled.keys()];
      if (offBy < 0) order.reverse();
      for (const i of order) {
        if (offBy > 0) {
          scaled[i] -= 1;
          offBy -= 1;
        } else {
          scaled[i] += 1;
          offBy += 1;
        }
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding = 0, withBorder = false, outerPadding = 0): number {
    let total = this.calculateColumnWidths().reduce((sum, w) => sum + w + padding, 0);
    if (withBorder) total += 2;
    total += 2 * outerPadding;
    return Math.max(textLength(this.title) + 2 + 2 * outerPadding, total);
  }
}

/** Python's round(): halves go to the even neighbour. */
function pythonRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (Math.abs(diff - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(x);
}

/** Python's str() of a JSON value, as the table's cells show it. */
function pythonStr(value: Json): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** East Asian wide, fullwidth and ambiguous characters count twice (awscli/table.py get_text_length). */
function textLength(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd);
    n += wide ? 2 : 1;
  }
  return n;
}

function centerText(text: string, length: number, left: string, right: string): string {
  const textLen = textLength(text);
  const charStart = Math.floor(length / 2) - Math.floor(textLen / 2) - 1;
  const head = left + ' '.repeat(Math.max(0, charStart)) + text;
  const soFar = textLength(left) + charStart + textLen;
  return head + ' '.repeat(Math.max(0, length - textLength(right) - soFar)) + right;
}

function alignLeft(text: string, length: number, left: string, right: string): string {
  const textLen = textLength(text);
  const computed = textLen + 2 + textLength(left) + textLength(right);
  const padding = length - computed >= 0 ? 2 : 0;
  const soFar = left.length + padding + textLen;
  return left + ' '.repeat(padding) + text + ' '.repeat(Math.max(0, length - soFar - right.length)) + right;
}

class MultiTable {
  private sections: Section[] = [];
  private current: Section | undefined;

  newSection(title: string, indentLevel = 0) {
    this.current = new Section();
    this.current.title = title;
    this.current.indentLevel = indentLevel;
    this.sections.push(this.current);
  }

  addRowHeader(headers: string[]) {
    this.current!.addHeader(headers);
  }

  addRow(row: Json[]) {
    this.current!.addRow(row);
  }

  render(): string {
    let maxWidth = this.maxWidth();
    if (maxWidth > TERMINAL_WIDTH) {
      this.convertToVertical();
      maxWidth = this.maxWidth();
    }
    const out: string[] = [`${'-'.repeat(maxWidth)}\n`];
    for (const section of this.sections) this.renderSection(section, maxWidth, out);
    return out.join('');
  }

  /** Sections with a single row are turned vertical: header | value lines. */
  private convertToVertical() {
    this.sections = this.sections.map((section) => {
      if (section.rows.length !== 1 || section.headers.length === 0) return section;
      const vertical = new Section();
      vertical.title = section.title;
      vertical.indentLevel = section.indentLevel;
      section.headers.forEach((header, i) => vertical.addRow([header, section.rows[0][i] ?? '']));
      return vertical;
    });
  }

  private maxWidth(): number {
    return Math.max(...this.sections.map((s) => s.totalWidth(4, true, s.indentLevel)));
  }

  private renderSection(section: Section, maxWidth: number, out: string[]) {
    const bars = '|'.repeat(section.indentLevel);
    // IndentedStream: each line gets the section's indent bars on both sides.
    const write = (line: string) => out.push(`${bars}${line}${bars}\n`);
    const width = maxWidth - section.indentLevel * 2;
    if (section.title) {
      write(centerText(section.title, width, '|', '|'));
      if (section.headers.length === 0 && section.rows.length === 0) write(`+${'-'.repeat(width - 2)}+`);
    }
    if (section.headers.length > 0) {
      const widths = section.calculateColumnWidths(4, width);
      const cells = widths.map((w, i) => centerText(section.headers[i] ?? '', w, i === 0 ? '|' : '', '|'));
      write(lineBreak(widths));
      write(cells.join(''));
    }
    if (section.rows.length > 0) {
      const widths = section.calculateColumnWidths(4, width);
      if (widths.length === 0) return;
      write(lineBreak(widths));
      for (const row of section.rows) {
        write(widths.map((w, i) => alignLeft(row[i] ?? '', w, i === 0 ? '|' : '', '|')).join(''));
      }
      write(lineBreak(widths));
    }
  }
}

function lineBreak(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join('');
}

const isScalar = (v: Json): boolean => v === null || typeof v !== 'object';
const isDict = (v: Json): v is { [key: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Python's truthiness: the formatter draws nothing for an empty or false-y response. */
function truthy(v: Json): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (isDict(v)) return Object.keys(v).length > 0;
  return v !== null && v !== false && v !== 0 && v !== '';
}

function groupScalarKeys(current: { [key: string]: Json }): [string[], string[]] {
  const headers: string[] = [];
  const more: string[] = [];
  for (const key of Object.keys(current)) (isScalar(current[key]) ? headers : more).push(key);
  return [headers.toSorted(), more.toSorted()];
}

/** Python sorts strings by code point; so does this (not localeCompare). */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class TableBuilder {
  readonly table = new MultiTable();

  build(title: string | undefined, current: Json, indentLevel = 0): boolean {
    if (!truthy(current)) return false;
    if (title !== undefined) this.table.newSection(title, indentLevel);
    if (Array.isArray(current)) {
      if (isDict(current[0])) this.fromList(current, indentLevel, title);
      else {
        for (const item of current) {
          if (isScalar(item)) this.table.addRow([item]);
          else if (Array.isArray(item) && item.every(isScalar)) this.table.addRow(item);
          else this.build(undefined, item);
        }
      }
    }
    if (isDict(current)) this.fromDict(current, indentLevel);
    return true;
  }

  private fromDict(current: { [key: string]: Json }, indentLevel: number) {
    const [headers, more] = groupScalarKeys(current);
    if (headers.length === 1) this.table.addRow([headers[0], current[headers[0]]]);
    else if (headers.length > 0) {
      this.table.addRowHeader(headers);
      this.table.addRow(headers.map((k) => current[k]));
    }
    for (const key of more) this.build(key, current[key], indentLevel + 1);
  }

  private fromList(current: Json[], indentLevel: number, title: string | undefined) {
    const headerSet = new Set<string>();
    const moreSet = new Set<string>();
    for (const item of current) {
      if (!isDict(item)) continue;
      const [h, m] = groupScalarKeys(item);
      h.forEach((k) => headerSet.add(k));
      m.forEach((k) => moreSet.add(k));
    }
    const headers = [...headerSet].toSorted(byCodePoint);
    const more = [...moreSet].toSorted(byCodePoint);
    this.table.addRowHeader(headers);
    let first = true;
    for (const element of current) {
      const dict = isDict(element) ? element : {};
      if (!first && more.length > 0) {
        this.table.newSection(title ?? '', indentLevel);
        this.table.addRowHeader(headers);
      }
      first = false;
      this.table.addRow(headers.map((h) => (h in dict ? dict[h] : '')));
      for (const key of more) if (key in dict) this.build(key, dict[key], indentLevel + 1);
    }
  }
}

/** The table for a response; `title` is the API operation ("GetFunctionConfiguration"). */
export function formatTable(title: string, value: Json): string {
  const builder = new TableBuilder();
  return builder.build(title, value) ? builder.table.render() : '';
}
