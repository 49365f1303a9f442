/**
 * Editor-written Markdown → a small tree of safe nodes, with no framework and no
 * HTML. marked's lexer parses (its HTML renderer is never used); the elements
 * turn the tree into Lit templates, where every string becomes a text node.
 *
 * What the tree guarantees:
 * - strings are text, with entity references already decoded;
 * - every link `href` and image `src` has passed core's URL check (url.ts), or
 *   the link became its text and the image its alt text;
 * - the inline HTML a CMS pastes becomes what it means, without attributes:
 *   `<a href>` (a checked href only), `<b>`/`<strong>`, `<i>`/`<em>`,
 *   `<s>`/`<del>`, `<sup>`, `<sub>`, `<br>`. Every other tag stays visible as
 *   text; comments are dropped, as a browser would not show them either.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { decodeEntities } from './entities.js';
import { isSafeUrl } from './url.js';

export type MarkdownInline =
  | string
  | { type: 'strong' | 'em' | 'del' | 'sup' | 'sub'; children: MarkdownInline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; title?: string; children: MarkdownInline[] }
  | { type: 'image'; src: string; alt: string; title?: string }
  | { type: 'br' };

export type MarkdownAlign = 'left' | 'center' | 'right' | null;

export type MarkdownBlock =
  | { type: 'heading'; level: number; children: MarkdownInline[] }
  | { type: 'paragraph'; children: MarkdownInline[] }
  /** Inline content without a paragraph: a tight list item's text, an HTML block. */
  | { type: 'inline'; children: MarkdownInline[] }
  | { type: 'list'; ordered: boolean; start: number; items: MarkdownBlock[][] }
  | { type: 'quote'; children: MarkdownBlock[] }
  | { type: 'code'; text: string }
  | { type: 'table'; align: MarkdownAlign[]; head: MarkdownInline[][]; rows: MarkdownInline[][][] }
  | { type: 'rule' };

export interface MarkdownOptions {
  /**
   * The heading level the editor's highest heading becomes. Editors' headings
   * sit inside a widget whose own title is already a heading, so h3 by default.
   */
  topHeadingLevel?: 2 | 3 | 4 | 5 | 6;
}

/**
 * Markdown → blocks. The editor's highest heading (# or ##, whichever they
 * started with) becomes `topHeadingLevel` and the rest follow in order, so the
 * page's outline never skips a level.
 */
export function parseMarkdown(source: string, options: MarkdownOptions = {}): MarkdownBlock[] {
  try {
    // A fresh options object each time: the lexer keeps its tokenizer on it.
    const tokens = Lexer.lex(source, { gfm: true, breaks: false, pedantic: false, async: false, silent: false });
    const highest = Math.min(6, ...headingDepths(tokens));
    return blocks(tokens, (options.topHeadingLevel ?? 3) - highest);
  } catch {
    // Nesting thousands deep (***…*** pasted by mistake) overflows the lexer's stack: show the text as written, never throw into the page.
    return [{ type: 'paragraph', children: [source] }];
  }
}

function headingDepths(tokens: Token[]): number[] {
  return tokens.flatMap((token): number[] => {
    if (token.type === 'heading') return [(token as Tokens.Heading).depth];
    if (token.type === 'list') return (token as Tokens.List).items.flatMap((item) => headingDepths(item.tokens));
    return token.type === 'blockquote' ? headingDepths((token as Tokens.Blockquote).tokens) : [];
  });
}

function blocks(tokens: Token[], shift: number): MarkdownBlock[] {
  const out: MarkdownBlock[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        out.push({ type: 'heading', level: Math.min(6, token.depth + shift), children: inlines(token.tokens ?? []) });
        break;
      case 'paragraph':
        out.push({ type: 'paragraph', children: inlines(token.tokens ?? []) });
        break;
      case 'text':
        out.push({ type: 'inline', children: token.tokens ? inlines(token.tokens) : [decodeEntities(token.text)] });
        break;
      case 'html':
        out.push({ type: 'inline', children: inlines([token]) });
        break;
      case 'list': {
        const list = token as Tokens.List;
        const start = list.ordered && typeof list.start === 'number' ? list.start : 1;
        out.push({
          type: 'list',
          ordered: list.ordered,
          start,
          items: list.items.map((item) => blocks(item.tokens, shift)),
        });
        break;
      }
      case 'blockquote':
        out.push({ type: 'quote', children: blocks(token.tokens ?? [], shift) });
        break;
      case 'code':
        out.push({ type: 'code', text: token.text ? `${token.text.replace(/\n$/, '')}\n` : '' });
        break;
      case 'table': {
        const table = token as Tokens.Table;
        out.push({
          type: 'table',
          align: table.align,
          head: table.header.map((cell) => inlines(cell.tokens)),
          rows: table.rows.map((row) => row.map((cell) => inlines(cell.tokens))),
        });
        break;
      }
      case 'hr':
        out.push({ type: 'rule' });
        break;
      // space, def (a link reference, already resolved into its links) and a task's checkbox show nothing.
    }
  }
  return out;
}

type Parent = { children: MarkdownInline[] };

