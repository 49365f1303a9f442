/**
 * The HTML-sink check (scripts/lint-html-sinks.mjs) finds each sink planted in a
 * source file, ignores test files, and passes on the real sources.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findHtmlSinks } from '../lint-html-sinks.mjs';

const script = fileURLToPath(new URL('../lint-html-sinks.mjs', import.meta.url));
const planted = {
  'unsafe-html.ts': "import { unsafeHTML } from 'lit/directives/unsafe-html.js';\nexport const x = unsafeHTML(s);",
  'unsafe-svg.ts': 'export const y = unsafeSVG(s);',
  'inner.ts': 'el.innerHTML = text;',
  'outer.js': 'el.outerHTML = text;',
  'adjacent.mjs': "el.insertAdjacentHTML('beforeend', text);",
  'parser.ts': "const doc = new DOMParser().parseFromString(text, 'text/html');",
  'fragment.ts': 'document.createRange().createContextualFragment(text);',
  'write.ts': 'document . write(text);',
  'writeln.ts': 'document.writeln(text);',
  'srcdoc.ts': 'frame.srcdoc = text;',
  'comment.ts': '// el.innerHTML = text (commented out still counts)',
};

const folder = mkdtempSync(join(tmpdir(), 'gk-sinks-'));
after(() => rmSync(folder, { recursive: true, force: true }));
mkdirSync(join(folder, 'nested', 'deeper'), { recursive: true });
for (const [name, text] of Object.entries(planted)) writeFileSync(join(folder, 'nested', 'deeper', name), `${text}\n`);
writeFileSync(
  join(folder, 'clean.ts'),
  "import { html } from 'lit';\nexport const t = (s: string) => html`<p>${s}</p>`;\nel.textContent = s;\n",
);
writeFileSync(join(folder, 'thing.test.ts'), 'el.innerHTML = "<b>tests may parse HTML</b>";\n');
writeFileSync(join(folder, 'notes.md'), 'innerHTML in prose is not code\n');

describe('lint-html-sinks', () => {
  it('finds every planted sink, once each, with its line', () => {
    const found = findHtmlSinks([folder]);
    const files = found.map((hit) => hit.file.split(/[\\/]/).pop()).sort();
    assert.deepEqual(
      files,
      Object.keys(planted)
        .sort()
        .flatMap((name) => (name === 'unsafe-html.ts' ? [name, name] : [name]))
        .sort(),
    );
    const inner = found.find((hit) => hit.file.endsWith('inner.ts'));
    assert.equal(inner.line, 1);
    assert.match(inner.why, /HTML/);
  });

  it('fails the command (exit 1) and names the file', () => {
    const result = spawnSync(process.execPath, [script, folder], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /inner\.ts:1: parses a string as HTML/);
  });

  it('passes on the project: no sink in packages/elements/src or packages/core/src', () => {
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(findHtmlSinks(), []);
  });
});
