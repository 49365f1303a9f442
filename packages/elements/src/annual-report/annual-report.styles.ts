import { css } from 'lit';
import { narrow } from '../base/internal/narrow.js';

export const annualReportStyles = css`
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
  .source,
  .not-reported {
    color: var(--_muted);
  }
  section {
    margin-top: 1.5em;
  }
  .headline {
    margin: 0.75em 0 0;
    padding: 0.6em 0.9em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .headline-title {
    margin: 0 0 0.25em;
    font-weight: 700;
  }
  .headline dl {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 1.75em;
    margin: 0;
  }
  .headline dl > div {
    display: flex;
    flex-direction: column;
  }
  .headline dt {
    color: var(--_muted);
  }
  .headline dd {
    margin: 0;
    font-size: 1.4em;
    font-weight: 700;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }
  .headline .share {
    margin-inline-start: 0.4em;
    font-size: 0.75em;
    color: var(--_muted);
  }
  .table3 tr.category th,
  .table3 tr.total th,
  .table3 tr.total td {
    font-weight: 700;
  }
  .table3 tr.case th {
    font-weight: 400;
    padding-inline-start: 1.6em;
  }
  .table3 tr.heading-row th {
    background: var(--_subtle);
  }
  .table3 tbody th {
    min-width: 12em;
  }
  .table-actions {
    margin: 0 0 1em;
  }
  @media print {
    section {
      break-inside: auto;
    }
    .table-scroll {
      overflow: visible;
    }
  }
`;

/** A phone's first screen: the title and the year's headline figures, two to a row. */
export const annualReportNarrowStyles = narrow(css`
  [part='title'] {
    font-size: 1.15em;
  }
  .meta {
    font-size: 0.875em;
    margin-bottom: 0;
  }
  .headline dl {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.4em 1em;
  }
  .headline dd {
    font-size: 1.25em;
  }
`);
