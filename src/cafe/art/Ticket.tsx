import { ArtSvg, fitText } from './ArtSvg';
import type { ArtProps } from './ArtSvg';

export type TicketStatus = 'waiting' | 'backoff' | 'retry' | 'running' | 'failed' | 'done';

export interface TicketProps extends ArtProps {
  status: TicketStatus;
  /** Short text printed big on the ticket, e.g. "#12". Keep it ≤ 5 characters. */
  label?: string;
}

// Paper from y=8 to y=80 with a five-tooth zig-zag bottom.
const PAPER = 'M6 8 L66 8 L66 80 L60 86 L54 80 L48 86 L42 80 L36 86 L30 80 L24 86 L18 80 L12 86 L6 80 Z';

/** Icon slot centre. */
const IX = 51;
const IY = 66;

/**
 * An order ticket clipped to the rail (one event in Lambda's async queue).
 * The label is ≥ 12 px tall whenever the ticket is rendered ≥ 48 px high.
 * viewBox 72×88; default height 72 px.
 */
export function Ticket({ status, label, size, title }: TicketProps) {
  return (
    <ArtSvg w={72} h={88} defaultSize={72} size={size} title={title}>
      <path d={PAPER} fill="var(--art-paper)" />
      {status === 'running' && (
        <rect x={7.3} y={9.3} width={57.4} height={6} fill="var(--accent-bg)" stroke="none" />
      )}
      {/* rail clip */}
      <rect x={26} y={1.5} width={20} height={10} rx={2.5} fill="var(--art-metal)" />
      <path d="M31 6.5 L41 6.5" fill="none" stroke="var(--art-metal-dark)" strokeWidth={2} />
      {label !== undefined && label !== '' ? (
        <text
          x={36}
          y={38}
          textAnchor="middle"
          fontSize={23}
          fontWeight={700}
          fill="var(--ink)"
          {...fitText(label, 23, 54)}
        >
          {label}
        </text>
      ) : (
        <path d="M15 30 L57 30" fill="none" stroke="var(--line)" strokeWidth={4} />
      )}
      <path
        d="M14 52 L34 52 M14 60 L32 60 M14 68 L30 68"
        fill="none"
        stroke="var(--line)"
        strokeWidth={2.4}
      />
      <StatusMark status={status} />
    </ArtSvg>
  );
}

function StatusMark({ status }: { status: TicketStatus }) {
  switch (status) {
    case 'backoff':
      return (
        <g stroke="var(--warn)" strokeWidth={2.6} fill="none">
          <circle cx={IX} cy={IY} r={9} fill="var(--art-paper)" />
          <path d={`M${IX} ${IY} L${IX} ${IY - 5.5} M${IX} ${IY} L${IX + 4} ${IY + 2}`} />
        </g>
      );
    case 'retry':
      return (
        <g stroke="var(--accent)" strokeWidth={2.6} fill="none">
          <path d={`M${IX + 8} ${IY} A8 8 0 1 1 ${IX + 4} ${IY - 7}`} />
          <path d={`M${IX + 0.5} ${IY - 10.5} L${IX + 5} ${IY - 7} L${IX + 1} ${IY - 3}`} />
        </g>
      );
    case 'running':
      return (
        <g strokeWidth={2}>
          <path
            d={`M${IX - 7} ${IY - 6} L${IX + 7} ${IY - 6} L${IX + 5} ${IY + 8} L${IX - 5} ${IY + 8} Z`}
            fill="var(--art-cup)"
          />
          <path d={`M${IX + 7} ${IY - 3} q5 0 4 4 q-1 3 -5 3`} fill="none" />
          <path
            d={`M${IX - 2.5} ${IY - 10} q-2 -2 0 -4 M${IX + 2.5} ${IY - 10} q-2 -2 0 -4`}
            fill="none"
            stroke="var(--art-steam)"
          />
        </g>
      );
    case 'failed':
      return (
        <g stroke="var(--danger)" strokeWidth={2.6} fill="none" transform={`rotate(-14 ${IX} ${IY})`}>
          <circle cx={IX} cy={IY} r={10} />
          <path
            d={`M${IX - 4.5} ${IY - 4.5} L${IX + 4.5} ${IY + 4.5} M${IX + 4.5} ${IY - 4.5} L${IX - 4.5} ${IY + 4.5}`}
            strokeWidth={3}
          />
        </g>
      );
    case 'done':
      return (
        <g stroke="var(--async)" strokeWidth={2.6} fill="none" transform={`rotate(-10 ${IX} ${IY})`}>
          <circle cx={IX} cy={IY} r={10} />
          <path d={`M${IX - 5} ${IY} L${IX - 1.5} ${IY + 4} L${IX + 5.5} ${IY - 4}`} strokeWidth={3} />
        </g>
      );
    case 'waiting':
      return null;
  }
}
