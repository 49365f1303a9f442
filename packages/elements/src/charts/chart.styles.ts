import { css } from 'lit';

/** Styles of the chart frame, shared by every element that charts. */
export const chartStyles = css`
  .chart-figure {
    margin: 0 0 1.25em;
  }
  .chart-summary {
    margin: 0 0 0.5em;
    font-weight: 700;
  }
  .chart-box {
    position: relative;
    max-width: 100%;
    overflow: visible;
  }
  svg.chart {
    display: block;
    max-width: 100%;
    height: auto;
    overflow: visible;
    font-family: inherit;
  }
  /* Elder mode lays charts out narrower (see ResizeController.chartWidth) and draws them at the full width. */
  .gk-elder svg.chart {
    width: 100%;
  }
  svg.chart text {
    fill: var(--gk-color-text, #1f1f1f);
  }
  svg.chart .tile text {
    fill: #fff;
  }
  svg.chart .axis .grid {
    stroke: var(--_border);
    stroke-width: 1;
  }
  svg.chart .mark {
    cursor: pointer;
    outline: none;
  }
  svg.chart .mark:focus-visible > rect:first-child,
  svg.chart .mark:focus-visible > circle:first-child {
    stroke: var(--_focus);
    stroke-width: 3px;
  }
  svg.chart .mark:hover > rect:first-child {
    opacity: 0.85;
  }
  .chart-tooltip {
    position: absolute;
    z-index: 1;
    transform: translate(-50%, calc(-100% - 8px));
    display: flex;
    flex-direction: column;
    gap: 0.1em;
    min-width: 8em;
    max-width: min(18em, 90vw);
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    pointer-events: none;
    font-size: 0.875em;
  }
  .chart-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: 0.5em 0;
  }
  /* Where a download cannot happen (WeChat), the box under the buttons: base/internal/save-file.ts. */
  .file-help {
    flex-basis: 100%;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_link);
    background: var(--_subtle);
  }
  .file-help p {
    margin: 0 0 0.4em;
  }
  .file-help .copy-status {
    margin: 0.25em 0 0;
    font-weight: 700;
  }
  .file-help label {
    display: block;
    margin-top: 0.4em;
  }
  .file-help textarea {
    display: block;
    width: 100%;
    font: inherit;
    font-size: 0.875em;
  }
  .data-table:focus-visible,
  .table-scroll:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    list-style: none;
    margin: 0 0 0.5em;
    padding: 0;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  .data-table,
  .table-scroll {
    max-width: 100%;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    margin: 0.5em 0 1em;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.4em;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.3em 0.6em;
    text-align: start;
    vertical-align: top;
    /* The host breaks long words anywhere; in a table that would squeeze a column to one digit. */
    overflow-wrap: normal;
    min-width: 4em;
  }
  td.num {
    text-align: end;
    white-space: nowrap;
  }
  thead th {
    background: var(--_subtle);
  }
  .small-items {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .small-items ul {
    margin: 0.25em 0;
    padding-inline-start: 1.25em;
  }
  @media (forced-colors: active) {
    svg.chart .mark > rect:first-child,
    svg.chart .mark > circle:first-child {
      forced-color-adjust: none;
      stroke: CanvasText;
    }
    svg.chart .mark:focus-visible > rect:first-child {
      stroke: Highlight;
    }
  }
  @media print {
    .chart-tooltip {
      display: none;
    }
    .data-table[hidden] {
      display: block !important;
    }
    .table-scroll,
    .data-table {
      overflow: visible;
    }
  }
`;
