/**
 * The one-file bundle after its second minification (scripts/build.mjs,
 * minifyAgain): Chinese stays UTF-8, the exports keep their names, and the
 * linked source map still leads back to our sources. That it renders as before is
 * tested in the browser (packages/gongkai/test: bundle, templates, hostile pages).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../packages/gongkai/dist/', import.meta.url));
const file = join(dist, 'gongkai.js');

describe('the one-file bundle', { skip: !existsSync(file) && 'run pnpm build first' }, () => {
  const code = existsSync(file) ? readFileSync(file, 'utf8') : '';

  it('keeps Chinese as UTF-8 (3 bytes a character), not 6-byte \\u escapes', () => {
    for (const text of ['正在加载', '科目编码', '因公出国（境）费', '王李张刘陈']) assert.ok(code.includes(text), text);
    assert.ok((code.match(/[\u4e00-\u9fff]/g) ?? []).length > 4000);
  });

  it('exports the core API by name', () => {
    for (const name of [
      'formatMoney',
      'validate',
      'validateText',
      'formatIssue',
      'GkDocumentElement',
      'budgetSchema',
    ]) {
      assert.match(code, new RegExp(`\\bas ${name}\\b`), name);
    }
  });

  it("leaves the provenance block to gongkai-provenance.js beside it, which takes the bundle's messages and Lit instead of a copy", () => {
    // No static import: the one file still works alone; the only import is the block's, on demand.
    assert.doesNotMatch(code, /(^|[;}])\s*import\s*[{*\w]/);
    assert.deepEqual(code.match(/import\(\s*["'][^"']*["']\s*\)/g), ['import("./gongkai-provenance.js")']);
    assert.ok(!code.includes('发布信息与修订记录'), "the block's messages are not in the one file");
    const second = readFileSync(join(dist, 'gongkai-provenance.js'), 'utf8');
    assert.ok(second.includes('发布信息与修订记录'), "the block's Chinese");
    assert.ok(second.includes('Publication and updates'), "the block's English");
    assert.ok(!second.includes('正在加载'), 'no copy of the common messages');
    assert.ok(!second.includes('litHtmlVersions'), 'no copy of Lit');
    assert.doesNotMatch(second, /(^|[;}])\s*import\s*[{*\w]/);
    assert.match(second, /export\s*\{\s*\w+ as load\s*\}/);
    // No getter defined per key a for…in finds (esbuild's namespace helper): a polluted Object.prototype would add its keys.
    for (const text of [code, second])
      assert.doesNotMatch(text, /for\s*\(\s*var\s+(\w+)\s+in\s+(\w+)\s*\)\s*\w+\(\s*\w+\s*,\s*\1\s*,\s*\{\s*get:/);
  });

  it('links a source map that leads back to our sources', () => {
    assert.match(code, /\n\/\/# sourceMappingURL=gongkai\.js\.map$/);
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    assert.equal(map.version, 3);
    for (const source of [
      'elements/src/base/gk-element.ts',
      'core/src/validate.ts',
      'elements/src/budget/internal/views.ts',
    ]) {
      assert.ok(
        map.sources.some((path) => path.endsWith(source)),
        source,
      );
    }
    assert.equal(map.sources.length, map.sourcesContent.length);
  });
});
