/**
 * On a phone (375 × 667), every example of every kind: the first screen answers
 * the reader's question (checked by position against the viewport, with the
 * element's top at the top of the screen), the page does not scroll sideways,
 * axe finds nothing, and every target is at least 24 px (44 px in elder mode).
 * In shadow and light-DOM mode. With GK_SCREENSHOTS=1 it also saves each kind's
 * first screen at 375 and 1280 px for the docs (docs/images/phone/).
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { failOnHostPageErrors } from '../../src/base/internal/test-support.js';
import { KINDS as TABLE } from '../../../../scripts/entries.mjs';
import {
  KINDS,
  PHONE,
  axeViolations,
  examplesOf,
  find,
  firstScreenProblems,
  render,
  rootOf,
  screenshot,
  sidewaysScroll,
  smallTargets,
  toTop,
  visible,
  type Kind,
} from './support.js';

failOnHostPageErrors();

describe('on a phone, 375 × 667', function () {
  this.timeout(240000);
  before(() => setViewport(PHONE));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const kind of KINDS) {
    it(`gk-${kind}, every example, shadow and light DOM: the first screen answers, no sideways scroll, axe, targets ≥ 24 px`, async () => {
      const problems: string[] = [];
      const examples = await examplesOf(kind);
      expect(examples.length).to.be.greaterThan(0);
      for (const example of examples) {
        for (const light of [false, true]) {
          const element = await render(example, { light });
          const where = `${example.path}${light ? ' (light DOM)' : ''}`;
          expect(element.status, where).to.equal('ready');
          for (const problem of firstScreenProblems(element, kind)) problems.push(`${where}: ${problem}`);
          if (sidewaysScroll() > 0) problems.push(`${where}: the page scrolls ${sidewaysScroll()} px sideways`);
          // Glossary terms are words in a sentence (WCAG 2.5.8's inline exception).
          for (const problem of smallTargets(element, 24, '.term')) problems.push(`${where}: target ${problem}`);
          for (const problem of await axeViolations(element)) problems.push(`${where}: ${problem}`);
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  for (const kind of KINDS) {
    it(`gk-${kind} in elder mode, every example: targets ≥ 44 px, no sideways scroll`, async () => {
      const problems: string[] = [];
      for (const example of await examplesOf(kind)) {
        const element = await render(example, { elder: true });
        expect(rootOf(element).classList.contains('gk-elder'), example.path).to.be.true;
        if (sidewaysScroll() > 0) problems.push(`${example.path}: the page scrolls ${sidewaysScroll()} px sideways`);
        for (const problem of smallTargets(element, 44)) problems.push(`${example.path}: target ${problem}`);
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it("in a 360 px side column of a 1280 px desktop page, every element takes its phone layout: its own width decides, not the screen's", async () => {
    await setViewport({ width: 1280, height: 800 });
    try {
      const problems: string[] = [];
      for (const kind of KINDS) {
        const [example] = await examplesOf(kind);
        const element = await render(example!, { column: 360 });
        expect(innerWidth).to.equal(1280);
        for (const problem of firstScreenProblems(element, kind)) problems.push(`${example!.path}: ${problem}`);
        if (sidewaysScroll() > 0) problems.push(`${example!.path}: the page scrolls ${sidewaysScroll()} px sideways`);
        // What only the narrow layout shows: the catalogue's 筛选 with its tree hidden, the explainer's 关于本解读.
        const tree = find(element, '.tree');
        if (kind === 'catalogue' && (!visible(find(element, '.filter-toggle')!) || (tree && visible(tree))))
          problems.push(`${example!.path}: not the narrow layout`);
        if (kind === 'explainer' && !visible(find(element, '.about > .collapse-toggle')!))
          problems.push(`${example!.path}: not the narrow layout`);
      }
      expect(problems).to.deep.equal([]);
    } finally {
      await setViewport(PHONE);
    }
  });

  it('the budget shows every view: no tab is cut off at the right', async () => {
    for (const example of await examplesOf('budget')) {
      const element = await render(example);
      const content = rootOf(element).getBoundingClientRect();
      const tabs = [...rootOf(element).querySelectorAll('[role="tab"]')];
      expect(tabs.length, example.path).to.be.greaterThan(1);
      for (const tab of tabs) {
        const rect = tab.getBoundingClientRect();
        expect(rect.left, `${example.path}: ${tab.textContent!.trim()}`).to.be.at.least(content.left);
        expect(rect.right, `${example.path}: ${tab.textContent!.trim()}`).to.be.at.most(content.right);
        expect(rect.bottom, `${example.path}: ${tab.textContent!.trim()} on the first screen`).to.be.at.most(
          innerHeight,
        );
      }
    }
  });

  it('the catalogue keeps its tree and filters behind 筛选 on a phone, and shows them beside the results on a wide screen', async () => {
    const [example] = (await examplesOf('catalogue')).filter((each) => each.path.includes('proactive'));
    const element = await render(example!);
    expect(visible(find(element, '.tree')!)).to.be.false;
    expect(visible(find(element, '.filters select')!)).to.be.false;
    await setViewport({ width: 1280, height: 800 });
    try {
      await element.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(visible(find(element, '.tree')!)).to.be.true;
      expect(visible(find(element, '.filter-toggle')!)).to.be.false;
      const tree = find(element, '.tree')!.getBoundingClientRect();
      const results = find(element, '.results')!.getBoundingClientRect();
      expect(tree.right).to.be.at.most(results.left);
    } finally {
      await setViewport(PHONE);
    }
  });
});

/** The docs' pictures: one example a kind, what the screen shows at 375 and at 1280 px. */
/** Each kind's sample (the table of kinds), but the consultation closed, with its report in figures. */
const PICTURED: Array<[Kind, string]> = TABLE.map(({ kind, sample }) => [
  kind,
  kind === 'consultation' ? 'family-doctor-closed' : sample,
]);

describe('screenshots for the docs (GK_SCREENSHOTS=1)', function () {
  this.timeout(240000);
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [width, height] of [
    [375, 667],
    [1280, 800],
  ] as const) {
    it(`each kind's first screen at ${width} px`, async () => {
      await setViewport({ width, height });
      for (const [kind, name] of PICTURED) {
        const [example] = (await examplesOf(kind)).filter((each) => each.path.endsWith(`/${name}.json`));
        expect(example, `${kind}/${name}`).to.exist;
        const element = await render(example!);
        toTop(element);
        await screenshot(`${kind}-${width}`);
      }
    });
  }

  it('on a phone: the catalogue with 筛选 open, and the form where its privacy notice meets the consent', async () => {
    await setViewport(PHONE);
    const [catalogue] = (await examplesOf('catalogue')).filter((each) => each.path.endsWith('/proactive-2018.json'));
    let element = await render(catalogue!);
    find(element, '.filter-toggle')!.click();
    await element.updateComplete;
    find(element, '.filter-toggle')!.scrollIntoView({ block: 'start' });
    await screenshot('catalogue-filters-375');
    const [form] = (await examplesOf('form')).filter((each) => each.path.endsWith('/mailbox.json'));
    element = await render(form!);
    find(element, '.privacy')!.scrollIntoView({ block: 'center' });
    await screenshot('form-privacy-375');
  });
});
