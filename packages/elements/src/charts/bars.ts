import { html, svg, nothing, type TemplateResult } from 'lit';
import { linearScale } from './scale.js';
import type { ChartInteraction, ChartItem } from './interaction.js';
import { fitText } from './figure.js';
import { categoryColor } from './palette.js';

export interface BarDatum extends ChartItem {
  value: number;
  color?: string;
}

export interface BarSeries {
  id: string;
  label: string;
  color: string;
}

/** A row of one or more bars (grouped bars: budget and final side by side, never summed). */
export interface BarGroup {
  id: string;
  label: string;
  bars: BarDatum[];
  /** Text after the bars: a share, an execution rate, a change. */
  note?: string;
}

const FONT = 14;
const BAR = 18;
const GAP = 4;

/**
 * Horizontal bars: labels stay readable at 320 px (above the bars on narrow
 * screens, beside them on wide ones), values are written at the bar ends, and
 * every bar is a focusable list item whose accessible name says what and how much.
 */
export function barChart(options: {
  groups: BarGroup[];
  width: number;
  label: string;
  interaction: ChartInteraction;
}): TemplateResult {
  const { groups, interaction } = options;
  const width = Math.max(200, options.width);
  const narrow = width < 520;
  const labelWidth = narrow ? 0 : Math.min(260, Math.round(width * 0.32));
  const valueRoom = 120;
  const plotWidth = Math.max(60, width - labelWidth - valueRoom - 8);
  const max = Math.max(0, ...groups.flatMap((group) => group.bars.map((bar) => bar.value)));
  const x = linearScale([0, max || 1], [0, plotWidth]);
  const barsPerGroup = Math.max(1, ...groups.map((group) => group.bars.length));
  const groupBars = barsPerGroup * BAR + (barsPerGroup - 1) * GAP;
  const rowHeight =
    (narrow ? FONT + 8 : 0) + groupBars + (groups.some((group) => group.note) && narrow ? FONT + 6 : 0) + 14;
  const height = groups.length * rowHeight + 4;

  let markIndex = 0;
  return svg`<svg class="chart" width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="list" aria-label=${options.label}>
    ${groups.map((group, row) => {
      const top = row * rowHeight + 4;
      const barsTop = top + (narrow ? FONT + 8 : 0);
      const labelText = narrow ? fitText(group.label, width - 8, FONT) : fitText(group.label, labelWidth - 12, FONT);
      const labelY = narrow ? top + FONT : barsTop + groupBars / 2 + FONT / 2 - 2;
      return svg`<g aria-hidden="true">
          <text class="label" x=${narrow ? 0 : labelWidth - 8} y=${labelY} text-anchor=${narrow ? 'start' : 'end'} font-size=${FONT}>${labelText}</text>
          ${
            group.note && narrow
              ? svg`<text class="note" x="0" y=${barsTop + groupBars + FONT + 2} font-size=${FONT - 2}>${group.note}</text>`
              : nothing
          }
        </g>
        ${group.bars.map((bar, i) => {
          const y = barsTop + i * (BAR + GAP);
          const barWidth = Math.max(bar.value > 0 ? 2 : 0, x(bar.value));
          const color = bar.color ?? categoryColor(markIndex);
          markIndex++;
          const valueText =
            !narrow && group.note && i === group.bars.length - 1 ? `${bar.display}  ${group.note}` : bar.display;
          return svg`<g class="mark" role="listitem" data-id=${bar.id} tabindex=${interaction.tabIndexFor(bar.id)}
              aria-label=${[bar.label, bar.display, bar.detail].filter(Boolean).join('，')}>
              <rect x=${labelWidth} y=${y} width=${barWidth} height=${BAR} rx="2" fill=${color}></rect>
              <rect class="hit" x=${labelWidth} y=${y - GAP / 2} width=${plotWidth + valueRoom} height=${BAR + GAP} fill="transparent"></rect>
              <text class="value" x=${labelWidth + barWidth + 6} y=${y + BAR - 4} font-size=${FONT - 1} aria-hidden="true">${valueText}</text>
            </g>`;
        })}`;
    })}
  </svg>`;
}

/** A legend for series (which colour is budget, which is final). */
export function legend(series: BarSeries[]): TemplateResult {
  return html`<ul class="legend">
    ${series.map(
      (item) =>
        html`<li><svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" rx="2" fill=${item.color}></rect></svg>${item.label}</li>`,
    )}
  </ul>`;
}
