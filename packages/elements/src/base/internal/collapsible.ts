import { html, type TemplateResult } from 'lit';

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
