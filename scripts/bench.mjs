#!/usr/bin/env node
/**
 * `pnpm bench`: size and speed budgets, measured on what users get, never asserted in tests.
 * Sizes: the one-file bundle as built, and per element what a user's Vite build
 * ships for a page importing `gongkai/<name>` from the packed packages (the
 * consumer app, ./bench/shipped.mjs), with what the bytes are made of; what is
 * fetched only on demand (the provenance block) on its own line. Then each
 * one's module start-up in Chromium (bench/startup.mjs), the render bench against
 * peers (bench/render.mjs), the 3 MB budget, the 50,000-item catalogue, core's
 * maskText (bench/deidentify.mjs), the studio (bench/studio.mjs), and gongkai-server's
 * submissions per second (server-bench.mjs). `pnpm bench --sizes` stops after the sizes. BENCH_ONLY
 * (comma-separated) runs only some of the speed half: startup, w1, w2, w3
 * (render), large, catalogue, deidentify, studio, server; and `instances`
 * (bench/instances.mjs: 50 organisations, one and two servers on one PostgreSQL) runs only when named.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runRenderBench } from './bench/render.mjs';
import { runLargeBench } from './bench/large.mjs';
import { runCatalogueBench } from './bench/catalogue.mjs';
import { runStudioBench } from './bench/studio.mjs';
import { runDeidentifyBench } from './bench/deidentify.mjs';
import {
  BUNDLE,
  bundleBytes,
  bundleOnDemandBytes,
  gzip,
  makeShippedApp,
  MEASURED,
  viteBenchEntry,
  viteSizes,
} from './bench/shipped.mjs';
import { runStartupBench, STARTUP_TARGETS } from './bench/startup.mjs';
import { ELEMENTS, KINDS } from './entries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Size budgets in gzip KB, from the issues: gongkai/budget as Vite ships it (3 and 14);
 * the explainer and the one file (13, Markdown as Lit templates).
 */
const BUDGETS = { budget: 42, explainer: 55 };
const ONE_FILE_BUDGET = 96;

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

/** Which other kinds' messages (and so schemas) and which Markdown code a build's text holds. */
const KIND_MARKERS = Object.fromEntries(KINDS.map(({ kind, prefix }) => [kind, prefix]));
function holds(text) {
  const kinds = Object.entries(KIND_MARKERS)
    .filter(([, prefix]) => new RegExp(`["'\`]${prefix}\\.[A-Za-z]+["'\`]:`).test(text))
    .map(([kind]) => kind);
  // marked's block grammar; its HTML renderer (cut by markedLexerOnly) would show as the second.
  const markdown = [
    text.includes('blockquoteStart') && 'marked lexer',
    text.includes('<pre><code class="language-') && "marked's Renderer",
  ].filter(Boolean);
  return `kinds: ${kinds.join(', ') || 'none'}; Markdown: ${markdown.join(', ') || 'none'}`;
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  return rows.map((row) => row.map((cell, i) => String(cell).padEnd(widths[i])).join('  ')).join('\n');
}

