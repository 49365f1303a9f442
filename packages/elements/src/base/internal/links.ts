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
