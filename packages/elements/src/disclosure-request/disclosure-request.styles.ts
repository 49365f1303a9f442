import { css } from 'lit';
import { narrow } from '../base/internal/narrow.js';

export const requestStyles = css`
  [part='title'] {
    font-size: 1.3em;
    margin: 0 0 0.3em;
  }
  section {
    margin-top: 1.25em;
  }
  h3,
  h4 {
    margin: 0 0 0.4em;
  }
  .lookup {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5em;
  }
  .lookup label {
    display: flex;
    flex-direction: column;
    gap: 0.2em;
    font-weight: 600;
    flex: 1 1 14em;
  }
  .lookup input {
    font: inherit;
    min-height: 44px;
    padding: 0.3em 0.6em;
    border: 2px solid var(--gk-color-input-border, #595959);
    border-radius: var(--_radius);
    max-width: 20em;
  }
  .hint {
    font-weight: normal;
    color: var(--_muted);
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    margin: 0.75em 0;
    padding: 0;
  }
  .steps li {
    flex: 1 1 7em;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }
  .steps li.done {
    border-color: #1d5e20;
    color: #1d5e20;
  }
  .steps li[aria-current] {
    border-color: var(--_accent);
    color: var(--gk-color-text, #1f1f1f);
    font-weight: 700;
  }
  .outcome {
    padding: 0.6em 1em;
    background: var(--_subtle);
    border-radius: var(--_radius);
  }
  .problem {
    color: var(--_danger);
    font-weight: 700;
  }
  .to-lookup {
    margin: 0 0 0.5em;
  }
`;

/** On a phone: the lookup's field as wide as the column. */
export const requestNarrowStyles = narrow(css`
  .lookup input {
    max-width: none;
    width: 100%;
  }
`);
