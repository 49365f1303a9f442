/**
 * `pnpm bench`, speed half: <gk-budget> side by side with Apache ECharts, Chart.js,
 * Observable Plot, Vega-Lite and a hand-written d3 SVG floor, in one headless
 * Chromium, on the same deterministic data (./data.mjs), 15 fresh page loads per
 * workload × renderer. <gk-budget> is measured twice, as users get it: the one-file
 * bundle (dist/gongkai.js, served as built) and the per-element entry `gongkai/budget`
 * as the consumer app's own Vite build ships it (./shipped.mjs).
 * Prints medians (min–max) and writes the raw numbers to .tmp/bench/render-results.json.
 * Measured, never asserted: nothing here fails the build on a slow number.
 *
 * What one page load times is described in ./peers/harness.mjs and README.md;
 * each peer's header says what its render call is. Run alone with
 * `node scripts/bench/render.mjs` (after `pnpm build`); BENCH_LOADS=n changes
 * the 15 loads, BENCH_ONLY=w2 (comma-separated) picks workloads, BENCH_RENDERERS=
 * gongkai,d3 picks renderers, BENCH_CPU=0 drops the trace (and its CPU columns),
 * CHROME_PATH the browser, BENCH_FROM another checkout's shipped artefacts.
 */
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { cpSync, createReadStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { allData, countItems } from './data.mjs';
import { BUNDLE, makeShippedApp, viteBenchEntry } from './shipped.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const tmp = join(root, '.tmp', 'bench');
const out = join(tmp, 'out');
const dist = dirname(BUNDLE);

const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const VIEWPORT = { width: 1000, height: 700 };
const PAGE_TIMEOUT = 20_000;
const LONG_TASK_LIMIT = 200;

const ALL_RENDERERS = ['gongkai', 'gongkai-entry', 'echarts', 'chartjs', 'plot', 'vegalite', 'd3'];
const RENDERERS = process.env.BENCH_RENDERERS
  ? ALL_RENDERERS.filter((name) => process.env.BENCH_RENDERERS.split(',').includes(name) || name === 'd3')
  : ALL_RENDERERS;
/** The two ways users load <gk-budget>; every other renderer is a peer (d3 is the floor). */
const OURS = ['gongkai', 'gongkai-entry'];
const PEERS = ['echarts', 'chartjs', 'plot', 'vegalite'];
const LABEL = {
  gongkai: '<gk-budget> one-file bundle',
  'gongkai-entry': '<gk-budget> gongkai/budget via Vite',
  echarts: 'ECharts (SVG)',
  chartjs: 'Chart.js (canvas)',
  plot: 'Observable Plot (SVG)',
  vegalite: 'Vega-Lite (SVG)',
  d3: 'd3 floor (SVG)',
};
const WORKLOADS = {
  w1: { title: 'W1 20 bars', renderers: RENDERERS },
  w2: { title: 'W2 treemap 2,000 items', renderers: RENDERERS, validate: true, update: true },
  w3: { title: 'W3 10 years × 30 lines', renderers: RENDERERS },
};
/** Renderers that cannot draw a workload, with the reason printed in the table. */
const NOT_APPLICABLE = {};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json',
};

// ------------------------------------------------------------------ building

