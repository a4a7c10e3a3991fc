import { ArtSvg, MiniCup } from './ArtSvg';
import type { ArtProps } from './ArtSvg';
import { CountBadge, LabelPlate } from './labels';

export interface SuccessTrayProps extends ArtProps {
  /** E.g. "OnSuccess". */
  label: string;
  count: number;
}

/**
 * A serving tray collecting successful results (OnSuccess destination), with a count badge.
 * viewBox 100×84; default height 84 px.
 */
export function SuccessTray({ label, count, size, title }: SuccessTrayProps) {
  const cups = Math.min(Math.max(count, 0), 3);
  return (
    <ArtSvg w={100} h={84} defaultSize={84} size={size} title={title}>
      <g transform="translate(0 2) scale(1.6) translate(-19 -12)">
        {cups >= 1 && <MiniCup x={50} y={42} />}
        {cups >= 2 && <MiniCup x={37} y={42} />}
        {cups >= 3 && <MiniCup x={63} y={42} />}
      </g>
      <path d="M6 54 L94 54 L88 62 L12 62 Z" fill="var(--art-metal)" />
      <rect x={3} y={50} width={94} height={6} rx={3} fill="var(--art-metal-dark)" />
      <LabelPlate cx={50} cy={72} label={label} />
      <CountBadge cx={86} cy={22} count={count} color="var(--async)" />
    </ArtSvg>
  );
}
