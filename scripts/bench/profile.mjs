#!/usr/bin/env node
/**
 * Where one renderer's first render spends the main thread: the render bench's
 * page (./render.mjs, ./peers/harness.mjs) loaded N times with Chromium's
 * tracing on (the CPU profiler's samples and the renderer's own events), and
 * everything between the harness's `bench-t0` and `bench-painted` marks added up:
 *
 *   - Blink's phases: style (UpdateLayoutTree), layout, pre-paint, paint, GC, and
 *     script (V8 samples), in ms of the window;
 *   - script self time by source module and by function, and total (inclusive)
 *     time by function, from the samples.
 *
 * <gk-budget> is profiled from a one-file bundle built like dist/gongkai.js but
 * not minified (names and module comments are readable; --minified profiles the
 * shipped file). Not a benchmark: the sampler adds overhead; the bench
 * (`BENCH_ONLY=w2 pnpm bench`) measures the effect of a change.
 *
 *   node scripts/bench/profile.mjs [--workload w2] [--renderer gongkai] [--loads 8] [--top 30] [--minified]
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oneFile } from '../build.mjs';
import { launchChromium } from './chromium.mjs';
import { option } from './option.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORKLOAD = option('workload', 'w2');
const RENDERER = option('renderer', 'gongkai');
const LOADS = Number(option('loads', 8));
const TOP = Number(option('top', 30));
const MINIFIED = process.argv.includes('--minified');
/** Without the sampler: its code logging makes cold JavaScript look costlier than it is; the event self times stay honest. */
const SAMPLES = !process.argv.includes('--no-samples');

const CATEGORIES = [
  'toplevel',
  'v8',
  'blink',
  'blink.user_timing',
  'devtools.timeline',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.runtime_stats',
  'disabled-by-default-devtools.timeline',
  ...(SAMPLES ? ['disabled-by-default-v8.cpu_profiler'] : []),
].join(',');
/** Blink's events counted as phases (their own time, without nested events of the same list). */
const PHASES = {
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  'V8.GC_SCAVENGER': 'GC',
  MinorGC: 'GC',
  MajorGC: 'GC',
  'V8.GC_MARK_COMPACTOR': 'GC',
  ParseHTML: 'parse HTML',
};

async function profileBundle() {
  const dir = join(root, '.tmp', 'profile');
  mkdirSync(dir, { recursive: true });
  await build({ ...oneFile(), minify: false, outfile: join(dir, 'gongkai.js') });
  return dir;
}

/** For an unminified esbuild bundle: line → the source module its `// path` comment names. */
function moduleLines(file) {
  if (!existsSync(file)) return () => '?';
  const starts = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const match = /^\/\/ ((?:packages|node_modules)\/\S+)$/.exec(line);
      if (match) starts.push([i, match[1].replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')]);
    });
  return (line) => {
    let found = '?';
    for (const [start, name] of starts) {
      if (start > line) break;
      found = name;
    }
    return found;
  };
}

async function traceOnce(browser, origin, viewport) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (message) => events.push(...message.value));
    const complete = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(`${origin}/${RENDERER}.html?w=${WORKLOAD}&mode=render`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__result !== undefined, undefined, { timeout: 30_000, polling: 50 });
    const result = await page.evaluate(() => window.__result);
    await cdp.send('Tracing.end');
    await complete;
    if (result.error) throw new Error(`${RENDERER} ${WORKLOAD}: ${result.error}`);
    return events;
  } finally {
    await context.close();
  }
}

