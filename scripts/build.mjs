#!/usr/bin/env node
/**
 * Builds what the packages publish (the list of entries is scripts/entries.mjs):
 *   packages/{core,elements,gongkai}/dist/   JavaScript + .d.ts, one file per module, so a user's
 *                                            bundler keeps only what a page uses
 *   packages/core/dist/vendor/marked.js      marked's lexer, evaluated on first use (scripts/lazy-deps.mjs)
 *   packages/elements/custom-elements.json   the elements' manifest (pnpm analyze), and from it
 *   packages/gongkai/dist/{custom-elements,web-types,vscode.html-custom-data}.json  for editors, and
 *   packages/gongkai/dist/{react,vue}.d.ts   typings for <gk-*> in React 19 JSX and Vue templates
 *   packages/cli/dist/gongkai.mjs            the editors' CLI (gongkai validate / schema / import)
 *   packages/server/dist/gongkai-server.mjs  the form receiver (gongkai-server)
 *   packages/{cli,server}/dist/types/        their .d.ts (main, start)
 *   packages/core/schemas/<kind>.schema.json JSON Schemas for IDEs (and dist/schemas/ beside the bundle)
 *   packages/gongkai/dist/gongkai.js         one ES module file, every element, every dependency inlined;
 *   packages/gongkai/dist/gongkai-provenance.js  beside it, the block under a published document, loaded on demand
 *   packages/studio/dist/                    the editors' app (Vite; not published), served by gongkai-server at /studio/
 *
 * Every browser-side file goes through `browser.plugins` and `browser.define`: the
 * compiled modules (so what a user's bundler gets has had the same transforms as
 * the one-file bundle), the vendored marked, and the one-file bundle itself.
 */
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { browserPlugins, spreadsInOptionalCalls } from './esbuild-plugins.mjs';
import { writeEditorData } from './editor-data.mjs';
import { lazyDependencies, vendorLazyDependencies } from './lazy-deps.mjs';
import { buildProvenanceFile, PROVENANCE_FILE, provenanceApart } from './one-file-provenance.mjs';
import { SOURCE_CONDITION } from './entries.mjs';
import { writeFrameworkTypes } from './framework-types.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(root, ...parts);

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
  logLevel: 'warning',
  // The version a second copy of gongkai on the same page names in its warning (packages/elements/src/base/define.ts).
  define: {
    'process.env.NODE_ENV': '"production"',
    __GONGKAI_VERSION__: JSON.stringify(JSON.parse(readFileSync(at('packages/gongkai/package.json'), 'utf8')).version),
  },
  plugins: browserPlugins(),
};

/**
 * The one-file bundle's options, from the sources (not the compiled modules) with
 * marked evaluated on first use. `htmlTemplates: false` keeps html`…` templates as
 * written (the template minifier's reference bundle, web-test-runner.config.mjs).
 */
export function oneFile({ htmlTemplates = true } = {}) {
  return {
    ...browser,
    entryPoints: [at('packages/gongkai/src/index.ts')],
    conditions: [SOURCE_CONDITION],
    tsconfig: at('tsconfig.base.json'),
    plugins: [
      provenanceApart(),
      lazyDependencies(at('packages/core')),
      ...browserPlugins({ oneFile: true, htmlTemplates }),
    ],
  };
}

/** The compiled modules' language level (tsconfig's): a user's bundler lowers it for their browsers, the one-file bundle for ours. */
const LIBRARY_TARGET = 'es2022';

const tsc = (...args) =>
  execFileSync(process.execPath, [at('node_modules/typescript/bin/tsc'), ...args], { cwd: root, stdio: 'inherit' });

/** Every file under `folder` whose name ends with `suffix`. */
function filesUnder(folder, suffix) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * One library package: tsc writes the .d.ts (and type-checks against the .d.ts of
 * the packages before it); esbuild writes the JavaScript, module by module and
 * unbundled, through the browser plugins and defines. The modules compiled are
 * exactly those tsconfig.build.json takes (one .d.ts each).
 */
