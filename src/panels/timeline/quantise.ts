/**
 * Bounds the DOM of a busy lane: an environment running 50 ms orders for an hour has tens of
 * thousands of spans, but a lane is only a few hundred pixels wide. Time is cut into `columns`
 * equal columns; each column takes the kind that filled most of it, and runs of equal columns
 * become one block. A lane therefore never draws more than `columns` rectangles, and a lane
 * with few, wide spans keeps their exact edges.
 */

export interface TimedSpan<K extends string> {
  kind: K;
  from: number;
  to: number | undefined;
}

export interface Block<K extends string> {
  kind: K;
  from: number;
  to: number;
}

export function quantise<K extends string>(
  spans: readonly TimedSpan<K>[],
  start: number,
  end: number,
  now: number,
  columns: number,
): Block<K>[] {
  const width = (end - start) / columns;
  const visible = spans
    .map((s) => ({ kind: s.kind, from: Math.max(start, s.from), to: Math.min(end, s.to ?? now) }))
    .filter((s) => s.to > s.from);
  // Few spans, each at least a column wide: draw them as they are.
  if (visible.length <= columns && visible.every((s) => s.to - s.from >= width)) return visible;

  const kinds = [...new Set(visible.map((s) => s.kind))];
  const filled = new Float64Array(columns * kinds.length);
  for (const s of visible) {
    const k = kinds.indexOf(s.kind);
    const first = Math.min(columns - 1, Math.floor((s.from - start) / width));
    const last = Math.min(columns - 1, Math.floor((s.to - start) / width));
    for (let c = first; c <= last; c++) {
      const overlap = Math.min(s.to, start + (c + 1) * width) - Math.max(s.from, start + c * width);
      if (overlap > 0) filled[c * kinds.length + k] += overlap;
    }
  }
  const blocks: Block<K>[] = [];
  for (let c = 0; c < columns; c++) {
    let best = -1;
    let most = 0;
    for (let k = 0; k < kinds.length; k++) {
      if (filled[c * kinds.length + k] > most) {
        most = filled[c * kinds.length + k];
        best = k;
      }
    }
    if (best < 0) continue;
    const from = start + c * width;
    const last = blocks.at(-1);
    if (last && last.kind === kinds[best] && Math.abs(last.to - from) < width / 2) last.to = from + width;
    else blocks.push({ kind: kinds[best], from, to: from + width });
  }
  return blocks;
}
