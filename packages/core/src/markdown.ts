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
   * The heading level the editor's highest heading becomes. Editors' headings
   * sit inside a widget whose own title is already a heading, so h3 by default.
   */
  topHeadingLevel?: 2 | 3 | 4 | 5 | 6;
}

// Made on first use: marked's grammar is built when the module is evaluated, and the compiled core loads it on
// first use (scripts/lazy-deps.mjs), so that pages that render no Markdown never pay for it.
let instance: Marked | undefined;

/**
 * Markdown written by an editor → sanitized HTML, safe to put into the DOM.
 * The editor's highest heading (# or ##, whichever they started with) becomes
 * `topHeadingLevel` and the rest follow in order, so the page's outline never
 * skips a level.
 */
export function renderMarkdown(markdown: string, options: MarkdownOptions = {}): string {
  const top = options.topHeadingLevel ?? 3;
  const marked = (instance ??= new Marked({ gfm: true, breaks: false, async: false }));
  const tokens = marked.lexer(markdown);
  const headings: Tokens.Heading[] = [];
  marked.walkTokens(tokens, (token) => {
    if (token.type === 'heading') headings.push(token as Tokens.Heading);
  });
  const highest = Math.min(...headings.map((heading) => heading.depth));
  for (const heading of headings) heading.depth = Math.min(6, heading.depth - highest + top);
  return sanitizeHtml(marked.parser(tokens));
}
