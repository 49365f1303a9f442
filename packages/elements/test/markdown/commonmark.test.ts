/**
 * CommonMark compatibility: every example of the CommonMark spec 0.31.2
 * (fixtures/commonmark-spec-0.31.2.json) rendered by our renderer shows the same
 * text, in the same elements with the same addresses, as marked's own HTML
 * renderer makes of it (which is what the old path showed, before DOMPurify):
 * headings, emphasis, lists, links and reference links, images, quotes, code,
 * breaks, entities. The spec's raw-HTML examples are in xss.test.ts: there we
 * differ on purpose.
 *
 * The differences listed below are on purpose too, each with its reason. A
 * listed example that stops differing fails the test, so the list stays true.
 */
import { expect } from '@open-wc/testing';
import { Marked } from 'marked';
import { RAW_HTML_SECTIONS, renderMarkdown, shapeOf, textOf } from './support.js';

interface SpecExample {
  section: string;
  example: number;
  markdown: string;
  html: string;
}

const spec = (await (await fetch(new URL('./fixtures/commonmark-spec-0.31.2.json', import.meta.url))).json()) as {
  examples: SpecExample[];
};

const KNOWN: Record<string, number[]> = {
  // Named references outside the ~120 that editors use (entities.ts): shown as written.
  'an uncommon named character reference (&AElig; &ouml; &HilbertSpace; …) stays as written': [25, 31, 32, 33, 505],
  // Core's URL check allows http(s), mailto, tel and relative addresses only (lower case), no empty one, no white space inside.
  'an address core refuses (empty, irc:, MAILTO:, a made-up scheme, a line break inside) leaves the link text without a link':
    [202, 487, 488, 489, 569, 598, 599, 600, 601, 603, 645, 646],
  // Inside other constructs: a tag outside the kept few shows as text; <b> becomes <strong>;
  // our tags close in order instead of the browser reopening them.
  'raw HTML inside another construct': [203, 346, 477, 478, 479, 493, 496, 526, 538],
};

const marked = new Marked({ gfm: true });
/** marked's own HTML for an example, parsed without running or loading anything. */
const reference = (markdown: string) =>
  new DOMParser().parseFromString(`<div>${marked.parse(markdown) as string}</div>`, 'text/html').body
    .firstElementChild!;

describe("CommonMark spec examples render as marked's own renderer renders them", () => {
  const known = new Map(
    Object.entries(KNOWN).flatMap(([reason, numbers]) => numbers.map((number) => [number, reason] as const)),
  );
  const examples = spec.examples.filter((example) => !RAW_HTML_SECTIONS.includes(example.section));

  it('uses the whole spec', () => {
    expect(spec.examples).to.have.length(655);
    expect(examples.length).to.be.greaterThan(580);
  });

  for (const example of examples) {
    const reason = known.get(example.example);
    it(`${example.example} ${example.section}${reason ? ` (differs on purpose: ${reason})` : ''}`, () => {
      const ours = renderMarkdown(example.markdown, 2);
      try {
        const theirs = reference(example.markdown);
        // rel="noopener noreferrer" on external links is ours (tested in markdown.test.ts); a task's checkbox is not shown.
        const same =
          textOf(ours) === textOf(theirs) &&
          shapeOf(ours, ['@rel', 'input']).join(' ') === shapeOf(theirs, ['@rel', 'input']).join(' ');
        if (reason) {
          expect(same, 'listed as a difference but renders the same now: take it off the list').to.be.false;
        } else {
          expect(textOf(ours), 'text').to.equal(textOf(theirs));
          expect(shapeOf(ours, ['@rel', 'input']), 'elements').to.deep.equal(shapeOf(theirs, ['@rel', 'input']));
        }
      } finally {
        ours.remove();
      }
    });
  }
});
