/**
 * What every element's browser tests share. Tests only; no element imports this.
 */
import { expect, waitUntil } from '@open-wc/testing';

/**
 * Fails the test during which anything was thrown into the page, or a promise was
 * rejected with nobody listening: an element must never do either to its host page.
 * Call once at the top level of a test file.
 */
export function failOnHostPageErrors(): void {
  let pageErrors: unknown[] = [];
  window.addEventListener('error', (event) => pageErrors.push(event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => pageErrors.push(event.reason));
  beforeEach(() => {
    pageErrors = [];
  });
  afterEach(() => {
    expect(pageErrors, 'errors thrown into the host page').to.deep.equal([]);
  });
}

/**
 * The text of the file a download button saves (a CSV made into a blob: URL, as
 * downloadCsv does): `act` clicks it, and the blob's text is read back.
 */
export async function downloadedText(act: () => void | Promise<void>): Promise<string> {
  let text = '';
  const original = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    void (blob as Blob).text().then((value) => (text = value));
    return original.call(URL, blob as Blob);
  };
  try {
    await act();
    await waitUntil(() => text !== '', 'nothing was downloaded');
  } finally {
    URL.createObjectURL = original;
  }
  return text;
}

/** Every element under `node`, through the shadow roots of nested gk-* elements. */
export function* deep(node: Element | ShadowRoot): Generator<Element> {
  for (const child of node.children) {
    yield child;
    if (child.shadowRoot) yield* deep(child.shadowRoot);
    yield* deep(child);
  }
}

/** An element's root (in its shadow root, or its first child in light-DOM mode). */
export const rootOf = (element: Element) => (element.shadowRoot ?? element).querySelector('.gk-root') as HTMLElement;

export const visible = (element: Element) => {
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility === 'visible';
};

/**
 * Targets smaller than `min` px either way. A checkbox or radio counts with its
 * label (clicking the label ticks it). Left out, as WCAG 2.5.5 and 2.5.8 allow:
 * links inside a sentence of editor-written text (and `alsoInline`, such as
 * glossary terms in running text); chart marks, whose figures are in the data
 * table and whose drill-down is on the keyboard; scrolling table regions
 * (keyboard scroll targets, as large as the table).
 */
export function smallTargets(element: Element, min: number, alsoInline = ''): string[] {
  const found: string[] = [];
  for (const inner of deep(rootOf(element))) {
    const focusable = inner.matches(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    );
    if (!focusable || !visible(inner) || inner.closest('.honeypot')) continue;
    if (
      inner.closest('svg') ||
      inner.matches('.table-scroll, .data-table') ||
      inner.closest('.prose p, .prose li, .term-definition')
    )
      continue;
    if (alsoInline && inner.matches(alsoInline)) continue;
    let rect = inner.getBoundingClientRect();
    const labels = (inner as HTMLInputElement).labels;
    if (labels?.length && /checkbox|radio/.test((inner as HTMLInputElement).type))
      rect = labels[0]!.getBoundingClientRect();
    if (rect.width < min - 0.5 || rect.height < min - 0.5) {
      found.push(
        `${inner.localName}${inner.className ? `.${String(inner.className).trim().replace(/\s+/g, '.')}` : ''} "${inner.textContent!.trim().slice(0, 20)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`,
      );
    }
  }
  return found;
}

/** A small seeded generator of numbers in [0, 1) (mulberry32), so a failure of a randomised test can be replayed. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
