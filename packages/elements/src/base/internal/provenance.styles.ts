import { css } from 'lit';

/**
 * The "published · updated" block under a published document (provenance.ts): small,
 * quiet, readable in forced colours, and printed whole (the revision list too).
 */
export const provenanceStyles = css`
  .provenance {
    margin-block-start: calc(var(--_space) * 1.25);
    padding-block-start: calc(var(--_space) * 0.75);
    border-block-start: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .provenance p {
    margin: 0 0 0.5em;
  }
  .provenance .verdict {
    color: var(--gk-color-text, #1f1f1f);
    padding: 0.25em 0.5em;
    border-inline-start: 4px solid var(--_border);
    background: var(--_subtle);
  }
  .provenance .verdict-verified {
    border-inline-start-color: #1e6b35;
  }
  .provenance .verdict-failed {
    border-inline-start-color: var(--_danger);
    color: var(--_danger);
  }
  .provenance .key {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .provenance ul,
  .provenance ol {
    margin: 0.25em 0 0.75em;
    padding-inline-start: 1.5em;
  }
  .provenance .history-toggle {
    font: inherit;
    color: var(--_link);
    background: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25em 0.75em;
    cursor: pointer;
    min-block-size: 44px;
  }
  .provenance .history-toggle:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .provenance .figure {
    font-variant-numeric: tabular-nums;
    color: var(--gk-color-text, #1f1f1f);
  }
  @media print {
    .provenance .history-toggle {
      display: none;
    }
    .provenance [hidden] {
      display: block !important;
    }
  }
`;
