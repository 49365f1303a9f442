/** Links and editor Markdown inside templates, through core's single URL rule and single sanitizer. */
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { isExternalUrl, renderMarkdown, safeUrl } from '@gongkai/core';

/** The href to bind (with ifDefined): undefined, so no href at all, when the address is not allowed. */
export function href(url: string | undefined): string | undefined {
  return safeUrl(url);
}

/** rel for a link: external ones never get access to our window or a referrer. */
export function rel(url: string | undefined): string | undefined {
  return url && isExternalUrl(url, document.baseURI) ? 'noopener noreferrer' : undefined;
}

/**
 * Editor-written Markdown as DOM. The HTML comes only from core's renderMarkdown,
 * which sanitizes it; this is the one place the elements use unsafeHTML.
 */
export function markdown(source: string, topHeadingLevel: number) {
  const level = Math.min(6, Math.max(2, topHeadingLevel)) as 2 | 3 | 4 | 5 | 6;
  return unsafeHTML(renderMarkdown(source, { topHeadingLevel: level }));
}
