#!/usr/bin/env node
/**
 * `pnpm bench`: size and speed budgets, measured, never asserted in tests.
 * Prints the gzip size of the one-file bundle and of each per-element entry built
 * standalone with every dependency it needs, and what the bytes are made of; then
 * the render bench against peers (bench/render.mjs), the 3 MB budget, the 50,000-item
 * catalogue, core's maskText (bench/deidentify.mjs), and gongkai-server's submissions
 * per second (server-bench.mjs). BENCH_ONLY (comma-separated) runs only some of the
 * speed half: w1, w2, w3 (render), large, catalogue, deidentify, server.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ELEMENT_ENTRIES } from './build.mjs';
import { browserPlugins } from './esbuild-plugins.mjs';
import { runRenderBench } from './bench/render.mjs';
import { runLargeBench } from './bench/large.mjs';
import { runCatalogueBench } from './bench/catalogue.mjs';
import { runDeidentifyBench } from './bench/deidentify.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Size budgets in gzip KB, from the issues (the explainer's and the one file's from issue 13, Markdown as Lit templates). */
const BUDGETS = { budget: 40, explainer: 55 };
const ONE_FILE_BUDGET = 96;

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;

async function standalone(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    legalComments: 'none',
    // Module scripts are always decoded as UTF-8: Chinese text stays 3 bytes a character instead of a 6-byte \\u escape.
    charset: 'utf8',
    target: ['es2020', 'chrome80', 'safari15', 'firefox78'],
    tsconfig: join(root, 'tsconfig.base.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: 'out.js',
    plugins: browserPlugins(),
    logLevel: 'error',
  });
  const output = result.outputFiles[0].contents;
  const byPackage = new Map();
  for (const [file, info] of Object.entries(result.metafile.outputs['out.js'].inputs)) {
    const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file);
    const name = match ? match[1] : file.split('/').slice(0, 2).join('/');
    byPackage.set(name, (byPackage.get(name) ?? 0) + info.bytesInOutput);
  }
  return { min: output.length, gzip: gzip(output), byPackage };
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  return rows.map((row) => row.map((cell, i) => String(cell).padEnd(widths[i])).join('  ')).join('\n');
}

async function main() {
  console.log('gongkai bench — sizes (gzip -9)\n');
  const bundlePath = join(root, 'packages/gongkai/dist/gongkai.js');
  const bundle = readFileSync(bundlePath);
  const rows = [['entry', 'minified', 'gzip', 'budget']];
  rows.push(['gongkai.js (one file, every element)', kb(bundle.length), kb(gzip(bundle)), `${ONE_FILE_BUDGET} KB ${gzip(bundle) / 1024 <= ONE_FILE_BUDGET ? 'ok' : 'OVER'}`]);

  const details = [];
  for (const [name, entry] of Object.entries(ELEMENT_ENTRIES)) {
    const size = await standalone(entry);
    const budget = BUDGETS[name];
    const verdict = budget ? `${budget} KB ${size.gzip / 1024 <= budget ? 'ok' : 'OVER'}` : '—';
    rows.push([`gongkai/${name} (standalone)`, kb(size.min), kb(size.gzip), verdict]);
    details.push([name, size.byPackage]);
  }
  // English is an optional module (the one-file bundle includes it): shown as what it adds.
  const english = await standalone(join(root, 'packages/core/src/translations/en.ts'));
  rows.push(['gongkai/en (optional, adds)', kb(english.min), kb(english.gzip), '—']);
  console.log(table(rows));

  for (const [name, byPackage] of details) {
    console.log(`\nwhat gongkai/${name} is made of (minified bytes before gzip):`);
    const sorted = [...byPackage.entries()].sort((a, b) => b[1] - a[1]);
    console.log(table(sorted.map(([pkg, bytes]) => [`  ${pkg}`, kb(bytes)])));
  }

  // Speed: <gk-budget> against ECharts, Chart.js and a hand-written d3 floor in headless Chromium.
  // `pnpm bench --sizes` stops here (a few seconds instead of two minutes).
  if (process.argv.includes('--sizes')) return;
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim().toLowerCase());
  const wanted = (...names) => !only || names.some((name) => only.includes(name));
  if (wanted('w1', 'w2', 'w3')) await runRenderBench();
  if (wanted('large')) await runLargeBench();
  if (wanted('catalogue')) await runCatalogueBench();
  if (wanted('deidentify')) await runDeidentifyBench();
  if (!wanted('server')) return;
  // The receiver: autocannon against gongkai-server with SQLite and with PostgreSQL (issue 7).
  console.log('\ngongkai bench — gongkai-server submissions (autocannon)\n');
  const server = spawnSync(process.execPath, [join(root, 'scripts/server-bench.mjs')], { cwd: root, stdio: 'inherit' });
  if (server.status !== 0) console.log(`server bench: exit ${server.status ?? server.signal} (see above)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
