import { css } from 'lit';

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
  .headline .headline-title {
    margin: 0 0 0.25em;
    font-weight: 700;
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
