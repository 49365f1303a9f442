#!/usr/bin/env node
/**
 * The published packages' `exports` and `sideEffects`, made from the one list of
 * entries (scripts/entries.mjs): `node scripts/manifests.mjs --write` updates the
 * package.json files; without it, it checks them and exits 1 if one is out of
 * date (the consumer test runs the check).
 *
 * Every export has three conditions, in this order:
 *   gongkai-source  the TypeScript source, for the workspace only (tsc's customConditions,
 *                   the test runner, Storybook); no other tool uses it
 *   types           the .d.ts that `pnpm build` writes beside the JavaScript
 *   default         the compiled JavaScript in dist/
 * `sideEffects` names exactly the modules that register something when they run:
 * the custom elements (defineElement) and the optional English translation.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_MODULES, ELEMENTS, SOURCE_CONDITION } from './entries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** An export of a compiled module: `src/<path>.ts` → `dist/<path>.js` + `.d.ts`. */
const compiled = (path) => ({
  [SOURCE_CONDITION]: `./src/${path}.ts`,
  types: `./dist/${path}.d.ts`,
  default: `./dist/${path}.js`,
});
/** Both forms of a module for `sideEffects`: the compiled file users get, the source the workspace runs. */
const both = (path) => [`./dist/${path}.js`, `./src/${path}.ts`];

export function expectedManifests() {
  return {
    core: {
      exports: {
        '.': compiled('index'),
        // One module per kind: its schema (built on first use), types, constants and checks.
        ...Object.fromEntries(ELEMENTS.map(({ name, schema }) => [`./${name}`, compiled(schema)])),
        // Modules a lazily loaded chunk imports by path (the provenance block under a published document).
        ...Object.fromEntries(CORE_MODULES.map((path) => [`./${path}`, compiled(path)])),
        './json-schema': compiled('json-schema'),
        './translations/en': compiled('translations/en'),
        './schemas/*': './schemas/*',
        './package.json': './package.json',
      },
      sideEffects: both('translations/*'),
    },
    elements: {
      exports: {
        '.': compiled('index'),
        ...Object.fromEntries(ELEMENTS.map(({ name, element }) => [`./${name}`, compiled(element)])),
        './base': compiled('base/gk-element'),
        './custom-elements.json': './custom-elements.json',
        './package.json': './package.json',
      },
      // Each element's module registers it; the index imports them all.
      sideEffects: [...ELEMENTS.flatMap(({ element }) => both(element)), ...both('index')],
    },
    gongkai: {
      exports: {
        '.': compiled('index'),
        ...Object.fromEntries(ELEMENTS.map(({ name }) => [`./${name}`, compiled(name)])),
        './en': compiled('en'),
        // The one-file bundle for <script type="module">: every element and dependency inlined.
        './bundle': { types: './dist/index.d.ts', default: './dist/gongkai.js' },
        './gongkai.js': './dist/gongkai.js',
        // Typings for <gk-*> in React 19 JSX and Vue templates: `/// <reference types="gongkai/react" />`.
        './react': { types: './dist/react.d.ts' },
        './vue': { types: './dist/vue.d.ts' },
        './schemas/*': './dist/schemas/*',
        './custom-elements.json': './dist/custom-elements.json',
        './web-types.json': './dist/web-types.json',
        './vscode.html-custom-data.json': './dist/vscode.html-custom-data.json',
        './package.json': './package.json',
      },
      // Every entry registers elements (or, gongkai/en, the English messages); so does the one-file bundle.
      sideEffects: both('*'),
    },
  };
}

/** Files the table names that do not exist, and gongkai entry files the table does not name. */
export function entryFileProblems() {
  const problems = [];
  const exists = (path) => existsSync(join(root, path));
  for (const { name, element, schema } of ELEMENTS) {
    for (const path of [
      `packages/gongkai/src/${name}.ts`,
      `packages/elements/src/${element}.ts`,
      `packages/core/src/${schema}.ts`,
    ]) {
      if (!exists(path)) problems.push(`${path} is named in scripts/entries.mjs but missing`);
    }
  }
  for (const path of CORE_MODULES.map((module) => `packages/core/src/${module}.ts`)) {
    if (!exists(path)) problems.push(`${path} is named in scripts/entries.mjs but missing`);
  }
  const named = new Set([...ELEMENTS.map(({ name }) => `${name}.ts`), 'index.ts', 'en.ts']);
  for (const file of readdirSync(join(root, 'packages/gongkai/src'))) {
    if (!named.has(file)) problems.push(`packages/gongkai/src/${file} is not in scripts/entries.mjs`);
  }
  return problems;
}

function main() {
  const write = process.argv.includes('--write');
  let stale = 0;
  for (const problem of entryFileProblems()) {
    stale++;
    console.error(problem);
  }
  for (const [dir, fields] of Object.entries(expectedManifests())) {
    const file = join(root, 'packages', dir, 'package.json');
    const text = readFileSync(file, 'utf8');
    const manifest = JSON.parse(text);
    const differs = Object.entries(fields).filter(
      ([key, value]) => JSON.stringify(manifest[key]) !== JSON.stringify(value),
    );
    if (!differs.length) continue;
    if (write) {
      Object.assign(manifest, fields);
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
      console.log(`wrote packages/${dir}/package.json (${differs.map(([key]) => key).join(', ')})`);
    } else {
      stale++;
      console.error(
        `packages/${dir}/package.json: ${differs.map(([key]) => key).join(', ')} out of date; run node scripts/manifests.mjs --write`,
      );
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
