// A line chart in SVG, drawn here (no chart library: a few hundred lines of ours weigh less than
// any of them). Each series has its colour, dash pattern and marker shape, so it can be told apart
// without colour; the same data always stands in a table under the chart.

export interface Series {
  readonly id: string;
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/** Colours with at least 3:1 contrast to white (WCAG 1.4.11), told apart by dash and marker too. */
export const SERIES_STYLES = [
  { color: '#0b5cad', dash: '', marker: 'circle' },
  { color: '#b34700', dash: '8 4', marker: 'square' },
  { color: '#00725a', dash: '2 4', marker: 'triangle' },
  { color: '#6b3fa0', dash: '12 4 2 4', marker: 'diamond' },
  { color: '#262626', dash: '4 2', marker: 'cross' },
  { color: '#8a6100', dash: '1 3', marker: 'triangle-down' },
  { color: '#b0226b', dash: '10 3', marker: 'circle' },
  { color: '#3f6f00', dash: '6 3 1 3', marker: 'square' },
] as const;

const styleOf = (i: number) => SERIES_STYLES[i % SERIES_STYLES.length]!;

const Marker = ({ x, y, shape, color }: { x: number; y: number; shape: string; color: string }) => {
  const r = 4.5;
  switch (shape) {
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={color} />;
    case 'triangle':
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} fill={color} />;
    case 'triangle-down':
      return <polygon points={`${x},${y + r + 1} ${x + r + 1},${y - r} ${x - r - 1},${y - r}`} fill={color} />;
    case 'diamond':
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} fill={color} />;
    case 'cross':
      return <path d={`M${x - r},${y - r}L${x + r},${y + r}M${x + r},${y - r}L${x - r},${y + r}`} stroke={color} stroke-width={2.5} />;
    default:
      return <circle cx={x} cy={y} r={r} fill={color} />;
  }
};

/** Round tick steps (1, 2, 5 times a power of ten) that give about five lines. */
const niceTicks = (min: number, max: number, count = 5): number[] => {
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
};

export const LineChart = ({
  id,
  title,
  description,
  xLabels,
  series,
  baselineIndex,
  baselineLabel,
  formatY,
  yTitle,
}: {
  id: string;
  title: string;
  description: string;
  xLabels: readonly string[];
  series: readonly Series[];
  baselineIndex?: number;
  baselineLabel?: string;
  formatY: (n: number) => string;
  yTitle: string;
}) => {
  const width = 760;
  const height = 340;
  const m = { top: 24, right: 24, bottom: 44, left: 72 };
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const ticks = niceTicks(lo, hi);
  const yMin = ticks[0]!;
  const yMax = ticks[ticks.length - 1]!;
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const x = (i: number) => m.left + (xLabels.length <= 1 ? plotW / 2 : (i * plotW) / (xLabels.length - 1));
  const y = (v: number) => m.top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  // Long series: label every n-th period so the labels do not collide.
  const labelEvery = Math.max(1, Math.ceil(xLabels.length / 12));

  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="chart-svg" preserveAspectRatio="xMidYMid meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <g class="chart-grid">
          {ticks.map((tick) => (
            <g>
              <line
                x1={m.left}
                x2={width - m.right}
                y1={y(tick)}
                y2={y(tick)}
                stroke={tick === 0 ? '#4d4d4d' : '#d9d9d9'}
                stroke-width={tick === 0 ? 1.5 : 1}
              />
              <text x={m.left - 8} y={y(tick) + 4} text-anchor="end" class="chart-tick">
                {formatY(tick)}
              </text>
            </g>
          ))}
        </g>
        <text x={16} y={m.top + plotH / 2} class="chart-axis-title" text-anchor="middle" transform={`rotate(-90 16 ${m.top + plotH / 2})`}>
          {yTitle}
        </text>
        {xLabels.map((label, i) =>
          i % labelEvery === 0 || i === xLabels.length - 1 ? (
            <text x={x(i)} y={height - m.bottom + 20} text-anchor="middle" class="chart-tick">
              {label}
            </text>
          ) : null,
        )}
        {baselineIndex !== undefined && baselineIndex >= 0 && (
          <g class="chart-baseline">
            <line x1={x(baselineIndex)} x2={x(baselineIndex)} y1={m.top} y2={m.top + plotH} stroke="#4d4d4d" stroke-width={1.5} stroke-dasharray="5 4" />
            <text x={x(baselineIndex) + 6} y={m.top + 12} class="chart-baseline-label">
              {baselineLabel}
            </text>
          </g>
        )}
        {series.map((s, si) => {
          const style = styleOf(si);
          // A gap in the data interrupts the line instead of bridging it.
          const segments: string[] = [];
          let current = '';
          s.values.forEach((v, i) => {
            if (v === null) {
              if (current) segments.push(current);
              current = '';
            } else current += `${current ? 'L' : 'M'}${x(i)},${y(v)}`;
          });
          if (current) segments.push(current);
          return (
            <g class="chart-series" data-series={s.id}>
              {segments.map((d) => (
                <path d={d} fill="none" stroke={style.color} stroke-width={2.5} stroke-dasharray={style.dash || undefined} />
              ))}
              {s.values.map((v, i) => (v === null ? null : <Marker x={x(i)} y={y(v)} shape={style.marker} color={style.color} />))}
            </g>
          );
        })}
      </svg>
      <ul class="chart-legend">
        {series.map((s, si) => {
          const style = styleOf(si);
          return (
            <li>
              <svg width="36" height="14" viewBox="0 0 36 14" aria-hidden="true">
                <line x1={2} x2={34} y1={7} y2={7} stroke={style.color} stroke-width={2.5} stroke-dasharray={style.dash || undefined} />
                <Marker x={18} y={7} shape={style.marker} color={style.color} />
              </svg>
              {s.label}
            </li>
          );
        })}
      </ul>
    </figure>
  );
};
