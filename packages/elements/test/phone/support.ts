/**
 * What the phone tests share: every example of every kind, rendered as a county
 * page shows it (a column with the page's own 16 px margins), the element's first
 * screen measured against the viewport, tap targets, axe, screenshots.
 */
import { fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type * as z from 'zod/mini';
import type { GkElement } from '../../src/base/gk-element.js';
import { deep, rootOf, visible } from '../../src/base/internal/test-support.js';

export { deep, rootOf, smallTargets, visible } from '../../src/base/internal/test-support.js';
import { KINDS as TABLE } from '../../../../scripts/entries.mjs';

export interface Example {
  kind: string;
  path: string;
  valid: boolean;
}

/** Any kind's element: `data` takes any document (each test's data is an example of that kind). */
export type AnyGk = GkElement<z.ZodMiniType> & { status: string };

/** Every kind, from the table of kinds (scripts/entries.mjs). */
export const KINDS = TABLE.map(({ kind }) => kind);
export type Kind = string;

/** A phone: 375 × 667 CSS px (iPhone SE, and most Android phones are no narrower). */
export const PHONE = { width: 375, height: 667 };

let examples: Example[] | undefined;
/** The valid examples of a kind, from /test-api/examples.json (every .json under src/x/examples/). */
export async function examplesOf(kind: string): Promise<Example[]> {
  examples ??= (await (await fetch('/test-api/examples.json')).json()) as Example[];
  return examples.filter((example) => example.kind === kind && example.valid);
}

/** The first element matching `selector` in the element or any gk-* element inside it. */
export function find(element: Element, selector: string): HTMLElement | undefined {
  for (const each of deep(rootOf(element))) if (each.matches(selector)) return each as HTMLElement;
  return undefined;
}

export interface RenderOptions {
  elder?: boolean;
  light?: boolean;
  /** A consultation is open or closed by the date it takes as today. */
  today?: string;
  data?: unknown;
  /** The page column's width in px (a side column of a desktop page); else the page's. */
  column?: number;
}

/** Renders an example into a page column with 16 px margins, and waits until it and every gk-* element in it settled and laid out. */
export async function render(example: Example, options: RenderOptions = {}): Promise<AnyGk> {
  const data = options.data ?? (await (await fetch(example.path)).json());
  // One element at a time on the page: the one before would widen or lengthen it.
  fixtureCleanup();
  const page = await fixture<HTMLDivElement>(html`<div class="page"></div>`);
  page.style.padding = '0 16px';
  if (options.column) page.style.width = `${options.column}px`;
  const element = document.createElement(`gk-${example.kind}`) as AnyGk;
  if (options.elder) element.setAttribute('elder', '');
  if (options.light) element.setAttribute('light-dom', '');
  if (options.today) element.setAttribute('today', options.today);
  element.data = data;
  page.append(element);
  await settled(element);
  return element;
}

export async function settled(element: AnyGk): Promise<void> {
  await waitUntil(
    () =>
      [element, ...(rootOf(element) ? deep(rootOf(element)) : [])].every(
        (each) => !each.localName.startsWith('gk-') || ['ready', 'error'].includes((each as AnyGk).status),
      ),
    `<${element.localName}> did not settle`,
    { timeout: 15000 },
  );
  await element.updateComplete;
  for (const inner of deep(rootOf(element)))
    if (inner.localName.startsWith('gk-')) await (inner as AnyGk).updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** Scrolls the page so the element's top is the top of the screen: what a reader sees on arriving at it. */
export function toTop(element: Element): void {
  window.scrollTo(0, window.scrollY + element.getBoundingClientRect().top);
}

/** How far the page scrolls sideways (0: not at all). */
export const sidewaysScroll = () => document.documentElement.scrollWidth - document.documentElement.clientWidth;

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
}

/** axe's violations in `context` (an element, or the whole document), as lines to compare with []. */
export async function axeViolations(
  context: Element | Document,
  rules?: Record<string, { enabled: boolean }>,
): Promise<string[]> {
  await import('axe-core/axe.min.js' as string);
  const axe = (window as unknown as { axe: { run(context: Element | Document, options: object): Promise<AxeResult> } })
    .axe;
  const result = await axe.run(context, { resultTypes: ['violations'], ...(rules ? { rules } : {}) });
  return result.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    ),
  );
}

/**
 * Saves what the screen shows as docs/images/phone/<name>.png when the tests run
 * with GK_SCREENSHOTS=1 (the command in web-test-runner.config.mjs); else does nothing.
 */
