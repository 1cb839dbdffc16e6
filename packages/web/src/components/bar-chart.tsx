// Horizontal stacked bars in SVG: one bar per category (a region), one segment per part (a funding
// source). Segments are separated by a white gap and named in the legend; the table under the
// chart holds the figures.
import { SERIES_STYLES } from './line-chart';

export interface StackedBar {
  readonly id: string;
  readonly label: string;
  readonly parts: readonly number[];
  /** The bar's total as the data gives it (exact); else the sum of its parts. */
  readonly total?: number;
}

export const StackedBarChart = ({
  id,
  title,
  description,
  partLabels,
  bars,
  formatValue,
}: {
  id: string;
  title: string;
  description: string;
  partLabels: readonly string[];
  bars: readonly StackedBar[];
  formatValue: (n: number) => string;
}) => {
  const width = 760;
  const rowH = 34;
  const labelW = 250;
  const valueW = 110;
  const top = 8;
  const height = top + bars.length * rowH + 8;
  const max = Math.max(1, ...bars.map((b) => b.parts.reduce((a, n) => a + n, 0)));
  const plotW = width - labelW - valueW;
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} class="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, row) => {
          const y = top + row * rowH;
          let x = labelW;
          const total = bar.total ?? bar.parts.reduce((a, n) => a + n, 0);
          return (
            <g data-bar={bar.id}>
              <text x={labelW - 10} y={y + rowH / 2 + 4} text-anchor="end" class="chart-tick">
                {bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label}
              </text>
              {bar.parts.map((value, i) => {
                const w = (value / max) * plotW;
                const rect =
                  w > 0 ? (
                    <rect x={x} y={y + 6} width={w} height={rowH - 12} fill={SERIES_STYLES[i % SERIES_STYLES.length]!.color} stroke="#fff" stroke-width={1.5} />
                  ) : null;
                x += w;
                return rect;
              })}
              <text x={x + 8} y={y + rowH / 2 + 4} class="chart-tick">
                {formatValue(total)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="chart-legend">
        {partLabels.map((label, i) => (
          <li>
            <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
              <rect x={1} y={1} width={14} height={14} fill={SERIES_STYLES[i % SERIES_STYLES.length]!.color} />
            </svg>
            {label}
          </li>
        ))}
      </ul>
    </figure>
  );
};
