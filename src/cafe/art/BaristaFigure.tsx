import { ArtSvg, lookOf, Head, Lambda, SKINS, Tube, variantOf } from './ArtSvg';
import type { ArtProps } from './ArtSvg';
import { MachineShape } from './EspressoMachine';

export type BaristaState = 'initializing' | 'busy' | 'idle' | 'shutdown';

export interface BaristaFigureProps extends ArtProps {
  state: BaristaState;
  /** Picks hair style, hair colour and skin tone deterministically. */
  seed?: number;
}

const APRON = 'M31 51 L49 51 L52 84 L28 84 Z';

/**
 * A barista (an execution environment) behind the counter edge.
 * initializing = tying the apron (cold start), busy = pulling a shot, idle = leaning, frozen-warm,
 * shutdown = faded silhouette leaving, apron on the hook.
 * viewBox 90×100; default height 110 px.
 */
export function BaristaFigure({ state, seed = 0, size, title }: BaristaFigureProps) {
  const skin = SKINS[variantOf(seed).skin];
  const shirt = 'var(--art-shirt)';
  return (
    <ArtSvg
      w={90}
      h={100}
      defaultSize={110}
      size={size}
      title={title}
      shared={`barista-${state}-${lookOf(seed)}`}
    >
      {state === 'initializing' && (
        <g>
          {/* arms reach behind the back to tie the strings */}
          <Tube d="M29 46 Q22 58 30 66" color={shirt} />
          <Tube d="M51 46 Q58 58 50 66" color={shirt} />
          <Body shirt={shirt} />
          <Head cx={40} cy={27} seed={seed} expression="focused" />
          <g transform="rotate(-14 40 52)">
            <path d={APRON} fill="var(--art-apron)" strokeDasharray="4 3" />
            <path d="M31 51 L34 43" fill="none" strokeDasharray="3 3" />
          </g>
          {/* little "setting up" sparks */}
          <path
            d="M66 20 l0 8 M62 24 l8 0 M74 34 l0 6 M71 37 l6 0"
            fill="none"
            stroke="var(--accent)"
            strokeWidth={2.2}
          />
        </g>
      )}
      {state === 'busy' && (
        <g>
          <Body shirt={shirt} />
          <Apron />
          <Head cx={36} cy={27} seed={seed} expression="focused" />
          <Tube d="M29 47 Q22 60 31 66" color={shirt} />
          <g transform="translate(55 37) scale(0.5)">
            <MachineShape active />
          </g>
          <Tube d="M51 46 Q58 58 64 65" color={shirt} />
          <circle cx={65} cy={66} r={3.6} fill={skin} />
          <circle cx={31} cy={67} r={3.6} fill={skin} />
        </g>
      )}
      {state === 'idle' && (
        <g>
          <g transform="rotate(10 40 84)">
            <Body shirt={shirt} />
            <Apron />
            <Head cx={40} cy={27} seed={seed} expression="sleepy" />
          </g>
          {/* elbow on the counter, chin-level hand */}
          <Tube d="M53 50 Q60 64 60 76 L72 76" color={shirt} />
          <circle cx={74} cy={76} r={3.6} fill={skin} />
          <Snooze x={66} y={10} />
        </g>
      )}
      {state === 'shutdown' && (
        <g>
          {/* the apron goes back on its hook */}
          <path d="M72 24 L72 30 Q72 34 76 34" fill="none" stroke="var(--art-metal-dark)" strokeWidth={3} />
          <circle cx={72} cy={23} r={2.5} fill="var(--art-metal)" />
          <path d="M69 35 L79 35 L82 64 L66 64 Z" fill="var(--art-apron)" />
          <path d="M69 35 L73 31 L79 35" fill="none" />
          <Lambda cx={74} cy={49} s={10} color="var(--art-stroke)" />
          {/* faded silhouette heading out to the left */}
          <g opacity={0.55} strokeDasharray="4 3" transform="translate(-8 0)">
            <Tube d="M30 47 Q24 58 22 66" color="var(--art-ghost)" />
            <path d="M24 84 L24 50 Q24 40 34 40 L46 40 Q56 40 56 50 L56 84 Z" fill="var(--art-ghost)" />
            <Head cx={40} cy={27} seed={seed} expression="neutral" ghost="var(--art-ghost)" />
          </g>
          <path
            d="M58 44 l8 0 M56 52 l10 0 M58 60 l8 0"
            fill="none"
            stroke="var(--ink-muted)"
            strokeWidth={2.2}
          />
        </g>
      )}
      <Counter />
    </ArtSvg>
  );
}

function Body({ shirt }: { shirt: string }) {
  return <path d="M24 84 L24 50 Q24 40 34 40 L46 40 Q56 40 56 50 L56 84 Z" fill={shirt} />;
}

function Apron() {
  return (
    <>
      <path d="M31 51 L35 41 M49 51 L45 41" fill="none" stroke="var(--art-apron)" strokeWidth={2.5} />
      <path d={APRON} fill="var(--art-apron)" />
      <Lambda cx={40} cy={66} s={12} color="var(--art-stroke)" />
    </>
  );
}

function Counter() {
  return (
    <>
      <rect x={1.5} y={80} width={87} height={19} rx={2} fill="var(--art-wood)" />
      <path
        d="M22 84 L22 99 M45 84 L45 99 M68 84 L68 99"
        fill="none"
        stroke="var(--art-wood-dark)"
        strokeWidth={2}
      />
      <rect x={-1} y={76} width={92} height={6} rx={3} fill="var(--art-wood-dark)" />
    </>
  );
}

/** "z z" plus a snowflake: idle but warm (the environment is frozen between invokes). */
function Snooze({ x, y }: { x: number; y: number }) {
  return (
    <g fill="none" strokeWidth={2}>
      <path d={`M${x} ${y} l6 0 l-6 7 l6 0 M${x + 9} ${y + 9} l4 0 l-4 5 l4 0`} stroke="var(--ink-muted)" />
      <g stroke="var(--sync)" strokeWidth={2.2}>
        <path d={`M${x + 12} ${y + 18} l0 14 M${x + 6} ${y + 21.5} l12 7 M${x + 6} ${y + 28.5} l12 -7`} />
      </g>
    </g>
  );
}
