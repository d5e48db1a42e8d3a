import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface ChartData {
  /** One label per point (a month, a channel, a commune); long names are shortened on the axis only. */
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
}

interface ChartProps {
  kind: 'line' | 'bars';
  data: ChartData;
  /** One sentence that says what the chart shows: the caption, and the chart's accessible name. */
  summary: string;
  /** The same figures as a table, for screen readers, copying and anyone who prefers numbers. */
  table: ReactNode;
  tableLabel: string;
  /** Values are shares 0–1 (axis 0–100 %). */
  percent?: boolean;
  id: string;
}

const AXIS_CHARS = 16;
const short = (label: string) => (label.length > AXIS_CHARS ? `${label.slice(0, AXIS_CHARS - 1)}…` : label);
const rem = () => Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;

/**
 * A chart with its text summary and a data-table alternative. The SVG is decoration for sighted
 * readers (role="img" named by the summary); the table below carries every figure. Chartist loads
 * on first use, so pages without charts never download it.
 */
export function Chart({ kind, data, summary, table, tableLabel, percent, id }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  // Large-text mode changes the root font size: draw again so bars and labels keep their room.
  const [px, setPx] = useState(rem);
  useEffect(() => {
    const watch = new MutationObserver(() => setPx(rem()));
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-display'] });
    return () => watch.disconnect();
  }, []);
  useEffect(() => {
    const el = box.current;
    let chart: { detach(): void } | undefined;
    let cancelled = false;
    import('./chartist.ts').then(({ BarChart, LineChart }) => {
      if (cancelled || !el) return;
      const series = data.series.map((s) => s.values.map((v) => (v === null ? null : percent ? Math.round(v * 1000) / 10 : v)));
      const values = { high: percent ? 100 : undefined, low: 0 };
      if (kind === 'bars') {
        const rowHeight = px * 2.2 * Math.max(1, data.series.length * 0.8);
        chart = new BarChart(
          el,
          { labels: data.labels.map(short), series },
          {
            horizontalBars: true,
            reverseData: true,
            seriesBarDistance: px * 1.1,
            height: `${Math.max(6 * px, data.labels.length * rowHeight + 3 * px)}px`,
            axisY: { offset: Math.min(px * 9, 150) },
            axisX: { onlyInteger: true, scaleMinSpace: px * 3.5, ...values, labelInterpolationFnc: (v: number | string) => (percent ? `${v}%` : `${v}`) },
            chartPadding: { right: px * 1.5 },
          },
        );
      } else {
        chart = new LineChart(
          el,
          { labels: data.labels.map(short), series },
          {
            height: `${px * 16}px`,
            fullWidth: true,
            ...values,
            // Room for the last month's label, which Chartist starts at the final point.
            chartPadding: { right: px * 4 },
            axisY: { onlyInteger: true, scaleMinSpace: px * 2, offset: px * 3.4, labelInterpolationFnc: (v: number | string) => (percent ? `${v}%` : `${v}`) },
          },
        );
      }
    });
    return () => {
      cancelled = true;
      chart?.detach();
      if (el) el.textContent = '';
    };
  }, [kind, data, percent, px]);
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-summary`} data-chart={id}>
      <figcaption id={`${id}-summary`}>{summary}</figcaption>
      <div ref={box} className={`chart chart--${kind}`} role="img" aria-labelledby={`${id}-summary`} />
      {data.series.length > 1 && (
        <ul className="chart-legend" aria-hidden="true">
          {data.series.map((s) => (
            <li key={s.name}>{s.name}</li>
          ))}
        </ul>
      )}
      <details>
        <summary>{tableLabel}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </figure>
  );
}
