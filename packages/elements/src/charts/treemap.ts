import { svg, type TemplateResult } from 'lit';
import type { ChartInteraction, ChartItem } from './interaction.js';
import { fitText } from './figure.js';
import { categoryColor } from './palette.js';
import { squarifiedTiles } from './treemap-layout.js';

export interface TreemapDatum extends ChartItem {
  value: number;
  color?: string;
}

const FONT = 14;

/**
 * One level of a treemap (the children of what the reader has opened), laid out
 * as d3-hierarchy's squarified treemap lays it out (treemap-layout.ts). Tiles too
 * small for a label are returned so the caller can list them in text beside the chart.
 */
export function treemapChart(options: {
  items: TreemapDatum[];
  width: number;
  label: string;
  interaction: ChartInteraction;
}): { chart: TemplateResult; unlabeled: TreemapDatum[] } {
  const width = Math.max(200, options.width);
  const height = Math.round(Math.min(520, Math.max(260, width * 0.62)));
  const unlabeled: TreemapDatum[] = [];
  const tiles = squarifiedTiles(options.items, width, height, 2, 1.4).map((leaf, index) => {
    const item = leaf.item;
    const w = leaf.x1 - leaf.x0;
    const h = leaf.y1 - leaf.y0;
    const fits = w >= 56 && h >= FONT * 2 + 12;
    if (!fits) unlabeled.push(item);
    const name = fits ? fitText(item.label, w - 10, FONT) : '';
    const color = item.color ?? categoryColor(index);
    return svg`<g class="mark tile" role="listitem" data-id=${item.id} tabindex=${options.interaction.tabIndexFor(item.id)}
        aria-label=${[item.label, item.display, item.detail].filter(Boolean).join('，')}>
        <rect x=${leaf.x0} y=${leaf.y0} width=${w} height=${h} fill=${color}></rect>
        ${
          name
            ? svg`<text aria-hidden="true" x=${leaf.x0 + 6} y=${leaf.y0 + FONT + 4} font-size=${FONT} fill="#fff">${name}</text>
              <text aria-hidden="true" x=${leaf.x0 + 6} y=${leaf.y0 + FONT * 2 + 8} font-size=${FONT - 2} fill="#fff">${fitText(item.detail ? `${item.display}，${item.detail}` : item.display, w - 10, FONT - 2)}</text>`
            : ''
        }
        ${
          item.drillable && w >= 24 && h >= 24
            ? svg`<text aria-hidden="true" x=${leaf.x1 - 6} y=${leaf.y1 - 6} text-anchor="end" font-size=${FONT} fill="#fff">⊕</text>`
            : ''
        }
      </g>`;
  });
  const chart = svg`<svg class="chart" width=${width} height=${height} viewBox="0 0 ${width} ${height}" role="list" aria-label=${options.label}>${tiles}</svg>`;
  return { chart, unlabeled };
}
