import { css } from 'lit';
import { narrow } from '../base/internal/narrow.js';

/**
 * What to bring and where to go side by side; in the narrow layout (the element's
 * own width, base/internal/narrow.ts) one above the other, still the first screen. Printing the checklist
 * (the .print-checklist class while the print dialog is open) leaves only the
 * title, what to bring, where to go and the list, to fit one page.
 */
export const serviceGuideStyles = css`
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0 0 0.4em;
    line-height: 1.4;
  }
  [part='title'] {
    font-size: 1.3em;
  }
  .meta,
  .updated,
  .hint,
  .detail,
  .note {
    color: var(--_muted);
  }
  section {
    margin-top: 1.25em;
  }
  .first-screen {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .first-screen section {
    margin: 0;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .big {
    font-size: 1.15em;
    font-weight: 700;
    margin: 0 0 0.4em;
  }
  .facts {
    margin: 0.5em 0;
    padding-inline-start: 1.2em;
  }
  .materials,
  .services {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .materials li {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: 0.6em;
    padding: 0.5em 0;
    border-bottom: 1px solid var(--_border);
  }
  .materials input {
    width: 1.5em;
    height: 1.5em;
    margin: 0.1em 0 0;
    accent-color: var(--_accent);
  }
  .materials label {
    cursor: pointer;
  }
  .materials .name {
    font-weight: 700;
  }
  .materials .detail {
    display: block;
  }
  .materials .note,
  .materials .forms {
    grid-column: 2;
    margin: 0.2em 0 0;
  }
  .forms a + a {
    margin-inline-start: 1em;
  }
  .progress {
    font-weight: 700;
  }
  .actions button + button {
    margin-inline-start: 0.5em;
  }
  .search {
    display: flex;
    flex-direction: column;
    gap: 0.3em;
    margin: 0.75em 0;
  }
  .search input {
    font: inherit;
    padding: 0.5em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    min-height: 2.75em;
  }
  .services li {
    padding: 0.75em 0;
    border-bottom: 1px solid var(--_border);
  }
  .services p {
    margin: 0.2em 0 0.5em;
  }
  .steps li + li {
    margin-top: 0.4em;
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.3em 1em;
    margin: 0;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
  }
  .table-scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.4em 0.5em;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  thead th {
    border-bottom: 2px solid var(--_border);
  }
  tbody th {
    font-weight: 400;
  }
  td {
    white-space: nowrap;
  }
  .online {
    display: inline-block;
    padding: 0.45em 1em;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: #fff;
    font-weight: 700;
    text-decoration: none;
  }
  .gk-elder .materials input {
    width: 2.75em;
    height: 2.75em;
  }
  @media print {
    .no-print {
      display: none;
    }
    .print-checklist > section:not(.checklist),
    .print-checklist > .updated {
      display: none;
    }
    .print-checklist .first-screen {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .print-checklist .materials li {
      padding: 0.25em 0;
      break-inside: avoid;
    }
    .print-checklist .first-screen section {
      padding: 0.5em;
    }
  }
`;

/** The phone layout: one column; the first screen keeps what to bring and where to go. */
export const serviceGuideNarrowStyles = narrow(css`
  .first-screen {
    grid-template-columns: minmax(0, 1fr);
  }
  .first-screen section {
    padding: 0.6em;
  }
  .big {
    font-size: 1.05em;
  }
`);