export async function screenshot(name: string): Promise<void> {
  await executeServerCommand('gk-screenshot', { name });
}

interface Wanted {
  what: string;
  selector: string;
  /** All of it on the first screen; else at least `px` of it shows at the bottom. */
  px?: number;
  /** Only where the document has it. */
  optional?: true;
}

/** What each kind's first screen must hold: the list (phone-first, #20). */
export const FIRST_SCREEN: Record<Kind, Wanted[] | undefined> = {
  document: [
    { what: 'the status', selector: '[part="status"]' },
    { what: 'the title', selector: '[part="title"]' },
    { what: 'the facts (issuer, number, dates)', selector: '[part="meta"]' },
    {
      what: 'the start of the summary or the files',
      selector: '[part="summary"], [part="attachments"], [part="links"]',
      px: 40,
      optional: true,
    },
  ],
  budget: [
    { what: 'the title', selector: '[part="title"]' },
    { what: 'every view', selector: '[role="tablist"]' },
    { what: 'the summary sentence', selector: '[part="chart-summary"]' },
    { what: 'the chart', selector: '[part="chart"]', px: 150 },
  ],
  explainer: [
    { what: 'the title', selector: '[part="title"]' },
    { what: 'the one-sentence summary', selector: '[part="summary"]' },
    { what: "the first section's title", selector: '.section .section-title' },
    { what: 'the start of the first section', selector: '.section > :not(.section-head):not(.share-status)', px: 40 },
  ],
  catalogue: [
    { what: 'the search box', selector: 'input[type="search"]' },
    { what: 'the 筛选 button', selector: '.filter-toggle' },
    { what: 'the count of results', selector: '.count-line' },
    { what: "the first entry's title", selector: '.cards > li .card-title' },
    { what: 'the first entry', selector: '.cards > li', px: 80 },
  ],
  form: [
    { what: 'the title', selector: '[part="title"]' },
    { what: 'the first field', selector: '.field', px: 80 },
    { what: "the first field's control", selector: '.field :is(input, select, textarea)' },
  ],
  consultation: [
    { what: 'the status', selector: '.badge' },
    { what: 'the title', selector: '[part="title"]' },
    { what: 'the headline (deadline, or the figures)', selector: '.headline' },
  ],
  'disclosure-request': [
    { what: 'the title', selector: '[part="title"]' },
    { what: 'the link to the lookup', selector: '.to-lookup' },
    { what: "the application's first field", selector: '.field', px: 80 },
  ],
  'annual-report': [
    { what: 'the title', selector: '[part="title"]' },
    { what: "the year's headline figures", selector: '.headline' },
  ],
  // One guide: what to bring and where to go; a listing: the search and the first service.
  'service-guide': [
    { what: 'the title', selector: '[part="title"]' },
    { what: 'what to bring, or the search box', selector: '.bring .big, input[type="search"]' },
    {
      what: 'where to go (the place), or the first service',
      selector: '.where .big, .services > li > :first-child',
      px: 24,
    },
    { what: 'the visits, time limit and fee, or the first service', selector: '.where .facts, .services > li', px: 40 },
  ],
  project: [
    { what: 'the title', selector: '[part="title"]' },
    { what: 'the current stage', selector: '.first-screen > div:first-child' },
    { what: 'the total investment and the investment completed', selector: '.first-screen > div:last-child' },
  ],
};

/** What the first screen of `element` lacks, as lines to compare with []. */
export function firstScreenProblems(element: AnyGk, kind: Kind): string[] {
  toTop(element);
  const problems: string[] = [];
  const wants = FIRST_SCREEN[kind];
  // A new kind says what its first screen must hold before its phone test can pass.
  if (!wants) return [`no FIRST_SCREEN entry for ${kind} (packages/elements/test/phone/support.ts)`];
  for (const wanted of wants) {
    const target = find(element, wanted.selector);
    if (!target && wanted.optional) continue;
    if (!target || !visible(target)) {
      problems.push(`${wanted.what} (${wanted.selector}) is not shown`);
      continue;
    }
    const rect = target.getBoundingClientRect();
    if (
      wanted.px === undefined ? rect.top < 0 || rect.bottom > innerHeight + 0.5 : rect.top > innerHeight - wanted.px
    ) {
      problems.push(
        `${wanted.what}: ${Math.round(rect.top)}–${Math.round(rect.bottom)} px, the screen is ${innerHeight} px`,
      );
    }
  }
  return problems;
}
