/**
 * Light-DOM mode (`light-dom`, or `<html data-gk-light-dom>`): the element renders into
 * its own children, so the page's toolbar can read its text (hostile.test.ts in
 * packages/gongkai points at it with the real mouse). What the shadow root did for
 * free must still hold: ids unique in the page, every id reference resolving, focus
 * and keyboard handling, deep links, styles scoped to the element (and not leaking
 * into a gk-* element inside another).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../index.js';
import type * as z from 'zod/mini';
import type { GkElement } from './gk-element.js';
import { scopeSelector } from './internal/light-dom.js';
import { failOnHostPageErrors } from './internal/test-support.js';
import { KINDS } from '../../../../scripts/entries.mjs';

// Any kind: its data is whatever that kind's example is.
type AnyGk = GkElement<z.ZodMiniType> & { status: string };

async function example(kind: string, name: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`/packages/elements/src/${kind}/examples/${name}.json`)).json()) as Record<
    string,
    unknown
  >;
}

async function settled(element: AnyGk): Promise<void> {
  await waitUntil(() => ['ready', 'error'].includes(element.status), `<${element.localName}> did not settle`, {
    timeout: 10000,
  });
  await element.updateComplete;
}

/** Every id reference inside `root` (for, aria-labelledby, aria-controls, aria-describedby, href="#…") that finds nothing, or finds an element outside `root`. */
function brokenReferences(root: Element): string[] {
  const broken: string[] = [];
  for (const element of root.querySelectorAll(
    '[for], [aria-labelledby], [aria-controls], [aria-describedby], a[href^="#"]',
  )) {
    for (const attribute of ['for', 'aria-labelledby', 'aria-controls', 'aria-describedby']) {
      for (const id of element.getAttribute(attribute)?.split(/\s+/).filter(Boolean) ?? []) {
        const target = document.getElementById(id);
        if (!target || !root.contains(target)) broken.push(`${attribute}="${id}" on <${element.localName}>`);
      }
    }
  }
  return broken;
}

failOnHostPageErrors();

afterEach(() => history.replaceState(null, '', location.pathname + location.search));

