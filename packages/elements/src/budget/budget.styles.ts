import { css } from 'lit';
import { narrow } from '../base/internal/narrow.js';

export const budgetStyles = css`
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0 0 0.25em;
    line-height: 1.4;
  }
  [part='title'] {
    font-size: 1.3em;
  }
  .meta {
    margin: 0 0 0.75em;
    color: var(--_muted);
  }
  .meta span + span::before {
    content: ' · ';
  }
  /* Every view in sight: the tabs wrap (as buttons of one group, so a second row does not look cut off from the panel). */
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0 0 1em;
  }
  [role='tab'] {
    white-space: nowrap;
    padding: 0.3em 0.9em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--gk-color-text, #1f1f1f);
  }
  [role='tab'][aria-selected='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: #fff;
    font-weight: 700;
  }
  .crumbs ol {
    display: flex;
    flex-wrap: wrap;
    list-style: none;
    margin: 0 0 0.5em;
    padding: 0;
  }
  .crumbs li + li::before {
    content: '›';
    padding: 0 0.4em;
    color: var(--_muted);
  }
  .crumbs button {
    min-height: 32px;
    min-width: 0;
    padding: 0 0.3em;
    border: 0;
    background: none;
    color: var(--_link);
    text-decoration: underline;
  }
  .crumbs [aria-current] {
    font-weight: 700;
  }
  .note-text,
  .source {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .sub-heading {
    margin-top: 1em;
  }
  .empty {
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    [role='tab'][aria-selected='true'] {
      border: 3px solid Highlight;
    }
  }
  @media print {
    [role='tablist'],
    .crumbs {
      display: none;
    }
  }
`;

/** A phone's first screen: the title, the tabs in two short rows, the summary sentence and the chart. */
export const budgetNarrowStyles = narrow(css`
  .meta {
    margin-bottom: 0.5em;
  }
  [role='tablist'] {
    gap: 0.3em;
    margin-bottom: 0.75em;
  }
  [role='tab'] {
    flex: 1 1 auto;
    min-height: 40px;
    padding: 0.2em 0.5em;
  }
`);
