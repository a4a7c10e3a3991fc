import { ArtSvg } from './ArtSvg';
import type { ArtProps } from './ArtSvg';

/** A small round bistro table. viewBox 100×70; default height 56 px. */
export function CafeTable({ size, title }: ArtProps) {
  return (
    <ArtSvg w={100} h={70} defaultSize={56} size={size} title={title}>
      <path d="M30 66 Q50 58 70 66 Z" fill="var(--art-metal-dark)" />
      <rect x={46} y={22} width={8} height={40} rx={2} fill="var(--art-metal-dark)" />
      <ellipse cx={50} cy={21} rx={44} ry={9} fill="var(--art-wood-dark)" />
      <ellipse cx={50} cy={17} rx={44} ry={9} fill="var(--art-wood)" />
      <path
        d="M24 15 Q36 11 50 11"
        fill="none"
        stroke="var(--art-paper)"
        strokeWidth={2}
        strokeOpacity={0.7}
      />
    </ArtSvg>
  );
}
