import { ArtSvg } from './ArtSvg';
import type { ArtProps } from './ArtSvg';

export interface WallClockProps extends ArtProps {
  /** Virtual time in milliseconds; 0 shows 12:00:00. */
  ms: number;
}

const r2 = (n: number): number => Math.round(n * 100) / 100;

/** Hand angles in degrees clockwise from 12 o'clock. Pure function of `ms`. */
export function clockAngles(ms: number): { hour: number; minute: number; second: number } {
  const t = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  const sec = t / 1000;
  return {
    hour: r2(((sec / 3600) % 12) * 30),
    minute: r2(((sec / 60) % 60) * 6),
    second: r2((sec % 60) * 6),
  };
}

const TICKS = Array.from({ length: 12 }, (_, i) => {
  const a = (i * Math.PI) / 6;
  const outer = 38;
  const inner = i % 3 === 0 ? 30 : 33.5;
  const s = Math.sin(a);
  const c = Math.cos(a);
  return `M${r2(50 + s * inner)} ${r2(50 - c * inner)} L${r2(50 + s * outer)} ${r2(50 - c * outer)}`;
}).join(' ');

/** An analog wall clock showing virtual time. viewBox 100×100; default height 64 px. */
export function WallClock({ ms, size, title }: WallClockProps) {
  const { hour, minute, second } = clockAngles(ms);
  return (
    <ArtSvg w={100} h={100} defaultSize={64} size={size} title={title}>
      <circle cx={50} cy={50} r={46} fill="var(--art-wood)" />
      <circle cx={50} cy={50} r={40} fill="var(--surface)" />
      <path d={TICKS} fill="none" stroke="var(--ink)" strokeWidth={3} />
      <path
        d="M50 50 L50 28"
        fill="none"
        stroke="var(--ink)"
        strokeWidth={6}
        transform={`rotate(${hour} 50 50)`}
        data-hand="hour"
      />
      <path
        d="M50 50 L50 18"
        fill="none"
        stroke="var(--ink)"
        strokeWidth={4}
        transform={`rotate(${minute} 50 50)`}
        data-hand="minute"
      />
      <path
        d="M50 56 L50 16"
        fill="none"
        stroke="var(--accent)"
        strokeWidth={2}
        transform={`rotate(${second} 50 50)`}
        data-hand="second"
      />
      <circle cx={50} cy={50} r={3.5} fill="var(--accent)" strokeWidth={1.5} />
    </ArtSvg>
  );
}
