/**
 * The only path by which HTML from a JSON document reaches the DOM:
 * Markdown → marked → DOMPurify with a strict allow-list.
 */
import { Marked, type Tokens } from 'marked';
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { isExternalUrl, isSafeUrl } from './url.js';

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'strong', 'b', 'em', 'i', 'del', 's', 'sub', 'sup', 'code', 'pre', 'kbd', 'mark',
  'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'abbr', 'span',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'img',
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'colspan', 'rowspan', 'scope', 'start', 'lang', 'dir'];

/** http(s), mailto, tel, or a relative address; never javascript:, data:, vbscript: … */
const ALLOWED_URI = /^(?:https?:|mailto:|tel:|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i;

let purifier: DOMPurify | undefined;

function getPurifier(): DOMPurify | undefined {
  if (purifier) return purifier;
  if (typeof window === 'undefined') return undefined;
  // A private instance: our hooks never touch a DOMPurify the host page uses.
  purifier = createDOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    for (const attribute of ['href', 'src']) {
      const value = node.getAttribute(attribute);
      if (value !== null && !isSafeUrl(value)) node.removeAttribute(attribute);
    }
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      const href = node.getAttribute('href') ?? '';
      if (isExternalUrl(href, window.location.href)) node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purifier;
}

/** Removes everything but the allow-list from an HTML string. */
export function sanitizeHtml(html: string): string {
  const instance = getPurifier();
  if (!instance) throw new Error('sanitizeHtml needs a DOM (browser)');
  return instance.sanitize(withoutStyleAttributes(html), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, 'rel'],
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
  });
}

/**
 * DOMPurify removes style attributes, but parsing them first already counts as a
 * violation of a strict CSP (style-src without 'unsafe-inline'), which the host
 * site would see in its CSP reports. So they go before parsing; DOMPurify stays
 * the security boundary.
 */
function withoutStyleAttributes(html: string): string {
  return html.replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/\s+style\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, ''));
}

export interface MarkdownOptions {
  /**
   * The heading level a Markdown `#` becomes. Editors' headings sit inside a
   * widget whose own title is already a heading, so `#` becomes h3 by default.
   */
  topHeadingLevel?: 2 | 3 | 4 | 5 | 6;
}

const markedInstances = new Map<number, Marked>();
function markedFor(topHeadingLevel: number): Marked {
  let instance = markedInstances.get(topHeadingLevel);
  if (!instance) {
    instance = new Marked({
      gfm: true,
      breaks: false,
      async: false,
      walkTokens(token) {
        if (token.type === 'heading') {
          const heading = token as Tokens.Heading;
          heading.depth = Math.min(6, heading.depth + topHeadingLevel - 1);
        }
      },
    });
    markedInstances.set(topHeadingLevel, instance);
  }
  return instance;
}

/** Markdown written by an editor → sanitized HTML, safe to put into the DOM. */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const html = markedFor(options.topHeadingLevel ?? 3).parse(markdown, { async: false }) as string;
  return sanitizeHtml(html);
}
