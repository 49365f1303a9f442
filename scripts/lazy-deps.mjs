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
 * esbuild, its top-level code wrapped in a function that runs on first use. Each
 * export is a Proxy that runs it on first touch (a call, `new`, `extends`, a
 * property) and then behaves as the export itself. Nothing is written against a
 * particular API, so core can use whatever it imports.
 * The sources import the package as usual; the workspace (tests, Storybook) runs them.
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const LAZY_DEPENDENCIES = ['marked'];

/** The first comment of the package's ESM file (marked's is its copyright and licence) or its package.json licence. */
function licenceBanner(name, entry, manifest) {
  const first = /^\s*(\/\*[\s\S]*?\*\/)/.exec(readFileSync(entry, 'utf8'))?.[1];
  const text = first ?? `/* ${name} ${manifest.version} (${manifest.license}) */`;
  return `/*! Bundled here so that it is evaluated on first use (scripts/lazy-deps.mjs).\n${text
    .replace(/^\/\*!?/, '')
    .replace(/\*\/$/, '')
    .trim()} */`;
}

async function writeVendor(name, fromDir, outFile, { target, define, plugins }) {
  // The package as a bundler resolves it from core, through the browser build's plugins (markedLexerOnly leaves
  // marked's Lexer as its one export) and defines, as one ES module.
  const bundled = await build({
    entryPoints: [name],
    absWorkingDir: fromDir,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target,
    define,
    plugins,
    outfile: 'vendor.js',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const code = bundled.outputFiles[0].text;
  const exportStatement = /\nexport\s*\{([^}]*)\};?\s*$/.exec(code);
  if (!exportStatement || /^\s*(?:import|export)\b/m.test(code.slice(0, exportStatement.index))) {
    throw new Error(
      `lazy-deps: esbuild's bundle of ${name} does not end with its one export statement; update scripts/lazy-deps.mjs`,
    );
  }
  const exported = exportStatement[1]
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => pair.split(/\s+as\s+/))
    .map(([local, as = local]) => [local, as]);
  const entry = join(
    fromDir,
    Object.keys(bundled.metafile.inputs).find((input) => input.includes(`/${name}/`)),
  );
  const manifest = JSON.parse(readFileSync(join(fromDir, 'node_modules', name, 'package.json'), 'utf8'));
  const source = [
    licenceBanner(name, entry, manifest),
    `let real;`,
    // The package's own top-level code runs inside this function, once, on first use.
    `const load = () => (real ??= (() => {`,
    code.slice(0, exportStatement.index),
    `return { ${exported.map(([local, as]) => `${JSON.stringify(as)}: ${local}`).join(', ')} };`,
    `})());`,
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
    ...exported.map(([, as]) =>
      as === 'default'
        ? `export default /* @__PURE__ */ lazy('default');`
        : `export const ${as} = /* @__PURE__ */ lazy(${JSON.stringify(as)});`,
    ),
    '',
  ].join('\n');
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, source);
}

/**
 * Writes dist/vendor/<name>.js for each lazy dependency core's compiled modules
 * import, and points those imports at it. `options` are the browser build's
 * target, defines and plugins, so the vendored code is transformed as the
 * one-file bundle's is.
 */
export async function vendorLazyDependencies(packageDir, options) {
  const dist = join(packageDir, 'dist');
  const files = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
  for (const name of LAZY_DEPENDENCIES) {
    const specifier = new RegExp(`(from\\s*)(['"])${name}\\2`, 'g');
    const importers = files.filter((file) => specifier.test(readFileSync(file, 'utf8')));
    if (!importers.length) continue;
    const outFile = join(dist, 'vendor', `${name}.js`);
    await writeVendor(name, packageDir, outFile, options);
    for (const file of importers) {
      let path = relative(dirname(file), outFile).replaceAll('\\', '/');
      if (!path.startsWith('.')) path = `./${path}`;
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(specifier, (_, from, quote) => `${from}${quote}${path}${quote}`),
      );
    }
  }
}

/**
 * For an esbuild bundle made from the TypeScript sources (the one-file bundle):
 * the package's imports of a lazy dependency resolve to the vendored module
 * vendorLazyDependencies wrote, as the compiled modules' imports do.
 */
export function lazyDependencies(packageDir) {
  const src = join(packageDir, 'src');
  return {
    name: 'lazy-dependencies',
    setup(build) {
      const filter = new RegExp(`^(?:${LAZY_DEPENDENCIES.join('|')})$`);
      build.onResolve({ filter }, ({ path, importer }) =>
        relative(src, importer).startsWith('..')
          ? undefined
          : { path: join(packageDir, 'dist', 'vendor', `${path}.js`) },
      );
    },
  };
}
