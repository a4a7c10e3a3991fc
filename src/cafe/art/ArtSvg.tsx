import type { ReactNode } from 'react';
import { spriteHref } from './artSprite';

/** Props every art component accepts. */
export interface ArtProps {
  /** Rendered height in px. Width follows the figure's aspect ratio. */
  size?: number;
  /** Accessible name. When given the SVG is `role="img"`; otherwise it is hidden from AT. */
  title?: string;
}

/** Outline width in viewBox units (figures are drawn on a ~100-unit-tall grid). */
export const STROKE = 2.5;
export const INK = 'var(--art-stroke)';

interface ArtSvgProps extends ArtProps {
  /** viewBox width and height. */
  w: number;
  h: number;
  /** Default rendered height when `size` is not given. */
  defaultSize: number;
  className?: string;
  /**
   * Names this drawing when every figure with the same name looks the same (see artSprite): it
   * is then drawn once per document and shared. Leave it out for drawings that vary more.
   */
  shared?: string;
  children: ReactNode;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Shared <svg> wrapper: sizing, a11y attributes and the common outline style. */
export function ArtSvg({ size, title, w, h, defaultSize, className, shared, children }: ArtSvgProps) {
  const height = size ?? defaultSize;
  const width = round((height * w) / h);
  const drawing = () => (
    <g stroke={INK} strokeWidth={STROKE} strokeLinecap="round" strokeLinejoin="round">
      {children}
    </g>
  );
  const href = shared === undefined ? undefined : spriteHref(shared, drawing);
  const a11y = title ? ({ role: 'img', 'aria-label': title } as const) : ({ 'aria-hidden': true } as const);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className={className ? `lc-art ${className}` : 'lc-art'}
      viewBox={`0 0 ${round(w)} ${round(h)}`}
      width={width}
      height={height}
      focusable="false"
      {...a11y}
    >
      {href ? <use href={href} /> : drawing()}
    </svg>
  );
}

/**
 * An outlined "tube" (arm, leg, handle): a thick dark stroke with a thinner coloured stroke on top.
 * Two paths, no filters, so it stays cheap.
 */
export function Tube({ d, color, width = 7 }: { d: string; color: string; width?: number }) {
  return (
    <>
      <path d={d} fill="none" strokeWidth={width + STROKE * 2} />
      <path d={d} fill="none" stroke={color} strokeWidth={width} />
    </>
  );
}

export interface Variant {
  /** Hair style 0..3: crop, long, bun, curls. */
  style: number;
  /** Index into SKINS. */
  skin: number;
  /** Index into HAIRS. */
  hair: number;
  /** Shirt detail 0..2: collar, stripe, pocket. */
  detail: number;
}

/**
 * Deterministic look for a seed (no Math.random anywhere in the art). Consecutive seeds cycle
 * through all four hair styles and all four skin tones, so a queue of callers numbered 1, 2, 3…
 * looks varied; the full combination repeats every 48 seeds.
 */
export function variantOf(seed: number): Variant {
  const s = Number.isFinite(seed) ? Math.abs(Math.floor(seed)) : 0;
  const q = Math.floor(s / 4);
  return {
    style: s % 4,
    skin: (s * 3 + q) % 4,
    hair: (s + q * 3 + 1) % 4,
    detail: (s + q) % 3,
  };
}

/** A name for the look `variantOf(seed)` picks (for shared drawings: see ArtSvg's `shared`). */
export function lookOf(seed: number): string {
  const v = variantOf(seed);
  return `${v.style}${v.skin}${v.hair}${v.detail}`;
}

export const SKINS = [
  'var(--art-skin-1)',
  'var(--art-skin-2)',
  'var(--art-skin-3)',
  'var(--art-skin-4)',
] as const;
export const HAIRS = [
  'var(--art-hair-1)',
  'var(--art-hair-2)',
  'var(--art-hair-3)',
  'var(--art-hair-4)',
] as const;

