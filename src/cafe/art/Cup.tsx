import { ArtSvg, Lambda } from './ArtSvg';
import type { ArtProps } from './ArtSvg';

export type CupState = 'brewing' | 'full' | 'spilled' | 'abandoned';

export interface CupProps extends ArtProps {
  state: CupState;
}

// Drawn on a 60×80 grid shifted down 8 units (room for steam). Upright cup: body from y=20 (x 12..48) to y=74 (x 17..43).
const BODY = 'M12 20 L48 20 L43 74 L17 74 Z';
const SLEEVE = 'M13.6 38 L46.4 38 L44.7 58 L15.3 58 Z';
const COFFEE_HALF = 'M14.7 47 L45.3 47 L43 74 L17 74 Z';

function Steam({ y }: { y: number }) {
  return (
    <path
      d={`M23 ${y} q-3 -3.5 0 -7 q3 -3.5 0 -7 M37 ${y} q-3 -3.5 0 -7 q3 -3.5 0 -7`}
      fill="none"
      stroke="var(--art-steam)"
      strokeWidth={2.4}
    />
  );
}

function UprightCup({ lid, coffee }: { lid: boolean; coffee: 'half' | 'none' }) {
  return (
    <g>
      <path d={BODY} fill="var(--art-cup)" />
      {coffee === 'half' && (
        <>
          <path d={COFFEE_HALF} fill="var(--art-coffee)" />
          <path d="M14.7 47 L45.3 47" fill="none" stroke="var(--art-crema)" strokeWidth={2.2} />
        </>
      )}
      {!lid && <ellipse cx={30} cy={20} rx={18} ry={3.6} fill="var(--surface-2)" />}
      <path d={SLEEVE} fill="var(--art-sleeve)" />
      <Lambda cx={30} cy={48} s={13} color="var(--art-stroke)" />
      {lid && (
        <>
          <path d="M15 14 Q16 8 22 8 L38 8 Q44 8 45 14 Z" fill="var(--art-cup)" />
          <rect x={9} y={13} width={42} height={8} rx={3.5} fill="var(--art-cup)" />
        </>
      )}
    </g>
  );
}

/**
 * A takeaway cup with λ on the sleeve.
 * brewing = open, half full, steaming; full = lidded; spilled = on its side in a (--danger) puddle;
 * abandoned = lidded with a broken clock (--warn): nobody came back for it.
 * viewBox 60×88; default height 64 px.
 */
export function Cup({ state, size, title }: CupProps) {
  return (
    <ArtSvg w={60} h={88} defaultSize={64} size={size} title={title} shared={`cup-${state}`}>
      <g transform="translate(0 8)">
        {state === 'brewing' && (
          <>
            <Steam y={15} />
            <UprightCup lid={false} coffee="half" />
          </>
        )}
        {state === 'full' && (
          <>
            <Steam y={6} />
            <UprightCup lid coffee="none" />
          </>
        )}
        {state === 'abandoned' && (
          <>
            <UprightCup lid coffee="none" />
            <g>
              <circle cx={47} cy={15} r={11} fill="var(--surface)" stroke="var(--warn)" strokeWidth={2.8} />
              <path d="M47 15 L47 8.5 M47 15 L51.5 17.5" fill="none" stroke="var(--warn)" strokeWidth={2.4} />
              {/* crack across the face */}
              <path d="M38 9 L42 13 L39.5 16 L44 21" fill="none" stroke="var(--warn)" strokeWidth={2} />
            </g>
          </>
        )}
        {state === 'spilled' && (
          <>
            <path
              d="M20 76 Q20 70 34 70 Q46 68 54 71 Q60 73 59 77 Q58 82 44 82 Q33 83 26 81 Q20 80 20 76 Z"
              fill="var(--danger)"
              fillOpacity={0.35}
              stroke="var(--danger)"
              strokeWidth={2}
            />
            <g transform="translate(26 60) rotate(84) scale(0.85) translate(-30 -47)">
              <UprightCup lid={false} coffee="none" />
            </g>
            <path
              d="M56 58 q-2 4 0 6 q2 -2 0 -6 Z M58 48 q-1.6 3 0 4.6 q1.6 -1.6 0 -4.6 Z"
              fill="var(--danger)"
              strokeWidth={1.5}
            />
          </>
        )}
      </g>
    </ArtSvg>
  );
}
