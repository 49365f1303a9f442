#!/usr/bin/env node
/**
 * Builds everything a page, an editor or a bundler user needs:
 *   packages/cli/dist/gongkai.mjs         the editors' CLI (gongkai validate / schema)
 *   packages/server/dist/gongkai-server.mjs   the form receiver (gongkai-server)
 *   packages/core/schemas/<kind>.schema.json   JSON Schemas for IDEs
 *   packages/gongkai/dist/gongkai.js      one ES module file, every element, every dependency inlined
 *   packages/gongkai/dist/esm/*.js        per-element entries sharing chunks, for bundler users
 *   packages/gongkai/dist/schemas/        the JSON Schemas beside the bundle
 *   packages/studio/dist/                 the editors' app (Vite), served by gongkai-server at /studio/
 */
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyLitCss, pureD3Initialisers } from './esbuild-plugins.mjs';

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

const browser = {
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
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [minifyLitCss(), pureD3Initialisers()],
};

async function main() {
  // 1. The CLI and the server: Node bundles with core's validation inside. dompurify is browser-side
  //    (neither renders Markdown); the server's database drivers are native and stay outside.
  const nodeBundle = { bundle: true, platform: 'node', format: 'esm', target: 'node20', tsconfig: at('tsconfig.base.json'), logLevel: 'warning' };
  rmSync(at('packages/cli/dist'), { recursive: true, force: true });
  await build({ ...nodeBundle, entryPoints: [at('packages/cli/src/cli.ts')], outfile: at('packages/cli/dist/gongkai.mjs'), external: ['dompurify'] });
  rmSync(at('packages/server/dist'), { recursive: true, force: true });
  await build({
    ...nodeBundle,
    entryPoints: [at('packages/server/src/main.ts')],
    outfile: at('packages/server/dist/gongkai-server.mjs'),
    external: ['better-sqlite3', 'pg', 'dompurify'],
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
  await build({ ...browser, entryPoints: [at('packages/gongkai/src/index.ts')], outfile: join(dist, 'gongkai.js'), sourcemap: 'linked' });
  await build({
    ...browser,
    entryPoints: { index: at('packages/gongkai/src/index.ts'), en: at('packages/gongkai/src/en.ts'), ...ELEMENT_ENTRIES },
    outdir: join(dist, 'esm'),
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  });
  cpSync(at('packages/core/schemas'), join(dist, 'schemas'), { recursive: true });

  // 4. The studio (an app, not an embed: Vite, relative asset paths).
  await viteBuild({ configFile: at('packages/studio/vite.config.ts'), logLevel: 'warn' });
  console.log('built: packages/gongkai/dist/gongkai.js, dist/esm/, dist/schemas/, packages/cli/dist/gongkai.mjs, packages/server/dist/gongkai-server.mjs, packages/studio/dist/');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
