/**
 * The browser builds keep optional chaining (a?.b) for Chrome 80 and later
 * (scripts/esbuild-plugins.mjs, optionalChainingFromChrome80): the one form
 * Chrome 80–90 get wrong, an optional call with a spread argument before the last,
 * stops the build, and is in nothing we ship (the one-file bundle and the compiled modules).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { optionalChainingFromChrome80, spreadsInOptionalCalls } from '../esbuild-plugins.mjs';

const TARGET = ['es2020', 'chrome80', 'safari15', 'firefox78'];
const bundle = (contents) =>
  build({
    stdin: { contents, loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    target: TARGET,
    plugins: [optionalChainingFromChrome80()],
    logLevel: 'silent',
  });

describe('optional chaining from Chrome 80', () => {
  it('is kept as written for our targets', async () => {
    const result = await bundle('export const f = (a, c) => a?.b?.(1, ...c) ?? a?.[0];');
    assert.match(result.outputFiles[0].text, /a\?\.b\?\.\(1, \.\.\.c\) \?\? a\?\.\[0\]/);
  });

  it('stops the build on an optional call with a spread argument before the last', async () => {
    for (const call of ['a?.b(...c, 1)', 'a?.(...c, 1)', 'a?.b.d(...c, 1)']) {
      await assert.rejects(bundle(`export const f = (a, c) => ${call};`), (error) => {
        assert.match(error.message, /spread argument before the last/);
        return true;
      });
    }
  });

  it('finds exactly that form', async () => {
    assert.deepEqual(await spreadsInOptionalCalls('a?.b(...c, d); a?.(...c, d); a?.b.e(...c, d);'), [
      'a?.b(...c, d)',
      'a?.(...c, d)',
      'a?.b.e(...c, d)',
    ]);
    assert.deepEqual(await spreadsInOptionalCalls('a?.b(c, ...d); a?.b(...c); a.b(...c, d); x(a?.b, ...c, d);'), []);
  });

  const packages = fileURLToPath(new URL('../../packages/', import.meta.url));
  const dist = join(packages, 'gongkai', 'dist');
  it(
    'has no such call in the one-file bundle or any compiled module we publish',
    { skip: !existsSync(join(dist, 'gongkai.js')) && 'run pnpm build first' },
    async () => {
      const compiled = ['core', 'elements', 'gongkai'].flatMap((name) =>
        readdirSync(join(packages, name, 'dist'), { recursive: true })
          .filter((file) => file.endsWith('.js') && file !== 'gongkai.js')
          .map((file) => join(packages, name, 'dist', file)),
      );
      assert.ok(compiled.length > 50, 'the compiled modules are there');
      const files = [join(dist, 'gongkai.js'), ...compiled];
      const bundled = readFileSync(files[0], 'utf8');
      assert.ok((bundled.match(/\?\./g) ?? []).length > 50, 'the one-file bundle keeps ?.');
      for (const file of files) assert.deepEqual(await spreadsInOptionalCalls(readFileSync(file, 'utf8')), [], file);
    },
  );
});
