/**
 * The one place that imports Chartist (SVG charts, ~12 KB gzip; see docs/decisions.md "Charts").
 * Only reached through a dynamic import from Chart.tsx, so the library and its stylesheet load on
 * the figures and transparency pages alone, after the tables are already on screen.
 */
import 'chartist/dist/index.css';
import './chart.css';
import { Svg } from 'chartist';

// Chartist writes sizes as a `style` attribute, which the Content-Security-Policy refuses
// (style-src-attr); the same declarations set through the CSSOM are allowed, so they go there.
type Attr = (this: Svg, attributes: Record<string, unknown> | string, ns?: string) => unknown;
const proto = Svg.prototype as unknown as { attr: Attr };
const attr = proto.attr;
proto.attr = function (this: Svg, attributes, ns) {
  if (typeof attributes === 'object' && attributes !== null && typeof attributes.style === 'string') {
    const { style, ...rest } = attributes;
    (this.getNode() as SVGElement).style.cssText += style;
    return attr.call(this, rest, ns);
  }
  return attr.call(this, attributes, ns);
};

export { BarChart, LineChart } from 'chartist';