export async function prepare(entryDir) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'data'), { recursive: true });
  statSync(join(dist, 'gongkai.js')); // a clear ENOENT if the bundle is not built
  if (RENDERERS.includes('gongkai-entry')) cpSync(entryDir, join(out, 'entry'), { recursive: true });

  const data = allData();
  for (const [name, { doc, plain }] of Object.entries(data)) {
    writeFileSync(join(out, 'data', `${name}.json`), JSON.stringify({ doc, plain }));
  }

  await build({
    entryPoints: Object.fromEntries(
      RENDERERS.filter((name) => name !== 'gongkai-entry').map((name) => [name, join(here, 'peers', `${name}.mjs`)]),
    ),
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    // The d3 floor's d3-hierarchy and d3-scale are dev dependencies of the workspace root.
    nodePaths: [join(root, 'node_modules')],
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
<script type="module" src="${name === 'gongkai-entry' ? 'entry/gongkai-entry.js' : `${name}.js`}"></script>
</head>
<body>
<!-- Text in the page before the timer, as on any real page: the page's first paint loads the CJK fonts (regular and
     bold, in the page's and the generic sans-serif family), outside the measurement; a first load of the bold file
     took ~600 ms. -->
<p>预算基准测试：一般公共服务支出、教育支出、卫生健康支出，合计 0123456789.00 亿元万元（占 45.6%）。<b>预算基准测试 0123456789</b></p>
<p style="font-family: sans-serif; font-size: 13px">预算基准测试：一般公共服务支出、教育支出、卫生健康支出，合计 0123456789.00 亿元万元（占 45.6%）。<b>预算基准测试 0123456789</b></p>
<div id="stage"></div>
</body>
</html>
`;
}

// -------------------------------------------------------------------- server

/** Serves the pages (and the one-file bundle at /dist/ from `bundleDir`, by default the built one). */
export function serve(bundleDir = dist) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const base = path.startsWith('/dist/') ? bundleDir : out;
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
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ------------------------------------------------------------------- running

async function loadOnce(browser, origin, renderer, workload, mode = 'render', size = undefined) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const console = [];
    page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        console.push(`${message.type()}: ${message.text()}`);
    });
    const trace = CPU ? await startTrace(context, page) : undefined;
    await page.goto(`${origin}/${renderer}.html?w=${workload}&mode=${mode}${size ? `&size=${size}` : ''}`, {
      waitUntil: 'load',
      timeout: PAGE_TIMEOUT,
    });
    await page.waitForFunction(() => window.__result !== undefined, undefined, { timeout: PAGE_TIMEOUT, polling: 50 });
    const result = await page.evaluate(() => ({ ...window.__result, longTaskError: window.__longTaskError }));
    if (trace) {
      const events = await trace.stop();
      const cpu = mainThreadCpu(events);
      if (result.first && cpu[0] !== undefined) result.first.cpu = cpu[0];
      if (result.update && cpu[1] !== undefined) result.update.cpu = cpu[1];
      if (result.first) Object.assign(result.first, startUp(events));
    }
    if (console.length) result.console = console.slice(0, 10);
    return result;
  } catch (error) {
    return { renderer, workload, mode, error: String(error?.message ?? error).split('\n')[0] };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Each load is traced (BENCH_CPU=0 turns it off) and the main thread's CPU time
 * (thread time of its tasks) is reported three ways:
 *
 *   cpu        from the harness's `bench-t0` mark to `bench-painted`: the render
 *              alone, in a page whose modules have long been evaluated;
 *   fromStart  every task of the page's main thread from the start of the trace
 *              (before navigation: the renderer process's start) to `bench-painted`
 *              of the first render: compiling and evaluating the modules, parsing
 *              the page and the data, the page's own first paint, then the chart.
 *              What a page pays for the chart; the "chart CPU" the targets judge;
 *   startUp    of that, compiling and evaluating the page's modules (V8's
 *              v8.compileModule and v8.evaluateModule on the main thread): the
 *              library's module evaluation before its first render. The bundle is
 *              compiled off the main thread while it streams in; that part is not
 *              on the main thread and not counted.
 *
 * Unlike the wall-clock columns these hardly move when other processes load the
 * machine, and they leave out waiting for frames and for font look-ups in the
 * browser process.
 */
const CPU = process.env.BENCH_CPU !== '0';

async function startTrace(context, page) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (message) => events.push(...message.value));
  const complete = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,v8,blink.user_timing', transferMode: 'ReportEvents' });
  return {
    async stop() {
      await cdp.send('Tracing.end');
      await complete;
      return events;
    },
  };
}

const threadMs = (e) => (e.tdur ?? e.dur) / 1000;

/** CPU ms of the main thread's tasks between each `bench-t0` and the following `bench-painted` mark. */
function mainThreadCpu(events) {
  const starts = events.filter((e) => e.name === 'bench-t0').sort((a, b) => a.ts - b.ts);
  const ends = events.filter((e) => e.name === 'bench-painted').sort((a, b) => a.ts - b.ts);
  return starts.map((start, i) => {
    const end = ends[i];
    if (!end) return undefined;
    let micros = 0;
    for (const e of events) {
      if (e.ph !== 'X' || e.tid !== start.tid || e.name !== 'ThreadControllerImpl::RunTask') continue;
      // A task overlapping the window counts for the part inside it (its thread time scaled to that part).
      const from = Math.max(e.ts, start.ts);
      const to = Math.min(e.ts + e.dur, end.ts);
      if (to > from) micros += (e.tdur ?? e.dur) * ((to - from) / e.dur);
    }
    return micros / 1000;
  });
}

/** The page's main thread from the start to its first `bench-painted`: all its tasks, and its modules' compile + evaluate. */
function startUp(events) {
  const marks = events.filter((e) => e.name === 'bench-t0' || e.name === 'bench-painted').sort((a, b) => a.ts - b.ts);
  const t0 = marks.find((e) => e.name === 'bench-t0');
  const painted = marks.find((e) => e.name === 'bench-painted');
  const tid = t0?.tid;
  if (tid === undefined) return {};
  let fromStart = 0;
  let startUp = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.tid !== tid) continue;
    if (e.name === 'ThreadControllerImpl::RunTask' && painted && e.ts < painted.ts) {
      const to = Math.min(e.ts + e.dur, painted.ts);
      fromStart += threadMs(e) * ((to - e.ts) / (e.dur || 1));
    }
    if ((e.name === 'v8.compileModule' || e.name === 'v8.evaluateModule') && e.ts < t0.ts) startUp += threadMs(e);
  }
  return { ...(painted ? { fromStart } : {}), startUp };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stats = (values) =>
  values.length
    ? { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length }
    : undefined;
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const spread = (s) => (s ? `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})` : '—');

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => String(cell ?? '').padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The longest long task overlapping [from, to] (0 when none: long tasks start at 50 ms). */
function longestIn(tasks, from, to) {
  let longest = 0;
  for (const task of tasks ?? [])
    if (task.start < to && task.start + task.duration > from) longest = Math.max(longest, task.duration);
  return longest;
}

export { VIEWPORT, mainThreadCpu, startUp };

/** `entryDir`: the Vite-built page module of the per-element entry (./shipped.mjs); made here when not given. */
export async function runRenderBench({ entryDir } = {}) {
  const started = Date.now();
  console.log('\ngongkai bench — render speed (headless Chromium)\n');
  let shipped;
  if (!entryDir && RENDERERS.includes('gongkai-entry')) {
    shipped = makeShippedApp();
    entryDir = join(shipped.work, 'entry');
    await viteBenchEntry(shipped.app, entryDir);
  }
  const data = await prepare(entryDir);
  if (shipped) rmSync(shipped.work, { recursive: true, force: true });
  const w2Counts = countItems(data.w2.doc.functional);

  let server;
  let browser;
  const raw = { loads: LOADS, viewport: VIEWPORT, startedAt: new Date().toISOString(), sizes: {}, results: {} };
  try {
    server = await serve();
    const origin = `http://127.0.0.1:${server.address().port}`;
    browser = await launchChromium();
    raw.browser = browser.version();

    const only = process.env.BENCH_ONLY?.split(',');
    for (const [workload, spec] of Object.entries(WORKLOADS)) {
      if (only && !only.includes(workload)) continue;
      const jobs = spec.renderers.map((renderer) => ({ key: renderer, renderer, mode: 'render' }));
      if (spec.validate) jobs.push({ key: 'gongkai-validate', renderer: 'gongkai', mode: 'validate' });
      const results = Object.fromEntries(jobs.map((job) => [job.key, []]));
      // One discarded warm-up load each, then LOADS rounds, renderers interleaved
      // so that drift in the machine's speed spreads over all of them. A renderer
      // that fails its warm-up (a gk-error, a page error) is reported once and not
      // loaded again; one that fails three loads in a row is dropped as well.
      // The peers draw into the box <gk-budget> drew in (it comes first), so a
      // change in the element's layout never makes the comparison unequal.
      const failing = new Map();
      let size;
      for (let round = -1; round < LOADS; round++) {
        for (const job of jobs) {
          if ((failing.get(job.key) ?? 0) >= 3) continue;
          const result = await loadOnce(
            browser,
            origin,
            job.renderer,
            workload,
            job.mode,
            OURS.includes(job.renderer) ? undefined : size,
          );
          if (job.key === 'gongkai' && !size) {
            const drawn = /^(\d+)×(\d+)$/.exec(result.first?.chart ?? '');
            if (drawn) size = raw.sizes[workload] = `${drawn[1]}x${drawn[2]}`;
          }
          if (result.error) failing.set(job.key, round < 0 ? 3 : (failing.get(job.key) ?? 0) + 1);
          else failing.set(job.key, 0);
          if (round >= 0 || result.error) results[job.key].push(result);
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

  // Saved before the report, so that a report that fails can be printed again (--report).
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'render-results.json'), `${JSON.stringify(raw, null, 1)}\n`);
  report(raw, w2Counts);
  writeFileSync(join(tmp, 'render-results.json'), `${JSON.stringify(raw, null, 1)}\n`);
  console.log(`\nraw numbers: .tmp/bench/render-results.json (${raw.seconds.toFixed(0)} s in all)`);
}

