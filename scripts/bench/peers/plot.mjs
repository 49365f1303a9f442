/**
 * Observable Plot 0.6, SVG. Plot has no treemap mark: as Plot's own examples do,
 * W2 lays the tree out with d3-hierarchy's squarify (the library Plot itself
 * builds on) and draws the tiles with Plot.rect and Plot.text.
 *
 * Timed: Plot.plot({...}) (which builds the whole SVG synchronously), appending it
 * to the stage, then the next paint. Plot has no update: W2's update builds the
 * plot again from the changed tree and replaces the old one, as a Plot user does.
 */
import * as Plot from '@observablehq/plot';
import { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
import { CATEGORY_COLORS as COLORS } from '../../../packages/elements/src/charts/palette.ts';
import { chartSize, money, run } from './harness.mjs';

const FONT = 'system-ui, "Noto Sans CJK SC", sans-serif';

function bars(items) {
  const rows = [...items]
    .sort((a, b) => b.value - a.value)
    .map((item) => ({ ...item, label: `${item.code} ${item.name}` }));
  const { width, height } = chartSize('w1', rows.length);
  return Plot.plot({
    width,
    height,
    marginLeft: Math.min(260, Math.round(width * 0.32)),
    marginRight: 128,
    style: { fontFamily: FONT, fontSize: '13px' },
    x: { axis: null },
    y: { label: null, domain: rows.map((row) => row.label), padding: 0.44 },
    color: { range: COLORS },
    marks: [
      Plot.barX(rows, { x: 'value', y: 'label', fill: (d, i) => i % COLORS.length }),
      Plot.text(rows, { x: 'value', y: 'label', text: (d) => money(d.value), dx: 6, textAnchor: 'start' }),
    ],
  });
}

/** The 10 类 as tiles: the whole tree summed from its 2,000 leaves, one level laid out. */
function tiles(tree) {
  const { width, height } = chartSize('w2');
  const root = hierarchy({ code: '', children: tree }).sum((d) => (d.children ? 0 : d.value));
  const level = hierarchy({
    children: root.children.map((node) => ({ code: node.data.code, name: node.data.name, value: node.value })),
  })
    .sum((d) => d.value ?? 0)
    .sort((a, b) => b.value - a.value);
  treemap().size([width, height]).paddingInner(2).tile(treemapSquarify.ratio(1.4))(level);
  const total = level.value || 1;
  const rects = level.leaves().map((leaf, i) => ({
    ...leaf.data,
    x0: leaf.x0,
    x1: leaf.x1,
    y0: leaf.y0,
    y1: leaf.y1,
    color: COLORS[i % COLORS.length],
  }));
  const fits = (d) => d.x1 - d.x0 >= 56 && d.y1 - d.y0 >= 40;
  return Plot.plot({
    width,
    height,
    margin: 0,
    style: { fontFamily: FONT },
    x: { axis: null, domain: [0, width] },
    y: { axis: null, domain: [0, height], reverse: true },
    marks: [
      Plot.rect(rects, { x1: 'x0', x2: 'x1', y1: 'y0', y2: 'y1', fill: 'color' }),
      Plot.text(rects.filter(fits), {
        x: (d) => d.x0 + 6,
        y: (d) => d.y0 + 18,
        text: (d) => `${d.code} ${d.name}`,
        fill: '#fff',
        fontSize: 14,
        textAnchor: 'start',
        lineWidth: 12,
      }),
      Plot.text(rects.filter(fits), {
        x: (d) => d.x0 + 6,
        y: (d) => d.y0 + 36,
        text: (d) => `${money(d.value)}，占${((d.value / total) * 100).toFixed(1)}%`,
        fill: '#fff',
        fontSize: 12,
        textAnchor: 'start',
      }),
    ],
  });
}

function lines(plain) {
  const { width, height } = chartSize('w3');
  const points = plain.series.flatMap((series) =>
    series.values.map((value, j) => ({ name: series.name, year: plain.years[j], value })),
  );
  return Plot.plot({
    width,
    height,
    marginLeft: 76,
    style: { fontFamily: FONT, fontSize: '12px' },
    x: { type: 'point', label: null, padding: 0.3 },
    y: { grid: true, label: null, ticks: 4, tickFormat: money },
    color: { legend: true, range: COLORS },
    marks: [
      Plot.lineY(points, { x: 'year', y: 'value', stroke: 'name', strokeWidth: 2.5 }),
      Plot.dot(points, { x: 'year', y: 'value', fill: 'name', r: 5, stroke: '#fff' }),
    ],
  });
}

function draw(stage, workload, plain) {
  const node = workload === 'w1' ? bars(plain.items) : workload === 'w2' ? tiles(plain.tree) : lines(plain);
  stage.append(node);
  return { node, stage };
}

run({
  name: 'plot',
  first(stage, workload, data) {
    return draw(stage, workload, data.plain);
  },
  update(handle, workload, data) {
    const next = draw(handle.stage, workload, data.plain);
    handle.node.remove();
    return next;
  },
  roots(handle) {
    return [handle.stage];
  },
  info(handle) {
    // With a legend Plot returns a <figure>: the chart is its widest <svg> (the legend's swatches are small ones).
    const svgs = handle.node.matches('svg') ? [handle.node] : [...handle.node.querySelectorAll('svg')];
    const svg = svgs.sort((a, b) => Number(b.getAttribute('width')) - Number(a.getAttribute('width')))[0];
    return {
      chart: svg ? `${svg.getAttribute('width')}×${svg.getAttribute('height')}` : 'none',
      domNodes: handle.stage.querySelectorAll('*').length,
    };
  },
});
