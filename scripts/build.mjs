#!/usr/bin/env node
/**
 * Builds everything a page, an editor or a bundler user needs:
 *   packages/cli/dist/gongkai.mjs         the editors' CLI (gongkai validate / schema)
 *   packages/server/dist/gongkai-server.mjs   the form receiver (gongkai-server)
 *   packages/core/schemas/<kind>.schema.json   JSON Schemas for IDEs
 *   packages/gongkai/dist/gongkai.js      one ES module file, every element, every dependency inlined
 *   packages/gongkai/dist/esm/*.js        per-element entries sharing chunks, for bundler users
 *   packages/gongkai/dist/schemas/        the JSON Schemas beside the bundle
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { browserPlugins, spreadsInOptionalCalls } from './esbuild-plugins.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

/** Per-element entry points: name → source. The bench measures each of these. */
export const ELEMENT_ENTRIES = {
  document: at('packages/gongkai/src/document.ts'),
  budget: at('packages/gongkai/src/budget.ts'),
  explainer: at('packages/gongkai/src/explainer.ts'),
  catalogue: at('packages/gongkai/src/catalogue.ts'),
  form: at('packages/gongkai/src/form.ts'),
  consultation: at('packages/gongkai/src/consultation.ts'),
  'disclosure-request': at('packages/gongkai/src/disclosure-request.ts'),
  'annual-report': at('packages/gongkai/src/annual-report.ts'),
};

/** The options of every browser build (also the template test's reference bundle, web-test-runner.config.mjs). */
export const browser = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020', 'chrome80', 'safari15', 'firefox78'],
  minify: true,
  legalComments: 'none',
  // Module scripts are always decoded as UTF-8: Chinese text stays 3 bytes a character instead of a 6-byte \\u escape.
  charset: 'utf8',
  tsconfig: at('tsconfig.base.json'),
  logLevel: 'warning',
  // The version a second copy of gongkai on the same page names in its warning (packages/elements/src/base/define.ts).
  define: { 'process.env.NODE_ENV': '"production"', __GONGKAI_VERSION__: JSON.stringify(JSON.parse(readFileSync(at('packages/gongkai/package.json'), 'utf8')).version) },
  plugins: browserPlugins(),
};

/**
 * The one-file bundle is minified a second time, by terser: its mangler names
 * variables by how often each character occurs in the file, which gzip packs
 * about 2 KB better than esbuild's names, and its compressor (default, safe
 * options, two passes) finds about 1 KB more (gongkai.js: 100.96 → 98.1 KB gzip
 * when this was added). Chinese stays UTF-8, the source map is carried through,
 * and the output is checked again for the optional call Chrome 80–90 get wrong.
 * The per-element entries are left to the user's bundler, which minifies anyway.
 */
export async function minifyAgain(file) {
  const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '');
  const result = await minify(code, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false, ascii_only: false },
    sourceMap: { content: readFileSync(`${file}.map`, 'utf8'), url: `${basename(file)}.map` },
  });
  const hazards = await spreadsInOptionalCalls(result.code);
  if (hazards.length) throw new Error(`terser wrote an optional call with a spread argument before the last (${hazards[0]}), which Chrome 80–90 get wrong`);
  writeFileSync(file, result.code);
  writeFileSync(`${file}.map`, result.map);
}

async function main() {
  // 1. The CLI and the server: Node bundles with core's validation inside. The server's
  //    database drivers are native and stay outside.
  const nodeBundle = { bundle: true, platform: 'node', format: 'esm', target: 'node20', tsconfig: at('tsconfig.base.json'), logLevel: 'warning' };
  rmSync(at('packages/cli/dist'), { recursive: true, force: true });
  await build({ ...nodeBundle, entryPoints: [at('packages/cli/src/cli.ts')], outfile: at('packages/cli/dist/gongkai.mjs') });
  rmSync(at('packages/server/dist'), { recursive: true, force: true });
  await build({
    ...nodeBundle,
    entryPoints: [at('packages/server/src/main.ts')],
    outfile: at('packages/server/dist/gongkai-server.mjs'),
    external: ['better-sqlite3', 'pg'],
  });

  // 2. JSON Schemas, written by the CLI itself so there is one exporter.
  rmSync(at('packages/core/schemas'), { recursive: true, force: true });
  execFileSync(process.execPath, [at('packages/cli/bin/gongkai.mjs'), 'schema', '--out', at('packages/core/schemas')], {
    stdio: 'inherit',
  });

  // 3. The one-file bundle and the per-element entries.
  const dist = at('packages/gongkai/dist');
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await build({ ...browser, entryPoints: [at('packages/gongkai/src/index.ts')], outfile: join(dist, 'gongkai.js'), sourcemap: 'linked', plugins: browserPlugins({ oneFile: true }) });
  await minifyAgain(join(dist, 'gongkai.js'));
  await build({
    ...browser,
    entryPoints: { index: at('packages/gongkai/src/index.ts'), en: at('packages/gongkai/src/en.ts'), ...ELEMENT_ENTRIES },
    outdir: join(dist, 'esm'),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  cpSync(at('packages/core/schemas'), join(dist, 'schemas'), { recursive: true });
  console.log('built: packages/gongkai/dist/gongkai.js, dist/esm/, dist/schemas/, packages/cli/dist/gongkai.mjs, packages/server/dist/gongkai-server.mjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
