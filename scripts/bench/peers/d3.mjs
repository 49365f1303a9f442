/**
 * The floor: a hand-written SVG renderer of the same charts with d3-hierarchy
 * (squarified treemap layout), d3-scale and plain DOM (createElementNS, setAttribute),
 * no framework, no accessibility layer, no summary, no data table.
 *
 *   W1  20 horizontal bars sorted by value: label, bar, value at the bar end.
 *   W2  d3.hierarchy of the whole tree (2,110 nodes, amounts summed from the 2,000
 *       leaves), then a one-level treemap: the children of the open level (at
 *       first the 10 类), each tile a <g> with <rect>, name and amount (when the
 *       tile is big enough) and ⊕ when it can be drilled into; click drills down.
 *       The update rebuilds the hierarchy from the new data, re-lays out the open
 *       level and updates the existing nodes in place (keyed by code).
 *   W3  lines: 4 grid lines with tick labels, year labels, one <path> and 10
 *       <circle>s per category (all 30 categories), and an HTML legend.
 *
 * Timed: from creating the <svg> to the next paint (the function returns synchronously).
 */
import { hierarchy, treemap, treemapSquarify } from 'd3-hierarchy';
import { scaleLinear, scalePoint } from 'd3-scale';
import { CATEGORY_COLORS as COLORS } from '../../../packages/elements/src/charts/palette.ts';
import { chartSize, money, run } from './harness.mjs';

const NS = 'http://www.w3.org/2000/svg';
const FONT = 14;

function el(name, attrs, parent, text) {
  const node = document.createElementNS(NS, name);
  for (const key in attrs) node.setAttribute(key, attrs[key]);
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function set(node, attrs) {
  for (const key in attrs) node.setAttribute(key, attrs[key]);
}

/** Shortens a label to a width, estimating CJK glyphs as 1 em and others as 0.58 em. */
function fit(text, maxWidth, size) {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    width += text.charCodeAt(i) > 0x2e80 ? size : size * 0.58;
    if (width > maxWidth) return i <= 1 ? '' : `${text.slice(0, i - 1)}…`;
  }
  return text;
}

function svgRoot(stage, width, height) {
  const svg = el('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': 'system-ui, "Noto Sans CJK SC", sans-serif',
  });
  stage.appendChild(svg);
  return svg;
}

// ------------------------------------------------------------------ W1 bars

function bars(stage, items) {
  const rows = [...items].sort((a, b) => b.value - a.value);
  const { width, height } = chartSize('w1', rows.length);
  const svg = svgRoot(stage, width, height);
  const labelWidth = Math.min(260, Math.round(width * 0.32));
  const plotWidth = width - labelWidth - 128;
  const x = scaleLinear()
    .domain([0, rows[0]?.value || 1])
    .range([0, plotWidth]);
  rows.forEach((item, i) => {
    const y = i * 32 + 4;
    el(
      'text',
      { x: labelWidth - 8, y: y + 14, 'text-anchor': 'end', 'font-size': FONT },
      svg,
      fit(`${item.code} ${item.name}`, labelWidth - 12, FONT),
    );
    const w = Math.max(2, x(item.value));
    el('rect', { x: labelWidth, y, width: w, height: 18, rx: 2, fill: COLORS[i % COLORS.length] }, svg);
    el('text', { x: labelWidth + w + 6, y: y + 14, 'font-size': FONT - 1 }, svg, money(item.value));
  });
  return { svg, kind: 'bars' };
}

// --------------------------------------------------------------- W2 treemap

/** The whole tree as a d3 hierarchy, amounts summed up from the 2,000 leaves. */
function fullHierarchy(tree) {
  return hierarchy({ code: '', children: tree }).sum((d) => (d.children ? 0 : d.value));
}

function findLevel(root, code) {
  return (code && root.find((node) => node.data.code === code)) || root;
}

