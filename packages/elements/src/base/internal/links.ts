/** Links inside templates, through core's single URL rule. */
import { isExternalUrl, safeUrl } from '@gongkai/core';

/** The href to bind (with ifDefined): undefined, so no href at all, when the address is not allowed. */
export function href(url: string | undefined): string | undefined {
  return safeUrl(url);
}

/** rel for a link: external ones never get access to our window or a referrer. */
export function rel(url: string | undefined): string | undefined {
  return url && isExternalUrl(url, document.baseURI) ? 'noopener noreferrer' : undefined;
}

/**
 * Follows a link to a place inside an element (`href="#id"`, a scoped id), which
 * the page's own jump cannot reach in a shadow root: scrolls there and moves focus
 * there, so the next Tab starts in it. A field is brought to the middle of the screen.
 */
export function followLink(event: Event, root: ParentNode): void {
  const target = root.querySelector<HTMLElement>(
    `#${CSS.escape((event.currentTarget as Element).getAttribute('href')!.slice(1))}`,
  );
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: target.localName === 'input' ? 'center' : 'start' });
  target.focus({ preventScroll: true });
}
