import { css } from 'lit';
import { narrow } from '../base/internal/narrow.js';

export const consultationStyles = css`
  [part='title'] {
    font-size: 1.3em;
    margin: 0 0 0.3em;
  }
  .badge {
    display: inline-block;
    padding: 0 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-weight: 700;
  }
  .badge.open {
    color: #1d5e20;
  }
  .badge.closed {
    color: var(--_muted);
  }
  .meta {
    color: var(--_muted);
  }
  section {
    margin-top: 1.25em;
  }
  h3,
  h4,
  h5 {
    margin: 0 0 0.4em;
  }
  .closed-note {
    padding: 0.6em 1em;
    background: var(--_subtle);
    border-radius: var(--_radius);
  }
  .headline {
    margin: 0.75em 0;
    padding: 0.6em 0.9em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .headline p {
    margin: 0;
  }
  .deadline {
    font-weight: 700;
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    margin: 0 0 0.4em;
  }
  .figures div {
    display: flex;
    flex-direction: column;
  }
  .figures dt {
    color: var(--_muted);
  }
  .figures dd {
    margin: 0;
    font-size: 1.4em;
    font-weight: 700;
    color: var(--_accent);
    font-variant-numeric: tabular-nums;
  }
  .jump {
    display: inline-block;
    margin-top: 0.4em;
    font-weight: 600;
  }
  .jump-target:focus {
    outline: none;
  }
`;

/** A phone's first screen: the status, the title, and the headline (the deadline and the way to comment, or the figures of the report). */
export const consultationNarrowStyles = narrow(css`
  [part='title'] {
    font-size: 1.15em;
  }
  .meta {
    font-size: 0.875em;
  }
  .figures {
    gap: 0.25em 1em;
  }
  .figures dd {
    font-size: 1.25em;
  }
`);
