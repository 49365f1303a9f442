/** Editor Markdown inside templates, through core's single sanitizer. Only elements that show Markdown import this. */
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { renderMarkdown } from '@gongkai/core';

/**
 * Editor-written Markdown as DOM. The HTML comes only from core's renderMarkdown,
 * which sanitizes it; this is the one place the elements use unsafeHTML.
 */
export function markdown(source: string, topHeadingLevel: number): ReturnType<typeof unsafeHTML> {
  const level = Math.min(6, Math.max(2, topHeadingLevel)) as 2 | 3 | 4 | 5 | 6;
  return unsafeHTML(renderMarkdown(source, { topHeadingLevel: level }));
}
