#!/usr/bin/env node
/**
 * Fails when a way to put an HTML string into the DOM appears in the elements',
 * core's, the studio's or the importer's sources (tests excepted): every editor-written string must reach
 * the DOM as a text node, through Lit templates (see the Markdown renderer in
 * packages/elements/src/base/internal/markdown.ts). Comments count too, so the
 * names cannot hide in commented-out code. Run by `pnpm lint` and `pnpm test`.
 *
 *   node scripts/lint-html-sinks.mjs [folder …]   (default: those four source folders)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_FOLDERS = [
  'packages/elements/src',
  'packages/core/src',
  'packages/studio/src',
  'packages/import/src',
].map((folder) => join(root, folder));

/** Each sink and why it is refused. */
export const HTML_SINKS = [
  [/\bunsafe(?:HTML|SVG|MathML)\b|lit\/directives\/unsafe-/, "Lit's unsafe directives render a string as markup"],
  [/\b(?:inner|outer)HTML\b/, 'parses a string as HTML'],
  [/\binsertAdjacentHTML\b/, 'parses a string as HTML'],
  [/\bDOMParser\b/, 'parses a string as HTML or XML'],
  [/\bcreateContextualFragment\b/, 'parses a string as HTML'],
  [/\bdocument\s*\.\s*write(?:ln)?\b/, 'writes a string into the page as HTML'],
  [/\bsrcdoc\b/, "an iframe's srcdoc is a whole HTML document in a string"],
];

const SOURCE = /\.(?:ts|mts|js|mjs)$/;
const TEST = /\.test\.[cm]?[jt]s$/;

function* sourceFiles(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'test') yield* sourceFiles(path);
    } else if (SOURCE.test(entry.name) && !TEST.test(entry.name)) {
      yield path;
    }
  }
}

/** Every occurrence: { file, line, text, why }. */
export function findHtmlSinks(folders = DEFAULT_FOLDERS) {
  const found = [];
  for (const folder of folders) {
    for (const file of sourceFiles(folder)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((text, index) => {
          for (const [pattern, why] of HTML_SINKS) {
            if (pattern.test(text)) found.push({ file, line: index + 1, text: text.trim(), why });
          }
        });
    }
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folders = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_FOLDERS;
  const found = findHtmlSinks(folders);
  for (const { file, line, text, why } of found)
    console.error(`${relative(process.cwd(), file)}:${line}: ${why}: ${text}`);
  if (found.length) {
    console.error(
      `\n✗ ${found.length} HTML sink(s). Render editor text as Lit templates (text nodes), never as an HTML string.`,
    );
    process.exit(1);
  }
  console.log(`✓ no HTML sinks in ${folders.map((folder) => relative(root, folder) || '.').join(', ')}`);
}