function summarize(results, phase, metric) {
  const ok = results.filter((r) => !r.error && typeof r[phase]?.[metric] === 'number');
  return stats(ok.map((r) => r[phase][metric]));
}

const ratio = (a, b) => (a && b ? `${(a.median / b.median).toFixed(2)}×` : '—');

function report(raw, w2Counts) {
  const summary = {};
  const cpuHeads = CPU ? ['CPU render, ms', '× d3', 'CPU from start, ms', '× d3', 'start-up, ms'] : [];
  const rows = [
    [
      'workload',
      'renderer',
      'to first paint, ms',
      '× d3',
      'settled, ms',
      'script, ms',
      'script+layout, ms',
      ...cpuHeads,
      'drawn / DOM nodes',
      'errors',
    ],
  ];
  const phases = [
    ['w1', 'first', 'W1 20 bars'],
    ['w2', 'first', 'W2 treemap, first'],
    ['w2', 'update', 'W2 treemap, update'],
    ['w3', 'first', 'W3 10 yrs × 30 lines'],
  ];
  const problems = [];
  const boxes = {};
  for (const [workload, phase, title] of phases) {
    const results = raw.results[workload] ?? {};
    const floor = {
      paint: summarize(results.d3 ?? [], phase, 'paint'),
      cpu: summarize(results.d3 ?? [], phase, 'cpu'),
      fromStart: summarize(results.d3 ?? [], phase, 'fromStart'),
    };
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
      const pick = (metric) => summarize(list, phase, metric);
      const [paint, settled, ready, layout, rerenders, cpu, fromStart, startUpMs] = [
        'paint',
        'settled',
        'ready',
        'layout',
        'rerenders',
        'cpu',
        'fromStart',
        'startUp',
      ].map(pick);
      const errors = list.filter((r) => r.error);
      const sample = list.find((r) => r[phase])?.[phase] ?? {};
      const drawn = [
        sample.drawn,
        sample.domNodes !== undefined ? `${sample.domNodes} nodes` : undefined,
        rerenders?.max
          ? `DOM changed in ${rerenders.median} more frame${rerenders.median === 1 ? '' : 's'} (max ${rerenders.max})`
          : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      const cpuColumns = CPU
        ? [spread(cpu), ratio(cpu, floor.cpu), spread(fromStart), ratio(fromStart, floor.fromStart), spread(startUpMs)]
        : [];
      rows.push([
        first ? title : '',
        LABEL[renderer],
        spread(paint),
        ratio(paint, floor.paint),
        spread(settled),
        spread(ready),
        spread(layout),
        ...cpuColumns,
        drawn,
        errors.length ? `${errors.length}/${list.length}` : '',
      ]);
      first = false;
      summary[`${workload}.${phase}.${renderer}`] = {
        paint,
        settled,
        ready,
        layout,
        rerenders,
        ...(cpu ? { cpu } : {}),
        ...(fromStart ? { fromStart } : {}),
        ...(startUpMs ? { startUp: startUpMs } : {}),
      };
      if (phase === 'first') {
        for (const r of list)
          if (r.first?.chart)
            (boxes[workload] ??= new Map()).set(r.first.chart.replace(' canvas', ''), [
              ...new Set([...(boxes[workload].get(r.first.chart.replace(' canvas', '')) ?? []), LABEL[renderer]]),
            ]);
      }
      if (list.some((r) => r[phase]?.finishedSync === false))
        problems.push({
          workload,
          renderer,
          error: `'finished' came after setOption returned in ${phase} (the timing then includes waiting for ECharts' own frame)`,
        });
      for (const error of errors.slice(0, 1))
        problems.push({ workload, renderer, error: error.error, messages: error.messages, console: error.console });
    }
  }
  console.log(
    `${raw.browser ? `Chromium ${raw.browser}, ` : ''}${raw.loads} fresh page loads each (+1 discarded warm-up), viewport ${raw.viewport.width}×${raw.viewport.height}; median (min–max)`,
  );
  console.log(
    'to first paint = from handing the data over to just after the next rendered frame (includes the wait for that frame);',
  );
  console.log(
    "settled = to just after the last frame in which the chart's DOM still changed (= first paint when it did not);",
  );
  console.log(
    'script = until the renderer says it has rendered; script+layout = that plus forced style and layout. × d3 = ratio of medians.',
  );
  if (CPU) {
    console.log(
      "CPU render = main-thread CPU from handing the data over to first paint; CPU from start = main-thread CPU from the page's start (module",
    );
    console.log(
      "compile and evaluation, page and data parsing, the page's first paint) to the chart's first paint; start-up = of that, the",
    );
    console.log("main-thread compile + evaluation of the page's modules before the first render.");
  }
  console.log('');
  console.log(table(rows));
  console.log(
    `\nchart boxes (the peers draw into the size <gk-budget> drew in its warm-up load): ${
      Object.entries(raw.sizes)
        .map(([w, size]) => `${w.toUpperCase()} ${size.replace('x', '×')}`)
        .join(', ') || 'none measured, fallback sizes'
    }`,
  );
  const drawnBoxes = Object.entries(boxes).map(([w, sizes]) =>
    sizes.size === 1
      ? `${w.toUpperCase()} ${[...sizes.keys()][0]} (all)`
      : `${w.toUpperCase()} ${[...sizes].map(([size, who]) => `${size} (${who.join(', ')})`).join(' / ')}`,
  );
  console.log(`  as drawn (after settling): ${drawnBoxes.join('; ')}`);

  targets(raw, summary, w2Counts);

  // Long tasks and validation.
  const w2 = raw.results.w2 ?? {};
  for (const ours of OURS) {
    const gkLoads = (w2[ours] ?? []).filter((r) => !r.error && r.first);
    if (!gkLoads.length) continue;
    const firstMax = gkLoads.map((r) => longestIn(r.longTasks, r.first.from, r.first.to));
    const updateMax = gkLoads.map((r) => (r.update ? longestIn(r.longTasks, r.update.from, r.update.to) : 0));
    const pageMax = gkLoads.map((r) => Math.max(0, ...(r.longTasks ?? []).map((t) => t.duration)));
    const worst = Math.max(...firstMax, ...updateMax);
    const shown = (values) => {
      const worst = Math.max(...values);
      if (worst === 0) return 'none ≥ 50 ms';
      const typical = median(values);
      return `median ${typical === 0 ? '< 50' : ms(typical)}, max ${ms(worst)} ms (${values.filter((v) => v > 0).length}/${values.length} loads had one)`;
    };
    console.log(
      `\nlong tasks during ${LABEL[ours]} W2 (PerformanceObserver 'longtask', ${gkLoads.length} loads; only tasks ≥ 50 ms are reported):`,
    );
    console.log(`  first render (validate + render + paint, until settled): ${shown(firstMax)}`);
    console.log(`  update: ${shown(updateMax)}`);
    console.log(`  whole page incl. loading the modules: ${shown(pageMax)}`);
    console.log(
      `  longest task while validating and rendering 2,000 items: ${worst === 0 ? '< 50 ms' : `${ms(worst)} ms`} → ${worst > LONG_TASK_LIMIT ? `OVER ${LONG_TASK_LIMIT} ms` : `within ${LONG_TASK_LIMIT} ms`}`,
    );
    if (gkLoads.some((r) => r.longTaskError))
      console.log(`  (long-task observer unavailable: ${gkLoads.find((r) => r.longTaskError).longTaskError})`);
    if (ours === OURS[0]) {
      for (const renderer of [...PEERS, 'd3']) {
        const loads = (w2[renderer] ?? []).filter((r) => !r.error && r.first);
        if (loads.length)
          console.log(
            `  for comparison, ${LABEL[renderer]} first render: ${shown(loads.map((r) => longestIn(r.longTasks, r.first.from, r.first.to)))}`,
          );
      }
    }
  }
  const validations = (w2['gongkai-validate'] ?? []).filter((r) => r.validate);
  if (validations.length) {
    const invalid = validations.filter((r) => !r.validate.ok);
    console.log(
      `\nvalidate(budgetSchema, doc) alone, 2,000-item document, in the page (one-file bundle): cold ${spread(stats(validations.map((r) => r.validate.cold)))} ms, warm (second call) ${spread(stats(validations.map((r) => r.validate.warm)))} ms${invalid.length ? ` — INVALID: ${invalid[0].validate.messages.slice(0, 3).join(' | ')}${invalid[0].validate.messages.length > 3 ? ' …' : ''}` : ', valid'}`,
    );
  }

  if (problems.length) {
    console.log('\nproblems:');
    for (const problem of problems) {
      console.log(`  ${problem.workload} ${LABEL[problem.renderer]}: ${problem.error}`);
      for (const message of (problem.messages ?? []).slice(0, 20)) console.log(`    ${message}`);
      if ((problem.messages?.length ?? 0) > 20) console.log(`    … and ${problem.messages.length - 20} more`);
      if (!problem.messages?.length)
        for (const line of problem.console ?? []) console.log(`    console ${line.split('\n')[0]}`);
    }
  }
  raw.summary = summary;
}