/** The inline HTML tags that become nodes, and the node each becomes (`a` is a link, `br` a break). */
const INLINE_TAGS: Record<string, 'strong' | 'em' | 'del' | 'sup' | 'sub' | 'a' | 'br'> = {
  a: 'a',
  b: 'strong',
  strong: 'strong',
  i: 'em',
  em: 'em',
  s: 'del',
  del: 'del',
  sup: 'sup',
  sub: 'sub',
  br: 'br',
};

/**
 * One piece of raw HTML: an open or closing tag (CommonMark's definition), or
 * what a browser would not show (match[5]): a comment, and, as browsers read
 * them in a page, a declaration, CDATA section or processing instruction up to
 * its first ">".
 */
const HTML_PIECE =
  /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*)\s*(\/?)>|(<!---?>|<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>)/g;
const HREF_ATTRIBUTE = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/** Inline tokens → nodes; `inLink` stops links inside links. */
function inlines(tokens: Token[], inLink = false): MarkdownInline[] {
  const root: Parent = { children: [] };
  // Open HTML tags: the node their content goes into (for a dropped tag, the same parent).
  const open: Array<{ name: string; into: Parent }> = [];
  let into = root;
  const add = (node: MarkdownInline) => {
    const last = into.children.length - 1;
    if (typeof node === 'string' && typeof into.children[last] === 'string') into.children[last] += node;
    else if (node !== '') into.children.push(node);
  };

  const linked = () => inLink || open.some((tag) => tag.name === 'a');

  const html = (raw: string) => {
    let at = 0;
    for (const match of raw.matchAll(HTML_PIECE)) {
      add(decodeEntities(raw.slice(at, match.index)));
      at = match.index! + match[0].length;
      if (match[5]) continue;
      const [whole, closing, tagName, attributes] = match as unknown as [string, string, string, string];
      const name = tagName.toLowerCase();
      const kind = INLINE_TAGS[name];
      if (!kind || (closing && attributes)) {
        add(whole);
      } else if (kind === 'br') {
        add({ type: 'br' });
      } else if (closing) {
        // Close the nearest open tag of that name, and any opened inside it; a stray closing tag is dropped.
        const index = open.map((tag) => tag.name).lastIndexOf(name);
        if (index >= 0) {
          open.length = index;
          into = open[index - 1]?.into ?? root;
        }
      } else {
        let node: Parent = into;
        if (kind !== 'a') {
          node = { type: kind, children: [] } as Parent & MarkdownInline;
        } else {
          // A link keeps its checked href and nothing else; without one, only its text shows.
          const value = HREF_ATTRIBUTE.exec(attributes);
          const href = value && !linked() ? checkedUrl(value[1] ?? value[2] ?? value[3] ?? '', true, false) : undefined;
          if (href) node = { type: 'link', href, children: [] } as Parent & MarkdownInline;
        }
        if (node !== into) add(node as MarkdownInline);
        open.push({ name, into: node });
        into = node;
      }
    }
    add(decodeEntities(raw.slice(at)));
  };

  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        // In tight lists a text token holds its own inline tokens.
        if (token.tokens) for (const node of inlines(token.tokens, linked())) add(node);
        else add(decodeEntities(token.text));
        break;
      case 'escape':
        add(token.text);
        break;
      case 'codespan':
        add({ type: 'code', text: token.text });
        break;
      case 'br':
        add({ type: 'br' });
        break;
      case 'strong':
      case 'em':
      case 'del':
        add({ type: token.type, children: inlines(token.tokens ?? [], linked()) });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const href = linked() ? undefined : checkedUrl(link.href, !link.autolink, true);
        // An autolink shows its address as written; another link its Markdown.
        const children = link.autolink ? [link.text] : inlines(link.tokens, true);
        if (href) add({ type: 'link', href, ...(link.title ? { title: decodeEntities(link.title) } : {}), children });
        else for (const node of children) add(node);
        break;
      }
      case 'image': {
        const image = token as Tokens.Image;
        const src = checkedUrl(image.href, true, true);
        const alt = decodeEntities(plainText(image.tokens ?? []));
        if (src) add({ type: 'image', src, alt, ...(image.title ? { title: decodeEntities(image.title) } : {}) });
        else add(alt);
        break;
      }
      case 'html':
        html(token.text);
        break;
    }
  }
  return root.children;
}

/** An image's alt text: the text of its description, without markup. */
function plainText(tokens: Token[]): string {
  return tokens
    .map((token) =>
      'tokens' in token && token.tokens
        ? plainText(token.tokens)
        : token.type === 'br'
          ? '\n'
          : 'text' in token
            ? token.text
            : '',
    )
    .join('');
}

/**
 * The address to use, or undefined when core's URL check refuses it (or it is
 * not a valid URI). Markdown destinations are percent-encoded as marked's own
 * renderer did. Tabs and newlines a browser would ignore inside a scheme
 * ("java&#9;script:") are removed before the check, so they hide nothing.
 */
function checkedUrl(raw: string, decode: boolean, encode: boolean): string | undefined {
  const value = (decode ? decodeEntities(raw) : raw).trim();
  if (!isSafeUrl(value.replace(/\s+/g, ''))) return undefined;
  try {
    const url = encode ? encodeURI(value).replace(/%25/g, '%') : value;
    return isSafeUrl(url) ? url : undefined;
  } catch {
    // A lone surrogate cannot be encoded: no link.
    return undefined;
  }
}