export type Expression = 'neutral' | 'smile' | 'frown' | 'focused' | 'sleepy' | 'worried';

interface HeadProps {
  cx: number;
  cy: number;
  seed: number;
  expression: Expression;
  /** Flat fill for faded silhouettes (shutdown): no face, no skin/hair colours. */
  ghost?: string;
}

const HAIR_TOP: ReadonlyArray<(x: number, y: number) => string> = [
  (x, y) =>
    `M${x - 12} ${y - 1} Q${x - 12} ${y - 13} ${x} ${y - 13} Q${x + 12} ${y - 13} ${x + 12} ${y - 1} Q${x + 6} ${y - 8} ${x - 3} ${y - 6} Q${x - 8} ${y - 5} ${x - 12} ${y - 1} Z`,
  (x, y) =>
    `M${x - 12.5} ${y + 2} Q${x - 13.5} ${y - 13} ${x} ${y - 13} Q${x + 13.5} ${y - 13} ${x + 12.5} ${y + 2} Q${x + 9} ${y - 8} ${x - 1} ${y - 6} Q${x - 9} ${y - 4} ${x - 12.5} ${y + 2} Z`,
  (x, y) =>
    `M${x - 12.5} ${y + 1} Q${x - 13} ${y - 13} ${x} ${y - 13} Q${x + 13} ${y - 13} ${x + 12.5} ${y + 1} Q${x + 9} ${y - 7} ${x} ${y - 7} Q${x - 9} ${y - 7} ${x - 12.5} ${y + 1} Z`,
  (x, y) =>
    `M${x - 13} ${y + 3} a4 4 0 0 1 0 -8 a4.6 4.6 0 0 1 6 -7 a4.6 4.6 0 0 1 7 -3 a4.6 4.6 0 0 1 7 3 a4.6 4.6 0 0 1 6 7 a4 4 0 0 1 0 8 Q${x + 9} ${y - 5} ${x} ${y - 5} Q${x - 9} ${y - 5} ${x - 13} ${y + 3} Z`,
];

/** A head with one of four hair styles and a face. Radius 12 units. */
export function Head({ cx, cy, seed, expression, ghost }: HeadProps) {
  const r = 12;
  const v = variantOf(seed);
  const skin = ghost ?? SKINS[v.skin];
  const hair = ghost ?? HAIRS[v.hair];
  const style = v.style;
  const x = cx;
  const y = cy;
  return (
    <g>
      {/* hair behind the head: long (1) falls past the chin; bun (2) sits on top */}
      {style === 1 && (
        <path
          d={`M${x - 12.5} ${y - 2} L${x - 14} ${y + 17} Q${x - 14} ${y + 20} ${x - 10} ${y + 19} L${x + 10} ${y + 19} Q${x + 14} ${y + 20} ${x + 14} ${y + 17} L${x + 12.5} ${y - 2} Z`}
          fill={hair}
        />
      )}
      {style === 2 && <circle cx={x} cy={y - r - 3} r={5.5} fill={hair} />}
      <circle cx={x} cy={y} r={r} fill={skin} />
      {/* hair on top: crop (0), side-swept fringe (1, 2), curls (3) */}
      <path d={HAIR_TOP[style](x, y)} fill={hair} />
      {!ghost && <Face cx={x} cy={y} expression={expression} />}
    </g>
  );
}