async function compileLibrary(dir) {
  const src = at('packages', dir, 'src');
  const dist = at('packages', dir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  tsc('-p', at('packages', dir, 'tsconfig.build.json'), '--emitDeclarationOnly');
  const sources = filesUnder(dist, '.d.ts').map((file) => join(src, relative(dist, file)).replace(/\.d\.ts$/, '.ts'));
  await build({
    entryPoints: sources,
    outdir: dist,
    outbase: src,
    bundle: false,
    format: 'esm',
    platform: 'neutral',
    target: LIBRARY_TARGET,
    charset: 'utf8',
    tsconfig: at('packages', dir, 'tsconfig.build.json'),
    define: browser.define,
    plugins: browser.plugins,
    logLevel: 'warning',
  });
}

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
  if (hazards.length)
    throw new Error(
      `terser wrote an optional call with a spread argument before the last (${hazards[0]}), which Chrome 80–90 get wrong`,
    );
  writeFileSync(file, result.code);
  writeFileSync(`${file}.map`, result.map);
}

async function main() {
  // 1. The libraries, in dependency order.
  for (const dir of ['core', 'elements', 'gongkai']) await compileLibrary(dir);
  // marked is evaluated on first use, not on every page load: scripts/lazy-deps.mjs.
  await vendorLazyDependencies(at('packages/core'), {
    target: LIBRARY_TARGET,
    define: browser.define,
    plugins: browser.plugins,
  });

  // 2. The CLI and the server: Node bundles with core's validation (and the CLI's importer) inside, from core's
  //    sources: they import its modules by path, so `@gongkai/core/…` resolves to the sources too (gongkai-source),
  //    or the bundle would hold core twice (the CLI did: 551 KB, and two sets of schemas). The server's database
  //    drivers are native and stay outside.
  const nodeBundle = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: [SOURCE_CONDITION],
    tsconfig: at('tsconfig.base.json'),
    logLevel: 'warning',
  };
  rmSync(at('packages/cli/dist'), { recursive: true, force: true });
  await build({
    ...nodeBundle,
    entryPoints: [at('packages/cli/src/cli.ts')],
    outfile: at('packages/cli/dist/gongkai.mjs'),
  });
  rmSync(at('packages/server/dist'), { recursive: true, force: true });
  await build({
    ...nodeBundle,
    entryPoints: [at('packages/server/src/main.ts')],
    outfile: at('packages/server/dist/gongkai-server.mjs'),
    external: ['better-sqlite3', 'pg'],
  });
  for (const dir of ['cli', 'server']) tsc('-p', at('packages', dir, 'tsconfig.build.json'));

  // 3. JSON Schemas, written by the CLI itself so there is one exporter.
  rmSync(at('packages/core/schemas'), { recursive: true, force: true });
  execFileSync(process.execPath, [at('packages/cli/bin/gongkai.mjs'), 'schema', '--out', at('packages/core/schemas')], {
    stdio: 'inherit',
  });

  // 4. The one-file bundle, from the same sources through the same plugins and defines as the modules (esbuild
  //    then shares its helpers across the whole file, where each compiled module carries its own), with the
  //    same lazily evaluated marked.
  const dist = at('packages/gongkai/dist');
  await build({ ...oneFile(), outfile: join(dist, 'gongkai.js'), sourcemap: 'linked' });
  await minifyAgain(join(dist, 'gongkai.js'));
  //    The provenance block under a published document is a second file, fetched by gongkai.js on first use.
  await buildProvenanceFile({ ...oneFile(), sourcemap: 'linked' }, join(dist, PROVENANCE_FILE));
  await minifyAgain(join(dist, PROVENANCE_FILE));
  cpSync(at('packages/core/schemas'), join(dist, 'schemas'), { recursive: true });

  // 5. The elements' manifest, and the editors' completion data made from it.
  execFileSync(at('node_modules/.bin/custom-elements-manifest'), analyzeArgs(), { cwd: root, stdio: 'ignore' });
  mkdirSync(dist, { recursive: true });
  writeEditorData(at('packages/elements/custom-elements.json'), dist);
  writeFrameworkTypes(at('packages/elements/custom-elements.json'), dist);

  // 6. The studio (an app, not an embed: Vite, relative asset paths; core and elements from their sources, as in Storybook).
  await viteBuild({ configFile: at('packages/studio/vite.config.ts'), logLevel: 'warn' });
  console.log(
    'built: packages/{core,elements,gongkai}/dist (modules + .d.ts), dist/gongkai.js, dist/schemas/, editor data, the CLI and server bundles, packages/studio/dist/',
  );
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
