/** The events every gk-* element dispatches. Both bubble and cross shadow roots. */
import type { GkIssue } from '@gongkai/core';

/** Where a document came from. */
export type DataSource = 'src' | 'inline' | 'data';

export interface GkLoadDetail {
  /** The validated document. */
  document: unknown;
  source: DataSource;
}

export interface GkErrorDetail {
  /** Each problem: JSON path, message key and parameters, line and column when known. */
  issues: GkIssue[];
  /** The same problems as text in the element's language, one line each. */
  messages: string[];
  source: DataSource | 'none';
}

/** Dispatched when a document has been loaded, validated and rendered. */
export class GkLoadEvent extends CustomEvent<GkLoadDetail> {
  constructor(detail: GkLoadDetail) {
    super('gk-load', { bubbles: true, composed: true, detail });
  }
}

/** Dispatched when a document could not be loaded or is invalid; the element shows the same problems. */
export class GkErrorEvent extends CustomEvent<GkErrorDetail> {
  constructor(detail: GkErrorDetail) {
    super('gk-error', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'gk-load': GkLoadEvent;
    'gk-error': GkErrorEvent;
  }
}
