import { css } from 'lit';

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
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.75em;
    margin: 0.75em 0;
  }
  .controls label {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    min-width: 9em;
  }
  .controls .search {
    flex: 1 1 16em;
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
  .gk-root {
    container-type: inline-size;
  }
  .layout {
    display: grid;
    /* minmax(0, …): a wide table scrolls inside its box instead of widening the page. */
    grid-template-columns: minmax(10em, 14em) minmax(0, 1fr);
    gap: 1em;
  }
  .layout > .results:only-child {
    grid-column: 1 / -1;
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
    margin: 0 0 0.5em;
    font-weight: 600;
  }
  mark {
    background: #fff3a3;
    color: inherit;
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
  /* The element's own width decides, not the screen's: it may sit in a narrow column. */
  @container (max-width: 40em) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    .cards dl {
      grid-template-columns: 1fr;
    }
  }
  @media (forced-colors: active) {
    mark {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
