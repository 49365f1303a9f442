/**
 * What users get carries marked's lexer and nothing of its HTML renderer, and no
 * HTML sanitizer: the one-file bundle and every compiled module the packages
 * ship (core's vendored marked among them), as `pnpm build` wrote them (pnpm test
 * builds first). The consumer test checks the same of what Vite makes of them.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../../packages/', import.meta.url));
const dist = join(packages, 'gongkai', 'dist');
const vendoredMarked = join(packages, 'core', 'dist', 'vendor', 'marked.js');
const shipped = () =>
  ['core', 'elements', 'gongkai'].flatMap((name) =>
    readdirSync(join(packages, name, 'dist'), { recursive: true })
      .filter((file) => file.endsWith('.js'))
      .map((file) => join(packages, name, 'dist', file)),
  );

/** Strings only marked's Parser/Renderer, its global instance or DOMPurify contain. */
const FORBIDDEN = [
  ["marked's Renderer", '<pre><code class="language-'],
  ["marked's Renderer", 'disabled="" type="checkbox"'],
  ["marked's global instance", 'Please report this to https://github.com/markedjs/marked.'],
  ['DOMPurify', 'DOMPurify'],
  ['DOMPurify', 'SAFE_FOR_TEMPLATES'],
];

describe('the shipped Markdown code', { skip: !existsSync(join(dist, 'gongkai.js')) && 'run pnpm build first' }, () => {
  it("has marked's lexer in the one-file bundle and in core's vendored marked", () => {
    for (const file of [join(dist, 'gongkai.js'), vendoredMarked])
      assert.match(readFileSync(file, 'utf8'), /blockquoteStart/, `marked's block rules in ${file}`);
  });

  it('evaluates marked on first use only (core imports the lazy vendored copy)', () => {
    const markdown = readFileSync(join(packages, 'core', 'dist', 'markdown.js'), 'utf8');
    assert.match(markdown, /from\s*["']\.\/vendor\/marked\.js["']/);
    assert.doesNotMatch(markdown, /from\s*["']marked["']/);
  });

  for (const [what, marker] of FORBIDDEN) {
    it(`has no ${what} (${marker})`, () => {
      for (const file of shipped())
        assert.equal(readFileSync(file, 'utf8').includes(marker), false, `${file} contains ${marker}`);
    });
  }
});