function Face({ cx, cy, expression }: { cx: number; cy: number; expression: Expression }) {
  const ey = cy + 1;
  const eyes =
    expression === 'sleepy' ? (
      <path d={`M${cx - 6.5} ${ey} q2.5 2 5 0 M${cx + 1.5} ${ey} q2.5 2 5 0`} fill="none" strokeWidth={1.8} />
    ) : (
      <>
        <circle cx={cx - 4.5} cy={ey} r={1.7} fill={INK} stroke="none" />
        <circle cx={cx + 4.5} cy={ey} r={1.7} fill={INK} stroke="none" />
      </>
    );
  const brows =
    expression === 'focused' ? (
      <path d={`M${cx - 7} ${ey - 5} l5 1.8 M${cx + 7} ${ey - 5} l-5 1.8`} fill="none" strokeWidth={1.8} />
    ) : expression === 'worried' || expression === 'frown' ? (
      <path
        d={`M${cx - 7} ${ey - 3.5} l5 -1.8 M${cx + 7} ${ey - 3.5} l-5 -1.8`}
        fill="none"
        strokeWidth={1.8}
      />
    ) : null;
  const my = cy + 6.5;
  const mouth =
    expression === 'smile' ? (
      <path d={`M${cx - 4.5} ${my - 1} Q${cx} ${my + 4} ${cx + 4.5} ${my - 1}`} fill="none" strokeWidth={2} />
    ) : expression === 'frown' || expression === 'worried' ? (
      <path d={`M${cx - 4} ${my + 2} Q${cx} ${my - 2.5} ${cx + 4} ${my + 2}`} fill="none" strokeWidth={2} />
    ) : expression === 'sleepy' ? (
      <circle cx={cx} cy={my + 0.5} r={1.5} fill={INK} stroke="none" />
    ) : (
      <path d={`M${cx - 3} ${my + 0.5} L${cx + 3} ${my + 0.5}`} fill="none" strokeWidth={2} />
    );
  return (
    <g>
      {eyes}
      {brows}
      {mouth}
    </g>
  );
}

/** A small lambda glyph drawn as a path (no fonts), centred on (cx, cy), ~`s` units tall. */
export function Lambda({ cx, cy, s, color }: { cx: number; cy: number; s: number; color: string }) {
  const h = s / 2;
  return (
    <path
      d={`M${cx - h * 0.55} ${cy - h} Q${cx - h * 0.1} ${cy - h} ${cx + h * 0.05} ${cy - h * 0.45} L${cx + h * 0.6} ${cy + h} M${cx + h * 0.02} ${cy - h * 0.3} L${cx - h * 0.6} ${cy + h}`}
      fill="none"
      stroke={color}
      strokeWidth={Math.max(1.6, s / 6)}
    />
  );
}

/** A tiny takeaway cup whose bottom centre is (x, y); about 14 units tall. */
export function MiniCup({
  x,
  y,
  rotate = 0,
  scale = 1,
}: {
  x: number;
  y: number;
  rotate?: number;
  scale?: number;
}) {
  const t = [
    rotate ? `rotate(${rotate} ${x} ${y})` : '',
    scale !== 1 ? `translate(${x} ${y}) scale(${scale}) translate(${-x} ${-y})` : '',
  ].join(' ');
  return (
    <g transform={t.trim() || undefined} strokeWidth={2 / scale}>
      <path
        d={`M${x - 5} ${y - 11} L${x + 5} ${y - 11} L${x + 3.6} ${y} L${x - 3.6} ${y} Z`}
        fill="var(--art-cup)"
      />
      <path
        d={`M${x - 4.6} ${y - 8} L${x + 4.6} ${y - 8} L${x + 4.1} ${y - 4} L${x - 4.1} ${y - 4} Z`}
        fill="var(--art-sleeve)"
      />
      <rect x={x - 6.2} y={y - 14} width={12.4} height={3.4} rx={1.5} fill="var(--art-cup)" />
    </g>
  );
}

/**
 * Keeps SVG text inside `maxWidth` units whatever font the browser picks: when a generous
 * estimate of the bold text width exceeds it, squeeze with textLength.
 */
export function fitText(text: string, fontSize: number, maxWidth: number) {
  const estimate = text.length * fontSize * 0.7;
  return estimate > maxWidth ? ({ textLength: maxWidth, lengthAdjust: 'spacingAndGlyphs' } as const) : {};
}
