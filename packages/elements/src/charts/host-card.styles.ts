import { css } from 'lit';

/**
 * The card of an element that charts is the host's own box, so the host's
 * content box is exactly the width charts are drawn in, measurable before the
 * first render (see ResizeController). A page may restyle it on the element.
 */
export const hostCardStyles = css`
  :host {
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space) calc(var(--_space) * 1.25);
  }
  @media (max-width: 30em) {
    :host {
      padding: 0.75em;
    }
  }
  @media print {
    :host {
      border: 1px solid #000;
    }
  }
`;
