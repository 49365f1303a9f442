import { css } from 'lit';

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
  [role='tablist'] {
    display: flex;
    /* One row that scrolls sideways on phones: wrapped rows of tabs detach the selected one from its panel. */
    flex-wrap: nowrap;
    overflow-x: auto;
    gap: 0.25em;
    margin: 0 0 1em;
    border-bottom: 2px solid var(--_border);
  }
  [role='tab'] {
    flex: none;
    white-space: nowrap;
    border: 2px solid transparent;
    border-bottom: 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: none;
    color: var(--gk-color-text, #1f1f1f);
    margin-bottom: -2px;
  }
  [role='tab'][aria-selected='true'] {
    border-color: var(--_border);
    border-bottom: 2px solid var(--_surface);
    background: var(--_surface);
    color: var(--_accent);
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
      border-color: Highlight;
    }
  }
  @media print {
    [role='tablist'],
    .crumbs {
      display: none;
    }
  }
`;
