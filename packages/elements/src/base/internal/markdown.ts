/**
 * The one Markdown renderer: core's safe node tree (parseMarkdown) → Lit
 * templates. Every string is bound as a child, so it reaches the DOM as a text
 * node; links and images carry only addresses core's URL check passed. No HTML
 * string is made anywhere. Only elements that show Markdown import this.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { parseMarkdown, type MarkdownBlock, type MarkdownInline } from '@gongkai/core';
import { rel } from './links.js';

export { markdownStyles } from './markdown.styles.js';

/**
 * What becomes of a piece of plain text (not inside a link or code): by default
 * the text itself. The explainer marks its glossary terms with it.
 */
export type TextRenderer = (text: string) => unknown;

const asText: TextRenderer = (value) => value;

const parsed = new Map<string, MarkdownBlock[]>();

/**
 * Editor-written Markdown as templates, keyed by its source and heading level:
 * new text gets new DOM, never a mix with what was rendered before.
 */
export function markdown(source: string, topHeadingLevel: number, text: TextRenderer = asText): unknown {
  const level = Math.min(6, Math.max(2, topHeadingLevel)) as 2 | 3 | 4 | 5 | 6;
  const key = `${level}\n${source}`;
  let tree = parsed.get(key);
  if (!tree) {
    // Elements re-render on every toggle; the same text is parsed once (and the cache stays small).
    if (parsed.size > 100) parsed.clear();
    tree = parseMarkdown(source, { topHeadingLevel: level });
    parsed.set(key, tree);
  }
  return keyed(key, blocks(tree, text));
}

function blocks(nodes: MarkdownBlock[], text: TextRenderer): TemplateResult[] {
  return nodes.map((node) => block(node, text));
}

function block(node: MarkdownBlock, text: TextRenderer): TemplateResult {
  switch (node.type) {
    case 'heading': {
      const content = inlines(node.children, text);
      // Five plain templates cost less than lit/static-html's dynamic tag names.
      return node.level <= 2
        ? html`<h2>${content}</h2>`
        : node.level === 3
          ? html`<h3>${content}</h3>`
          : node.level === 4
            ? html`<h4>${content}</h4>`
            : node.level === 5
              ? html`<h5>${content}</h5>`
              : html`<h6>${content}</h6>`;
    }
    case 'paragraph':
      return html`<p>${inlines(node.children, text)}</p>`;
    case 'inline':
      return html`${inlines(node.children, text)}`;
    case 'list': {
      const items = node.items.map((item) => html`<li>${blocks(item, text)}</li>`);
      return node.ordered
        ? html`<ol start=${ifDefined(node.start === 1 ? undefined : node.start)}>${items}</ol>`
        : html`<ul>${items}</ul>`;
    }
    case 'quote':
      return html`<blockquote>${blocks(node.children, text)}</blockquote>`;
    case 'code':
      return html`<pre><code>${node.text}</code></pre>`;
    case 'table':
      return html`<table>
        <thead>
          <tr>
            ${node.head.map((cell, i) => html`<th scope="col" align=${ifDefined(node.align[i] ?? undefined)}>${inlines(cell, text)}</th>`)}
          </tr>
        </thead>
        ${
          node.rows.length
            ? html`<tbody>
              ${node.rows.map(
                (row) => html`<tr>
                  ${row.map((cell, i) => html`<td align=${ifDefined(node.align[i] ?? undefined)}>${inlines(cell, text)}</td>`)}
                </tr>`,
              )}
            </tbody>`
            : nothing
        }
      </table>`;
    case 'rule':
      return html`<hr />`;
  }
}

function inlines(nodes: MarkdownInline[], text: TextRenderer): unknown[] {
  return nodes.map((node) => inline(node, text));
}

function inline(node: MarkdownInline, text: TextRenderer): unknown {
  if (typeof node === 'string') return text(node);
  switch (node.type) {
    case 'strong':
      return html`<strong>${inlines(node.children, text)}</strong>`;
    case 'em':
      return html`<em>${inlines(node.children, text)}</em>`;
    case 'del':
      return html`<del>${inlines(node.children, text)}</del>`;
    case 'sup':
      return html`<sup>${inlines(node.children, text)}</sup>`;
    case 'sub':
      return html`<sub>${inlines(node.children, text)}</sub>`;
    case 'code':
      return html`<code>${node.text}</code>`;
    case 'br':
      return html`<br />`;
    case 'link':
      // Nothing interactive inside a link: its text stays plain.
      return html`<a href=${node.href} title=${ifDefined(node.title)} rel=${ifDefined(rel(node.href))}>${inlines(node.children, asText)}</a>`;
    case 'image':
      return html`<img src=${node.src} alt=${node.alt} title=${ifDefined(node.title)} />`;
  }
}
