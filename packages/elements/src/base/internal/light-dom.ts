/**
 * Light-DOM mode: the element renders into its own children instead of a shadow
 * root, so a page's 无障碍 toolbar that reads `event.target.innerText` or
 * `document.elementFromPoint(x, y).innerText` reads our text (a shadow root hands
 * it the host, whose innerText is ""). The element's shadow stylesheet is scoped
 * to its tag once per kind and adopted into the document (constructable
 * stylesheets: allowed by `style-src 'self'`), with a reset in front of it, so
 * the page's CSS reaches neither way:
 *
 * - every selector gets an ID-level scope, `:is(gk-x[light-dom], :not(*)#gk#gk)`:
 *   it matches the host only, but outweighs `#content p` or `.TRS_Editor p`;
 * - everything inside is first set back to the browser's defaults (`all: revert`;
 *   inside SVG `all: revert-layer`, which keeps presentation attributes), then
 *   our rules apply as in the shadow root;
 * - `:host` rules stay as weak as in a shadow root (`:where(gk-x[light-dom])`), so
 *   the page can still size and place the element;
 * - a gk-* element inside another (a form in a consultation) is not reached by
 *   the outer one's rules.
 * A page's `!important` rules still win; nothing else does.
 */
import type { CSSResultOrNative } from 'lit';

export const LIGHT_DOM_ATTRIBUTE = 'light-dom';

/** What comes before an element's own rules: the reset against the page (scoped like every rule). */
const RESET = ((all) =>
  `:host ${all},:host ${all}::before,:host ${all}::after{all:revert}:host svg *{all:revert-layer}`)(
  `:where(:not(svg *,[${LIGHT_DOM_ATTRIBUTE}]))`,
);

const sheets = new Map<string, CSSStyleSheet>();

/** Light-DOM mode needs constructable stylesheets in the document (Safari 16.4+, Chrome 73+, Firefox 101+); without them elements keep their shadow root. */
export const canRenderLight =
  typeof Document !== 'undefined' &&
  'adoptedStyleSheets' in Document.prototype &&
  'replaceSync' in CSSStyleSheet.prototype;

/** The top-level parts of a selector list (commas inside :is(), :not() or [] do not split). */
export function splitList(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && !depth) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts;
}

/** The index just after the parenthesis that closes the one at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && !--depth) return i + 1;
  }
  return text.length;
}

/** One shadow-root selector as a document-level selector for `tag`. */
export function scopeSelector(selector: string, tag: string): string {
  const host = `${tag}[${LIGHT_DOM_ATTRIBUTE}]`;
  let scope = `:is(${host},:not(*)#gk#gk)`;
  let rest = selector;
  if (rest.startsWith('::slotted(')) return `${scope}>${rest.slice(10, closing(rest, 9) - 1)}`;
  if (rest.startsWith(':host')) {
    rest = rest.slice(5);
    let condition = '';
    if (rest.startsWith('(')) {
      const end = closing(rest, 0);
      condition = `:is(${rest.slice(1, end - 1)})`;
      rest = rest.slice(end);
    }
    rest = rest.trim();
    if (!rest) return `:where(${host})${condition}`;
    scope += condition;
  }
  // The rule stops at a gk-* element rendered inside this one: that one has its own rules.
  const guard = `:not(:where(${host}) [${LIGHT_DOM_ATTRIBUTE}] *)`;
  const pseudo = /::[\w-]+$/.exec(rest);
  const body = pseudo ? rest.slice(0, pseudo.index) : rest;
  return `${scope} ${body}${guard}${pseudo ? pseudo[0] : ''}`;
}

/** Rewrites every style rule of a sheet (inside @media and @container too); a rule the browser would not take is dropped rather than left unscoped. */
function scopeRules(rules: CSSRuleList, tag: string, owner: CSSStyleSheet | CSSGroupingRule): void {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if (rule instanceof CSSStyleRule) {
      const before = rule.selectorText;
      rule.selectorText = splitList(before)
        .map((part) => scopeSelector(part, tag))
        .join(',');
      if (rule.selectorText === before) owner.deleteRule(i);
    } else if (rule instanceof CSSGroupingRule) {
      scopeRules(rule.cssRules, tag, rule);
    }
  }
}

/**
 * Puts the light-DOM stylesheet of `host`'s kind into the document or shadow root the host is in (once per root).
 * `extra` names styles that come later, on demand (the provenance block): scoped the same way, without the reset,
 * which the element's own sheet has already applied and which would otherwise undo that sheet's rules.
 */
export function adoptLightStyles(host: HTMLElement, styles: CSSResultOrNative[], extra?: string): void {
  const root = host.getRootNode() as Document | ShadowRoot;
  const tag = host.localName;
  const key = extra ? `${tag} ${extra}` : tag;
  let sheet = sheets.get(key);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(
      (extra ? '' : RESET) +
        styles
          .map((style) =>
            style instanceof CSSStyleSheet ? [...style.cssRules].map((rule) => rule.cssText).join('') : style.cssText,
          )
          .join(''),
    );
    scopeRules(sheet.cssRules, tag, sheet);
    sheets.set(key, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
