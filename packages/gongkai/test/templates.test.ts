/**
 * The build collapses whitespace in Lit's html`…` and svg`…` templates
 * (scripts/esbuild-plugins.mjs, minifyLitTemplates). What a reader gets must not
 * change: every example of every kind, rendered by the shipped one-file bundle and
 * by the same bundle built with those templates as written
 * (/test-vendor/gongkai-as-written.js), has the same elements and attributes, the
 * same text once whitespace is read as HTML reads it, the same innerText and the
 * same boxes, to the half pixel. In shadow-DOM mode in a 300 px column and in
 * light-DOM mode in an 800 px one.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { closeGallery, deep, FRAME, label, layout, openGallery, rootOf } from './gallery.js';

/**
 * Every element under the root with its attributes, and every text node with its
 * whitespace runs read as one space. In light-DOM mode ids carry a per-page count
 * (gk7-title) that follows the order the elements' data arrive in: the count is
 * left out.
 */
function structure(element: HTMLElement): string[] {
  const root = rootOf(element);
  const lines: string[] = [];
  const texts = (parent: Node) => {
    for (const child of parent.childNodes)
      if (child.nodeType === Node.TEXT_NODE) lines.push(`  "${(child as Text).data.replace(/[ \t\n\r\f]+/g, ' ')}"`);
  };
  texts(root);
  for (const inner of deep(root)) {
    const attributes = [...inner.attributes]
      .map((attribute) => `${attribute.name}="${attribute.value.replace(/\bgk\d+-/g, 'gk#-')}"`)
      .sort();
    lines.push(`${label(inner)} ${attributes.join(' ')}`);
    texts(inner);
    if (inner.shadowRoot) texts(inner.shadowRoot);
  }
  return lines;
}

describe('templates with their whitespace collapsed render as written', function () {
  this.timeout(240000);

  before(async () => {
    await setViewport(FRAME);
  });
  after(() => closeGallery());

  for (const [mode, width] of [
    ['shadow', 300],
    ['light', 800],
  ] as const) {
    it(`every example: the same elements, attributes, text, innerText and boxes (${mode} DOM, ${width} px)`, async () => {
      const written = await openGallery('gallery-as-written', { width, mode });
      const expected = [...written.__gallery.elements].map((element) => ({
        example: element.getAttribute('data-example'),
        structure: structure(element),
        innerText: rootOf(element).innerText,
        layout: layout(element),
        raw: rootOf(element).textContent,
      }));
      const shipped = await openGallery('gallery-clean', { width, mode });
      const elements = [...shipped.__gallery.elements];
      expect(elements.length).to.equal(expected.length);
      expect(elements.length).to.be.greaterThan(20);
      let collapsed = 0;
      elements.forEach((element, index) => {
        const want = expected[index]!;
        const name = `${want.example} (${mode})`;
        expect(element.getAttribute('data-example')).to.equal(want.example);
        expect(structure(element), `${name}: elements, attributes and text`).to.deep.equal(want.structure);
        expect(rootOf(element).innerText, `${name}: innerText`).to.equal(want.innerText);
        expect(layout(element), `${name}: boxes`).to.deep.equal(want.layout);
        if (rootOf(element).textContent !== want.raw) collapsed++;
      });
      // The two bundles really differ: most elements' raw text lost whitespace.
      expect(collapsed, 'elements whose raw text changed').to.be.greaterThan(elements.length / 2);
    });
  }
});
