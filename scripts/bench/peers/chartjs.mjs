/**
 * Chart.js 4, tree-shaken (only the controllers, elements, scales and plugins
 * used are registered), canvas, `animation: false`, `responsive: false` (a fixed
 * canvas of the chart's size, so no ResizeObserver re-layout after the timer).
 *
 * Timed: create a <canvas> of the chart's size in the stage, `new Chart(canvas,
 * config)` (which lays out and draws synchronously when animation is off), then
 * the next paint. Bars get their values written at the bar ends by a ten-line
 * inline plugin (Chart.js has no data labels built in; gongkai, ECharts and the
 * d3 floor all print them).
 *
 * W2 (treemap): Chart.js has no treemap of its own; chartjs-chart-treemap 4 (the
 * Chart.js project's plugin) draws it. It is given the 2,000 项 as flat records with
 * `groups: ['class']`, so it sums them into the 10 类 itself (as the d3 floor and
 * ECharts sum the full tree) and draws one level: 10 tiles with the name and the
 * amount with its share, as the others do. The update replaces the records and
 * calls `chart.update()`.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { TreemapController, TreemapElement } from 'chartjs-chart-treemap';
import { CATEGORY_COLORS as COLORS } from '../../../packages/elements/src/charts/palette.ts';
import { chartSize, money, run } from './harness.mjs';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
  TreemapController,
  TreemapElement,
);

const FONT_FAMILY = 'system-ui, "Noto Sans CJK SC", sans-serif';

const valueLabels = {
  id: 'valueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = `13px ${FONT_FAMILY}`;
    ctx.fillStyle = '#1f1f1f';
    ctx.textBaseline = 'middle';
    chart
      .getDatasetMeta(0)
      .data.forEach((bar, i) => ctx.fillText(money(chart.data.datasets[0].data[i]), bar.x + 6, bar.y));
    ctx.restore();
  },
};

/** W2: the 2,000 项 as flat records; the plugin groups and sums them by 类. */
function leafRecords(tree) {
  const records = [];
  for (const cls of tree) {
    const label = `${cls.code} ${cls.name}`;
    for (const kuan of cls.children)
      for (const xiang of kuan.children) records.push({ cls: label, value: xiang.value });
  }
  return records;
}

function config(workload, plain) {
  const base = { animation: false, responsive: false, maintainAspectRatio: false };
  if (workload === 'w2') {
    const total = plain.total;
    return {
      type: 'treemap',
      data: {
        datasets: [
          {
            tree: leafRecords(plain.tree),
            key: 'value',
            groups: ['cls'],
            spacing: 1,
            borderWidth: 0,
            backgroundColor: (ctx) => COLORS[ctx.dataIndex % COLORS.length],
            labels: {
              display: true,
              align: 'left',
              position: 'top',
              color: '#fff',
              font: [
                { size: 14, family: FONT_FAMILY },
                { size: 12, family: FONT_FAMILY },
              ],
              // Cut at the tile's edge, as the others shorten a label that does not fit ('hidden' drops it).
              overflow: 'cut',
              formatter: (ctx) => [ctx.raw.g, `${money(ctx.raw.v)}，占${((ctx.raw.v / total) * 100).toFixed(1)}%`],
            },
          },
        ],
      },
      options: { ...base, plugins: { legend: { display: false } } },
    };
  }
  if (workload === 'w1') {
    const items = [...plain.items].sort((a, b) => b.value - a.value);
    return {
      type: 'bar',
      data: {
        labels: items.map((item) => `${item.code} ${item.name}`),
        datasets: [
          {
            data: items.map((item) => item.value),
            backgroundColor: items.map((_, i) => COLORS[i % COLORS.length]),
            barThickness: 18,
          },
        ],
      },
      options: {
        ...base,
        indexAxis: 'y',
        layout: { padding: { right: 120 } },
        scales: { x: { display: false, beginAtZero: true }, y: { grid: { display: false } } },
        plugins: { legend: { display: false } },
      },
      plugins: [valueLabels],
    };
  }
  return {
    type: 'line',
    data: {
      labels: plain.years.map(String),
      datasets: plain.series.map((series, i) => ({
        label: series.name,
        data: series.values,
        borderColor: COLORS[i % COLORS.length],
        backgroundColor: COLORS[i % COLORS.length],
        borderWidth: 2.5,
        pointRadius: 5,
      })),
    },
    options: {
      ...base,
      scales: { y: { beginAtZero: true, ticks: { maxTicksLimit: 5, callback: (v) => money(v) } } },
      plugins: { legend: { display: true } },
    },
  };
}

run({
  name: 'chartjs',
  async first(stage, workload, data) {
    const count = workload === 'w1' ? data.plain.items.length : 0;
    const { width, height } = chartSize(workload, count);
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.style.cssText = `width:${width}px;height:${height}px`;
    stage.append(canvas);
    const chart = new Chart(canvas, config(workload, data.plain));
    return { chart, canvas };
  },
  update(handle, workload, data) {
    handle.chart.data.datasets[0].tree = leafRecords(data.plain.tree);
    handle.chart.update();
    return handle;
  },
  info(handle) {
    return { chart: `${handle.chart.width}×${handle.chart.height} canvas`, domNodes: 1 };
  },
});
