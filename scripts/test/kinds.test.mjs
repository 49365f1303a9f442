/**
 * The one table of kinds (scripts/entries.mjs) and everything made from it: the
 * generated sources and every package.json's `exports` and `sideEffects` must agree
 * with it, and each kind must have what a kind is made of.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { KINDS } from '../entries.mjs';
import { staleSources } from '../kinds.mjs';
import { entryFileProblems, expectedManifests } from '../manifests.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

test('the generated sources are current with the table of kinds (pnpm kinds)', async () => {
  assert.deepEqual(
    (await staleSources()).map(({ path }) => path),
    [],
  );
});

test('every package.json lists exactly the entries the table names (pnpm kinds)', () => {
  assert.deepEqual(entryFileProblems(), []);
  for (const [dir, fields] of Object.entries(expectedManifests())) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
    for (const [key, value] of Object.entries(fields))
      assert.deepEqual(manifest[key], value, `packages/${dir}/package.json ${key}`);
  }
});

test('each kind has its schema, messages, element folder, examples, story, docs page and a place on the demo site', () => {
  // The demo site: its front page and the pages it links to (a project has its own page).
  const demo = readdirSync(join(root, 'examples'), { recursive: true })
    .filter((name) => String(name).endsWith('.html') && !String(name).includes('node_modules'))
    .map((name) => readFileSync(join(root, 'examples', String(name)), 'utf8'))
    .join('\n');
  for (const { kind, sample } of KINDS) {
    const folder = join(root, 'packages/elements/src', kind);
    for (const path of [
      `packages/core/src/schemas/${kind}.ts`,
      `packages/core/src/messages/${kind}.ts`,
      `packages/elements/src/${kind}/${kind}.ts`,
      `packages/elements/src/${kind}/${kind}.test.ts`,
      `packages/elements/src/${kind}/${kind}.stories.ts`,
      `packages/elements/src/${kind}/examples/${sample}.json`,
      `docs/elements/${kind}.md`,
    ]) {
      assert.ok(existsSync(join(root, path)), `${kind}: ${path} is missing`);
    }
    const examples = readdirSync(join(folder, 'examples')).filter((name) => name.endsWith('.json'));
    for (const name of examples) {
      assert.equal(
        JSON.parse(readFileSync(join(folder, 'examples', name), 'utf8')).kind,
        kind,
        `${kind}/examples/${name}: its "kind"`,
      );
    }
    assert.ok(demo.includes(`<gk-${kind}`), `${kind}: no <gk-${kind}> on the demo site (examples/**/*.html)`);
  }
});

test('the table names each kind, class and message prefix once', () => {
  for (const field of ['kind', 'className', 'prefix']) {
    const values = KINDS.map((entry) => entry[field]);
    assert.equal(new Set(values).size, values.length, field);
  }
});
