import { fitText } from './ArtSvg';

/** A paper label plate with --ink text (≥ 4.5:1 in both themes). Centre (cx, cy), 64×18 units. */
export function LabelPlate({ cx, cy, label }: { cx: number; cy: number; label: string }) {
  return (
    <g>
      <rect x={cx - 32} y={cy - 9} width={64} height={18} rx={3} fill="var(--art-paper)" strokeWidth={2} />
      <text
        x={cx}
        y={cy + 5}
        textAnchor="middle"
        fontSize={14}
        fontWeight={700}
        fill="var(--ink)"
        {...fitText(label, 14, 58)}
      >
        {label}
      </text>
    </g>
  );
}

/** A round count badge: --surface text on a status colour (≥ 4.5:1 in both themes). */
export function CountBadge({
  cx,
  cy,
  count,
  color,
}: {
  cx: number;
  cy: number;
  count: number;
  color: string;
}) {
  const text = count > 99 ? '99+' : String(count);
  return (
    <g>
      <circle cx={cx} cy={cy} r={12} fill={color} />
      <text
        x={cx}
        y={cy + 5}
        textAnchor="middle"
        fontSize={text.length > 2 ? 11 : 14}
        fontWeight={800}
        fill="var(--surface)"
      >
        {text}
      </text>
    </g>
  );
}
