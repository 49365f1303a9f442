/**
 * esbuild plugins shared by the build and the bench, so that what the bench
 * measures is what the build ships. scripts/build.mjs applies its one list of
 * them to every browser build: the compiled modules npm ships (so a user's
 * bundler gets their output), core's lazily evaluated vendor modules, and the
 * one-file bundle.
 */
import { readFile } from 'node:fs/promises';

/**
 * Minifies the CSS inside Lit's css`…` templates (esbuild leaves template text
 * alone): drops comments and collapses whitespace. Quoted strings in our CSS
 * ('›', ' · ') keep their single spaces; none contains a colon or a brace.
 */
export function minifyLitCss() {
  return {
    name: 'minify-lit-css',
    setup(build) {
      build.onLoad({ filter: /\.styles\.ts$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const contents = source.replace(/css`([^`]*)`/g, (_, body) => {
          const minified = body
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            // Only after a colon: before one, a space can matter in a selector (a :focus).
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}')
            .trim();
          return `css\`${minified}\``;
        });
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * d3's ES bundles (d3-array, d3-hierarchy) declare `"sideEffects": false`, but
 * build some exports with top-level calls (`const ascendingBisect =
 * bisector(ascending)`, `var resquarify = (function custom(ratio) {…})(phi)`),
 * which esbuild must keep unless told they are pure: 2.6 KB of bisect, blur and
 * resquarify code in every entry that charts, none of it used. The package says
 * it has no side effects, so its top-level initialisers are marked pure, and
 * whatever is unused is dropped.
 */
export function pureD3Initialisers() {
  return {
    name: 'pure-d3-initialisers',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/].*[\\/]d3-(array|hierarchy)[\\/]dist[\\/][^\\/]+\.mjs$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const contents = source.replace(/^((?:const|var|let) [\w$]+ = )(?=[\w$]+\(|\(function)/gm, '$1/* @__PURE__ */ ');
        return { contents, loader: 'js' };
      });
    },
  };
}

/**
 * marked ships one pre-bundled ES file whose tail builds a global `marked`
 * instance (`var v=new Marked; … x.Parser=P; x.Renderer=I; …`). Those top-level
 * statements keep marked's Parser, Renderer and HTML code in every bundle, even
 * when only its Lexer is imported (measured: 15.1 KB gzip for `import { Lexer }`
 * alone, 11.9 KB without the tail). Core uses the Lexer only, so the tail is cut
 * and the Lexer is the one export: an import of anything else fails the build.
 * The file's layout is checked, so a new marked version that changes it stops
 * the build instead of silently shipping the parser again.
 */
export function markedLexerOnly() {
  return {
    name: 'marked-lexer-only',
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/](?:\.pnpm[\\/][^\\/]+[\\/]node_modules[\\/])?marked[\\/]lib[\\/]marked\.esm\.js$/ }, async ({ path }) => {
        const source = await readFile(path, 'utf8');
        const exports = /export\{([^}]*)\};?\s*(?:\/\/# sourceMappingURL=\S+\s*)?$/.exec(source);
        const local = (name) => exports?.[1].split(',').map((pair) => pair.trim().split(/\s+as\s+/)).find(([, exported]) => exported === name)?.[0];
        const marked = local('Marked');
        const lexer = local('Lexer');
        const instance = marked && source.search(new RegExp(`(?:var|let|const) [\\w$]+=new ${marked.replace(/\$/g, '\\$')}[;,(]`));
        if (!exports || !marked || !lexer || instance === undefined || instance < 0 || /\bclass\b/.test(source.slice(instance, exports.index))) {
          throw new Error(`markedLexerOnly: ${path} no longer has the layout this plugin cuts (a global instance after the classes); update scripts/esbuild-plugins.mjs`);
        }
        return { contents: `${source.slice(0, instance)}\nexport{${lexer} as Lexer};\n`, loader: 'js' };
      });
    },
  };
}
