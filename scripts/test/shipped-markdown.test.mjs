/**
 * What users get carries marked's lexer and nothing of its HTML renderer, and no
 * HTML sanitizer: the one-file bundle and every per-element ES module chunk, as
 * `pnpm build` wrote them (pnpm test builds first).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../packages/gongkai/dist/', import.meta.url));
const shipped = () => [
  join(dist, 'gongkai.js'),
  ...readdirSync(join(dist, 'esm')).filter((name) => name.endsWith('.js')).map((name) => join(dist, 'esm', name)),
  ...readdirSync(join(dist, 'esm', 'chunks')).map((name) => join(dist, 'esm', 'chunks', name)),
];

/** Strings only marked's Parser/Renderer, its global instance or DOMPurify contain. */
const FORBIDDEN = [
  ['marked\'s Renderer', '<pre><code class="language-'],
  ['marked\'s Renderer', 'disabled="" type="checkbox"'],
  ['marked\'s global instance', 'Please report this to https://github.com/markedjs/marked.'],
  ['DOMPurify', 'DOMPurify'],
  ['DOMPurify', 'SAFE_FOR_TEMPLATES'],
];

describe('the shipped Markdown code', { skip: !existsSync(join(dist, 'gongkai.js')) && 'run pnpm build first' }, () => {
  it("has marked's lexer in the one-file bundle", () => {
    const bundle = readFileSync(join(dist, 'gongkai.js'), 'utf8');
    assert.match(bundle, /blockquoteStart/, "marked's block rules");
  });

  for (const [what, marker] of FORBIDDEN) {
    it(`has no ${what} (${marker})`, () => {
      for (const file of shipped()) assert.equal(readFileSync(file, 'utf8').includes(marker), false, `${file} contains ${marker}`);
    });
  }
});
