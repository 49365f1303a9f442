import { css } from 'lit';
import { narrow } from '../base/internal/narrow.js';

export const documentStyles = css`
  .card {
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space) calc(var(--_space) * 1.25);
  }
  .head {
    margin-bottom: 0.75em;
  }
  .status {
    display: inline-block;
    margin: 0 0 0.4em;
    padding: 0.05em 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 700;
  }
  .status--in-force {
    color: #1d5e20;
    background: #eef7ee;
  }
  .status--changed {
    color: #7a4500;
    background: #fff4e0;
  }
  .status--gone {
    color: #5c5c5c;
    background: #f0f0f0;
  }
  .status--draft {
    color: #0b4f8a;
    background: #eaf3fc;
  }
  /* Elder mode asks 7:1. */
  .gk-elder .status--gone {
    color: #3b3b3b;
  }
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    line-height: 1.4;
  }
  [part='title'] {
    font-size: 1.3em;
    color: var(--gk-color-title, var(--gk-color-text, #1f1f1f));
  }
  .number {
    margin: 0.25em 0 0;
    color: var(--_muted);
  }
  .meta {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
    margin: 0 0 1em;
    padding: 0.75em 1em;
    background: var(--_subtle);
    border-radius: var(--_radius);
  }
  .meta dt {
    color: var(--_muted);
  }
  .meta dd {
    margin: 0;
  }
  section {
    margin-top: 1em;
  }
  section > :is(h3, h4, h5, h6) {
    font-size: 1.05em;
    margin-bottom: 0.4em;
  }
  .files,
  .links {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .files li,
  .links li {
    padding: 0.4em 0;
    border-bottom: 1px dashed var(--_border);
  }
  .files li:last-child,
  .links li:last-child {
    border-bottom: 0;
  }
  .files a,
  .links a {
    display: inline-block;
    min-height: 24px;
  }
  .file-meta {
    color: var(--_muted);
    white-space: nowrap;
  }
  .link-type {
    display: inline-block;
    margin-inline-end: 0.5em;
    padding: 0 0.4em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    color: var(--_accent);
    font-size: 0.875em;
  }
  @media (forced-colors: active) {
    .status,
    .link-type {
      border-color: CanvasText;
      color: CanvasText;
    }
  }
  @media print {
    .card {
      border: 1px solid #000;
      border-top-width: 3px;
    }
    .meta {
      background: none;
      padding: 0;
    }
    .files a[href]::after,
    .links a[href]::after {
      content: ' <' attr(href) '>';
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
  }
`;

/** A phone's first screen: the status, the title and the facts (label and value side by side, not stacked), then the summary begins. */
export const documentNarrowStyles = narrow(css`
  .card {
    padding: 0.75em;
  }
  .meta {
    gap: 0.1em 0.75em;
    padding: 0.5em 0.75em;
  }
`);
