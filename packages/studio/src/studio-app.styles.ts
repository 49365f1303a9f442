import { css } from 'lit';

export const studioStyles = css`
  :host { display: block; color: #1f2328; font-size: 15px; line-height: 1.5; }
  h1 { font-size: 20px; margin: 0; }
  h2 { font-size: 16px; margin: 0 0 8px; }
  h3 { font-size: 15px; margin: 0 0 6px; }
  button, select, input, textarea { font: inherit; color: inherit; }
  button, select, input { padding: 4px 10px; border: 1px solid #8c959f; border-radius: 4px; background: #fff; }
  button { cursor: pointer; }
  button:hover { background: #f3f4f6; }
  :focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
  [hidden] { display: none !important; }
  .skip { position: absolute; left: -9999px; }
  .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
  .bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; padding: 10px 16px; background: #fff; border-bottom: 1px solid #d0d7de; }
  .controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
  .controls label { display: flex; gap: 6px; align-items: center; }
  .status { margin: 0; padding: 4px 16px; min-height: 1.5em; background: #f6f8fa; border-bottom: 1px solid #eaeef2; }
  .layout { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(220px, 0.55fr) minmax(0, 1fr); gap: 12px; padding: 12px 16px; align-items: start; }
  @media (max-width: 1200px) { .layout { grid-template-columns: minmax(0, 1.4fr) minmax(220px, 0.6fr); } .preview { grid-column: 1 / -1; } }
  @media (max-width: 760px) { .layout { grid-template-columns: minmax(0, 1fr); } }
  section, aside > section { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 10px 12px; min-width: 0; }
  aside { display: flex; flex-direction: column; gap: 12px; min-width: 0; }
  .pane-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: space-between; margin-bottom: 8px; }
  .pane-head h2 { margin: 0; }
  .file { font-weight: normal; color: #57606a; font-size: 14px; }
  [role='tablist'] { display: flex; gap: 4px; }
  [role='tab'][aria-selected='true'] { background: #0b57d0; color: #fff; border-color: #0b57d0; }
  .editor { height: 70vh; min-height: 320px; border: 1px solid #d0d7de; }
  .help .path code { background: #f3f4f6; padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
  .help .description { font-size: 16px; margin: 6px 0; }
  .help .type { color: #57606a; margin: 0; }
  .problems ol { list-style: none; padding: 0; margin: 0; max-height: 40vh; overflow: auto; }
  .problems li + li { margin-top: 4px; }
  .problems button { width: 100%; text-align: left; border-color: #f1aeb5; background: #fff5f5; display: block; }
  .problems button:hover { background: #ffe9e9; }
  .where { display: block; font-size: 13px; color: #57606a; }
  .what { color: #8c1d18; overflow-wrap: anywhere; }
  .ok { color: #116329; margin: 0; }
  .segmented { display: inline-flex; }
  .segmented button { border-radius: 0; }
  .segmented button:first-child { border-radius: 4px 0 0 4px; }
  .segmented button:last-child { border-radius: 0 4px 4px 0; border-left: 0; }
  .segmented button[aria-pressed='true'] { background: #0b57d0; color: #fff; border-color: #0b57d0; }
  .preview-scroll { overflow: auto; max-height: 80vh; background: #eaeef2; padding: 8px; border-radius: 4px; }
  .frame { background: #fff; margin: 0 auto; box-shadow: 0 1px 4px rgb(0 0 0 / 15%); }
  .frame.phone { width: 375px; max-width: 100%; }
  .frame.desktop { width: 1024px; }
  .handoff { margin: 0 16px 16px; }
  .handoff-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
  .fields { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-bottom: 8px; }
  .fields label { display: flex; flex-direction: column; gap: 2px; }
  .block { display: flex; flex-direction: column; gap: 4px; margin-bottom: 8px; }
  textarea { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; border: 1px solid #8c959f; border-radius: 4px; padding: 6px; width: 100%; box-sizing: border-box; }
  .note { color: #57606a; margin: 0 0 8px; }
  .error { color: #b42318; }
`;
