/**
 * The one-file bundle without the provenance block (the "发布于 · 更新于" list and the
 * signature check under a document published by gongkai-server,
 * packages/elements/src/base/internal/provenance.ts). Only pages whose `src` is a
 * published document need it, so, as a user's bundler makes a chunk of it, the
 * one-file build puts it in a second file beside gongkai.js, gongkai-provenance.js,
 * fetched the first time such a document loads (a relative import: it must sit
 * beside gongkai.js under that name).
 *
 * The block has to use the bundle's own message tables (core's i18n.ts holds them
 * as module state) and uses its Lit, so the second file does not carry them; gongkai.js
 * hands them over when it loads it:
 *
 *   gongkai.js             loadProvenance = () => import('./gongkai-provenance.js').then((file) => file.load({ i18n, lit }))
 *   gongkai-provenance.js  load(shared) { provide(shared); return import(provenance.ts) }
 *
 * and inside gongkai-provenance.js, `lit` and core's i18n are modules reading what was
 * handed over. esbuild evaluates a dynamically imported module of a bundle without
 * code splitting on first import, so the block's modules run after provide().
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const PROVENANCE_FILE = 'gongkai-provenance.js';

const LOADER = join(root, 'packages/elements/src/base/internal/provenance-loader.ts');
const PROVENANCE = join(root, 'packages/elements/src/base/internal/provenance.ts');
const I18N = join(root, 'packages/core/src/i18n.ts');
/** What the block takes from Lit (anything else fails its build: "No matching export"). */
const LIT_NAMES = ['css', 'html', 'nothing'];

/**
 * For gongkai.js: the provenance loader fetches gongkai-provenance.js and hands it the bundle's i18n and Lit,
 * by name: a namespace object (`import * as`) would bring esbuild's __export helper, whose for…in takes a
 * polluted Object.prototype's properties for getters and throws (hostile-object-prototype.html).
 */
export function provenanceApart() {
  return {
    name: 'gongkai-provenance-apart',
    setup(bundler) {
      bundler.onResolve({ filter: /^\.\/gongkai-provenance\.js$/ }, ({ path }) => ({ path, external: true }));
      bundler.onLoad({ filter: /provenance-loader\.ts$/ }, async ({ path }) => {
        if (path !== LOADER) return undefined;
        const i18nNames = await i18nExports();
        return {
          loader: 'js',
          resolveDir: dirname(LOADER),
          contents: [
            `import { ${i18nNames.join(', ')} } from ${JSON.stringify(I18N)};`,
            `import { ${LIT_NAMES.join(', ')} } from 'lit';`,
            `export const loadProvenance = () => import('./${PROVENANCE_FILE}').then((file) => file.load({ i18n: { ${i18nNames.join(', ')} }, lit: { ${LIT_NAMES.join(', ')} } }));`,
          ].join('\n'),
        };
      });
    },
  };
}

/** The names core's i18n.ts exports (values, not types), read by esbuild. */
async function i18nExports() {
  const result = await build({
    entryPoints: [I18N],
    bundle: false,
    write: false,
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
  });
  return Object.values(result.metafile.outputs)[0].exports;
}

/** For gongkai-provenance.js: `lit` and core's i18n read what gongkai.js handed over. */
async function sharedFromBundle() {
  const i18nNames = await i18nExports();
  const modules = {
    shared: 'export const shared = {};\nexport function provide(value) { Object.assign(shared, value); }',
    lit: `import { shared } from 'gongkai-shared:shared';\nexport const { ${LIT_NAMES.join(', ')} } = shared.lit;`,
    i18n: `import { shared } from 'gongkai-shared:shared';\nexport const { ${i18nNames.join(', ')} } = shared.i18n;`,
  };
  return {
    name: 'gongkai-provenance-shared',
    setup(bundler) {
      const namespace = 'gongkai-shared';
      bundler.onResolve({ filter: /^gongkai-shared:/ }, ({ path }) => ({
        path: path.slice(namespace.length + 1),
        namespace,
      }));
      bundler.onResolve({ filter: /^lit$/ }, () => ({ path: 'lit', namespace }));
      bundler.onResolve({ filter: /i18n(\.js)?$/ }, async ({ path, kind, resolveDir, importer, pluginData }) => {
        if (pluginData?.original) return undefined;
        const resolved = await bundler.resolve(path, { kind, resolveDir, importer, pluginData: { original: true } });
        return resolved.path === I18N ? { path: 'i18n', namespace } : undefined;
      });
      bundler.onLoad({ filter: /.*/, namespace }, ({ path }) => ({ contents: modules[path], loader: 'js' }));
    },
  };
}

/**
 * esbuild's helper for a module namespace (here: the block's module, imported on demand) defines a getter per
 * key it finds with for…in, which also finds a polluted Object.prototype's keys; own keys only.
 */
const EXPORT_HELPER = 'for (var name in all)';
const EXPORT_HELPER_OWN = 'for (var name of Object.keys(all))';

/** Builds gongkai-provenance.js with the one-file bundle's options (`options`, from build.mjs oneFile()); minified afterwards by terser. */
export async function buildProvenanceFile(options, outfile) {
  const { entryPoints, ...rest } = options;
  const result = await build({
    ...rest,
    stdin: {
      contents: `import { provide } from 'gongkai-shared:shared';\nexport function load(shared) {\n  provide(shared);\n  return import(${JSON.stringify(PROVENANCE)});\n}\n`,
      resolveDir: dirname(PROVENANCE),
      sourcefile: PROVENANCE_FILE,
      loader: 'js',
    },
    plugins: [await sharedFromBundle(), ...rest.plugins],
    outfile,
    minify: false,
    write: false,
  });
  for (const file of result.outputFiles) {
    let text = file.text;
    if (file.path.endsWith('.js')) {
      if (!text.includes(EXPORT_HELPER))
        throw new Error(
          `${PROVENANCE_FILE}: esbuild's __export helper was not found as "${EXPORT_HELPER}"; check it for for…in`,
        );
      text = text.replace(EXPORT_HELPER, EXPORT_HELPER_OWN);
      if (/\bfor\s*\(\s*(var|let|const)\s+\w+\s+in\b/.test(text.replace(/\/\/.*$/gm, '')))
        console.warn(`${PROVENANCE_FILE}: a for…in is left; check it against a polluted Object.prototype`);
    }
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, text);
  }
  return result;
}
