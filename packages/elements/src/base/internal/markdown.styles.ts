import { css } from 'lit';

/**
 * How Markdown looks in every element that shows it (inside a `.prose`
 * container): spacing, lists, quotes, tables that scroll sideways on a phone
 * instead of widening the page, images and code that never overflow.
 */
export const markdownStyles = css`
  .prose :is(p, ul, ol, blockquote, pre, table) {
    margin: 0 0 0.6em;
  }
  .prose :is(ul, ol) {
    padding-inline-start: 1.5em;
  }
  .prose blockquote {
    margin-inline: 0;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
  }
  .prose table {
    border-collapse: collapse;
    display: block;
    max-width: 100%;
    overflow-x: auto;
  }
  .prose :is(th, td) {
    border: 1px solid var(--_border);
    padding: 0.25em 0.5em;
  }
  .prose img {
    max-width: 100%;
    height: auto;
  }
  .prose pre {
    max-width: 100%;
    overflow-x: auto;
  }
`;
