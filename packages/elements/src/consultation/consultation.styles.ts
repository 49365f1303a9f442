import { css } from 'lit';

export const consultationStyles = css`
  [part='title'] {
    font-size: 1.3em;
    margin: 0 0 0.3em;
  }
  .badge {
    display: inline-block;
    padding: 0 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-weight: 700;
  }
  .badge.open {
    color: #1d5e20;
  }
  .badge.closed {
    color: var(--_muted);
  }
  .meta {
    color: var(--_muted);
  }
  section {
    margin-top: 1.25em;
  }
  h3,
  h4,
  h5 {
    margin: 0 0 0.4em;
  }
  .closed-note {
    padding: 0.6em 1em;
    background: var(--_subtle);
    border-radius: var(--_radius);
  }
  .deadline {
    font-weight: 700;
  }
  .jump {
    display: inline-block;
    margin-top: 0.4em;
    font-weight: 600;
  }
  .jump-target:focus {
    outline: none;
  }
`;
