#!/usr/bin/env node
/**
 * Builds what the packages publish (the list of entries is scripts/entries.mjs):
 *   packages/{core,elements,gongkai}/dist/   compiled JavaScript + .d.ts, one file per module (tsc),
 *                                            so a user's bundler keeps only what a page uses
 *   packages/elements/custom-elements.json   the elements' manifest (pnpm analyze), and from it
 *   packages/gongkai/dist/{custom-elements,web-types,vscode.html-custom-data}.json  for editors, and
 *   packages/gongkai/dist/{react,vue}.d.ts   typings for <gk-*> in React 19 JSX and Vue templates
 *   packages/cli/dist/gongkai.mjs            the editors' CLI (gongkai validate / schema)
 *   packages/server/dist/gongkai-server.mjs  the form receiver (gongkai-server)
 *   packages/{cli,server}/dist/types/        their .d.ts (main, start)
 *   packages/core/schemas/<kind>.schema.json JSON Schemas for IDEs (and dist/schemas/ beside the bundle)
 *   packages/gongkai/dist/gongkai.js         one ES module file, every element, every dependency inlined
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyCssTemplates, pureD3Initialisers } from './esbuild-plugins.mjs';
import { writeEditorData } from './editor-data.mjs';
import { vendorLazyDependencies } from './lazy-deps.mjs';
import { writeFrameworkTypes } from './framework-types.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

const browser = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020', 'chrome80', 'safari15', 'firefox78'],
  minify: true,
  legalComments: 'none',
  // Module scripts are always decoded as UTF-8: Chinese text stays 3 bytes a character instead of a 6-byte \\u escape.
  charset: 'utf8',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [pureD3Initialisers()],
};

const tsc = (...args) => execFileSync(process.execPath, [at('node_modules/typescript/bin/tsc'), ...args], { cwd: root, stdio: 'inherit' });

/** Every file under `folder` whose name ends with `suffix`. */
function filesUnder(folder, suffix) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

async function main() {
  // 1. The libraries, module by module, in dependency order (each compiles against the .d.ts of the one before).
  for (const dir of ['core', 'elements', 'gongkai']) {
    rmSync(at('packages', dir, 'dist'), { recursive: true, force: true });
    tsc('-p', at('packages', dir, 'tsconfig.build.json'));
  }
  // marked (and DOMPurify) are evaluated on first use, not on every page load: scripts/lazy-deps.mjs.
  await vendorLazyDependencies(at('packages/core'));
  // Lit's css`…` templates ship minified: a user's bundler leaves template text alone.
  for (const file of filesUnder(at('packages/elements/dist'), '.styles.js')) {
    writeFileSync(file, minifyCssTemplates(readFileSync(file, 'utf8')));
  }

  // 2. The CLI and the server: Node bundles with core's validation inside, from the compiled core.
  //    dompurify is browser-side (neither renders Markdown); the server's database drivers are native and stay outside.
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
  for (const dir of ['cli', 'server']) tsc('-p', at('packages', dir, 'tsconfig.build.json'));

  // 3. JSON Schemas, written by the CLI itself so there is one exporter.
  rmSync(at('packages/core/schemas'), { recursive: true, force: true });
  execFileSync(process.execPath, [at('packages/cli/bin/gongkai.mjs'), 'schema', '--out', at('packages/core/schemas')], {
    stdio: 'inherit',
  });

  // 4. The one-file bundle, from the compiled packages (what the per-element entries are made of too).
  const dist = at('packages/gongkai/dist');
  await build({ ...browser, entryPoints: [join(dist, 'index.js')], outfile: join(dist, 'gongkai.js'), sourcemap: 'linked', allowOverwrite: true });
  cpSync(at('packages/core/schemas'), join(dist, 'schemas'), { recursive: true });

  // 5. The elements' manifest, and the editors' completion data made from it.
  execFileSync(at('node_modules/.bin/custom-elements-manifest'), analyzeArgs(), { cwd: root, stdio: 'ignore' });
  mkdirSync(dist, { recursive: true });
  writeEditorData(at('packages/elements/custom-elements.json'), dist);
  writeFrameworkTypes(at('packages/elements/custom-elements.json'), dist);
  console.log('built: packages/{core,elements,gongkai}/dist (modules + .d.ts), dist/gongkai.js, dist/schemas/, editor data, the CLI and server bundles');
}

/** `pnpm analyze`'s arguments, read from package.json so the two never differ. */
function analyzeArgs() {
  const script = JSON.parse(readFileSync(at('package.json'), 'utf8')).scripts.analyze;
  return [...script.matchAll(/'[^']*'|\S+/g)].map(([word]) => word.replace(/^'|'$/g, '')).slice(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error?.message ?? error);
    process.exit(1);
  });
}
