import { ArtSvg, lookOf, Head, MiniCup, SKINS, Tube, variantOf } from './ArtSvg';
import type { ArtProps, Expression } from './ArtSvg';

export type CustomerKind = 'sync' | 'async';
export type CustomerMood = 'waiting' | 'served' | 'error' | 'turnedAway' | 'free' | 'seated';

export interface CustomerFigureProps extends ArtProps {
  kind: CustomerKind;
  mood: CustomerMood;
  /** Picks hair style, hair colour, skin tone and shirt detail deterministically. */
  seed?: number;
}

const EXPRESSION: Record<CustomerMood, Expression> = {
  waiting: 'neutral',
  served: 'smile',
  error: 'frown',
  turnedAway: 'worried',
  free: 'smile',
  seated: 'neutral',
};

/**
 * A café customer (an invoker). Sync callers wear --sync, async callers --async.
 * Standing moods share one silhouette; `free`/`seated` sit on a stool doing something else
 * (laptop / book), which is the point of async invocation.
 * viewBox 80×100; default height 96 px. Reads at 48 px.
 */
export function CustomerFigure({ kind, mood, seed = 0, size, title }: CustomerFigureProps) {
  const shirt = kind === 'sync' ? 'var(--sync)' : 'var(--async)';
  const skin = SKINS[variantOf(seed).skin];
  const detail = variantOf(seed).detail;
  const sitting = mood === 'free' || mood === 'seated';
  return (
    <ArtSvg
      w={80}
      h={100}
      defaultSize={96}
      size={size}
      title={title}
      shared={`customer-${kind}-${mood}-${lookOf(seed)}`}
    >
      {sitting ? (
        <Seated shirt={shirt} skin={skin} detail={detail} seed={seed} mood={mood} />
      ) : (
        <Standing shirt={shirt} skin={skin} detail={detail} seed={seed} mood={mood} />
      )}
    </ArtSvg>
  );
}

interface PoseProps {
  shirt: string;
  skin: string;
  detail: number;
  seed: number;
  mood: CustomerMood;
}

/** Torso with a small seed-picked detail (collar, stripe, pocket). Top edge at y=top. */
function Torso({ top, shirt, detail }: { top: number; shirt: string; detail: number }) {
  const b = top + 32;
  return (
    <>
      <path
        d={`M25 ${b} L25 ${top + 10} Q25 ${top} 35 ${top} L45 ${top} Q55 ${top} 55 ${top + 10} L55 ${b} Z`}
        fill={shirt}
      />
      {detail === 0 && <path d={`M35 ${top} L40 ${top + 6} L45 ${top}`} fill="none" strokeWidth={2} />}
      {detail === 1 && (
        <path d={`M26 ${top + 17} L54 ${top + 17}`} fill="none" stroke="var(--surface)" strokeWidth={3} />
      )}
      {detail === 2 && <rect x={44} y={top + 9} width={6} height={6} rx={1} fill="none" strokeWidth={1.8} />}
    </>
  );
}

function Standing({ shirt, skin, detail, seed, mood }: PoseProps) {
  const tap = mood === 'waiting';
  return (
    <g>
      {/* trousers and shoes */}
      <path d="M28 66 L28 91 L39 91 L39 74 L41 74 L41 91 L52 91 L52 66 Z" fill="var(--art-pants)" />
      <ellipse cx={33} cy={93} rx={7} ry={3.5} fill="var(--art-stroke)" />
      <ellipse
        cx={47}
        cy={93}
        rx={7}
        ry={3.5}
        fill="var(--art-stroke)"
        transform={tap ? 'rotate(-18 41 94)' : undefined}
      />
      {/* left arm hangs in most moods; drawn behind the torso edge */}
      {mood !== 'waiting' && (
        <>
          <Tube d="M28 43 Q21 53 22 63" color={shirt} />
          <circle cx={22} cy={65} r={3.6} fill={skin} />
        </>
      )}
      <Torso top={36} shirt={shirt} detail={detail} />
      <Head cx={40} cy={23} seed={seed} expression={EXPRESSION[mood]} />
      {mood === 'waiting' && (
        <>
          {/* arms crossed */}
          <Tube d="M52 42 Q58 50 54 55 L31 56" color={shirt} />
          <Tube d="M28 42 Q22 50 26 53 L49 52" color={shirt} />
          <circle cx={52} cy={51.5} r={3.4} fill={skin} />
          <Hourglass x={66} y={14} />
        </>
      )}
      {mood === 'served' && (
        <>
          <Tube d="M52 43 Q61 52 52 57" color={shirt} />
          <circle cx={51} cy={57} r={3.6} fill={skin} />
          <MiniCup x={50} y={58} scale={1.25} />
        </>
      )}
      {mood === 'error' && (
        <>
          <Tube d="M52 43 Q60 46 61 52" color={shirt} />
          <circle cx={61} cy={54} r={3.6} fill={skin} />
          <MiniCup x={58} y={50} rotate={115} scale={1.3} />
          {/* coffee pouring out of the tipped cup onto the floor */}
          <path
            d="M75 63 q-2.6 4.5 0 7 q2.6 -2.5 0 -7 Z M73 76 q-2.2 3.8 0 6 q2.2 -2.2 0 -6 Z"
            fill="var(--danger)"
            stroke="none"
          />
          <ellipse
            cx={68}
            cy={95}
            rx={10}
            ry={2.8}
            fill="var(--danger)"
            fillOpacity={0.4}
            stroke="var(--danger)"
            strokeWidth={1.8}
          />
        </>
      )}
      {mood === 'turnedAway' && (
        <>
          <Tube d="M52 43 Q62 38 62 26" color={shirt} />
          <rect x={58} y={16} width={8} height={10} rx={3.5} fill={skin} />
        </>
      )}
    </g>
  );
}

