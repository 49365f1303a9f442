import { css } from 'lit';
import { narrow } from './narrow.js';

/** The look of collapsible(): no toggle when wide; a full-width disclosure button, closed at first, when narrow; open in print. */
export const collapsibleStyles = [
  css`
    .collapse-toggle {
      display: none;
    }
  `,
  narrow(css`
    .collapse-toggle {
      display: flex;
      align-items: center;
      gap: 0.4em;
      width: 100%;
      border: 1px solid var(--_border);
      background: var(--_subtle);
      color: var(--gk-color-text, #1f1f1f);
      font-weight: 600;
      text-align: start;
    }
    /* The arrow is drawn, not read: aria-expanded says open or closed (alt text after the slash; older kernels keep the first). */
    .collapse-toggle::before {
      content: '▸';
      content: '▸' / '';
    }
    .collapse-toggle[aria-expanded='true']::before {
      content: '▾';
      content: '▾' / '';
    }
    .collapsible:not(.is-open) > .collapse-body {
      display: none;
    }
    .collapsible.is-open > .collapse-body {
      margin-top: 0.5em;
    }
  `),
  css`
    @media print {
      .collapsible > .collapse-body {
        display: block !important;
      }
    }
  `,
];
