/**
 * Apache ECharts 6, imported on demand: echarts/core + BarChart, LineChart,
 * TreemapChart + Grid, Tooltip, Legend components + the SVGRenderer (SVG like
 * gongkai and the d3 floor; ECharts' default would be canvas). Animation off.
 *
 * Timed: create a div of the chart's size in the stage, echarts.init(div, null,
 * { renderer: 'svg' }), setOption(…), until the chart's 'finished' event.
 * W2 update: setOption({ series: [{ id, data: newTree }] }) (merge), until 'finished'.
 * With animation off, 'finished' fires synchronously inside setOption (checked:
 * `finishedSync` in the raw results), so no frame is lost waiting for it.
 *
 * Treemap: ECharts shows nested levels natively; `leafDepth: 1` makes it show one
 * level at a time (the 10 类) with drill-down on click (nodeClick: 'zoomToNode')
 * and its breadcrumb — as close to <gk-budget>'s one-level treemap as it goes.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { CATEGORY_COLORS as COLORS } from '../../../packages/elements/src/charts/palette.ts';
import { chartSize, money, run } from './harness.mjs';

echarts.use([BarChart, LineChart, TreemapChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

function toTree(items) {
  return items.map((item) => ({
    name: `${item.code} ${item.name}`,
    value: item.value,
    ...(item.children ? { children: toTree(item.children) } : {}),
  }));
}

function option(workload, plain) {
  const base = { animation: false, color: COLORS, tooltip: {} };
  if (workload === 'w1') {
    const items = [...plain.items].sort((a, b) => b.value - a.value);
    return {
      ...base,
      grid: { left: 8, right: 120, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: items.map((item) => `${item.code} ${item.name}`),
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          barWidth: 18,
          colorBy: 'data',
          data: items.map((item) => item.value),
          label: { show: true, position: 'right', formatter: (p) => money(p.value) },
        },
      ],
    };
  }
  if (workload === 'w2') {
    return {
      ...base,
      series: [
        {
          id: 'budget',
          type: 'treemap',
          // The top-level `animation: false` does not stop the treemap's 900 ms
          // update transition in ECharts 6 ('finished' came ~940 ms after an
          // update); the series-level switch does.
          animation: false,
          data: toTree(plain.tree),
          leafDepth: 1,
          roam: false,
          nodeClick: 'zoomToNode',
          squareRatio: 1.4,
          breadcrumb: { show: true },
          label: { show: true, formatter: (p) => `${p.name}\n${money(p.value)}` },
          itemStyle: { gapWidth: 2 },
        },
      ],
    };
  }
  return {
    ...base,
    tooltip: { trigger: 'item' },
    // 30 series: the scrolling legend (one row with paging) is ECharts' own answer;
    // a plain legend of 30 entries would cover the plot at this height.
    legend: { type: 'scroll', top: 0 },
    grid: { left: 76, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: plain.years.map(String) },
    yAxis: { type: 'value', splitNumber: 4, axisLabel: { formatter: (v) => money(v) } },
    series: plain.series.map((series) => ({
      type: 'line',
      name: series.name,
      data: series.values,
      symbol: 'circle',
      symbolSize: 10,
      showSymbol: true,
      lineStyle: { width: 2.5 },
    })),
  };
}

/** Resolves on 'finished'; remembers whether it fired inside setOption (it does when nothing animates). */
function whenFinished(handle, apply) {
  return new Promise((resolve) => {
    let returned = false;
    const done = () => {
      handle.chart.off('finished', done);
      handle.finishedSync = (handle.finishedSync ?? true) && !returned;
      resolve(handle);
    };
    handle.chart.on('finished', done);
    apply();
    returned = true;
  });
}

run({
  name: 'echarts',
  async first(stage, workload, data) {
    const count = workload === 'w1' ? data.plain.items.length : 0;
    const { width, height } = chartSize(workload, count);
    const div = document.createElement('div');
    div.style.cssText = `width:${width}px;height:${height}px`;
    stage.append(div);
    const chart = echarts.init(div, null, { renderer: 'svg', width, height });
    return whenFinished({ chart, div }, () => chart.setOption(option(workload, data.plain)));
  },
  update(handle, workload, data) {
    return whenFinished(handle, () =>
      handle.chart.setOption({ series: [{ id: 'budget', data: toTree(data.plain.tree) }] }),
    );
  },
  info(handle) {
    return {
      chart: `${handle.chart.getWidth()}×${handle.chart.getHeight()}`,
      domNodes: handle.div.querySelectorAll('*').length,
      finishedSync: handle.finishedSync,
    };
  },
});
