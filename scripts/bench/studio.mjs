/**
 * `pnpm bench`, the studio (issue 15): the built studio (packages/studio/dist) on a
 * static server with its strict CSP, in headless Chromium.
 *
 *   first load     navigation → the editor checked the template (lint) and the real
 *                  element painted it (preview); the bytes a first visit transfers (gzip)
 *   keystroke      on W2, the 2,000-item budget (2,110 items): one real key press in the
 *                  title (the document stays valid: the element re-renders it) or in an
 *                  amount (a sum no longer adds up: problems marked, the element shows
 *                  its error box); from the keydown to the problems set (lint) and to the
 *                  element's next frame after it rendered (preview). Targets: ≤ 100 ms
 *                  to lint, ≤ 200 ms to a new preview.
 *   import         a 2,000-row 一般公共预算支出表 (.xlsx, 万元, merged header, 2,110 rows):
 *                  `gongkai import budget` from process start to exit, and in the
 *                  studio from choosing the file to the document read.
 *
 * Measured, never asserted. 5 loads, medians (min–max).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { functionalSheet, syntheticBudget } from '../../packages/import/support/budget-workbook.mjs';
import { xlsx } from '../../packages/import/support/xlsx-writer.mjs';
import { startStudioServer } from '../../packages/studio/serve.mjs';
import { launch } from '../../packages/studio/support/browser.mjs';
import { w2 } from './data.mjs';
import { gzip } from './shipped.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (values) =>
  `${median(values).toFixed(0)} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;

/** Events the studio announces, recorded from the first moment of each page. */
const PROBE = () => {
  window.__bench = { lint: [], preview: [], keys: [], longTasks: [] };
  addEventListener('studio-lint', () => window.__bench.lint.push(performance.now()));
  addEventListener('studio-preview', () => window.__bench.preview.push(performance.now()));
  addEventListener('keydown', (event) => window.__bench.keys.push(event.timeStamp), true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

/** Raw and gzip bytes of the files a first visit loaded (paths under /studio/), from the page's own resource timing. */
function firstVisitSize(paths) {
  const dir = join(root, 'packages/studio/dist');
  let raw = 0;
  let gz = 0;
  for (const path of new Set(paths)) {
    const bytes = readFileSync(join(dir, path || 'index.html'));
    raw += bytes.length;
    gz += gzip(bytes);
  }
  return { raw, gz, files: new Set(paths).size };
}

/** Sets a draft before the studio loads, so it opens with `draft` (as after a reload); Playwright runs it in the page. */
const withDraft = (draft) =>
  localStorage.setItem(
    'gongkai-studio:draft:budget',
    JSON.stringify({ kind: 'budget', text: draft, savedAt: new Date().toISOString(), name: 'w2.json' }),
  );

export async function runStudioBench() {
  const server = startStudioServer({ port: 0 });
  await new Promise((resolve) => server.on('listening', resolve));
  const base = `http://127.0.0.1:${server.address().port}/studio/`;
  const browser = await launch();
  let size;
  const first = { lint: [], preview: [], longest: [] };
  const valid = { lint: [], preview: [] };
  const invalid = { lint: [], preview: [] };
  const studioImport = [];
  const w2Text = `${JSON.stringify(w2().doc, null, 2)}\n`;
  const work = mkdtempSync(join(tmpdir(), 'gk-bench-studio-'));
  const workbook = join(work, 'budget-2000.xlsx');
  const sheet = functionalSheet(syntheticBudget(2000));
  writeFileSync(workbook, xlsx([sheet]));
  try {
    for (let i = 0; i < LOADS; i++) {
      // First load: the default template (the department budget), a fresh browser profile.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(PROBE);
      await page.goto(`${base}?fresh&kind=budget&template=department-budget-2018.json`);
      await page.waitForFunction(() => window.__bench.preview.length > 0, null, { timeout: 60000 });
      const b = await page.evaluate(() => window.__bench);
      first.lint.push(b.lint[0]);
      first.preview.push(b.preview[0]);
      first.longest.push(Math.max(0, ...b.longTasks));
      size ??= firstVisitSize(
        await page.evaluate(() =>
          [location.pathname, ...performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname)]
            .filter((path) => path.startsWith('/studio/'))
            .map((path) => path.slice('/studio/'.length)),
        ),
      );

      // Import a 2,000-row workbook in the studio.
      await page.locator('gk-studio button', { hasText: '从表格导入' }).click();
      const read = page.evaluate(
        () =>
          new Promise((resolve) =>
            addEventListener('import-read', (event) => resolve(event.detail.ms), { once: true }),
          ),
      );
      await page.locator('gk-studio studio-import input[type=file]').setInputFiles(workbook);
      studioImport.push(await read);
      await context.close();

      // Keystrokes on W2 (2,110 items), opened as a draft.
      const w2Context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const w2Page = await w2Context.newPage();
      await w2Page.addInitScript(withDraft, w2Text);
      await w2Page.addInitScript(PROBE);
      await w2Page.goto(`${base}?kind=budget`);
      await w2Page.waitForFunction(() => window.__bench.preview.length > 0, null, { timeout: 60000 });
      const press = async (at, key, bucket) => {
        // Put the cursor somewhere (not timed), then one real key press.
        await w2Page.evaluate((pos) => {
          const studio = document.querySelector('gk-studio');
          studio.view.dispatch({ selection: { anchor: pos } });
          studio.view.focus();
        }, at);
        await w2Page.waitForTimeout(100);
        const before = await w2Page.evaluate(() => [
          window.__bench.lint.length,
          window.__bench.preview.length,
          window.__bench.keys.length,
        ]);
        await w2Page.keyboard.press(key);
        await w2Page.waitForFunction(
          ([l, p]) => window.__bench.lint.length > l && window.__bench.preview.length > p,
          before,
          { timeout: 60000 },
        );
        const after = await w2Page.evaluate(() => window.__bench);
        const down = after.keys[before[2]];
        bucket.lint.push(after.lint[before[0]] - down);
        bucket.preview.push(after.preview[before[1]] - down);
      };
      const text = await w2Page.evaluate(() => document.querySelector('gk-studio').text);
      const inTitle = text.indexOf('（2,000个项级科目）');
      const inAmount = text.indexOf('"budget": ', text.indexOf('"code": "2050105"')) + '"budget": '.length;
      for (let k = 0; k < 3; k++) {
        await press(inTitle, 'a', valid);
        await press(inTitle + 1, 'Backspace', valid);
      }
      for (let k = 0; k < 2; k++) {
        await press(inAmount, '9', invalid);
        await press(inAmount + 1, 'Backspace', valid);
      }
      await w2Context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  const cli = [];
  for (let i = 0; i < LOADS; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(
      process.execPath,
      [join(root, 'packages/cli/bin/gongkai.mjs'), 'import', 'budget', workbook],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    cli.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (run.status !== 0)
      console.log(`  (gongkai import exit ${run.status}: ${run.stderr.split('\n').slice(0, 3).join(' / ')})`);
  }
  const workbookSize = statSync(workbook).size;
  rmSync(work, { recursive: true, force: true });

  console.log(`\nstudio (packages/studio/dist, static host, strict CSP), ${LOADS} fresh loads; ms, median (min–max)`);
  const importer = readdirSync(join(root, 'packages/studio/dist/assets')).find((name) =>
    /^studio-import-.*\.js$/.test(name),
  );
  const importerBytes = importer ? gzip(readFileSync(join(root, 'packages/studio/dist/assets', importer))) : 0;
  console.log(
    `  first visit loads ${size.files} files: ${(size.gz / 1024).toFixed(0)} KB gzip (${(size.raw / 1024).toFixed(0)} KB); the importer (${(importerBytes / 1024).toFixed(0)} KB gzip) loads when first used`,
  );
  console.log(
    `  first load: template checked ${ms(first.lint)}, element painted ${ms(first.preview)}, longest task ${ms(first.longest)}`,
  );
  console.log(
    `  keystroke on W2 (2,110 items), document stays valid: lint ${ms(valid.lint)} (target ≤ 100), new preview ${ms(valid.preview)} (target ≤ 200)`,
  );
  console.log(
    `  keystroke on W2, a sum no longer adds up:           lint ${ms(invalid.lint)}, error preview ${ms(invalid.preview)}`,
  );
  console.log(
    `  import a 2,000-row budget workbook (${(workbookSize / 1024).toFixed(0)} KB .xlsx, 2,110 rows): in the studio ${ms(studioImport)}, gongkai import (process start to exit) ${ms(cli)}`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runStudioBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
