import { ArtSvg, fitText } from './ArtSvg';
import type { ArtProps } from './ArtSvg';

export interface ReceiptProps extends ArtProps {
  /** Status code printed big. Default "202". */
  code?: string;
}

const PAPER = 'M6 4 L66 4 L66 82 L60 87 L54 82 L48 87 L42 82 L36 87 L30 82 L24 87 L18 82 L12 87 L6 82 Z';

/**
 * A till receipt from the register: the status code big, "Accepted" under it.
 * viewBox 72×90; default height 96 px ("Accepted" is legible from ~80 px up).
 */
export function Receipt({ code = '202', size, title }: ReceiptProps) {
  return (
    <ArtSvg w={72} h={90} defaultSize={96} size={size} title={title}>
      <path d={PAPER} fill="var(--art-paper)" />
      <path d="M16 14 L56 14" fill="none" stroke="var(--line)" strokeWidth={2.4} />
      <text
        x={36}
        y={44}
        textAnchor="middle"
        fontSize={26}
        fontWeight={800}
        fill="var(--ink)"
        {...fitText(code, 26, 54)}
      >
        {code}
      </text>
      <text
        x={36}
        y={62}
        textAnchor="middle"
        fontSize={12.5}
        fontWeight={700}
        fill="var(--ink)"
        {...fitText('Accepted', 12.5, 54)}
      >
        Accepted
      </text>
      <path d="M16 71 L56 71" fill="none" stroke="var(--line)" strokeWidth={2.4} strokeDasharray="3 3" />
    </ArtSvg>
  );
}
