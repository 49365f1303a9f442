/**
 * The build's minifier of Lit template text (scripts/esbuild-plugins.mjs,
 * minifyLitTemplates): what it collapses, what it leaves as written. That the
 * rendered elements are unchanged is tested in the browser, on every example
 * (packages/gongkai/test/templates.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collapseTemplateParts, minifyCss, minifyTemplatesIn } from '../esbuild-plugins.mjs';

const minified = (source) => minifyTemplatesIn(source);

describe('minifyLitTemplates', () => {
  it('turns each run of whitespace with a line break into one space, in text and inside tags', async () => {
    const source =
      'const a = html`<div class="x">\n      <p>\n        ${text}\n      </p>\n      <button\n        type="button"\n        @click=${go}\n      >${label}</button>\n    </div>`;';
    assert.equal(
      await minified(source),
      'const a = html`<div class="x"> <p> ${text} </p> <button type="button" @click=${go} >${label}</button> </div>`;',
    );
  });

  it('keeps single spaces and spaces between inline elements (they show)', async () => {
    const source = 'html`<b>${a}</b> <i>${b}</i>，<span>  ${c}</span>`';
    assert.equal(await minified(source), 'html`<b>${a}</b> <i>${b}</i>，<span> ${c}</span>`');
  });

  it('leaves quoted attribute values as written, across expressions', async () => {
    const source = 'html`<p title="two  spaces\n  kept" class=\'a  ${b}\n  c\'>x</p>`';
    assert.equal(await minified(source), source);
  });

  it('leaves the content of <pre>, <textarea>, <script> and <style> as written, and templates nested in them', async () => {
    const pre = 'html`<pre>\n  a\n    b ${html`<b>\n  x</b>`}\n</pre>\n  <p>\n  y</p>`';
    assert.equal(await minified(pre), 'html`<pre>\n  a\n    b ${html`<b>\n  x</b>`}\n</pre> <p> y</p>`');
    const textarea = 'html`<textarea\n  rows="6"\n>\n  kept\n</textarea>`';
    assert.equal(await minified(textarea), 'html`<textarea rows="6" >\n  kept\n</textarea>`');
    const tags = 'html`<script type="application/json">\n  {}\n</script><style>\n  a {}\n</style>`';
    assert.equal(await minified(tags), tags);
    // A self-closed or closing tag of the same name does not start kept text.
    assert.equal(await minified('html`</pre>\n  <p>\n x</p>`'), 'html`</pre> <p> x</p>`');
  });

  it('leaves comments as written', async () => {
    const source = 'html`<!--\n  a comment\n-->\n  <p>x</p>`';
    assert.equal(await minified(source), 'html`<!--\n  a comment\n--> <p>x</p>`');
  });

  it('minifies templates nested in expressions, and svg`…` too', async () => {
    const source =
      'html`<ul>\n  ${items.map((item) => html`<li>\n    ${item}\n  </li>`)}\n</ul>${svg`<g>\n  <rect></rect>\n</g>`}`';
    assert.equal(
      await minified(source),
      'html`<ul> ${items.map((item) => html`<li> ${item} </li>`)} </ul>${svg`<g> <rect></rect> </g>`}`',
    );
  });

  it('touches nothing but tagged templates: not strings, comments, other tags or untagged templates', async () => {
    const source = [
      "const s = 'html`<p>\\n  x</p>`';",
      '// html`<p>\n//   x</p>`',
      'const t = `<p>\n  x</p>`;',
      'const u = other`<p>\n  x</p>`;',
      'const v = html.call`<p>\n  x</p>`;',
    ].join('\n');
    assert.equal(await minified(source), source);
  });

  it('keeps escapes and a line continuation', async () => {
    const source = 'html`<p>\\`a\\` \\${b}\\\n  c</p>`';
    assert.equal(await minified(source), 'html`<p>\\`a\\` \\${b}\\\n c</p>`');
  });

  it('reports which expressions stand inside kept text', () => {
    assert.deepEqual(collapseTemplateParts(['<pre>', '</pre>\n<p>', '</p>']).rawExpressions, [true, false]);
    assert.deepEqual(collapseTemplateParts(['<p title="', '">', '</p>']).rawExpressions, [false, false]);
  });

  it('minifies css`…` in any element source as it did in *.styles.ts', async () => {
    const source =
      "static styles = css`\n  /* why */\n  :host {\n    display: block;\n  }\n  a:focus , b > c {\n    content: ' · ';\n  }\n`;";
    assert.equal(await minified(source), "static styles = css`:host{display:block}a:focus,b>c{content:' · '}`;");
    // A space before a colon stays: in a selector it can matter.
    assert.equal(minifyCss('.a :focus { color: red ; }'), '.a :focus{color:red}');
  });
});
