/**
 * What every element's browser tests share. Tests only; no element imports this.
 */
import { expect } from '@open-wc/testing';

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