/** Start-up of one-file bundle / entry (in any workload's first loads: the same modules), and the issues' speed targets. */
const STARTUP_TARGET = { gongkai: 10, 'gongkai-entry': 7 };
const W2_FLOOR_TARGET = 1.5;

function targets(raw, summary, w2Counts) {
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  console.log(
    `\ntargets (medians, one run; CPU = main-thread CPU, "chart CPU" = from the page's start to the chart's first paint):`,
  );
  if (CPU) {
    for (const ours of OURS) {
      const loads = Object.values(raw.results).flatMap((results) =>
        (results[ours] ?? []).filter((r) => r.first?.startUp !== undefined),
      );
      const startUpMs = stats(loads.map((r) => r.first.startUp));
      if (startUpMs)
        console.log(
          `  ${LABEL[ours]}: module compile + evaluation before the first render ${spread(startUpMs)} ms (target ≤ ${STARTUP_TARGET[ours]} ms: ${verdict(startUpMs.median <= STARTUP_TARGET[ours])})`,
        );
    }
    for (const [workload, title] of [
      ['w1', 'W1'],
      ['w2', 'W2'],
      ['w3', 'W3'],
    ]) {
      for (const ours of OURS) {
        const mine = summary[`${workload}.first.${ours}`]?.fromStart;
        if (!mine) continue;
        const behind = PEERS.filter((peer) => summary[`${workload}.first.${peer}`]?.fromStart?.median <= mine.median);
        const against = PEERS.filter((peer) => summary[`${workload}.first.${peer}`]?.fromStart).map(
          (peer) => `${LABEL[peer].split(' (')[0]} ${ms(summary[`${workload}.first.${peer}`].fromStart.median)}`,
        );
        console.log(
          `  ${title} chart CPU, ${LABEL[ours]}: ${ms(mine.median)} ms vs ${against.join(', ')} → ahead of every peer: ${behind.length ? `NO (not ahead of ${behind.map((p) => LABEL[p]).join(', ')})` : 'yes'}`,
        );
      }
    }
    for (const ours of OURS) {
      const mine = summary[`w2.first.${ours}`]?.fromStart;
      const floor = summary['w2.first.d3']?.fromStart;
      if (mine && floor)
        console.log(
          `  W2 first render (${w2Counts.leaves.toLocaleString('en')} leaves) / d3 floor, chart CPU, ${LABEL[ours]}: ${ms(mine.median)} / ${ms(floor.median)} ms = ${(mine.median / floor.median).toFixed(2)}× (target ≤ ${W2_FLOOR_TARGET}×: ${verdict(mine.median / floor.median <= W2_FLOOR_TARGET)})`,
        );
      const render = summary[`w2.first.${ours}`]?.cpu;
      const floorRender = summary['w2.first.d3']?.cpu;
      if (render && floorRender)
        console.log(
          `    the render alone (CPU render): ${ms(render.median)} / ${ms(floorRender.median)} ms = ${(render.median / floorRender.median).toFixed(2)}×`,
        );
    }
  }
  const gk = summary['w2.first.gongkai']?.paint;
  const d3 = summary['w2.first.d3']?.paint;
  if (gk && d3)
    console.log(
      `  W2 to first paint (wall clock), one-file bundle / d3 floor: ${ms(gk.median)} / ${ms(d3.median)} ms = ${(gk.median / d3.median).toFixed(2)}×`,
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--report') {
  // Prints the tables again from a saved run: node scripts/bench/render.mjs --report [file]
  const raw = JSON.parse(readFileSync(process.argv[3] ?? join(tmp, 'render-results.json'), 'utf8'));
  const data = allData();
  report(raw, countItems(data.w2.doc.functional));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runRenderBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