describe('light-DOM mode', function () {
  // Several kinds rendered twice each, with axe: slow on a loaded machine.
  this.timeout(90000);

  it('renders into the element itself, with ids unique in the page and every reference resolving', async () => {
    const data = await example('document', 'full');
    const page = await fixture<HTMLDivElement>(html`<div>
      <h2 id="title">页面自己的标题</h2>
      <gk-document light-dom .data=${data}></gk-document>
      <gk-document light-dom .data=${{ ...data, title: `${data.title as string}（转发）` }}></gk-document>
    </div>`);
    const [first, second] = [...page.querySelectorAll<AnyGk>('gk-document')];
    await settled(first!);
    await settled(second!);
    expect(first!.shadowRoot).to.be.null;
    expect(first!.querySelector(':scope > .gk-root h2')!.textContent).to.contain('政务公开工作要点');
    const ids = [...page.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size, ids.join(' ')).to.equal(ids.length);
    expect(document.getElementById('title')!.textContent).to.equal('页面自己的标题');
    expect(brokenReferences(first!)).to.deep.equal([]);
    expect(brokenReferences(second!)).to.deep.equal([]);
    const article = first!.querySelector('article')!;
    expect(document.getElementById(article.getAttribute('aria-labelledby')!)!.textContent).to.contain(
      '政务公开工作要点',
    );
    await expect(first).to.be.accessible();
  });

  it('every kind: ids unique, references resolving, no shadow root, axe passes', async () => {
    // Every kind but the document card (above), each with its sample example.
    const kinds = KINDS.filter(({ kind }) => kind !== 'document').map(
      ({ kind, sample }) => [kind, kind, sample] as const,
    );
    for (const [kind, folder, name] of kinds) {
      const data = await example(folder, name);
      const page = await fixture<HTMLDivElement>(html`<div></div>`);
      for (let i = 0; i < 2; i++) {
        const element = document.createElement(`gk-${kind}`) as AnyGk;
        element.setAttribute('light-dom', '');
        // Two of a kind on one page, told apart by their titles (identical landmarks would be an axe problem of the page).
        element.data = { ...data, title: `${data.title as string}${i ? '（二）' : ''}` };
        page.append(element);
        await settled(element);
      }
      const ids = [...page.querySelectorAll('[id]')].map((element) => element.id);
      expect(new Set(ids).size, `${kind}: ${ids.join(' ')}`).to.equal(ids.length);
      for (const element of page.children) {
        expect(element.shadowRoot, kind).to.be.null;
        expect(brokenReferences(element), kind).to.deep.equal([]);
        await expect(element).to.be.accessible();
      }
    }
  });

  it('the budget: tabs by keyboard, chart marks by keyboard, with the focus found in the page', async () => {
    const el = await fixture<AnyGk>(
      html`<gk-budget light-dom .data=${await example('budget', 'department-budget-2018')}></gk-budget>`,
    );
    await settled(el);
    const tabs = [...el.querySelectorAll<HTMLElement>('[role="tab"]')];
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(document.activeElement).to.equal(tabs[1]);
    expect(el.querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).to.equal(tabs[1]!.id);
    tabs[1]!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    const mark = el.querySelector<SVGGElement>('[role="listitem"][data-id]')!;
    mark.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect((document.activeElement as SVGGElement).dataset.id).not.to.equal(mark.dataset.id);
    await el.updateComplete;
    expect(el.querySelector<HTMLElement>('.chart-tooltip')!.style.left).to.match(/px$/);
  });

  it('the form: the error summary links to its fields, labels find their controls', async () => {
    const el = await fixture<AnyGk>(html`<gk-form light-dom .data=${await example('form', 'mailbox')}></gk-form>`);
    await settled(el);
    el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => el.querySelector('[part="summary"]'));
    const link = el.querySelector<HTMLAnchorElement>('[part="summary"] a')!;
    link.click();
    expect(document.activeElement!.id).to.equal(link.getAttribute('href')!.slice(1));
    expect(el.contains(document.activeElement)).to.be.true;
    expect(brokenReferences(el)).to.deep.equal([]);
  });

  it('the explainer: a deep link (#id, unchanged) opens its section', async () => {
    const el = await fixture<AnyGk & { sectionIds: string[] }>(
      html`<gk-explainer light-dom mode="steps" .data=${await example('explainer', 'work-points-2018')}></gk-explainer>`,
    );
    await settled(el);
    const links = [...el.querySelectorAll('.toc a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(el.sectionIds.map((id) => `#${id}`));
    const changed = oneEvent(window, 'hashchange');
    location.hash = '#faq';
    await changed;
    await el.updateComplete;
    const shown = [...el.querySelectorAll<HTMLElement>('section[data-section]')].filter(
      (section) => getComputedStyle(section).display !== 'none',
    );
    expect(shown.map((section) => section.id)).to.have.length(1);
    expect(shown[0]!.id).to.match(/^gk\d+-faq$/);
  });

  it("a gk-* element inside another renders in light DOM too, and the outer one's rules do not reach it", async () => {
    const data = await example('explainer', 'work-points-2018');
    const lone = await fixture<AnyGk>(
      html`<gk-document light-dom .data=${await example('document', 'full')}></gk-document>`,
    );
    await settled(lone);
    const el = await fixture<AnyGk>(html`<gk-explainer light-dom .data=${data}></gk-explainer>`);
    await settled(el);
    const nested = el.querySelector<AnyGk>('gk-document')!;
    await settled(nested);
    expect(nested.hasAttribute('light-dom')).to.be.true;
    expect(nested.shadowRoot).to.be.null;
    // The explainer styles its own .summary (a larger paragraph); the document's .summary section keeps the document's look.
    const style = (element: Element) => getComputedStyle(element.querySelector('section.summary')!);
    expect(style(nested).fontSize).to.equal(style(lone).fontSize);
    expect(style(nested).marginTop).to.equal(style(lone).marginTop);
  });

  it('scopes each rule of the shadow stylesheet to its element', () => {
    const scope = ':is(gk-x[light-dom],:not(*)#gk#gk)';
    const guard = ':not(:where(gk-x[light-dom]) [light-dom] *)';
    expect(scopeSelector(':host', 'gk-x')).to.equal(':where(gk-x[light-dom])');
    expect(scopeSelector(':host([hidden])', 'gk-x')).to.equal(':where(gk-x[light-dom]):is([hidden])');
    expect(scopeSelector('.card h2', 'gk-x')).to.equal(`${scope} .card h2${guard}`);
    expect(scopeSelector('.steps li::before', 'gk-x')).to.equal(`${scope} .steps li${guard}::before`);
    expect(scopeSelector('::slotted(script)', 'gk-x')).to.equal(`${scope}>script`);
  });
});
