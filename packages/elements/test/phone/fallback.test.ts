/**
 * The phone layout where the browser has no container queries (WeChat's X5
 * kernel, old domestic browsers): this page's CSS.supports says so before any
 * element loads, so the elements write their narrow rules under the class
 * gk-narrow, which a ResizeObserver sets on each root by its width. The same
 * first-screen checks as phone.test.ts, in shadow and light DOM.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { failOnHostPageErrors } from '../../src/base/internal/test-support.js';
import {
  KINDS,
  PHONE,
  examplesOf,
  firstScreenProblems,
  render,
  rootOf,
  sidewaysScroll,
  type AnyGk,
} from './support.js';

// Before the elements are imported (below, in before()): a browser without container queries.
const supports = CSS.supports.bind(CSS);
CSS.supports = ((condition: string, value?: string) =>
  /container/.test(condition)
    ? false
    : value === undefined
      ? supports(condition)
      : supports(condition, value)) as typeof CSS.supports;

failOnHostPageErrors();

/** Every style rule of a kind's stylesheets, and whether any is inside @container. */
function rulesOf(kind: string): { selectors: string[]; containerRules: number } {
  const styles = (
    customElements.get(`gk-${kind}`) as unknown as {
      elementStyles: Array<CSSStyleSheet | { styleSheet?: CSSStyleSheet }>;
    }
  ).elementStyles;
  const selectors: string[] = [];
  let containerRules = 0;
  const visit = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) selectors.push(rule.selectorText);
      else if (rule instanceof CSSContainerRule) containerRules++;
      else if (rule instanceof CSSGroupingRule) visit(rule.cssRules);
    }
  };
  for (const style of styles) visit((style instanceof CSSStyleSheet ? style : style.styleSheet!).cssRules);
  return { selectors, containerRules };
}

describe('without container queries (the ResizeObserver fallback)', function () {
  this.timeout(240000);
  before(async () => {
    await import('../../src/index.js');
    await setViewport(PHONE);
  });
  after(() => setViewport({ width: 800, height: 600 }));

  it('no element has a container rule; each has its narrow rules under .gk-narrow', () => {
    for (const kind of KINDS) {
      const { selectors, containerRules } = rulesOf(kind);
      expect(containerRules, kind).to.equal(0);
      expect(selectors.filter((selector) => selector.includes('.gk-narrow')).length, kind).to.be.greaterThan(0);
    }
  });

  for (const kind of KINDS) {
    it(`gk-${kind}, every example, shadow and light DOM: narrow on a phone, and the first screen answers`, async () => {
      const problems: string[] = [];
      for (const example of await examplesOf(kind)) {
        for (const light of [false, true]) {
          const element = await render(example, { light });
          const where = `${example.path}${light ? ' (light DOM)' : ''}`;
          expect(rootOf(element).classList.contains('gk-narrow'), `${where}: the narrow class`).to.be.true;
          for (const problem of firstScreenProblems(element, kind)) problems.push(`${where}: ${problem}`);
          if (sidewaysScroll() > 0) problems.push(`${where}: the page scrolls ${sidewaysScroll()} px sideways`);
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it("follows the element's own width as it changes, in its own em (elder mode narrows sooner)", async () => {
    const column = await fixture<HTMLDivElement>(html`<div></div>`);
    column.style.width = '700px';
    await setViewport({ width: 1000, height: 700 });
    try {
      const [example] = await examplesOf('document');
      const element = document.createElement('gk-document') as unknown as AnyGk;
      element.data = await (await fetch(example!.path)).json();
      column.append(element);
      await waitUntil(() => element.status === 'ready' && rootOf(element));
      const narrow = () => rootOf(element).classList.contains('gk-narrow');
      // 700 px is wider than 40em at 16 px (640 px): the wide layout.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(narrow()).to.be.false;
      column.style.width = '360px';
      await waitUntil(narrow, 'not narrow at 360 px');
      column.style.width = '700px';
      await waitUntil(() => !narrow(), 'still narrow at 700 px');
      // Elder mode's 21 px em: 40em is 840 px, so 700 px is narrow.
      element.setAttribute('elder', '');
      await waitUntil(narrow, 'not narrow in elder mode at 700 px');
      element.removeAttribute('elder');
      await waitUntil(() => !narrow(), 'still narrow after elder mode');
    } finally {
      await setViewport(PHONE);
    }
  });
});
