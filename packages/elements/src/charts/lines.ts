import { svg, type TemplateResult } from 'lit';
import { linearScale, pointScale } from './scale.js';
import type { ChartInteraction, ChartItem } from './interaction.js';
import { categoryColor } from './palette.js';
import { textWidth } from './figure.js';

export interface LinePoint extends ChartItem {
  x: string;
  value: number;
}

export interface LineSeries {
  id: string;
  label: string;
  color?: string;
  points: LinePoint[];
}

const FONT = 13;

/**
 * Lines over years, one per series, with a focusable point for every value.
 * Arrow keys walk the points series by series; each point's name says which
 * series, which year, and how much.
 */
export function lineChart(options: {
  series: LineSeries[];
  xValues: string[];
  width: number;
  label: string;
  interaction: ChartInteraction;
  formatTick(value: number): string;
}): TemplateResult {
  const width = Math.max(200, options.width);
  const height = Math.round(Math.min(380, Math.max(240, width * 0.5)));
  const max = Math.max(0, ...options.series.flatMap((series) => series.points.map((point) => point.value)));
  const top = 12;
  const bottom = 28;
  const y = linearScale([0, max || 1], [height - bottom, top], { nice: true, count: 4 });
  const ticks = y.ticks(4);
  // The left margin fits the longest tick label, so "5,000万元" never sticks out at 320 px.
  const left = Math.ceil(Math.max(...ticks.map((tick) => textWidth(options.formatTick(tick), FONT - 1)))) + 12;
  const margin = { top, right: 16, bottom, left };
  const x = pointScale(options.xValues, [margin.left, width - margin.right]);
  const path = (points: LinePoint[]) =>
    points.map((point, i) => `${i ? 'L' : 'M'}${x(point.x) ?? 0},${y(point.value)}`).join('');
  return svg`<svg class="chart" width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="list" aria-label=${options.label}>
    <g aria-hidden="true" class="axis">
      ${ticks.map(
        (
          tick,
        ) => svg`<line x1=${margin.left} x2=${width - margin.right} y1=${y(tick)} y2=${y(tick)} class="grid"></line>
          <text x=${margin.left - 6} y=${y(tick) + 4} text-anchor="end" font-size=${FONT - 1}>${options.formatTick(tick)}</text>`,
      )}
      ${options.xValues.map(
        (value) => svg`<text x=${x(value) ?? 0} y=${height - 8} text-anchor="middle" font-size=${FONT}>${value}</text>`,
      )}
      ${options.series.map(
        (series, index) =>
          svg`<path d=${path(series.points)} fill="none" stroke=${series.color ?? categoryColor(index)} stroke-width="2.5"></path>`,
      )}
    </g>
    ${options.series.flatMap((series, index) =>
      series.points.map(
        (
          point,
        ) => svg`<g class="mark" role="listitem" data-id=${point.id} tabindex=${options.interaction.tabIndexFor(point.id)}
          aria-label=${[point.label, point.display, point.detail].filter(Boolean).join('，')}>
          <circle cx=${x(point.x) ?? 0} cy=${y(point.value)} r="5" fill=${series.color ?? categoryColor(index)} stroke="#fff" stroke-width="1.5"></circle>
          <circle class="hit" cx=${x(point.x) ?? 0} cy=${y(point.value)} r="12" fill="transparent"></circle>
        </g>`,
      ),
    )}
  </svg>`;
}
