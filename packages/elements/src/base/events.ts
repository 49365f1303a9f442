/** The events every gk-* element dispatches. All bubble and cross shadow roots. */
import type { GkIssue } from '@gongkai/core';
import type * as z from 'zod/mini';

/** Where a document came from. */
export type DataSource = 'src' | 'inline' | 'data';

export interface GkLoadDetail<T = unknown> {
  /** The validated document. */
  document: T;
  source: DataSource;
}

export interface GkErrorDetail {
  /** Each problem: JSON path, message key and parameters, line and column when known. */
  issues: GkIssue[];
  /** The same problems as text in the element's language, one line each. */
  messages: string[];
  source: DataSource | 'none';
}

export interface GkSubmitDetail {
  /** The tracking code the receiver gave, when it gave one. */
  trackingCode?: string | undefined;
  /** The receiver's whole answer (JSON). */
  response: unknown;
}

/** Dispatched when a document has been loaded, validated and rendered. `T`: the element's kind of document. */
export class GkLoadEvent<T = unknown> extends CustomEvent<GkLoadDetail<T>> {
  constructor(detail: GkLoadDetail<T>) {
    super('gk-load', { bubbles: true, composed: true, detail });
  }
}

/** Dispatched when a document could not be loaded or is invalid; the element shows the same problems. */
export class GkErrorEvent extends CustomEvent<GkErrorDetail> {
  constructor(detail: GkErrorDetail) {
    super('gk-error', { bubbles: true, composed: true, detail });
  }
}

/** Dispatched by <gk-form> (and the forms inside other elements) when the receiver accepted a submission. */
export class GkSubmitEvent extends CustomEvent<GkSubmitDetail> {
  constructor(detail: GkSubmitDetail) {
    super('gk-submit', { bubbles: true, composed: true, detail });
  }
}

export interface GkServiceSelectDetail {
  /** The item's code; empty when the reader went back to the listing. */
  code: string;
}

/** Dispatched by <gk-service-guide> when the reader opens one item's guide from its listing, or goes back to the listing. */
export class GkServiceSelectEvent extends CustomEvent<GkServiceSelectDetail> {
  constructor(detail: GkServiceSelectDetail) {
    super('gk-service-select', { bubbles: true, composed: true, detail });
  }
}

/** The events of an element whose documents are `T`: `el.addEventListener('gk-load', (e) => e.detail.document.title)`. */
export interface GkElementEventMap<T = unknown> extends HTMLElementEventMap {
  'gk-load': GkLoadEvent<T>;
  'gk-error': GkErrorEvent;
}

declare global {
  interface HTMLElementEventMap {
    'gk-load': GkLoadEvent;
    'gk-error': GkErrorEvent;
    'gk-submit': GkSubmitEvent;
    'gk-service-select': GkServiceSelectEvent;
  }
}

// Typed listeners on every gk-* element, through its kind's schema (types only; no code).
declare module './gk-element.js' {
  interface GkElement<S extends z.ZodMiniType> {
    addEventListener<K extends keyof GkElementEventMap<z.output<S>>>(
      type: K,
      listener: (this: this, event: GkElementEventMap<z.output<S>>[K]) => unknown,
      options?: boolean | AddEventListenerOptions,
    ): void;
    addEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ): void;
    removeEventListener<K extends keyof GkElementEventMap<z.output<S>>>(
      type: K,
      listener: (this: this, event: GkElementEventMap<z.output<S>>[K]) => unknown,
      options?: boolean | EventListenerOptions,
    ): void;
    removeEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | EventListenerOptions,
    ): void;
  }
}