function Seated({ shirt, skin, detail, seed, mood }: PoseProps) {
  const laptop = mood === 'free';
  return (
    <g>
      {/* stool */}
      <path
        d="M21 85 L16 99 M59 85 L64 99 M40 86 L40 99"
        fill="none"
        stroke="var(--art-wood-dark)"
        strokeWidth={4}
      />
      <rect x={13} y={80} width={54} height={7} rx={3.5} fill="var(--art-wood)" />
      {/* lap, then shins hanging in front of the stool */}
      <rect x={24} y={68} width={32} height={16} rx={6} fill="var(--art-pants)" />
      <path d="M28 80 L28 92 L37 92 L37 80 M43 80 L43 92 L52 92 L52 80" fill="var(--art-pants)" />
      <ellipse cx={32} cy={94} rx={6.5} ry={3.2} fill="var(--art-stroke)" />
      <ellipse cx={48} cy={94} rx={6.5} ry={3.2} fill="var(--art-stroke)" />
      <Torso top={44} shirt={shirt} detail={detail} />
      <Head cx={40} cy={31} seed={seed} expression={EXPRESSION[mood]} />
      {laptop ? (
        <>
          <Tube d="M28 50 Q22 62 27 71" color={shirt} />
          <Tube d="M52 50 Q58 62 53 71" color={shirt} />
          {/* laptop: lid back facing us, base on the lap */}
          <rect x={22} y={72} width={36} height={4} rx={1.5} fill="var(--art-metal-dark)" />
          <path d="M25 72 L27 54 L53 54 L55 72 Z" fill="var(--art-metal)" />
          <circle cx={40} cy={63} r={4.2} fill="var(--accent-bg)" strokeWidth={1.8} />
          <circle cx={27} cy={72.5} r={3.4} fill={skin} />
          <circle cx={53} cy={72.5} r={3.4} fill={skin} />
        </>
      ) : (
        <>
          <Tube d="M28 50 Q21 60 25 66" color={shirt} />
          <Tube d="M52 50 Q59 60 55 66" color={shirt} />
          {/* open book held up */}
          <path
            d="M40 60 Q31 55 22 57 L22 74 Q31 72 40 77 Q49 72 58 74 L58 57 Q49 55 40 60 Z"
            fill="var(--accent)"
          />
          <path
            d="M40 61 Q32 57 25 58.5 L25 71 Q32 70 40 74 Q48 70 55 71 L55 58.5 Q48 57 40 61 Z"
            fill="var(--art-cup)"
            strokeWidth={1.8}
          />
          <path
            d="M40 61 L40 74 M29 62 L36 63.5 M29 66 L36 67.5 M44 63.5 L51 62 M44 67.5 L51 66"
            fill="none"
            stroke="var(--line)"
            strokeWidth={1.6}
          />
          <circle cx={23} cy={66} r={3.4} fill={skin} />
          <circle cx={57} cy={66} r={3.4} fill={skin} />
        </>
      )}
    </g>
  );
}

/** Small hourglass (the caller is blocked waiting). Top-left at (x-5, y-8). */
function Hourglass({ x, y }: { x: number; y: number }) {
  return (
    <g strokeWidth={2}>
      <path
        d={`M${x - 5} ${y - 8} L${x + 5} ${y - 8} L${x} ${y} L${x + 5} ${y + 8} L${x - 5} ${y + 8} L${x} ${y} Z`}
        fill="var(--surface)"
      />
      <path
        d={`M${x - 2.6} ${y - 4.2} L${x + 2.6} ${y - 4.2} L${x} ${y} Z M${x} ${y + 3} L${x + 3.6} ${y + 7} L${x - 3.6} ${y + 7} Z`}
        fill="var(--warn)"
        strokeWidth={0}
        stroke="none"
      />
      <path
        d={`M${x - 7} ${y - 9} L${x + 7} ${y - 9} M${x - 7} ${y + 9} L${x + 7} ${y + 9}`}
        fill="none"
        stroke="var(--ink-muted)"
        strokeWidth={2.4}
      />
    </g>
  );
}
