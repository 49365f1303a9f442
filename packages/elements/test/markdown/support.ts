/** Helpers for the Markdown renderer's tests: render into the page, describe a DOM's text and shape. */
import { render } from 'lit';
import { markdown, type TextRenderer } from '../../src/base/internal/markdown.js';

/** Renders Markdown with the elements' renderer into a fresh <div> in the page. */
export function renderMarkdown(source: string, level = 3, text?: TextRenderer): HTMLDivElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(markdown(source, level, text), container);
  return container;
}

/** The CommonMark spec's sections about raw HTML: tested in xss.test.ts, since there we differ on purpose (tags other than the few kept show as text). */
export const RAW_HTML_SECTIONS = ['HTML blocks', 'Raw HTML'];

const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'div',
]);

/**
 * The text a DOM shows, without layout: text nodes with white space collapsed
 * (kept inside <pre>), a line break around each block and for each <br>, an
 * image's alt text. Comparable between two DOMs however their white space
 * between tags was written.
 */
export function textOf(root: Node): string {
  let out = '';
  const walk = (node: Node, pre: boolean) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        const data = (child as Text).data;
        // Adjacent text nodes collapse their white space together, as on screen.
        out += pre ? data : data.replace(/\s+/g, ' ').replace(out.endsWith(' ') ? /^ / : /$^/, '');
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const element = child as Element;
      const block = BLOCKS.has(element.localName);
      if (block || element.localName === 'br') out += '\n';
      if (element.localName === 'img') out += element.getAttribute('alt') ?? '';
      walk(element, pre || element.localName === 'pre');
      if (block) out += '\n';
    }
  };
  walk(root, false);
  return out.replace(/[ \t]*\n[ \t\n]*/g, '\n').trim();
}

const SHAPE_ATTRIBUTES = ['href', 'src', 'alt', 'title', 'start', 'align', 'rel'];

/** Elements in document order with the attributes that carry meaning: "p", "a[href=/x]", "h" for any heading. */
export function shapeOf(root: Node, ignore: readonly string[] = []): string[] {
  const shape: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    if (ignore.includes(node.localName)) continue;
    const attributes = SHAPE_ATTRIBUTES.filter((name) => node!.hasAttribute(name) && !ignore.includes(`@${name}`)).map(
      (name) => `${name}=${node!.getAttribute(name)}`,
    );
    shape.push(
      `${/^h[1-6]$/.test(node.localName) ? 'h' : node.localName}${attributes.length ? `[${attributes.join(' ')}]` : ''}`,
    );
  }
  return shape;
}
