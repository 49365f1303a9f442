/**
 * What users get, for the bench: the packages packed and installed into the
 * consumer app (scripts/consumer/), then built by that app's own Vite:
 *
 *   - one build per element, of a module that only imports `gongkai/<name>`:
 *     the JavaScript Vite ships for a page with that element (sizes);
 *   - the render bench's page for the per-element entry (peers/gongkai-entry.mjs).
 *
 * BENCH_FROM=/path/to/other/checkout measures that checkout's built packages
 * instead (its dist/gongkai.js and its tarballs), with this bench: how the
 * before/after tables of a change are made with one harness.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildModule, createApp, packAll, WORKSPACE } from '../consumer/consumer.mjs';
import { ELEMENTS } from '../entries.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The checkout whose shipped artefacts are measured. */
export const MEASURED = process.env.BENCH_FROM ? join(process.env.BENCH_FROM) : WORKSPACE;

/** The one-file bundle of the measured checkout. */
export const BUNDLE = join(MEASURED, 'packages/gongkai/dist/gongkai.js');

/** Gzip bytes at level 9: every size the bench reports. */
export const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** Packs, installs and returns the app folder (in the system's temp folder; removed by the caller). */
export function makeShippedApp() {
  const work = join(tmpdir(), `gongkai-bench-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  const tarballs = packAll(join(work, 'tarballs'), MEASURED);
  const app = join(work, 'app');
  mkdirSync(app, { recursive: true });
  const peers = join(here, 'peers');
  const extraFiles = {};
  for (const file of ['harness.mjs', 'budget-element.mjs', 'gongkai-entry.mjs'])
    extraFiles[`bench/${file}`] = readFileSync(join(peers, file), 'utf8');
  for (const { name } of ELEMENTS) extraFiles[`sizes/${name}.js`] = `import 'gongkai/${name}';\n`;
  extraFiles['sizes/en.js'] = `import 'gongkai/en';\n`;
  createApp({ tarballs, dir: app, extraFiles });
  return { work, app, tarballs };
}

/** A chunk a page fetches only when it needs it: the provenance block under a published document. */
const isOnDemand = (file) => /^provenance-/.test(basename(file));

/**
 * Per element: the JavaScript a user's Vite build ships for a page that imports
 * only `gongkai/<name>` (every chunk loaded at start; each gzipped on its own, as
 * served), the chunks fetched on demand apart (`onDemand`), and how many of its
 * minified bytes come from each package (both).
 */
export async function viteSizes(app) {
  const sizes = {};
  for (const name of [...ELEMENTS.map((e) => e.name), 'en']) {
    const { files, byPackage } = await buildModule(app, `sizes/${name}.js`, join(app, 'dist-sizes', name));
    const measure = (list) => {
      const texts = list.map((file) => readFileSync(file));
      return {
        files: list.length,
        min: texts.reduce((sum, text) => sum + text.length, 0),
        gzip: texts.reduce((sum, text) => sum + gzip(text), 0),
        text: Buffer.concat(texts).toString('utf8'),
      };
    };
    sizes[name] = {
      ...measure(files.filter((file) => !isOnDemand(file))),
      onDemand: measure(files.filter(isOnDemand)),
      byPackage,
    };
  }
  return sizes;
}

/** The render bench's per-element-entry page module, built by the app's Vite into `dest`. */
export async function viteBenchEntry(app, dest) {
  const { files } = await buildModule(app, 'bench/gongkai-entry.mjs', join(app, 'dist-bench'));
  mkdirSync(dest, { recursive: true });
  for (const file of files)
    cpSync(file, join(dest, file.slice(join(app, 'dist-bench').length + 1)), { recursive: true });
  return files.map((file) => statSync(file).size);
}

/** The one-file bundle's second file, fetched on demand (none in a checkout from before it existed). */
export function bundleOnDemandBytes() {
  const file = join(dirname(BUNDLE), 'gongkai-provenance.js');
  return existsSync(file) ? readFileSync(file) : undefined;
}

export function bundleBytes() {
  if (!existsSync(BUNDLE))
    throw new Error(`${BUNDLE} is missing: run pnpm build${process.env.BENCH_FROM ? ' in BENCH_FROM' : ''}`);
  return readFileSync(BUNDLE);
}