function analyse(events, totals, moduleOf) {
  const t0 = events.find((e) => e.name === 'bench-t0');
  const painted = events.find((e) => e.name === 'bench-painted');
  const within = (ts) => ts >= t0.ts && ts <= painted.ts;
  const { pid, tid } = t0;
  totals.window += (painted.ts - t0.ts) / 1000;

  // Blink phases: self time of the outermost event of each phase inside the window.
  const phaseEvents = events
    .filter((e) => e.ph === 'X' && e.tid === tid && e.pid === pid && PHASES[e.name] && within(e.ts))
    .sort((a, b) => a.ts - b.ts);
  let coveredUntil = 0;
  for (const e of phaseEvents) {
    if (e.ts < coveredUntil) continue; // nested in one already counted
    coveredUntil = e.ts + e.dur;
    const phase = PHASES[e.name];
    totals.phases[phase] = (totals.phases[phase] ?? 0) + e.dur / 1000;
  }

  // Every trace event's self time (its thread time less that of the events nested in it) by name.
  const mine = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.tid === tid &&
        e.pid === pid &&
        e.ts + e.dur > t0.ts &&
        e.ts < painted.ts &&
        e.name !== 'ThreadControllerImpl::RunTask',
    )
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  for (const e of mine) {
    while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
    const own = (e.tdur ?? e.dur) / 1000;
    totals.events.set(e.name, (totals.events.get(e.name) ?? 0) + own);
    if (stack.length) {
      const parent = stack[stack.length - 1];
      totals.events.set(parent.name, totals.events.get(parent.name) - own);
    }
    stack.push(e);
  }

  // The CPU profile: a Profile event, then chunks of nodes, samples and time deltas (trace clock, µs).
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return;
  const nodes = new Map();
  let ts = profile.args.data.startTime;
  for (const chunk of events
    .filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id)
    .sort((a, b) => a.ts - b.ts)) {
    const data = chunk.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      ts += deltas[i] ?? 0;
      const next = ts + (deltas[i + 1] ?? 0);
      if (!within(ts)) continue;
      const ms = Math.max(0, Math.min(next, painted.ts) - ts) / 1000;
      let node = nodes.get(samples[i]);
      const leaf = node && label(node, moduleOf);
      if (leaf) {
        totals.self.set(leaf.fn, (totals.self.get(leaf.fn) ?? 0) + ms);
        totals.modules.set(leaf.module, (totals.modules.get(leaf.module) ?? 0) + ms);
        totals.sampled += ms;
      }
      const seen = new Set();
      while (node) {
        const { fn } = label(node, moduleOf);
        if (!seen.has(fn)) {
          seen.add(fn);
          totals.total.set(fn, (totals.total.get(fn) ?? 0) + ms);
        }
        node = node.parent !== undefined ? nodes.get(node.parent) : undefined;
      }
    }
  }
}

function label(node, moduleOf) {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? url.split('/').pop() : '';
  const module = url ? (url.endsWith('/gongkai.js') ? moduleOf(lineNumber) : file) : `(${functionName || 'native'})`;
  return { fn: `${functionName || '(anonymous)'} ${url ? `${module}:${lineNumber + 1}` : ''}`.trim(), module };
}

function print(title, map, loads, limit = TOP) {
  console.log(`\n${title} (ms per load)`);
  for (const [name, ms] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit))
    console.log(`  ${(ms / loads).toFixed(2).padStart(7)}  ${name}`);
}

async function main() {
  // The render bench reads which renderers to build from the environment when it is imported.
  process.env.BENCH_RENDERERS = [RENDERER, 'd3'].join(',');
  const { prepare, serve, VIEWPORT } = await import('./render.mjs');
  await prepare();
  const bundleDir = MINIFIED ? undefined : await profileBundle();
  const moduleOf = moduleLines(join(bundleDir ?? join(root, 'packages/gongkai/dist'), 'gongkai.js'));
  const server = await serve(bundleDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium();
  const totals = {
    window: 0,
    sampled: 0,
    phases: {},
    events: new Map(),
    self: new Map(),
    total: new Map(),
    modules: new Map(),
  };
  try {
    await traceOnce(browser, origin, VIEWPORT); // warm-up, discarded
    for (let i = 0; i < LOADS; i++) analyse(await traceOnce(browser, origin, VIEWPORT), totals, moduleOf);
  } finally {
    await browser.close();
    server.close();
  }
  console.log(
    `${RENDERER} ${WORKLOAD}, first render, ${LOADS} loads${MINIFIED ? ' (shipped, minified)' : ' (unminified build of the same sources)'}`,
  );
  console.log(
    `window bench-t0 → bench-painted: ${(totals.window / LOADS).toFixed(1)} ms per load; JS samples in it: ${(totals.sampled / LOADS).toFixed(1)} ms`,
  );
  console.log('Blink phases (outermost events), ms per load:');
  for (const [phase, ms] of Object.entries(totals.phases).sort((a, b) => b[1] - a[1]))
    console.log(`  ${(ms / LOADS).toFixed(2).padStart(7)}  ${phase}`);
  print('trace events by self (thread) time', totals.events, LOADS, 25);
  if (!SAMPLES) return;
  print('self time by module', totals.modules, LOADS, 25);
  print('self time by function', totals.self, LOADS);
  print('total (inclusive) time by function', totals.total, LOADS);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
