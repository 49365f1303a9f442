/**
 * The phone layout, chosen by the element's own width, not the screen's: an
 * element may sit in a narrow side column on a desktop, and a phone may show it
 * full width. At or under NARROW_EM (in the root's own em, so elder mode's larger
 * text narrows sooner) the element takes its narrow layout.
 *
 * Where the browser has container queries (Chromium 105+, Safari 16+, Firefox
 * 110+), the root is the query container and the narrow rules sit in one
 * `@container`. Older kernels (WeChat's X5, old domestic browsers) get the same
 * rules under a class, `gk-narrow`, that one shared ResizeObserver sets on the
 * root. Each element's narrow rules are written once, in `narrow(css`…`)`.
 */
import { unsafeCSS, type CSSResult, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { splitList } from './light-dom.js';

/** Under this many of the root's em the layout is narrow (40em = 640 px at 16 px; 840 px in elder mode). */
export const NARROW_EM = 40;

/** The class the fallback sets on the root. */
export const NARROW_CLASS = 'gk-narrow';

/** Read once, when the styles are made: the same answer for every element of the page. */
export const containerQueries =
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('container-type', 'inline-size');

/** The root's own classes: in the fallback they join the narrow class (`.gk-narrow.gk-elder x`), they are not inside it. */
const ROOT_CLASS = /^\.gk-(?:elder|ready|root)(?![\w-])/;

/** Every selector of flat rules (no nested at-rules) put under the narrow class. */
function underClass(text: string): string {
  return text.replace(/([^{}]+)\{([^{}]*)\}/g, (_, selectors: string, body: string) => {
    const scoped = splitList(selectors).map((selector) =>
      ROOT_CLASS.test(selector) ? `.${NARROW_CLASS}${selector}` : `.${NARROW_CLASS} ${selector}`,
    );
    return `${scoped.join(',')}{${body}}`;
  });
}

/** Rules that apply only in the narrow layout. */
export function narrow(rules: CSSResult): CSSResult {
  return unsafeCSS(
    containerQueries ? `@container (max-width: ${NARROW_EM}em){${rules.cssText}}` : underClass(rules.cssText),
  );
}

/** Whether a root whose content is `width` px wide takes the narrow layout: what the container query asks, in the root's own em. */
export function isNarrow(root: Element, width: number): boolean {
  return width <= NARROW_EM * parseFloat(getComputedStyle(root).fontSize);
}

/** Sets the narrow class on a root by its content width; a hidden root (width 0) keeps its layout. */
function check(root: Element): void {
  const style = getComputedStyle(root);
  const width = root.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  if (width > 0) root.classList.toggle(NARROW_CLASS, isNarrow(root, width));
}

/**
 * One observer for every root, in the fallback only. It checks in the next frame:
 * changing a root's layout inside the observer's callback would resize it again
 * in the same frame, which the browser reports as an error on the page's window.
 */
let observer: ResizeObserver | undefined;

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The fallback's part in each element: observes the root while connected, and
 * checks it after each update too (before the first paint; elder mode changes the
 * root's em but not its width). Where container queries work it does nothing.
 */
export class NarrowController implements ReactiveController {
  constructor(private readonly host: Host) {
    if (!containerQueries) host.addController(this);
  }

  hostConnected(): void {
    observer ??= new ResizeObserver((entries) =>
      requestAnimationFrame(() => entries.forEach((entry) => check(entry.target))),
    );
    observer.observe(this.host.renderRoot as Element);
  }

  hostUpdated(): void {
    check(this.host.renderRoot as Element);
  }

  hostDisconnected(): void {
    observer?.unobserve(this.host.renderRoot as Element);
  }
}
