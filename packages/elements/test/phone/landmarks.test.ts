/**
 * Two elements of the same kind on one page (two budgets, two consultations):
 * axe on the whole page, landmark-unique included. Inner sections (摘要, 附件,
 * 征求意见稿 …) are not landmarks; the landmarks that remain (the element's own
 * region, a form, the catalogue's tree, a table's scrolling region) carry the
 * document's title in their names. Shadow and light DOM.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../../src/index.js';
import { failOnHostPageErrors } from '../../src/base/internal/test-support.js';
import { KINDS, axeViolations, examplesOf, settled, type AnyGk } from './support.js';

failOnHostPageErrors();

/** Two documents of a kind: two examples where there are two, else the one twice under two titles (two reports of two years). */
async function twoOf(kind: string): Promise<Array<Record<string, unknown>>> {
  const examples = await examplesOf(kind);
  const documents = await Promise.all(examples.slice(0, 2).map(async (example) => (await (await fetch(example.path)).json()) as Record<string, unknown>));
  if (documents.length === 1) documents.push({ ...documents[0]!, title: `${documents[0]!.title as string}（二）` });
  return documents;
}

describe('two elements of each kind on one page', function () {
  this.timeout(240000);
  // A page as a county site's is: a title, a language, a main heading.
  before(() => {
    document.title = '政务公开 - 平罗县卫生和计划生育局';
    document.documentElement.lang = 'zh-CN';
  });
  afterEach(() => fixtureCleanup());

  for (const kind of KINDS) {
    for (const light of [false, true]) {
      it(`two gk-${kind}${light ? ' (light DOM)' : ''}: axe on the page finds nothing, landmark-unique included`, async () => {
        const page = await fixture<HTMLElement>(html`<main><h1>政务公开</h1></main>`);
        const elements: AnyGk[] = [];
        for (const data of await twoOf(kind)) {
          const element = document.createElement(`gk-${kind}`) as unknown as AnyGk;
          if (light) element.setAttribute('light-dom', '');
          element.data = data;
          page.append(element);
          elements.push(element);
        }
        for (const element of elements) await settled(element);
        expect(elements.map((element) => element.status)).to.deep.equal(['ready', 'ready']);
        expect(await axeViolations(document)).to.deep.equal([]);
      });
    }
  }
});
