/**
 * Elder mode (长者模式), on every example of every kind, as the ministry's 适老化 rules
 * ask: body text at least 18 px, line height at least 1.5, contrast at least 7:1 (axe,
 * with color-contrast-enhanced), targets at least 44 × 44 px, no information only on
 * hover. On with the element's `elder` attribute or the class `gk-elder` on <html>,
 * which a toolbar adds and removes while the page runs.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import '../index.js';
import type * as z from 'zod/mini';
import type { GkElement } from './gk-element.js';
import { deep, failOnHostPageErrors, rootOf, smallTargets, visible } from './internal/test-support.js';
import { KINDS as TABLE } from '../../../../scripts/entries.mjs';

interface Example {
  kind: string;
  path: string;
  valid: boolean;
}

// Any kind: its data is whatever that kind's example is.
type AnyGk = GkElement<z.ZodMiniType> & { status: string };

const KINDS = TABLE.map(({ kind }) => kind);

let examples: Example[] | undefined;
async function examplesOf(kind: string): Promise<Example[]> {
  examples ??= (await (await fetch('/test-api/examples.json')).json()) as Example[];
  return examples.filter((example) => example.kind === kind);
}

async function render(example: Example, attributes: { elder?: boolean; light?: boolean } = {}): Promise<AnyGk> {
  const data = await (await fetch(example.path)).json();
  const frame = await fixture<HTMLDivElement>(html`<div class="column"></div>`);
  frame.style.width = '360px';
  const element = document.createElement(`gk-${example.kind}`) as AnyGk;
  if (attributes.elder !== false) element.setAttribute('elder', '');
  if (attributes.light) element.setAttribute('light-dom', '');
  element.data = data;
  frame.append(element);
  await waitUntil(
    () =>
      [element, ...deep(rootOf(element) ?? element)].every(
        (each) => !each.localName.startsWith('gk-') || ['ready', 'error'].includes((each as AnyGk).status),
      ),
    `${example.path} did not settle`,
    { timeout: 15000 },
  );
  await element.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return element;
}

/** Text smaller than 18 px, or lines tighter than 1.5, anywhere in the element (SVG charts excepted: they are drawn 1.5 times as large). */
function smallText(element: Element): string[] {
  const found = new Set<string>();
  for (const inner of [rootOf(element), ...deep(rootOf(element))]) {
    if (inner.closest('svg') || inner.closest('.visually-hidden')) continue;
    const hasText = [...inner.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
    if (!hasText || !visible(inner)) continue;
    const style = getComputedStyle(inner);
    const size = parseFloat(style.fontSize);
    const line = style.lineHeight === 'normal' ? 0 : parseFloat(style.lineHeight);
    if (size < 18) found.add(`${inner.localName}.${inner.className} font-size ${style.fontSize}`);
    if (line < 1.5 * size - 0.01)
      found.add(`${inner.localName}.${inner.className} line-height ${style.lineHeight} for ${style.fontSize}`);
  }
  return [...found];
}

async function contrastViolations(element: Element): Promise<string[]> {
  await import('axe-core/axe.min.js' as string);
  const axe = (
    window as unknown as {
      axe: {
        run(
          context: Element,
          options: object,
        ): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary?: string }> }> }>;
      };
    }
  ).axe;
  const result = await axe.run(element, {
    resultTypes: ['violations'],
    rules: { 'color-contrast-enhanced': { enabled: true } },
  });
  return result.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    ),
  );
}

failOnHostPageErrors();

