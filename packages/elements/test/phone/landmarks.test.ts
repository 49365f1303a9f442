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

interface RuleResult {
  violations: Array<{ nodes: Array<{ element: Element }> }>;
  passes: Array<{ nodes: Array<{ element: Element }> }>;
}

/** axe's landmark-unique alone on the page: the landmarks it passed and those it failed, as elements. */
async function landmarkUnique(): Promise<{ passed: Element[]; violations: Element[] }> {
  await import('axe-core/axe.min.js' as string);
  const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<RuleResult> } }).axe;
  const result = await axe.run(document, { runOnly: { type: 'rule', values: ['landmark-unique'] }, elementRef: true });
  const elementsOf = (results: RuleResult['passes']) =>
    results.flatMap((each) => each.nodes.map((node) => node.element));
  return { passed: elementsOf(result.passes), violations: elementsOf(result.violations) };
}

/** Whether `node` is inside `host`, through shadow roots. */
function within(host: Element, node: Node | null): boolean {
  for (; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) if (node === host) return true;
  return false;
}

/** Two documents of a kind: two examples where there are two, else the one twice under two titles (two reports of two years). */
async function twoOf(kind: string): Promise<Array<Record<string, unknown>>> {
  const examples = await examplesOf(kind);
  const documents = await Promise.all(
    examples.slice(0, 2).map(async (example) => (await (await fetch(example.path)).json()) as Record<string, unknown>),
  );
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
        // The rule ran on the elements' own landmarks, not only on the page's <main>: each element has some (a document
        // card has none: an article with unnamed sections), and none is a violation.
        const landmarks = await landmarkUnique();
        expect(landmarks.violations, 'landmark-unique violations').to.deep.equal([]);
        const counts = elements.map((element) => landmarks.passed.filter((node) => within(element, node)).length);
        if (kind === 'document') expect(counts, 'a document card has no landmarks').to.deep.equal([0, 0]);
        else
          expect(
            counts.every((count) => count > 0),
            `landmarks landmark-unique checked in each element: ${counts.join(', ')}`,
          ).to.be.true;
      });
    }
  }
});
