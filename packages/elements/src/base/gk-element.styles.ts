import { css } from 'lit';
import { narrow } from './internal/narrow.js';

/**
 * What every gk-* element shares: the --gk-* design tokens, a root that owns its
 * font, colour and box model, focus, the loading and error states, elder mode,
 * print, forced colours and reduced motion.
 *
 * The host keeps only what a page may change (display, size, the tokens): a
 * page's rule on the host (\`* { box-sizing: content-box; padding: 0 }\`) outweighs
 * :host. The root sets everything itself instead of inheriting it from the host.
 */
export const baseStyles = css`
  :host {
    display: block;
    max-width: 100%;
    --_accent: var(--gk-color-accent, #a61b1b);
    --_muted: var(--gk-color-muted, #595959);
    --_border: var(--gk-color-border, #d0d0d0);
    --_surface: var(--gk-color-surface, #ffffff);
    --_subtle: var(--gk-color-subtle, #f5f5f5);
    --_link: var(--gk-color-link, #0b57a4);
    --_focus: var(--gk-color-focus, #0b57a4);
    --_danger: var(--gk-color-danger, #a4161a);
    --_radius: var(--gk-radius, 4px);
    --_space: var(--gk-space, 1em);
  }
  :host([hidden]) {
    display: none;
  }
  .gk-root {
    /* Inherited properties cross the shadow boundary; a CMS's "body { text-align: center; line-height: 1 }" must not reach us. */
    all: initial;
    display: block;
    /* Short on purpose: every family a reader's machine lacks is a font lookup at first layout (~0.5 ms each in Chromium). */
    font-family: var(--gk-font-family, system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--gk-font-size, medium);
    line-height: var(--gk-line-height, 1.7);
    color: var(--gk-color-text, #1f1f1f);
    text-align: start;
    overflow-wrap: anywhere;
    /* The query container of the narrow layout (internal/narrow.ts). Its content no longer sizes it, so where a page lets
       the element shrink to fit (a float, a flex row, a table cell) it takes a phone's width rather than none. */
    container-type: inline-size;
    contain-intrinsic-inline-size: 320px;
  }
  .gk-root,
  .gk-root *,
  .gk-root *::before,
  .gk-root *::after {
    box-sizing: border-box;
  }
  /* What we hide stays hidden: a page's "[hidden] { display: block }" must not show it, and Chromium applies the attribute as a presentational hint, which light-DOM mode's reset (all: revert) drops. */
  [hidden] {
    display: none !important;
  }
  /* The page's own content inside the element: the inline JSON never shows; the rest until the document does. */
  ::slotted(script) {
    display: none !important;
  }
  .gk-ready ~ * {
    display: none !important;
  }
  a {
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  /* A link outside running text is a target of its own: a whole line high (27 px at 16 px), not its glyphs' 19 px (WCAG 2.5.8). */
  a:not(.prose a) {
    display: inline-block;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
  button {
    font: inherit;
    min-height: 44px;
    min-width: 44px;
    padding: 0.4em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  button:hover {
    background: var(--_subtle);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .state-loading {
    padding: var(--_space);
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .state-error {
    padding: var(--_space);
    border: 2px solid var(--_danger);
    border-left-width: 6px;
    border-radius: var(--_radius);
    background: var(--gk-color-danger-surface, #fff5f5);
    color: var(--gk-color-text, #1f1f1f);
  }
  .state-error .error-title {
    margin: 0 0 0.25em;
    font-weight: 700;
    color: var(--_danger);
  }
  .state-error p {
    margin: 0 0 0.5em;
  }
  .state-error ul {
    margin: 0 0 0.75em;
    padding-inline-start: 1.25em;
  }
  .state-error code {
    font-family: monospace;
    font-weight: 700;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
    button {
      border-color: ButtonText;
      color: ButtonText;
    }
    .state-error {
      border-color: CanvasText;
    }
  }
  /* Elder mode (长者模式): body text at least 18 px (the smallest we use is 0.875em), line height at least 1.5, 7:1 contrast, 44 px targets. */
  .gk-elder {
    font-size: max(21px, 1.3125rem);
    --_muted: #3b3b3b;
    --_border: #6e6e6e;
    --_accent: #8a1414;
    --_link: #0a4a8c;
    --_danger: #8a1014;
  }
  .gk-elder,
  .gk-elder * {
    line-height: 1.6 !important;
  }
  .gk-elder :is(button, input, select, textarea),
  .gk-elder a:not(.prose a) {
    min-height: 44px !important;
    min-width: 44px !important;
  }
  .gk-elder a:not(.prose a) {
    display: inline-flex;
    align-items: center;
  }

  @media print {
    .gk-root {
      color: #000;
      font-size: 11pt;
    }
    button,
    .no-print {
      display: none !important;
    }
    a {
      color: #000;
    }
  }
`;

/** Every element's narrow layout: a smaller title and facts line, so the first screen holds what the reader came for. */
export const baseNarrowStyles = narrow(css`
  .gk-root [part='title'] {
    font-size: 1.15em;
  }
  .gk-root p.meta {
    font-size: 0.875em;
  }
`);
