/**
 * `pnpm bench`, speed half: <gk-budget> side by side with Apache ECharts, Chart.js
 * and a hand-written d3 SVG floor, in one headless Chromium, on the same
 * deterministic data (./data.mjs), 15 fresh page loads per workload × renderer.
 * Prints medians (min–max) and writes the raw numbers to .tmp/bench/render-results.json.
 * Measured, never asserted: nothing here fails the build on a slow number.
 *
 * What one page load times is described in ./peers/harness.mjs; each peer's
 * header says what its render call is.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { createReadStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allData, countItems } from './data.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const tmp = join(root, '.tmp', 'bench');
const out = join(tmp, 'out');
const dist = join(root, 'packages', 'gongkai', 'dist');

const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const VIEWPORT = { width: 1000, height: 700 };
const PAGE_TIMEOUT = 20_000;
const LONG_TASK_LIMIT = 200;
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const RENDERERS = ['gongkai', 'echarts', 'chartjs', 'd3'];
const LABEL = { gongkai: '<gk-budget>', echarts: 'ECharts (SVG)', chartjs: 'Chart.js (canvas)', d3: 'd3 floor (SVG)' };
const WORKLOADS = {
  w1: { title: 'W1 20 bars', renderers: RENDERERS },
  w2: { title: 'W2 treemap 2,000 items', renderers: ['gongkai', 'echarts', 'd3'], validate: true, update: true },
  w3: { title: 'W3 10 years × 30 lines', renderers: RENDERERS },
};
/** Renderers that cannot draw a workload, with the reason printed in the table. */
const NOT_APPLICABLE = { w2: { chartjs: 'n/a (no treemap in Chart.js; chartjs-chart-treemap not installed)' } };

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json' };

// ------------------------------------------------------------------ building

async function prepare() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'data'), { recursive: true });
  statSync(join(dist, 'gongkai.js')); // a clear ENOENT if the bundle is not built

  const data = allData();
  for (const [name, { doc, plain }] of Object.entries(data)) {
    writeFileSync(join(out, 'data', `${name}.json`), JSON.stringify({ doc, plain }));
  }

  await build({
    entryPoints: Object.fromEntries(RENDERERS.map((name) => [name, join(here, 'peers', `${name}.mjs`)])),
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    // d3-hierarchy and d3-scale are dependencies of @gongkai/elements, not of the workspace root.
    nodePaths: [join(root, 'packages', 'elements', 'node_modules'), join(root, 'node_modules')],
    external: ['/dist/gongkai.js'],
    logLevel: 'error',
  });

  for (const name of RENDERERS) {
    writeFileSync(join(out, `${name}.html`), page(name));
  }
  return data;
}

function page(name) {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>bench: ${name}</title>
<script>
  window.__longTasks = [];
  try {
    window.__longTaskObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    });
    window.__longTaskObserver.observe({ type: 'longtask', buffered: true });
  } catch (error) {
    window.__longTaskError = String(error);
  }
</script>
<style>
  body { margin: 8px; font-family: system-ui, "Noto Sans CJK SC", sans-serif; }
  #stage { width: 640px; }
