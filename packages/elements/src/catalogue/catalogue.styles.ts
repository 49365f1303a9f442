import { css } from 'lit';
import { narrow } from '../base/internal/narrow.js';

export const catalogueStyles = css`
  h2,
  h3,
  h4 {
    margin: 0 0 0.3em;
    line-height: 1.4;
  }
  [part='title'] {
    font-size: 1.3em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    margin: 0 0 0.75em;
    color: var(--_muted);
  }
  .badge {
    padding: 0 0.5em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    color: var(--_accent);
  }
  .notice {
    margin: 0 0 0.5em;
    padding: 0.4em 0.75em;
    border-inline-start: 4px solid var(--_link);
    background: var(--_subtle);
  }
  .about .notice:last-child,
  .about .prose:last-child {
    margin-bottom: 0;
  }
  .controls {
    display: flex;
    align-items: flex-end;
    gap: 0.5em;
    margin: 0.75em 0;
  }
  .controls .search {
    display: flex;
    flex: 1 1 auto;
    flex-direction: column;
    gap: 0.2em;
    min-width: 0;
  }
  .controls input {
    width: 100%;
  }
  .filter-toggle {
    display: none;
    flex: none;
  }
  .filter-toggle[aria-expanded='true'] {
    background: var(--_subtle);
  }
  .selects {
    display: flex;
    flex-direction: column;
    gap: 0.6em;
    margin-bottom: 0.75em;
  }
  .selects label {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
  }
  .filters-done {
    display: none;
  }
  input,
  select {
    font: inherit;
    min-height: 44px;
    padding: 0.3em 0.5em;
    border: 1px solid var(--gk-color-input-border, #767676);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    max-width: 100%;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
  }
  .layout {
    display: grid;
    /* minmax(0, …): a wide table scrolls inside its box instead of widening the page. */
    grid-template-columns: minmax(10em, 14em) minmax(0, 1fr);
    gap: 1em;
  }
  .results-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.75em;
    margin: 0 0 0.5em;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 32px;
    padding: 0.1em 0.6em;
    border-width: 1px;
    border-radius: 999px;
    background: var(--_subtle);
    color: var(--gk-color-text, #1f1f1f);
  }
  .chip span {
    color: var(--_accent);
  }
  .clear {
    min-height: 32px;
    padding: 0.1em 0.6em;
    border-width: 1px;
  }
  .tree ul {
    list-style: none;
    margin: 0;
    padding-inline-start: 0.75em;
  }
  .tree button {
    display: flex;
    justify-content: space-between;
    gap: 0.5em;
    width: 100%;
    min-height: 36px;
    padding: 0.2em 0.5em;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    text-align: start;
  }
  .tree button[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
  }
  .count {
    color: inherit;
    opacity: 0.8;
    font-variant-numeric: tabular-nums;
  }
  .gk-elder .count {
    opacity: 1;
  }
  .count-line {
    margin: 0;
    font-weight: 600;
  }
  .count-line:focus {
    outline: none;
  }
  .count-line:focus-visible {
    outline: 3px solid var(--_focus);
  }
  mark {
    background: #fff3a3;
    color: inherit;
  }
  td.date {
    white-space: nowrap;
  }
  th[scope='row'] {
    min-width: 14em;
    font-weight: normal;
  }
  .number {
    display: block;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .more {
    min-height: 28px;
    min-width: 0;
    margin-inline-start: 0.5em;
    padding: 0 0.5em;
    border-width: 1px;
    font-size: 0.9em;
  }
  .full-text {
    margin-top: 0.5em;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .cards li {
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .card-title {
    margin: 0 0 0.4em;
    font-weight: 600;
  }
  .cards dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2em 0.75em;
    margin: 0;
  }
  .cards dt {
    color: var(--_muted);
  }
  .cards dd {
    margin: 0;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
    margin: 0.75em 0;
  }
  .pager button:disabled {
    border-color: var(--_border);
    color: var(--_muted);
    cursor: not-allowed;
  }
  .item-problems {
    margin-top: 1em;
  }
  @media print {
    .filters {
      display: none;
    }
    .layout {
      display: block;
    }
  }
  @media (forced-colors: active) {
    mark {
      background: Highlight;
      color: HighlightText;
    }
  }
`;

/**
 * A phone's first screen: the search box, the 筛选 button and the first entries.
 * The description waits behind 目录说明 (collapsible), the tree and selects
 * behind 筛选, the entries are compact cards.
 */
export const catalogueNarrowStyles = narrow(css`
  .meta {
    margin-bottom: 0.5em;
  }
  .controls {
    margin: 0.5em 0;
  }
  .filter-toggle {
    display: block;
    padding: 0.4em 0.75em;
  }
  .layout {
    display: block;
  }
  .filters {
    margin: 0 0 0.75em;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .filters:not(.is-open) {
    display: none;
  }
  /* Kept in view at the bottom of the screen while the long panel scrolls past, like a sheet's button. */
  .filters-done {
    display: block;
    position: sticky;
    bottom: 0.5em;
    width: 100%;
    margin-top: 0.75em;
    background: var(--_accent);
    color: #fff;
    box-shadow: 0 0 0 0.5em var(--_surface);
  }
  .cards {
    gap: 0.5em;
  }
  .cards li {
    padding: 0.5em 0.75em;
  }
  .card-title {
    margin: 0 0 0.2em;
  }
  .cards dl {
    display: block;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .cards dt,
  .cards dd {
    display: inline;
  }
  .cards dt::after {
    content: '：';
  }
  .cards dd::after {
    content: ' · ';
  }
  .cards dd:last-child::after {
    content: '';
  }
`);
