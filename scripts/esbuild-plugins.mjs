/**
 * esbuild plugins shared by the build and the bench, so that what the bench
 * measures is what the build ships.
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