</style>
<script type="module" src="${name}.js"></script>
</head>
<body><div id="stage"></div></body>
</html>
`;
}

// -------------------------------------------------------------------- server

function serve() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const base = path.startsWith('/dist/') ? dist : out;
    const relative = path.startsWith('/dist/') ? path.slice('/dist/'.length) : path.slice(1);
    const file = normalize(join(base, relative));
    if (!file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    let size;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ------------------------------------------------------------------- running

async function loadOnce(browser, origin, renderer, workload, mode = 'render') {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const console = [];
    page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') console.push(`${message.type()}: ${message.text()}`);
    });
    await page.goto(`${origin}/${renderer}.html?w=${workload}&mode=${mode}`, { waitUntil: 'load', timeout: PAGE_TIMEOUT });
    await page.waitForFunction(() => window.__result !== undefined, undefined, { timeout: PAGE_TIMEOUT, polling: 50 });
    const result = await page.evaluate(() => ({ ...window.__result, longTaskError: window.__longTaskError }));
    if (console.length) result.console = console.slice(0, 10);
    return result;
  } catch (error) {
    return { renderer, workload, mode, error: String(error?.message ?? error).split('\n')[0] };
  } finally {
    await context.close().catch(() => undefined);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stats = (values) => (values.length ? { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length } : undefined);
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const spread = (s) => (s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : '—');

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i] ?? '').length)));
  return rows.map((row) => row.map((cell, i) => String(cell ?? '').padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

/** The longest long task overlapping [from, to] (0 when none: long tasks start at 50 ms). */
function longestIn(tasks, from, to) {
  let longest = 0;
  for (const task of tasks ?? []) if (task.start < to && task.start + task.duration > from) longest = Math.max(longest, task.duration);
  return longest;
}

export async function runRenderBench() {
  const started = Date.now();
  console.log('\ngongkai bench — render speed (headless Chromium)\n');
  const data = await prepare();
  const w2Counts = countItems(data.w2.doc.functional);

  const { chromium } = await import('playwright-core');
  let server;
  let browser;
  const raw = { loads: LOADS, viewport: VIEWPORT, startedAt: new Date().toISOString(), results: {} };
  try {
    server = await serve();
    const origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROME_ARGS });
    raw.browser = browser.version();

    for (const [workload, spec] of Object.entries(WORKLOADS)) {
      const jobs = spec.renderers.map((renderer) => ({ key: renderer, renderer, mode: 'render' }));
      if (spec.validate) jobs.push({ key: 'gongkai-validate', renderer: 'gongkai', mode: 'validate' });
      const results = Object.fromEntries(jobs.map((job) => [job.key, []]));
      // One discarded warm-up load each, then LOADS rounds, renderers interleaved
      // so that drift in the machine's speed spreads over all of them.
      for (let round = -1; round < LOADS; round++) {
        for (const job of jobs) {
          const result = await loadOnce(browser, origin, job.renderer, workload, job.mode);
          if (round >= 0) results[job.key].push(result);
          else if (result.error) break;
        }
      }
      raw.results[workload] = results;
      process.stdout.write(`  ${spec.title}: done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
  raw.seconds = (Date.now() - started) / 1000;

  report(raw, w2Counts);
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'render-results.json'), `${JSON.stringify(raw, null, 1)}\n`);
  console.log(`\nraw numbers: .tmp/bench/render-results.json (${raw.seconds.toFixed(0)} s in all)`);
}

function summarize(results, phase, metric) {
  const ok = results.filter((r) => !r.error && r[phase]);
  return stats(ok.map((r) => r[phase][metric]));
}