async function main() {
  console.log(`gongkai bench — sizes (gzip -9)${process.env.BENCH_FROM ? `, measuring ${MEASURED}` : ''}\n`);
  const bundle = bundleBytes();
  const shipped = makeShippedApp();
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim().toLowerCase());
  const wanted = (...names) => !only || names.some((name) => only.includes(name));
  try {
    const sizes = await viteSizes(shipped.app);
    const verdict = (gzipBytes, budget) =>
      budget ? `${budget} KB ${gzipBytes / 1024 <= budget ? 'ok' : 'OVER'}` : '—';
    const rows = [['what the user loads', 'minified', 'gzip', 'budget', 'holds']];
    rows.push([
      'gongkai.js (one file, every element)',
      kb(bundle.length),
      kb(gzip(bundle)),
      verdict(gzip(bundle), ONE_FILE_BUDGET),
      holds(bundle.toString('utf8')),
    ]);
    // Fetched by gongkai.js, and by each entry's chunk, only under a document published by gongkai-server.
    const onDemand = bundleOnDemandBytes();
    if (onDemand)
      rows.push(['  + gongkai-provenance.js (on demand)', kb(onDemand.length), kb(gzip(onDemand)), '—', '']);
    for (const { name } of ELEMENTS) {
      const size = sizes[name];
      rows.push([
        `gongkai/${name} (Vite build${size.files > 1 ? `, ${size.files} files` : ''})`,
        kb(size.min),
        kb(size.gzip),
        verdict(size.gzip, BUDGETS[name]),
        holds(size.text),
      ]);
      if (size.onDemand.files)
        rows.push([
          `  + on demand (${size.onDemand.files} file${size.onDemand.files > 1 ? 's' : ''})`,
          kb(size.onDemand.min),
          kb(size.onDemand.gzip),
          '—',
          '',
        ]);
    }
    // English is an optional module (the one-file bundle includes it): built alone, it holds i18n too.
    rows.push(['gongkai/en (Vite build, alone)', kb(sizes.en.min), kb(sizes.en.gzip), '—', '']);
    console.log(table(rows));

    for (const { name } of ELEMENTS) {
      console.log(`\nwhat gongkai/${name} is made of (bytes by package as Vite rendered them, before minifying):`);
      const sorted = [...sizes[name].byPackage.entries()].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
      console.log(table(sorted.map(([pkg, bytes]) => [`  ${pkg}`, kb(bytes)])));
    }

    // Speed: <gk-budget> (bundle and Vite-built entry) against the peers in headless Chromium.
    // `pnpm bench --sizes` stops here (seconds instead of minutes).
    if (process.argv.includes('--sizes')) return;
    // Start-up: each of those Vite builds, and the one-file bundle, alone on a page.
    const modules = { 'gongkai.js (one-file bundle)': BUNDLE };
    const targets = { 'gongkai.js (one-file bundle)': STARTUP_TARGETS.bundle };
    for (const { name } of ELEMENTS) {
      modules[`gongkai/${name} (Vite build)`] = join(shipped.app, 'dist-sizes', name, `${name}.js`);
      targets[`gongkai/${name} (Vite build)`] = STARTUP_TARGETS.entry;
    }
    if (wanted('startup')) await runStartupBench(modules, targets);
    if (wanted('w1', 'w2', 'w3')) {
      const entryDir = join(shipped.work, 'entry');
      await viteBenchEntry(shipped.app, entryDir);
      await runRenderBench({ entryDir });
    }
  } finally {
    rmSync(shipped.work, { recursive: true, force: true });
  }
  if (wanted('large')) await runLargeBench();
  if (wanted('catalogue')) await runCatalogueBench();
  if (wanted('deidentify')) await runDeidentifyBench();
  // The editors' studio: first load, lint and preview after a keystroke on 2,000 items, importing a 2,000-row workbook.
  if (wanted('studio')) await runStudioBench();
  if (wanted('server')) {
    // The receiver: autocannon against gongkai-server with SQLite and with PostgreSQL (issue 7).
    console.log('\ngongkai bench — gongkai-server submissions (autocannon)\n');
    const server = spawnSync(process.execPath, [join(root, 'scripts/server-bench.mjs')], {
      cwd: root,
      stdio: 'inherit',
    });
    if (server.status !== 0) console.log(`server bench: exit ${server.status ?? server.signal} (see above)`);
  }
  // Opt-in (it starts a cluster and three servers, about a minute): 50 organisations, one
  // instance and then two on one PostgreSQL (issue 19). BENCH_ONLY=instances.
  if (only?.includes('instances')) {
    console.log(
      '\ngongkai bench — a platform of 50 organisations, one and two instances on one PostgreSQL (autocannon)\n',
    );
    const instances = spawnSync(process.execPath, [join(root, 'scripts/bench/instances.mjs')], {
      cwd: root,
      stdio: 'inherit',
    });
    if (instances.status !== 0)
      console.log(`instances bench: exit ${instances.status ?? instances.signal} (see above)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