describe('elder mode (长者模式)', function () {
  this.timeout(120000);
  before(() => setViewport({ width: 1000, height: 800 }));

  for (const kind of KINDS) {
    it(`gk-${kind}, every example: text ≥ 18 px, line height ≥ 1.5, contrast ≥ 7:1 (axe), targets ≥ 44 px`, async () => {
      const problems: string[] = [];
      for (const example of await examplesOf(kind)) {
        for (const light of [false, true]) {
          const element = await render(example, { light });
          const where = `${example.path}${light ? ' (light DOM)' : ''}`;
          expect(rootOf(element).classList.contains('gk-elder'), where).to.be.true;
          for (const problem of smallText(element)) problems.push(`${where}: ${problem}`);
          for (const problem of smallTargets(element, 44)) problems.push(`${where}: target ${problem}`);
          for (const problem of await contrastViolations(element)) problems.push(`${where}: ${problem}`);
        }
      }
      expect(problems).to.deep.equal([]);
    });
  }

  it('the control: without elder mode, the same checks find small text and small targets', async () => {
    const [example] = (await examplesOf('document')).filter((each) => each.path.endsWith('full.json'));
    const element = await render(example!, { elder: false });
    expect(smallText(element).join('\n')).to.match(/status.*font-size 14px/);
    expect(smallTargets(element, 44).length).to.be.greaterThan(0);
  });

  it('follows the class gk-elder on <html> as a toolbar adds and removes it', async () => {
    const [example] = await examplesOf('document');
    const element = await render(example!, { elder: false });
    const size = () => parseFloat(getComputedStyle(rootOf(element)).fontSize);
    const normal = size();
    expect(rootOf(element).classList.contains('gk-elder')).to.be.false;
    document.documentElement.classList.add('gk-elder');
    try {
      await waitUntil(() => rootOf(element).classList.contains('gk-elder'), 'elder mode did not come on');
      expect(size()).to.be.at.least(21).and.greaterThan(normal);
    } finally {
      document.documentElement.classList.remove('gk-elder');
    }
    await waitUntil(() => !rootOf(element).classList.contains('gk-elder'), 'elder mode did not go off');
    expect(size()).to.equal(normal);
  });

  it('no information only on hover: each chart shows its data table from the start, and what a tooltip says is in it', async () => {
    let hovered = 0;
    for (const example of [
      ...(await examplesOf('budget')),
      ...(await examplesOf('annual-report')),
      ...(await examplesOf('consultation')),
      ...(await examplesOf('explainer')),
    ].filter((each) => each.valid)) {
      const element = await render(example);
      for (const figure of deep(rootOf(element))) {
        if (!figure.matches('.chart-figure')) continue;
        const table = figure.querySelector('.data-table')!;
        expect(visible(table), `${example.path}: the data table shows without a click`).to.be.true;
        for (const mark of [...figure.querySelectorAll('[data-id]')].slice(0, 3)) {
          mark.scrollIntoView({ block: 'center' });
          const box = mark.getBoundingClientRect();
          await sendMouse({ type: 'move', position: [0, 0] });
          await sendMouse({
            type: 'move',
            position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
          });
          await waitUntil(() => figure.querySelector('.chart-tooltip strong'), `${example.path}: no tooltip on hover`);
          // The tooltip names an item ("2014年 债务限额"): the visible table has a row for it ("2014").
          const label = figure.querySelector('.chart-tooltip strong')!.textContent!.trim();
          const rows = [...table.querySelectorAll('th[scope="row"]')].map((th) => th.textContent!.trim());
          expect(
            rows.some((row) => label.includes(row)),
            `${example.path}: a row for the tooltip's "${label}" in ${JSON.stringify(rows)}`,
          ).to.be.true;
          hovered++;
        }
      }
    }
    expect(hovered).to.be.greaterThan(10);
  });

  it('hover changes only how things look: no stylesheet rule shows, hides or writes anything on :hover', () => {
    const allowed = new Set([
      'background',
      'background-color',
      'color',
      'opacity',
      'text-decoration',
      'text-decoration-line',
      'border-color',
      'cursor',
      'outline',
      'box-shadow',
      'fill',
      'stroke',
    ]);
    const found: string[] = [];
    for (const kind of KINDS) {
      const styles = (
        customElements.get(`gk-${kind}`) as unknown as {
          elementStyles: Array<CSSStyleSheet | { styleSheet?: CSSStyleSheet }>;
        }
      ).elementStyles;
      for (const style of styles) {
        const sheet = style instanceof CSSStyleSheet ? style : style.styleSheet!;
        const visit = (rules: CSSRuleList) => {
          for (const rule of rules) {
            if (rule instanceof CSSStyleRule && rule.selectorText.includes(':hover')) {
              for (const property of rule.style)
                if (
                  !allowed.has(property) &&
                  !property.startsWith('background-') &&
                  !property.startsWith('text-decoration-') &&
                  !property.startsWith('border-') &&
                  !property.startsWith('outline-')
                )
                  found.push(`${kind}: ${rule.selectorText} { ${property} }`);
            } else if (rule instanceof CSSGroupingRule) visit(rule.cssRules);
          }
        };
        visit(sheet.cssRules);
      }
    }
    expect(found).to.deep.equal([]);
  });
});
