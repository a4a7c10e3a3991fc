import { ArtSvg, fitText } from './ArtSvg';
import type { ArtProps } from './ArtSvg';

export interface CounterTopProps extends ArtProps {
  /** Rendered width in px (the counter stretches; the register keeps its shape). */
  width: number;
}

const H = 100;

/**
 * The wooden counter front with the till ("Invoke API") standing on it at the left.
 * Drawn on a 100-unit-tall grid whose width follows `width / size`. Default height 100 px;
 * the register label is legible from ~80 px tall and needs `width` ≥ 1.2 × size.
 */
export function CounterTop({ width, size, title }: CounterTopProps) {
  const height = size ?? H;
  const w = Math.max(120, (H * width) / height);
  const planks: string[] = [];
  for (let x = 30; x < w - 10; x += 30) planks.push(`M${x} 50 L${x} 92`);
  return (
    <ArtSvg w={w} h={H} defaultSize={H} size={height} title={title}>
      {/* front */}
      <rect x={3} y={44} width={w - 6} height={54} rx={3} fill="var(--art-wood)" />
      <path d={planks.join(' ')} fill="none" stroke="var(--art-wood-dark)" strokeWidth={2} />
      <rect x={3} y={90} width={w - 6} height={8} rx={2} fill="var(--art-wood-dark)" />
      {/* register */}
      <rect x={14} y={24} width={92} height={16} rx={3} fill="var(--art-metal)" />
      <path
        d="M24 32 L30 32 M36 32 L42 32 M48 32 L54 32 M60 32 L66 32"
        fill="none"
        stroke="var(--art-metal-dark)"
        strokeWidth={3}
      />
      <rect x={76} y={29} width={22} height={5} rx={2} fill="var(--art-metal-dark)" strokeWidth={2} />
      <rect x={17} y={3} width={86} height={22} rx={4} fill="var(--art-screen)" />
      <text
        x={60}
        y={19}
        textAnchor="middle"
        fontSize={14}
        fontWeight={700}
        fill="var(--ink)"
        {...fitText('Invoke API', 14, 78)}
      >
        Invoke API
      </text>
      {/* top slab */}
      <rect x={0} y={38} width={w} height={9} rx={3} fill="var(--art-wood-dark)" />
    </ArtSvg>
  );
}
