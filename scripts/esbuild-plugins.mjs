/**
 * Source transforms shared by the build and the bench, so that what the bench
 * measures is what the build ships.
 */
import { readFile } from 'node:fs/promises';

/**
 * Minifies the CSS inside Lit's css`…` templates (bundlers leave template text
 * alone): drops comments and collapses whitespace. Quoted strings in our CSS
 * ('›', ' · ') keep their single spaces; none contains a colon or a brace.
 * The build applies it to the compiled *.styles.js files users get.
 */
export function minifyCssTemplates(source) {
  return source.replace(/css`([^`]*)`/g, (_, body) => {
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
