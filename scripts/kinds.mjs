#!/usr/bin/env node
/**
 * Writes the sources that list every kind, from the one table of kinds
 * (KINDS in scripts/entries.mjs). `pnpm kinds` (`--write`) updates them and the
 * package manifests; without `--write` it checks them and exits 1 when one is out
 * of date (scripts/test/kinds.test.mjs runs the check in `pnpm test`).
 *
 * Whole files: core's kinds.ts and translations/en.ts, and gongkai's per-kind
 * entries. Blocks between GENERATED markers: core's index.ts and i18n.ts, the
 * elements' index.ts and gongkai's index.ts (their other lines are written by hand).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { KINDS, camel, pascal } from './entries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const BEGIN = '// <generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit>';
const END = '// </generated>';
const HEADER = '// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.\n';

/** A property name as Prettier writes it: quoted only when it must be. */
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

const coreKinds = () => {
  const imports = KINDS.map(
    ({ kind }) => `import { ${camel(kind)}Descriptions, ${camel(kind)}Schema } from './schemas/${kind}.js';`,
  );
  return `${HEADER}/** Every document kind and its schema: what the CLI and the JSON Schema export iterate over. */
import type * as z from 'zod/mini';
import type { FieldDescriptions } from './schemas/common.js';
${imports.join('\n')}

export const SCHEMAS = {
${KINDS.map(({ kind }) => `  ${key(kind)}: ${camel(kind)}Schema,`).join('\n')}
} as const satisfies Record<string, z.ZodMiniType>;

export type Kind = keyof typeof SCHEMAS;
export const KINDS = Object.keys(SCHEMAS) as Kind[];

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SCHEMAS, value);
}

/** Field descriptions per kind; only the JSON Schema export reads them. */
export const DESCRIPTIONS: Record<Kind, () => FieldDescriptions> = {
${KINDS.map(({ kind }) => `  ${key(kind)}: ${camel(kind)}Descriptions,`).join('\n')}
};
`;
};

/** Message tables that belong to no one kind: the shared states and the chart frame. */
const SHARED_MESSAGES = ['common', 'chart'];
const messageModules = () => [...SHARED_MESSAGES, ...KINDS.map(({ kind }) => kind)];
/** Tables whose keys are messages too, but whose English comes with the module that loads them on demand. */
const ON_DEMAND_MESSAGES = ['provenance'];

const englishTranslation = () => `${HEADER}/**
 * English for every element. Import it once to make lang="en" work:
 * \`import 'gongkai/en'\` (the one-file bundle already includes it).
 */
import { addMessages } from '../i18n.js';
${messageModules()
  .map((name) => `import { ${camel(name)}En } from '../messages/${name}.js';`)
  .join('\n')}

addMessages('en', {
${messageModules()
  .map((name) => `  ...${camel(name)}En,`)
  .join('\n')}
});
// The provenance block's English comes with that block (diff.ts), loaded on demand.
`;

const messageKeyBlock = () =>
  [
    ...[...messageModules(), ...ON_DEMAND_MESSAGES]
      .filter((name) => name !== 'common')
      .map((name) => `import type { ${camel(name)}Zh } from './messages/${name}.js';`),
    '',
    '/** Every message of the library: the shared tables and each kind’s. */',
    'export type MessageKey =',
    ...[...messageModules(), ...ON_DEMAND_MESSAGES].map(
      (name, i, all) => `  | keyof typeof ${camel(name)}Zh${i === all.length - 1 ? ';' : ''}`,
    ),
  ].join('\n');

const coreIndexBlock = () => KINDS.map(({ kind }) => `export * from './schemas/${kind}.js';`).join('\n');

const elementsIndexBlock = () =>
  KINDS.map(
    ({ kind, className, types = [] }) =>
      `export { ${[className, ...types.map((type) => `type ${type}`)].join(', ')} } from './${kind}/${kind}.js';`,
  ).join('\n');

const gongkaiIndexBlock = () =>
  [
    `export { ${KINDS.map(({ kind }) => `${camel(kind)}Schema`).join(', ')} } from '@gongkai/core';`,
    `export type { ${KINDS.map(({ kind }) => `Gk${pascal(kind)}`).join(', ')} } from '@gongkai/core';`,
  ].join('\n');

const gongkaiEntry = ({ kind, uses = [] }) => {
  const also = uses.length ? ` (and the ${uses.map((use) => `<gk-${use}>`).join(', ')} it uses)` : ' only';
  return `${HEADER}/** \`gongkai/${kind}\`: registers <gk-${kind}>${also}. */
export * from '@gongkai/elements/${kind}';
`;
};

/** Every generated file or block: [path, whole file or block text, 'file' | 'block']. */
export function generated() {
  return [
    ['packages/core/src/kinds.ts', coreKinds(), 'file'],
    ['packages/core/src/translations/en.ts', englishTranslation(), 'file'],
    ['packages/core/src/i18n.ts', messageKeyBlock(), 'block'],
    ['packages/core/src/index.ts', coreIndexBlock(), 'block'],
    ['packages/elements/src/index.ts', elementsIndexBlock(), 'block'],
    ['packages/gongkai/src/index.ts', gongkaiIndexBlock(), 'block'],
    ...KINDS.map((entry) => [`packages/gongkai/src/${entry.kind}.ts`, gongkaiEntry(entry), 'file']),
  ];
}

/** A block formatted as Prettier formats it on its own (its lines are whole statements). */
async function formattedBlock(content, options) {
  return (await prettier.format(content, options)).trimEnd();
}

/** The text `path` should have, from its current text. */
function expectedText(path, content, shape) {
  if (shape === 'file') return content;
  const current = readFileSync(join(root, path), 'utf8');
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END, begin);
  if (begin < 0 || end < 0) throw new Error(`${path}: no generated block (${BEGIN} … ${END})`);
  return `${current.slice(0, begin)}${BEGIN}\n${content}\n${current.slice(end)}`;
}

/**
 * Generated files that are out of date, with what they should hold. Whole files are
 * written as Prettier writes them, so `pnpm format` leaves them as they are; a block
 * is written in the form Prettier gives it inside its file.
 */
export async function staleSources() {
  const stale = [];
  for (const [path, content, shape] of generated()) {
    const file = join(root, path);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const expected =
      shape === 'file'
        ? await prettier.format(content, options)
        : expectedText(path, await formattedBlock(content, options), shape);
    if (current !== expected) stale.push({ path, expected });
  }
  return stale;
}

async function main() {
  const write = process.argv.includes('--write');
  const stale = await staleSources();
  for (const { path, expected } of stale) {
    if (write) {
      writeFileSync(join(root, path), expected);
      console.log(`wrote ${path}`);
    } else {
      console.error(`${path} is out of date with the table of kinds; run pnpm kinds`);
    }
  }
  if (write) {
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, [join(root, 'scripts/manifests.mjs'), '--write'], { stdio: 'inherit' });
  } else if (stale.length) {
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
