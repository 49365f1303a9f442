/**
 * Dependencies that are costly to evaluate and that only some renders need run
 * when first used, not when a page loads. marked builds its whole Markdown
 * grammar (about a hundred regular expressions) the moment it is imported: about
 * 9 ms of a fresh page's start-up, in every page whose script holds it (the
 * one-file bundle; every entry whose element shows Markdown), even when nothing
 * on the page renders Markdown yet.
 *
 * So core's compiled modules (packages/core/dist) import such a dependency from
 * dist/vendor/<name>.js instead: the dependency bundled into one module by
 * esbuild, which wraps a require()d module in an initialiser that runs on first
 * require. Each export is a Proxy that requires the module on first touch (a call,
 * `new`, `extends`, a property) and then behaves as the export itself. Nothing is
 * written against a particular API, so core can use whatever it imports.
 * The sources import the package as usual; the workspace (tests, Storybook) runs them.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const LAZY_DEPENDENCIES = ['marked', 'dompurify'];

/** The first comment of the package's ESM file (marked's is its copyright and licence) or its package.json licence. */
function licenceBanner(name, entry, manifest) {
  const first = /^\s*(\/\*[\s\S]*?\*\/)/.exec(readFileSync(entry, 'utf8'))?.[1];
  const text = first ?? `/* ${name} ${manifest.version} (${manifest.license}) */`;
  return `/*! Bundled here so that it is evaluated on first use (scripts/lazy-deps.mjs).\n${text.replace(/^\/\*!?/, '').replace(/\*\/$/, '').trim()} */`;
}

async function writeVendor(name, fromDir, outFile) {
  // Its export names and its ESM file, as a bundler resolves it from core.
  const probe = await build({ entryPoints: [name], absWorkingDir: fromDir, bundle: true, write: false, metafile: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], outfile: 'probe.js', logLevel: 'error' });
  const names = Object.values(probe.metafile.outputs)[0].exports;
  const entry = join(fromDir, Object.keys(probe.metafile.inputs).find((input) => input.includes(`/${name}/`)));
  const manifest = JSON.parse(readFileSync(join(fromDir, 'node_modules', name, 'package.json'), 'utf8'));
  const source = [
    `let real;`,
    // The package's ESM file, by path: require() would pick its CommonJS build, which has no `default` export.
    `const load = () => (real ??= require(${JSON.stringify(entry)}));`,
    // A function target, so that calls and \`new\` reach the traps; every trap forwards to the real export.
    `function lazy(key) {`,
    `  const proxy = new Proxy(function () {}, {`,
    `    get: (_, property) => Reflect.get(load()[key], property),`,
    `    set: (_, property, value) => Reflect.set(load()[key], property, value),`,
    `    has: (_, property) => Reflect.has(load()[key], property),`,
    `    apply: (_, self, args) => Reflect.apply(load()[key], self, args),`,
    `    construct: (_, args, newTarget) => Reflect.construct(load()[key], args, newTarget === proxy ? load()[key] : newTarget),`,
    `  });`,
    `  return proxy;`,
    `}`,
    ...names.map((key) => (key === 'default' ? `export default /* @__PURE__ */ lazy('default');` : `export const ${key} = /* @__PURE__ */ lazy(${JSON.stringify(key)});`)),
  ].join('\n');
  await build({
    stdin: { contents: source, resolveDir: fromDir, sourcefile: `lazy-${name}.js` },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    outfile: outFile,
    legalComments: 'none',
    banner: { js: licenceBanner(name, entry, manifest) },
    logLevel: 'warning',
  });
}

/**
 * Writes dist/vendor/<name>.js for each lazy dependency core's compiled modules
 * import, and points those imports at it.
 */
export async function vendorLazyDependencies(packageDir) {
  const dist = join(packageDir, 'dist');
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
  for (const name of LAZY_DEPENDENCIES) {
    const specifier = new RegExp(`(from\\s*)(['"])${name}\\2`, 'g');
    const importers = files.filter((file) => specifier.test(readFileSync(file, 'utf8')));
    if (!importers.length) continue;
    const outFile = join(dist, 'vendor', `${name}.js`);
    await writeVendor(name, packageDir, outFile);
    for (const file of importers) {
      let path = relative(dirname(file), outFile).replaceAll('\\', '/');
      if (!path.startsWith('.')) path = `./${path}`;
      writeFileSync(file, readFileSync(file, 'utf8').replace(specifier, (_, from, quote) => `${from}${quote}${path}${quote}`));
    }
  }
}
