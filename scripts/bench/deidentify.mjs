/**
 * `pnpm bench`, de-identification: core's maskText in Node (the same V8 as
 * Chromium), bundled from source by esbuild, in CPU time. Prints
 * - the 50,000 record bodies of records.mjs masked one by one (median of 5 runs),
 *   as a total, per record and per character;
 * - the time per character on texts 10, 100 and 1,000 times longer, ordinary and
 *   hostile (long digit runs with separators, cue words over and over, runs of
 *   address units, @ without addresses): the same ns/char at every length means
 *   linear, a growing one means a quadratic path.
 * Measured, never asserted.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { largeRecords } from './records.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function loadMaskText() {
  const outfile = join(root, '.tmp/bench/deidentify.mjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'packages/core/src/deidentify.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'error',
    tsconfig: join(root, 'tsconfig.base.json'),
  });
  return (await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`)).maskText;
}

/**
 * CPU milliseconds of this process for fn(), the median of `runs`: on a machine
 * shared with other work, wall-clock time measures the others too.
 */
function time(fn, runs = 5) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    fn();
    const used = process.cpuUsage(t0);
    times.push((used.user + used.system) / 1000);
  }
  return median(times);
}

const HOSTILE = {
  ordinary:
    '我叫王丽萍，家住平罗县城关镇南大街12号3单元501室，电话139 1234 5678。依据平卫计发〔2018〕45号，2018年4月20日拨付1,234,567.89元。',
  'digit groups': '1 23 456 7 89 0 ',
  'digit run': '1234567890',
  'cue words': '先生女士患者家属我叫联系人',
  'address units': '南大街12号3单元村三队',
  '@ and letters': 'abcdefghij@',
};

export async function runDeidentifyBench() {
  const maskText = await loadMaskText();
  // Through JSON, as <gk-catalogue> and gongkai-server get them: flat strings, not the ropes template literals build.
  const bodies = JSON.parse(JSON.stringify(largeRecords(50000).items.map((item) => item.body)));
  const chars = bodies.reduce((sum, body) => sum + body.length, 0);
  maskText(bodies[0]);
  const publicContacts = ['0952-6012345'];
  const all = time(() => {
    for (const body of bodies) maskText(body, { publicContacts });
  });
  console.log('\ngongkai bench — de-identification (core maskText in Node, CPU time, median of 5 runs)\n');
  console.log(
    `  50,000 record bodies (${(chars / 1e6).toFixed(1)} M characters): ${all.toFixed(0)} ms, ${((all * 1000) / bodies.length).toFixed(1)} µs a record, ${((all * 1e6) / chars).toFixed(0)} ns a character`,
  );
  const sizes = [10000, 100000, 1000000];
  const rows = [['text', ...sizes.map((n) => `${n.toLocaleString('en')} chars`)]];
  for (const [name, unit] of Object.entries(HOSTILE)) {
    rows.push([
      name,
      ...sizes.map((n) => {
        const text = JSON.parse(JSON.stringify(unit.repeat(Math.ceil(n / unit.length)).slice(0, n)));
        // Warm up (the optimising compiler needs calls, not characters): ten calls or 50 ms.
        for (let i = 0, t0 = performance.now(); i < 10 && performance.now() - t0 < 50; i++) maskText(text);
        return `${((time(() => maskText(text), 3) * 1e6) / n).toFixed(0)} ns/char`;
      }),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log('  time per character by length (the same at every length = linear):');
  for (const row of rows) console.log(`    ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runDeidentifyBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