function report(raw, w2Counts) {
  const summary = {};
  const rows = [['workload', 'renderer', 'to first paint, ms', '× d3 floor', 'script only, ms', 'chart', 'drawn / DOM nodes', 'errors']];
  const phases = [
    ['w1', 'first', 'W1 20 bars'],
    ['w2', 'first', 'W2 treemap, first render'],
    ['w2', 'update', 'W2 treemap, update (every leaf changed)'],
    ['w3', 'first', 'W3 10 years × 30 categories'],
  ];
  const problems = [];
  for (const [workload, phase, title] of phases) {
    const results = raw.results[workload] ?? {};
    const floor = summarize(results.d3 ?? [], phase, 'paint');
    let first = true;
    for (const renderer of RENDERERS) {
      const na = NOT_APPLICABLE[workload]?.[renderer];
      if (na) {
        rows.push([first ? title : '', LABEL[renderer], na]);
        first = false;
        continue;
      }
      const list = results[renderer];
      if (!list) continue;
      const paint = summarize(list, phase, 'paint');
      const ready = summarize(list, phase, 'ready');
      const errors = list.filter((r) => r.error);
      const sample = list.find((r) => r[phase])?.[phase] ?? {};
      const ratio = paint && floor ? `${(paint.median / floor.median).toFixed(2)}×` : '—';
      const drawn = [sample.drawn, sample.domNodes !== undefined ? `${sample.domNodes} nodes` : undefined].filter(Boolean).join(', ');
      rows.push([first ? title : '', LABEL[renderer], spread(paint), ratio, spread(ready), sample.chart ?? '', drawn, errors.length ? `${errors.length}/${list.length}` : '']);
      first = false;
      summary[`${workload}.${phase}.${renderer}`] = { paint, ready };
      for (const error of errors.slice(0, 1)) problems.push({ workload, renderer, error: error.error, messages: error.messages, console: error.console });
    }
  }
  console.log(`${raw.browser ? `Chromium ${raw.browser}, ` : ''}${raw.loads} fresh page loads each (+1 discarded warm-up), viewport ${raw.viewport.width}×${raw.viewport.height}; median (min–max)`);
  console.log('to first paint = from handing the data to the renderer to just after the next rendered frame; script only = until the renderer says it is done\n');
  console.log(table(rows));

  // W2 targets.
  const w2 = raw.results.w2 ?? {};
  const gk = summary['w2.first.gongkai']?.paint;
  const d3 = summary['w2.first.d3']?.paint;
  const ec = summary['w2.first.echarts']?.paint;
  console.log(`\nW2 targets (first render, ${w2Counts.leaves.toLocaleString('en')} leaves / ${w2Counts.nodes.toLocaleString('en')} items in 3 levels, medians):`);
  if (gk && d3) {
    const ratio = gk.median / d3.median;
    console.log(`  <gk-budget> / d3 floor = ${ms(gk.median)} / ${ms(d3.median)} ms = ${ratio.toFixed(2)}×  (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);
  } else console.log('  <gk-budget> / d3 floor: no numbers');
  if (gk && ec) console.log(`  faster than ECharts: ${ms(gk.median)} vs ${ms(ec.median)} ms → ${gk.median < ec.median ? 'yes' : 'NO'}`);
  else console.log('  faster than ECharts: no numbers');
  console.log('  faster than Chart.js: n/a (Chart.js has no treemap; chartjs-chart-treemap is not installed)');

  // Long tasks and validation.
  const gkLoads = (w2.gongkai ?? []).filter((r) => !r.error && r.first);
  if (gkLoads.length) {
    const firstMax = gkLoads.map((r) => longestIn(r.longTasks, r.first.from, r.first.to));
    const updateMax = gkLoads.map((r) => (r.update ? longestIn(r.longTasks, r.update.from, r.update.to) : 0));
    const pageMax = gkLoads.map((r) => Math.max(0, ...(r.longTasks ?? []).map((t) => t.duration)));
    const worst = Math.max(...firstMax, ...updateMax);
    const shown = (values) => (Math.max(...values) === 0 ? 'none ≥ 50 ms' : `median ${ms(median(values))}, max ${ms(Math.max(...values))} ms`);
    console.log(`\nlong tasks during <gk-budget> W2 (PerformanceObserver 'longtask', ${gkLoads.length} loads; only tasks ≥ 50 ms are reported):`);
    console.log(`  first render (validate + render + paint): ${shown(firstMax)}`);
    console.log(`  update: ${shown(updateMax)}`);
    console.log(`  whole page incl. loading the bundle: ${shown(pageMax)}`);
    console.log(`  longest task while validating and rendering 2,000 items: ${worst === 0 ? '< 50 ms' : `${ms(worst)} ms`} → ${worst > LONG_TASK_LIMIT ? `OVER ${LONG_TASK_LIMIT} ms` : `within ${LONG_TASK_LIMIT} ms`}`);
    if (gkLoads.some((r) => r.longTaskError)) console.log(`  (long-task observer unavailable: ${gkLoads.find((r) => r.longTaskError).longTaskError})`);
    for (const renderer of ['echarts', 'd3']) {
      const loads = (w2[renderer] ?? []).filter((r) => !r.error && r.first);
      if (loads.length) console.log(`  for comparison, ${LABEL[renderer]} first render: ${shown(loads.map((r) => longestIn(r.longTasks, r.first.from, r.first.to)))}`);
    }
  }
  const validations = (w2['gongkai-validate'] ?? []).filter((r) => r.validate);
  if (validations.length) {
    const invalid = validations.filter((r) => !r.validate.ok);
    console.log(`\nvalidate(budgetSchema, doc) alone, 2,000-item document, in the page: cold ${spread(stats(validations.map((r) => r.validate.cold)))} ms, warm (second call) ${spread(stats(validations.map((r) => r.validate.warm)))} ms${invalid.length ? ` — INVALID: ${invalid[0].validate.messages.join(' | ')}` : ', valid'}`);
  }

  if (problems.length) {
    console.log('\nproblems:');
    for (const problem of problems) {
      console.log(`  ${problem.workload} ${LABEL[problem.renderer]}: ${problem.error}`);
      for (const message of problem.messages ?? []) console.log(`    ${message}`);
      for (const line of problem.console ?? []) console.log(`    console ${line}`);
    }
  }
  raw.summary = summary;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runRenderBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
