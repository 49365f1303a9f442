import { css } from 'lit';
import { narrow } from '../base/internal/narrow.js';

export const formStyles = css`
  .gk-root.gk-within {
    border: 0;
    padding: 0;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 0.4em;
    line-height: 1.4;
  }
  [part='title'] {
    font-size: 1.3em;
  }
  form {
    display: block;
  }
  .section {
    margin: 0 0 1em;
    padding: 0;
    border: 0;
  }
  .section > legend {
    padding: 0;
    margin-bottom: 0.5em;
    font-size: 1.1em;
    font-weight: 700;
  }
  .field {
    margin: 0 0 1.1em;
    padding: 0;
    border: 0;
  }
  .field.invalid {
    padding-inline-start: 0.75em;
    border-inline-start: 4px solid var(--_danger);
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  .optional,
  .help,
  .count {
    font-weight: normal;
    color: var(--_muted);
    margin: 0 0 0.3em;
  }
  .count.over {
    color: var(--_danger);
  }
  .error {
    margin: 0 0 0.3em;
    color: var(--_danger);
    font-weight: 700;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    display: block;
    width: 100%;
    max-width: 36em;
    min-height: 44px;
    padding: 0.4em 0.6em;
    border: 2px solid var(--gk-color-input-border, #595959);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
    font-weight: normal;
  }
  .choice input {
    width: 1.25em;
    height: 1.25em;
  }
  .summary {
    margin: 0 0 1em;
    padding: 0.75em 1em;
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .summary p {
    margin: 0 0 0.4em;
    font-weight: 700;
  }
  .summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  .notice {
    padding: 0.4em 0.75em;
    border-inline-start: 4px solid var(--_link);
    background: var(--_subtle);
  }
  .failed {
    color: var(--_danger);
    font-weight: 700;
  }
  .privacy {
    margin: 0 0 1em;
    padding: 0.75em 1em;
    background: var(--_subtle);
    border-radius: var(--_radius);
  }
  .privacy-title {
    margin: 0 0 0.25em;
    font-weight: 700;
  }
  .privacy .prose > :last-child {
    margin-bottom: 0;
  }
  .errors-left {
    margin: 0 0 0.75em;
  }
  .errors-left a {
    color: var(--_danger);
    font-weight: 600;
  }
  .honeypot {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .send {
    background: var(--_accent);
    color: #fff;
    font-weight: 700;
    padding: 0.5em 2em;
  }
  .send[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .field-error {
    margin-bottom: 1em;
  }
  .confirmation {
    font-size: 1.1em;
    padding: 0.75em 1em;
    border-inline-start: 4px solid #1d5e20;
    background: #eef7ee;
  }
`;

/** A phone's first screen: the title, the few lines that say what the form is for, and the first field. */
export const formNarrowStyles = narrow(css`
  .section > legend {
    font-size: 1em;
  }
  .field {
    margin-bottom: 0.9em;
  }
  .privacy {
    padding: 0.5em 0.75em;
  }
  .send {
    width: 100%;
  }
`);
