import { ArtSvg } from './ArtSvg';
import type { ArtProps } from './ArtSvg';
import { CountBadge, LabelPlate } from './labels';

export interface FailureBoxProps extends ArtProps {
  /** E.g. "DLQ" or "OnFailure". */
  label: string;
  count: number;
}

/**
 * A wooden crate that collects failed events (DLQ / OnFailure destination), with a count badge.
 * viewBox 100×84; default height 84 px.
 */
export function FailureBox({ label, count, size, title }: FailureBoxProps) {
  return (
    <ArtSvg w={100} h={84} defaultSize={84} size={size} title={title}>
      {/* crumpled tickets peeking out when not empty */}
      {count > 0 && (
        <>
          <path d="M28 30 L30 16 L42 18 L40 31 Z" fill="var(--art-paper)" strokeWidth={2} />
          <path d="M54 30 L58 18 L69 22 L66 32 Z" fill="var(--art-paper)" strokeWidth={2} />
          <path d="M33 21 L38 25 M38 21 L33 25" fill="none" stroke="var(--danger)" strokeWidth={2} />
        </>
      )}
      <path d="M10 30 L90 30 L86 80 L14 80 Z" fill="var(--art-wood)" />
      <path d="M12 46 L88 46 M13 63 L87 63" fill="none" stroke="var(--art-wood-dark)" strokeWidth={2} />
      <rect x={6} y={26} width={88} height={8} rx={3} fill="var(--art-wood-dark)" />
      <LabelPlate cx={50} cy={56} label={label} />
      <CountBadge cx={86} cy={22} count={count} color="var(--danger)" />
    </ArtSvg>
  );
}
