/**
 * The one-file bundle's messages (scripts/esbuild-plugins.mjs,
 * englishByChineseKeys): every table of every messages module, built as the
 * one-file bundle builds it, is the table as written — the same keys in the same
 * order and the same texts — and a module the rewrite does not understand stops
 * the build.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';
import { englishByChineseKeys, englishByChineseKeysIn } from '../esbuild-plugins.mjs';

const messages = fileURLToPath(new URL('../../packages/core/src/messages/', import.meta.url));
const load = (code) => import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

describe('englishByChineseKeys', () => {
  const files = readdirSync(messages).filter((name) => name.endsWith('.ts'));

  it('covers every messages module', () => {
    assert.ok(files.length >= 10, files.join(', '));
  });

  for (const file of files) {
    it(`${file}: the built tables equal the tables as written, key order included`, async () => {
      const path = join(messages, file);
      const written = await load((await transform(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm' })).code);
      const built = await build({
        entryPoints: [path],
        bundle: true,
        format: 'esm',
        write: false,
        plugins: [englishByChineseKeys()],
        logLevel: 'silent',
      });
      const code = built.outputFiles[0].text;
      const shipped = await load(code);
      assert.deepEqual(Object.keys(shipped).sort(), Object.keys(written).sort());
      for (const name of Object.keys(written)) {
        assert.deepEqual(Object.entries(shipped[name]), Object.entries(written[name]), name);
      }
      // The English keys are not written out: each key is in the built module once.
      const [firstKey] = Object.keys(written[Object.keys(written).find((name) => name.endsWith('En'))]);
      assert.equal(code.split(JSON.stringify(firstKey)).length - 1, 1, `${firstKey} written once`);
    });
  }

  it('stops the build on an English table with other keys, or anything else in the module', async () => {
    await assert.rejects(
      englishByChineseKeysIn("export const aZh = { 'a.b': '甲', 'a.c': '乙' };\nexport const aEn = { 'a.b': 'A' };"),
      /aEn with other keys than aZh/,
    );
    await assert.rejects(
      englishByChineseKeysIn(
        "export const aZh = { 'a.b': '甲' };\nexport const aEn = { 'a.b': 'A' };\nexport const other = 1;",
      ),
      /not <name>Zh and <name>En pairs/,
    );
    await assert.rejects(
      englishByChineseKeysIn("export const aZh = { 'a.b': '甲' };\nexport const aEn = { 'a.b': 2 };"),
      /not a string/,
    );
  });
});
