import { ArtSvg, MiniCup, Tube } from './ArtSvg';
import type { ArtProps } from './ArtSvg';

export interface EspressoMachineProps extends ArtProps {
  /** Pulling a shot: coffee stream into a cup and steam on top. */
  active?: boolean;
}

/** The machine drawn on a 64×80 grid; reused (scaled) by BaristaFigure. */
export function MachineShape({ active = false }: { active?: boolean }) {
  return (
    <g>
      {active && (
        <path
          d="M25 11 q-3 -3 0 -6 q3 -3 0 -5 M39 11 q-3 -3 0 -6 q3 -3 0 -5"
          fill="none"
          stroke="var(--art-steam)"
          strokeWidth={2.2}
        />
      )}
      <rect x={9} y={13} width={46} height={8} rx={3} fill="var(--art-metal-dark)" />
      <rect x={4} y={19} width={56} height={58} rx={7} fill="var(--art-metal)" />
      <rect x={11} y={38} width={42} height={34} rx={4} fill="var(--surface-2)" />
      {/* pressure gauge + power light */}
      <circle cx={25} cy={28.5} r={6} fill="var(--surface)" strokeWidth={2} />
      <path d="M25 28.5 L28.5 25.5" fill="none" stroke="var(--danger)" strokeWidth={2} />
      <circle
        cx={44}
        cy={28.5}
        r={3.4}
        fill={active ? 'var(--accent-bg)' : 'var(--art-metal-dark)'}
        strokeWidth={2}
      />
      {/* group head and portafilter */}
      <rect x={20} y={38} width={24} height={6} rx={2} fill="var(--art-metal-dark)" />
      <Tube d="M44 45 L57 48" color="var(--art-stroke)" width={3} />
      <path d="M24 44 L40 44 L38 48 L26 48 Z" fill="var(--art-metal-dark)" />
      {active && (
        <path d="M30 49 L30 53 M34 49 L34 53" fill="none" stroke="var(--art-coffee)" strokeWidth={2.4} />
      )}
      {/* drip tray */}
      <rect x={13} y={66} width={38} height={5} rx={2} fill="var(--art-metal-dark)" />
      {active && <MiniCup x={32} y={66} />}
    </g>
  );
}

/** An espresso machine. viewBox 64×80; default height 80 px. */
export function EspressoMachine({ active = false, size, title }: EspressoMachineProps) {
  return (
    <ArtSvg w={64} h={80} defaultSize={80} size={size} title={title}>
      <MachineShape active={active} />
    </ArtSvg>
  );
}
