import { css } from 'lit';
import { narrow } from '../base/internal/narrow.js';

export const explainerStyles = css`
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0 0 0.4em;
    line-height: 1.4;
  }
  [part='title'] {
    font-size: 1.35em;
  }
  .summary {
    margin: 0 0 0.75em;
    font-size: 1.1em;
    font-weight: 600;
  }
  .meta {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2em 1em;
    margin: 0 0 1em;
    padding: 0.6em 1em;
    background: var(--_subtle);
    border-radius: var(--_radius);
  }
  .meta dt {
    color: var(--_muted);
  }
  .meta dd {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
    margin-inline-start: 0.5em;
  }
  .reading {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.5em;
  }
  .toc-box {
    flex-basis: 100%;
  }
  .toolbar,
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0.5em 0 1em;
  }
  .toolbar button[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
  }
  .pager button:disabled {
    border-color: var(--_border);
    color: var(--_muted);
    cursor: not-allowed;
  }
  .notice {
    padding: 0.4em 0.75em;
    border-inline-start: 4px solid var(--_link);
    background: var(--_subtle);
    overflow-wrap: anywhere;
  }
  .source {
    color: var(--_muted);
    font-size: 0.95em;
  }
  .toc ol {
    margin: 0 0 1em;
    padding-inline-start: 1.5em;
  }
  .toc a[aria-current] {
    font-weight: 700;
  }
  .section {
    margin: 1.5em 0;
    scroll-margin-top: 1em;
  }
  .step-hidden {
    display: none;
  }
  .section-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5em;
    border-bottom: 2px solid var(--_border);
    margin-bottom: 0.6em;
  }
  .section-title:focus {
    outline: none;
  }
  .section-title:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .share {
    min-height: 32px;
    min-width: 32px;
    padding: 0 0.5em;
    border-width: 1px;
  }
  .share-status {
    margin: 0;
    color: #1d5e20;
    font-weight: 700;
  }
  .share-status:not(:empty) {
    margin: 0 0 0.5em;
  }
  .share-field {
    display: block;
    margin: 0 0 0.5em;
  }
  .share-field input {
    display: block;
    width: 100%;
    min-height: 44px;
    font: inherit;
  }
  .term {
    min-height: 0;
    min-width: 0;
    padding: 0 0.1em;
    border: 0;
    border-bottom: 2px dotted var(--_link);
    border-radius: 0;
    background: none;
    color: inherit;
    font: inherit;
    cursor: help;
  }
  /* Inline, so an opened definition does not break the sentence it sits in. */
  .term-definition {
    display: inline;
    margin: 0 0.25em;
    padding: 0.1em 0.4em;
    border-inline-start: 3px solid var(--_link);
    background: var(--_subtle);
    font-weight: normal;
    font-style: normal;
  }
  .term-definition[hidden] {
    display: none;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11em, 1fr));
    gap: 0.75em;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .figures li {
    display: flex;
    flex-direction: column;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .figure-value {
    font-size: 1.6em;
    font-weight: 700;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }
  .figure-compare {
    color: var(--_muted);
  }
  .steps {
    list-style: none;
    margin: 0;
    padding: 0;
    border-inline-start: 3px solid var(--_border);
  }
  .steps li {
    position: relative;
    margin: 0 0 1em;
    padding-inline-start: 1.25em;
  }
  .steps li::before {
    content: '';
    position: absolute;
    inset-inline-start: -0.5em;
    top: 0.45em;
    width: 0.75em;
    height: 0.75em;
    border-radius: 50%;
    background: var(--_accent);
  }
  .step-when {
    margin: 0;
    color: var(--_accent);
    font-weight: 700;
  }
  .step-title {
    margin: 0;
    font-weight: 600;
  }
  .step-who {
    margin: 0;
    color: var(--_muted);
  }
  .disclosure {
    border-bottom: 1px solid var(--_border);
  }
  .disclosure-button {
    width: 100%;
    text-align: start;
    border: 0;
    border-radius: 0;
    background: none;
    color: var(--gk-color-text, #1f1f1f);
    font-weight: 600;
    padding: 0.6em 0;
  }
  .disclosure-button::before {
    content: '▸ ';
  }
  .disclosure-button[aria-expanded='true']::before {
    content: '▾ ';
  }
  .disclosure-body {
    padding: 0 0 0.75em 1.2em;
  }
  figure {
    margin: 0;
  }
  .image img,
  .media video {
    display: block;
    max-width: 100%;
    height: auto;
    border-radius: var(--_radius);
  }
  .media audio {
    width: 100%;
  }
  .media-failed {
    font-weight: 700;
  }
  figcaption {
    color: var(--_muted);
    margin-top: 0.4em;
  }
  .impact {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14em, 1fr));
    gap: 0.75em 1.5em;
  }
  .impact-head {
    margin: 0 0 0.25em;
    font-weight: 700;
  }
  .impact ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .contact,
  .glossary dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
  }
  .contact dd,
  .glossary dd {
    margin: 0;
  }
  .glossary dt {
    font-weight: 700;
  }
  .section-error {
    margin: 0;
  }
  @media print {
    .gk-root {
      border: 0;
      padding: 0;
    }
    .step-hidden,
    .disclosure-body[hidden] {
      display: block !important;
    }
    .term-definition[hidden] {
      display: inline !important;
    }
    .toc {
      display: none;
    }
  }
`;

/** A phone's first screen: the title, the one-sentence summary and the start of the first section; 关于本解读 and the contents wait behind their buttons. */
export const explainerNarrowStyles = narrow(css`
  .summary {
    font-size: 1em;
    margin-bottom: 0.5em;
  }
  .meta {
    grid-template-columns: max-content 1fr;
    gap: 0 0.75em;
    padding: 0.5em 0.75em;
  }
  .contact,
  .glossary dl {
    grid-template-columns: 1fr;
  }
  .about {
    margin-bottom: 0.5em;
  }
  .toolbar {
    margin: 0.5em 0;
  }
  /* The contents button sits beside the reading-mode buttons; the opened list takes the row below. */
  .toc-box {
    display: contents;
  }
  .toc-box > .collapse-toggle {
    flex: 1 1 8em;
    width: auto;
  }
  .toc-box > .collapse-body {
    flex-basis: 100%;
  }
  .section {
    margin: 1em 0;
  }
`);
