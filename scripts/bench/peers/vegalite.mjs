/**
 * Vega-Lite 6 compiled to Vega 6 in the page (as vega-embed does), rendered by a
 * vega.View with the SVG renderer. Vega-Lite has no treemap: W2 is a Vega spec
 * (stratify + treemap transforms over the 2,110 items, one level shown), the way
 * Vega-Lite users fall back to Vega for it.
 *
 * Timed: vegaLite.compile(spec) (W1, W3), vega.parse, new vega.View(…, { renderer:
 * 'svg', container }), until `runAsync()` resolves (dataflow run and SVG rendered),
 * then the next paint. W2's update replaces the items through a changeset and runs
 * the view again.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { CATEGORY_COLORS as COLORS } from '../../../packages/elements/src/charts/palette.ts';
import { chartSize, money, run } from './harness.mjs';

const FONT = 'system-ui, "Noto Sans CJK SC", sans-serif';
const config = { font: FONT, view: { stroke: null }, axis: { labelFontSize: 13 } };

function barsSpec(items) {
  const rows = [...items]
    .sort((a, b) => b.value - a.value)
    .map((item, i) => ({
      label: `${item.code} ${item.name}`,
      value: item.value,
      text: money(item.value),
      i: i % COLORS.length,
    }));
  const { width, height } = chartSize('w1', rows.length);
  return compile({
    width: width - Math.min(260, Math.round(width * 0.32)) - 128,
    height,
    config,
    data: { values: rows },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null },
      x: { field: 'value', type: 'quantitative', axis: null },
    },
    layer: [
      {
        mark: { type: 'bar', height: 18 },
        encoding: { color: { field: 'i', type: 'nominal', scale: { range: COLORS }, legend: null } },
      },
      { mark: { type: 'text', align: 'left', dx: 6, fontSize: 13 }, encoding: { text: { field: 'text' } } },
    ],
  }).spec;
}

/** Every item with an id and its parent's, as Vega's stratify wants. */
function nodes(tree) {
  const list = [{ id: 'root' }];
  const visit = (items, parent) => {
    for (const item of items) {
      list.push({ id: item.code, parent, name: `${item.code} ${item.name}`, value: item.children ? 0 : item.value });
      if (item.children) visit(item.children, item.code);
    }
  };
  visit(tree, 'root');
  return list;
}

function treemapSpec(tree, total) {
  const { width, height } = chartSize('w2');
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width,
    height,
    padding: 0,
    config,
    data: [
      {
        name: 'tree',
        values: nodes(tree),
        transform: [
          { type: 'stratify', key: 'id', parentKey: 'parent' },
          {
            type: 'treemap',
            field: 'value',
            sort: { field: 'value', order: 'descending' },
            round: true,
            method: 'squarify',
            ratio: 1.4,
            paddingInner: 2,
            size: [{ signal: 'width' }, { signal: 'height' }],
          },
        ],
      },
      { name: 'level', source: 'tree', transform: [{ type: 'filter', expr: 'datum.depth === 1' }] },
    ],
    scales: [{ name: 'color', type: 'ordinal', domain: { data: 'level', field: 'id' }, range: COLORS }],
    marks: [
      {
        type: 'rect',
        from: { data: 'level' },
        encode: {
          enter: { fill: { scale: 'color', field: 'id' } },
          update: { x: { field: 'x0' }, y: { field: 'y0' }, x2: { field: 'x1' }, y2: { field: 'y1' } },
        },
      },
      {
        type: 'text',
        from: { data: 'level' },
        encode: {
          enter: { fill: { value: '#fff' }, fontSize: { value: 14 }, baseline: { value: 'top' } },
          update: {
            x: { signal: 'datum.x0 + 6' },
            y: { signal: 'datum.y0 + 6' },
            text: { signal: `datum.x1 - datum.x0 >= 56 && datum.y1 - datum.y0 >= 40 ? datum.name : ''` },
            limit: { signal: 'datum.x1 - datum.x0 - 10' },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'level' },
        encode: {
          enter: { fill: { value: '#fff' }, fontSize: { value: 12 }, baseline: { value: 'top' } },
          update: {
            x: { signal: 'datum.x0 + 6' },
            y: { signal: 'datum.y0 + 24' },
            text: {
              signal: `datum.x1 - datum.x0 >= 56 && datum.y1 - datum.y0 >= 40 ? format(datum.value / 10000, '.2f') + '亿元，占' + format(datum.value / ${total} * 100, '.1f') + '%' : ''`,
            },
            limit: { signal: 'datum.x1 - datum.x0 - 10' },
          },
        },
      },
    ],
  };
}

function linesSpec(plain) {
  const { width, height } = chartSize('w3');
  const points = plain.series.flatMap((series) =>
    series.values.map((value, j) => ({ name: series.name, year: String(plain.years[j]), value })),
  );
  return compile({
    width: width - 76 - 16,
    height,
    config,
    data: { values: points },
    mark: { type: 'line', point: { size: 60, filled: true }, strokeWidth: 2.5 },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: null, axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: null, axis: { tickCount: 4 } },
      color: {
        field: 'name',
        type: 'nominal',
        scale: { range: COLORS },
        legend: { orient: 'top', columns: 6, title: null },
      },
    },
  }).spec;
}

run({
  name: 'vegalite',
  async first(stage, workload, data) {
    const spec =
      workload === 'w1'
        ? barsSpec(data.plain.items)
        : workload === 'w2'
          ? treemapSpec(data.plain.tree, data.plain.total)
          : linesSpec(data.plain);
    const container = document.createElement('div');
    stage.append(container);
    const view = new vega.View(vega.parse(spec), { renderer: 'svg', container, hover: false });
    await view.runAsync();
    return { view, container };
  },
  async update(handle, workload, data) {
    handle.view.change(
      'tree',
      vega
        .changeset()
        .remove(() => true)
        .insert(nodes(data.plain.tree)),
    );
    await handle.view.runAsync();
    return handle;
  },
  roots(handle) {
    return [handle.container];
  },
  info(handle) {
    const svg = handle.container.querySelector('svg');
    return {
      chart: svg ? `${svg.getAttribute('width')}×${svg.getAttribute('height')}` : 'none',
      domNodes: handle.container.querySelectorAll('*').length,
    };
  },
});
