/**
 * `pnpm bench`: module start-up of what users load, per entry. A page that loads
 * only the one-file bundle, or only what Vite shipped for `import 'gongkai/<name>'`
 * (./shipped.mjs), is loaded fresh BENCH_LOADS times (default 15, one discarded
 * warm-up, pages interleaved); the main thread's compile + evaluation of its
 * modules (V8's v8.compileModule and v8.evaluateModule, thread time, from a trace)
 * is what the page pays before any element can render. Targets (issue 14):
 * ≤ 7 ms for a per-element entry, ≤ 10 ms for the one-file bundle.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { launchChromium } from './chromium.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 15);
export const STARTUP_TARGETS = { bundle: 10, entry: 7 };

const page = (src) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>start-up</title><script type="module" src="${src}"></script></head><body><p>预算公开 0123456789</p></body></html>`;

/** `modules`: { label: absolute path of the module file }; each is served with its folder (for its chunks). */
function serve(modules) {
  const roots = Object.fromEntries(
    Object.entries(modules).map(([label, file], i) => [
      `m${i}`,
      { label, dir: join(file, '..'), name: file.split(sep).pop() },
    ]),
  );
  const server = createServer((request, response) => {
    const [, root, ...rest] = decodeURIComponent(new URL(request.url, 'http://x').pathname).split('/');
    const entry = roots[root];
    if (!entry) return response.writeHead(404).end();
    if (rest.join('/') === '')
      return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(entry.name));
    const file = normalize(join(entry.dir, ...rest));
    if (!file.startsWith(entry.dir + sep) || !existsSync(file) || !statSync(file).isFile())
      return response.writeHead(404).end();
    response
      .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
      .end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, roots })));
}

async function startUpOnce(browser, url) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(tab);
    const events = [];
    cdp.on('Tracing.dataCollected', (message) => events.push(...message.value));
    const complete = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'toplevel,v8', transferMode: 'ReportEvents' });
    await tab.goto(url, { waitUntil: 'load' });
    await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await cdp.send('Tracing.end');
    await complete;
    let ms = 0;
    for (const e of events)
      if (e.ph === 'X' && (e.name === 'v8.compileModule' || e.name === 'v8.evaluateModule'))
        ms += (e.tdur ?? e.dur) / 1000;
    return { ms, errors };
  } finally {
    await context.close().catch(() => undefined);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Returns { label: { median, min, max, errors } } and prints the table. `targets`: { label: ms }. */
export async function runStartupBench(modules, targets) {
  const { server, roots } = await serve(modules);
  const browser = await launchChromium();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const results = Object.fromEntries(Object.keys(modules).map((label) => [label, { values: [], errors: [] }]));
  try {
    for (let round = -1; round < LOADS; round++) {
      for (const [root, { label }] of Object.entries(roots)) {
        const { ms, errors } = await startUpOnce(browser, `${origin}/${root}/`);
        if (round >= 0) results[label].values.push(ms);
        results[label].errors.push(...errors);
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
  }
  console.log(
    `\ngongkai bench — module start-up before the first render (main-thread compile + evaluation, ${LOADS} fresh loads, median (min–max))\n`,
  );
  const rows = [['what the page loads', 'start-up, ms', 'target']];
  const summary = {};
  for (const [label, { values, errors }] of Object.entries(results)) {
    const s = {
      median: median(values),
      min: Math.min(...values),
      max: Math.max(...values),
      errors: [...new Set(errors)],
    };
    summary[label] = s;
    const target = targets[label];
    rows.push([
      label,
      `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`,
      target ? `≤ ${target} ms: ${s.median <= target ? 'met' : 'NOT met'}` : '—',
    ]);
    if (s.errors.length) rows.push(['', `page errors: ${s.errors.slice(0, 2).join(' | ')}`, '']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i]).length)));
  console.log(
    rows
      .map((row) =>
        row
          .map((cell, i) => String(cell).padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n'),
  );
  return summary;
}
