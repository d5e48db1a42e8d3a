/**
 * The one place that imports Chartist (SVG charts, ~12 KB gzip; see docs/decisions.md "Charts").
 * Only reached through a dynamic import from Chart.tsx, so the library and its stylesheet load on
 * the figures and transparency pages alone, after the tables are already on screen.
 */
import 'chartist/dist/index.css';
import './chart.css';

export { BarChart, LineChart } from 'chartist';
