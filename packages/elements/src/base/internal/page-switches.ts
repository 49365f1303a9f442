/**
 * Switches a page (or the toolbar on it) sets on <html> for every gk-* element at
 * once, with markup a strict CSP allows:
 *
 * - `<html data-gk-light-dom>`: every element renders in light-DOM mode (read when
 *   each element first connects);
 * - `<html class="gk-elder">`: elder mode (长者模式), followed while the page runs, since
 *   toolbars add and remove the class. One MutationObserver serves every element.
 */
export const LIGHT_DOM_PAGE_ATTRIBUTE = 'data-gk-light-dom';
export const ELDER_PAGE_CLASS = 'gk-elder';

const watching = new Set<{ requestUpdate(): void }>();
let observer: MutationObserver | undefined;

export const pageWantsLightDom = (): boolean => document.documentElement.hasAttribute(LIGHT_DOM_PAGE_ATTRIBUTE);

export const pageIsElder = (): boolean => document.documentElement.classList.contains(ELDER_PAGE_CLASS);

/** Re-renders `element` whenever the elder class on <html> comes or goes. */
export function watchPage(element: { requestUpdate(): void }): void {
  watching.add(element);
  if (observer) return;
  let elder = pageIsElder();
  observer = new MutationObserver(() => {
    if (elder !== (elder = pageIsElder())) watching.forEach((each) => each.requestUpdate());
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
}

export function unwatchPage(element: { requestUpdate(): void }): void {
  watching.delete(element);
}
