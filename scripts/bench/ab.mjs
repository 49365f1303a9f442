#!/usr/bin/env node
/**
 * A/B of one-file bundles on one render-bench workload, for judging a change
 * before the full bench: loads alternate between the bundles (so the machine's
 * drift spreads over both), each traced like the bench does, and the main
 * thread's CPU is compared: the render alone (`bench-t0` → `bench-painted`) and
 * from the page's start (chart CPU). Medians, quartiles and the ratio B/A.
 *
 *   node scripts/bench/ab.mjs --save NAME      build the current sources' one-file bundle (as pnpm build does) into .tmp/ab/NAME
 *   node scripts/bench/ab.mjs A B [--workload w2] [--loads 21]
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyAgain, oneFile } from '../build.mjs';
import { launchChromium } from './chromium.mjs';
import { option } from './option.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dirOf = (name) => join(root, '.tmp', 'ab', name);

async function save(name) {
  mkdirSync(dirOf(name), { recursive: true });
  // build.mjs's own steps for dist/gongkai.js: esbuild with the one-file options, then terser.
  const outfile = join(dirOf(name), 'gongkai.js');
  await build({ ...oneFile(), outfile, sourcemap: 'linked' });
  await minifyAgain(outfile);
  console.log(`saved .tmp/ab/${name}/gongkai.js`);
}

async function compare(names) {
  const workload = option('workload', 'w2');
  const loads = Number(option('loads', 21));
  for (const name of names)
    if (!existsSync(join(dirOf(name), 'gongkai.js')))
      throw new Error(`no .tmp/ab/${name}/gongkai.js: run --save ${name} first`);
  process.env.BENCH_RENDERERS = 'gongkai,d3';
  const { VIEWPORT, mainThreadCpu, prepare, serve, startUp } = await import('./render.mjs');
  await prepare();
  const servers = await Promise.all(names.map((name) => serve(dirOf(name))));
  const browser = await launchChromium();
  const results = names.map(() => ({ render: [], fromStart: [] }));
  try {
    for (let round = -1; round < loads; round++) {
      for (let i = 0; i < names.length; i++) {
        const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        const events = [];
        cdp.on('Tracing.dataCollected', (message) => events.push(...message.value));
        const complete = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
        await cdp.send('Tracing.start', { categories: 'toplevel,v8,blink.user_timing', transferMode: 'ReportEvents' });
        await page.goto(`http://127.0.0.1:${servers[i].address().port}/gongkai.html?w=${workload}&mode=render`, {
          waitUntil: 'load',
        });
        await page.waitForFunction(() => window.__result !== undefined, undefined, { timeout: 30_000, polling: 50 });
        const result = await page.evaluate(() => window.__result);
        await cdp.send('Tracing.end');
        await complete;
        await context.close();
        if (result.error) throw new Error(`${names[i]}: ${result.error}`);
        if (round < 0) continue; // one warm-up load each
        results[i].render.push(mainThreadCpu(events)[0]);
        results[i].fromStart.push(startUp(events).fromStart);
      }
    }
  } finally {
    await browser.close();
    for (const server of servers) server.close();
  }
  const quartiles = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
  };
  console.log(`${workload}, ${loads} loads each, alternating; main-thread CPU ms, median [q1–q3]`);
  for (const metric of ['render', 'fromStart']) {
    const [a, ...rest] = results.map((r) => quartiles(r[metric]));
    const line = [a, ...rest]
      .map((q, i) => `${names[i]} ${q.median.toFixed(1)} [${q.q1.toFixed(1)}–${q.q3.toFixed(1)}]`)
      .join('   ');
    console.log(
      `  ${metric === 'render' ? 'CPU render    ' : 'CPU from start'}  ${line}   ${rest.map((q, i) => `${names[i + 1]}/${names[0]} ${(q.median / a.median).toFixed(3)}`).join(' ')}`,
    );
  }
}

const saveAs = option('save');
(saveAs
  ? save(saveAs)
  : compare(process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--')))
).catch((error) => {
  console.error(error);
  process.exit(1);
});
