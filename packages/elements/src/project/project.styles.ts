import { css } from 'lit';
import { narrow } from '../base/internal/narrow.js';

/**
 * The status and the investment as a row of three figures; in the narrow layout
 * (the element's own width, base/internal/narrow.ts) a column, first on the
 * screen. The timeline is a list with a line down its numbers. A stage's status is written, never colour alone.
 */
export const projectStyles = css`
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
  .small,
  .stage-count {
    color: var(--_muted);
  }
  section {
    margin-top: 1.5em;
  }
  .first-screen {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 0.5em;
    margin: 0.75em 0;
  }
  .first-screen > div {
    padding: 0.6em 0.75em;
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .first-screen dt {
    color: var(--_muted);
  }
  .first-screen dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
  }
  .first-screen .small {
    display: block;
    font-size: 0.8em;
    font-weight: 400;
  }
  .badge {
    display: inline-block;
    padding: 0 0.4em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-weight: 400;
  }
  .sources {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .stage {
    position: relative;
    padding: 0 0 1em 2.4em;
    border-inline-start: 2px solid var(--_border);
    margin-inline-start: 0.9em;
  }
  .stage:last-child {
    border-color: transparent;
  }
  .stage .step {
    position: absolute;
    inset-inline-start: -0.95em;
    top: 0;
    width: 1.8em;
    height: 1.8em;
    border-radius: 50%;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    background: var(--_surface);
    border: 2px solid var(--_border);
    font-size: 0.9em;
  }
  .stage[data-status='已完成'] .step {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
  }
  .stage[data-status='进行中'] .step {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .stage[data-status='未开始'] {
    color: var(--_muted);
  }
  .stage .status {
    margin: 0 0 0.4em;
  }
  .sub {
    font-weight: 700;
    margin: 0.5em 0 0.2em;
  }
  .documents {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  @media print {
    section,
    .stage {
      break-inside: auto;
    }
    .table-scroll {
      overflow: visible;
    }
  }
`;

/** The phone layout: the three figures one under the other, smaller, so the first screen holds them. */
export const projectNarrowStyles = narrow(css`
  .first-screen {
    grid-template-columns: minmax(0, 1fr);
    gap: 0.35em;
  }
  .first-screen > div {
    padding: 0.4em 0.6em;
  }
  .first-screen dd {
    font-size: 1.1em;
  }
  .stage {
    padding-inline-start: 1.8em;
  }
`);
