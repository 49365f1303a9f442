/**
 * What every element's stories share: the controls for the attributes of the base element
 * and the frames stories put an element in. Storybook only; no element imports this.
 */
import { html, type TemplateResult } from 'lit';

/**
 * Controls for what every gk-* element takes from GkElement. Element-specific controls
 * are spread after these.
 */
export function baseArgTypes(dataDescription: string) {
  return {
    data: { control: 'object', description: dataDescription },
    src: { control: 'text' },
    lang: { control: 'inline-radio', options: ['', 'zh-CN', 'en'] },
    headingLevel: { control: { type: 'number', min: 2, max: 6, step: 1 } },
    // The manifest lists the attribute and its property separately; the headingLevel control drives both.
    'heading-level': { control: false },
    timeout: { control: 'number' },
  } as const;
}

/** A stylesheet for the story frames (no inline styles, so the stories also hold under a strict CSP). */
export const frameStyles = html`<style>
  .gk-story-narrow {
    box-sizing: border-box;
    width: 320px;
    max-width: 100%;
    outline: 1px dashed #8c8c8c;
    outline-offset: 2px;
  }
  .gk-story-stack > * + * {
    display: block;
    margin-top: 2rem;
  }
</style>`;

/** The element at phone width (320 px), with a dashed outline showing the frame. */
export const narrowFrame = (content: unknown): TemplateResult =>
  html`${frameStyles}
    <div class="gk-story-narrow">${content}</div>`;
