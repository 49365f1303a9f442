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

/** A small seeded generator of numbers in [0, 1) (mulberry32), so a failure of a randomised test can be replayed. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
