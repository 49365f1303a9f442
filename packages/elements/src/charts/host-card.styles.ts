import { css } from 'lit';

/**
 * The card of an element that charts is its root's own box, so the root's content
 * box is exactly the width charts are drawn in, measurable before the first
 * render (see ResizeController). It is the root's rather than the host's: a
 * page's `* { padding: 0 }` outweighs :host. `::part(root)` restyles it.
 */
export const hostCardStyles = css`
  .gk-root {
    border: 1px solid var(--_border);
    border-top: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space) calc(var(--_space) * 1.25);
  }
  @media (max-width: 30em) {
    .gk-root {
      padding: 0.75em;
    }
  }
  @media print {
    .gk-root {
      border: 1px solid #000;
    }
  }
`;
