import { css } from 'lit';
import { narrow } from './narrow.js';

/**
 * The box of figures a reader looks for first (an annual report's year, a
 * consultation's comments): label above, number below; two to a row on a phone.
 */
export const headlineStyles = [
  css`
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
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4em 1.5em;
      margin: 0;
    }
    .figures > div {
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
  `,
  narrow(css`
    .figures {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0.4em 1em;
    }
    .figures dd {
      font-size: 1.25em;
    }
  `),
];