function drawTreemap(state) {
  const { svg, width, height } = state;
  const level = findLevel(state.root, state.open);
  // One level only: the children of the open item, sized by their summed amounts.
  const root = hierarchy(level, (node) => (node === level ? node.children : undefined))
    .sum((node) => (node === level ? 0 : node.value))
    .sort((a, b) => b.value - a.value);
  treemap().size([width, height]).paddingInner(2).tile(treemapSquarify.ratio(1.4))(root);
  const total = root.value || 1;
  const seen = new Set();
  root.leaves().forEach((leaf, i) => {
    const item = { ...leaf.data.data, value: leaf.value };
    seen.add(item.code);
    let tile = state.tiles.get(item.code);
    if (!tile) {
      const g = el('g', { 'data-code': item.code }, svg);
      tile = {
        g,
        rect: el('rect', {}, g),
        name: el('text', { 'font-size': FONT, fill: '#fff' }, g),
        value: el('text', { 'font-size': FONT - 2, fill: '#fff' }, g),
        plus: el('text', { 'font-size': FONT, fill: '#fff', 'text-anchor': 'end' }, g),
      };
      state.tiles.set(item.code, tile);
    }
    const w = leaf.x1 - leaf.x0;
    const h = leaf.y1 - leaf.y0;
    const fits = w >= 56 && h >= FONT * 2 + 12;
    set(tile.rect, { x: leaf.x0, y: leaf.y0, width: w, height: h, fill: COLORS[i % COLORS.length] });
    set(tile.name, { x: leaf.x0 + 6, y: leaf.y0 + FONT + 4 });
    tile.name.textContent = fits ? fit(`${item.code} ${item.name}`, w - 10, FONT) : '';
    set(tile.value, { x: leaf.x0 + 6, y: leaf.y0 + FONT * 2 + 8 });
    tile.value.textContent = fits
      ? fit(`${money(item.value)}，占${((item.value / total) * 100).toFixed(1)}%`, w - 10, FONT - 2)
      : '';
    set(tile.plus, { x: leaf.x1 - 6, y: leaf.y1 - 6 });
    tile.plus.textContent = item.children?.length && w >= 24 && h >= 24 ? '⊕' : '';
  });
  for (const [code, tile] of state.tiles) {
    if (!seen.has(code)) {
      tile.g.remove();
      state.tiles.delete(code);
    }
  }
}

function treemapChart(stage, tree) {
  const { width, height } = chartSize('w2');
  const svg = svgRoot(stage, width, height);
  const state = { svg, kind: 'treemap', width, height, root: fullHierarchy(tree), open: '', tiles: new Map() };
  svg.addEventListener('click', (event) => {
    const code = event.target.closest?.('g[data-code]')?.getAttribute('data-code');
    const node = code && findLevel(state.root, code);
    if (node?.children?.length) {
      state.open = code;
      drawTreemap(state);
    }
  });
  drawTreemap(state);
  return state;
}

// ------------------------------------------------------------------ W3 lines

function lines(stage, plain) {
  const { width, height } = chartSize('w3');
  const legend = document.createElement('ul');
  legend.style.cssText =
    'display:flex;flex-wrap:wrap;gap:4px 12px;list-style:none;margin:0 0 8px;padding:0;font:13px system-ui,"Noto Sans CJK SC",sans-serif';
  stage.appendChild(legend);
  const svg = svgRoot(stage, width, height);
  const margin = { top: 12, right: 16, bottom: 28, left: 76 };
  const max = Math.max(...plain.series.flatMap((series) => series.values));
  const y = scaleLinear()
    .domain([0, max])
    .range([height - margin.bottom, margin.top])
    .nice(4);
  const x = scalePoint()
    .domain(plain.years.map(String))
    .range([margin.left, width - margin.right])
    .padding(0.3);
  for (const tick of y.ticks(4)) {
    el('line', { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick), stroke: '#d0d0d0' }, svg);
    el('text', { x: margin.left - 6, y: y(tick) + 4, 'text-anchor': 'end', 'font-size': 12 }, svg, money(tick));
  }
  for (const year of plain.years)
    el('text', { x: x(String(year)), y: height - 8, 'text-anchor': 'middle', 'font-size': 13 }, svg, String(year));
  plain.series.forEach((series, i) => {
    const color = COLORS[i % COLORS.length];
    const item = document.createElement('li');
    item.innerHTML = `<svg width="14" height="14"><rect width="14" height="14" rx="2" fill="${color}"></rect></svg>`;
    item.append(series.name);
    legend.appendChild(item);
    const d = series.values.map((value, j) => `${j ? 'L' : 'M'}${x(String(plain.years[j]))},${y(value)}`).join('');
    el('path', { d, fill: 'none', stroke: color, 'stroke-width': 2.5 }, svg);
    series.values.forEach((value, j) =>
      el(
        'circle',
        { cx: x(String(plain.years[j])), cy: y(value), r: 5, fill: color, stroke: '#fff', 'stroke-width': 1.5 },
        svg,
      ),
    );
  });
  return { svg, kind: 'lines' };
}

run({
  name: 'd3',
  first(stage, workload, data) {
    if (workload === 'w1') return bars(stage, data.plain.items);
    if (workload === 'w2') return treemapChart(stage, data.plain.tree);
    return lines(stage, data.plain);
  },
  update(state, workload, data) {
    state.root = fullHierarchy(data.plain.tree);
    drawTreemap(state);
    return state;
  },
  info(handle) {
    const svg = handle.svg;
    return {
      chart: `${svg.getAttribute('width')}×${svg.getAttribute('height')}`,
      drawn:
        handle.kind === 'lines'
          ? `${svg.querySelectorAll('path').length} lines, ${svg.querySelectorAll('circle').length} points`
          : `${svg.querySelectorAll('rect').length} ${handle.kind === 'bars' ? 'bars' : 'tiles'}`,
      domNodes: svg.parentNode.querySelectorAll('*').length,
    };
  },
});
