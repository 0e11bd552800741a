export interface Bar {
  label: string;
  value: number;
  /** What is written above the bar (the value itself when absent): "3 · 67%". */
  note?: string;
}

/**
 * A plain SVG bar chart (no chart library is installed): bars scaled to the largest value, the value
 * above each bar, the label below. `title` names it for screen readers; labels come in the UI language.
 */
export function BarChart({ bars, title, height = 180, color = '#1677ff', labelEvery = 1 }: { bars: readonly Bar[]; title: string; height?: number; color?: string; labelEvery?: number }) {
  const width = Math.max(280, bars.length * 26);
  const top = 18;
  const bottom = 22;
  const plot = height - top - bottom;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = width / Math.max(1, bars.length);
  const barW = Math.min(40, slot * 0.6);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" height={height} role="img" aria-label={title} style={{ display: 'block' }}>
      <title>{title}</title>
      <line x1={0} x2={width} y1={top + plot} y2={top + plot} stroke="#d9d9d9" />
      {bars.map((b, i) => {
        const h = (b.value / max) * plot;
        const x = i * slot + (slot - barW) / 2;
        return (
          <g key={`${b.label}-${i}`} data-bar={b.label} data-value={b.value}>
            <rect x={x} y={top + plot - h} width={barW} height={Math.max(0, h)} fill={color} rx={2} />
            {(b.value > 0 || b.note) && (
              <text x={x + barW / 2} y={top + plot - h - 4} textAnchor="middle" fontSize={11} fill="#595959">
                {b.note ?? b.value}
              </text>
            )}
            {i % labelEvery === 0 && (
              <text x={x + barW / 2} y={height - 6} textAnchor="middle" fontSize={11} fill="#8c8c8c">
                {b.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
