import { css, html, type TemplateResult } from 'lit';
import { narrow } from './narrow.js';

export interface CollapsibleOptions {
  /** The DOM id of the body (scoped). */
  id: string;
  /** What the toggle says on a phone. */
  label: unknown;
  /** Whether the reader has opened it (matters in the narrow layout only). */
  open: boolean;
  toggle(): void;
  body: unknown;
  className?: string;
}

/**
 * A part that is open, with no toggle, where the element is wide, and a
 * disclosure button that starts closed in the narrow layout (a phone's first
 * screen is for what the reader came for). The toggle is not displayed when
 * wide, so a screen reader never meets a "collapsed" button whose part shows.
 * Printed open.
 */
export function collapsible(options: CollapsibleOptions): TemplateResult {
  return html`<div class="collapsible ${options.open ? 'is-open' : ''} ${options.className ?? ''}">
    <button type="button" class="collapse-toggle no-print" aria-expanded=${options.open ? 'true' : 'false'} aria-controls=${options.id} @click=${options.toggle}>
      ${options.label}
    </button>
    <div class="collapse-body" id=${options.id}>${options.body}</div>
  </div>`;
}

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
