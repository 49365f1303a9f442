/**
 * What every element's stories share: the controls for the attributes of the base element
 * and the frames stories put an element in. Storybook only; no element imports this.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, type StaticValue } from 'lit/static-html.js';

/** The args of what every gk-* element takes from GkElement, and its gk-load and gk-error events. */
export interface GkStoryArgs {
  /** The element's document as an object (`.data`). */
  data?: unknown;
  src?: string;
  lang?: string;
  headingLevel?: number;
  /** The attribute's row of the manifest table (no control of its own). */
  'heading-level'?: number;
  timeout?: number;
  onGkLoad?: (event: Event) => void;
  onGkError?: (event: Event) => void;
}

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
    // Shown in the docs tables from the manifest; the stories under 嵌入现有网站 Embedding show them at work.
    elder: {
      control: false,
      description: '长者模式 Elder mode (or `<html class="gk-elder">`): see 嵌入现有网站 Embedding',
    },
    lightDom: {
      control: false,
      description: 'Light-DOM mode, read when the element first connects: see 嵌入现有网站 Embedding',
    },
    'light-dom': { control: false },
  } as const;
}

/**
 * The render function of an element that takes only what GkElement takes. `tag` is a
 * `literal` tag name written in the stories file (never a string made at run time).
 */
export const renderElement =
  (tag: StaticValue) =>
  (args: GkStoryArgs): TemplateResult =>
    staticHtml`<${tag}
      src=${ifDefined(args.src || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      heading-level=${ifDefined(args.headingLevel)}
      timeout=${ifDefined(args.timeout)}
      .data=${args.data}
      @gk-load=${(event: Event) => args.onGkLoad?.(event)}
      @gk-error=${(event: Event) => args.onGkError?.(event)}
    ></${tag}>`;

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

/**
 * A county portal's template CSS, kept inside the frame: the page-wide resets and bare
 * element rules old CMS templates carry (what packages/gongkai/test/pages/hostile/reset.css
 * tests against, abridged). The elements inside must look as they do anywhere else.
 */
export const countyTemplateFrame = (content: unknown): TemplateResult =>
  html`<style>
      .gk-story-county,
      .gk-story-county * {
        margin: 0;
        padding: 0;
        box-sizing: content-box;
      }
      .gk-story-county {
        font: 12px/1 SimSun, serif;
        text-align: center;
        color: #333;
        letter-spacing: 1px;
      }
      .gk-story-county li { float: left; list-style: none; }
      .gk-story-county table { width: 100%; table-layout: fixed; }
      .gk-story-county td, .gk-story-county th { white-space: nowrap; padding: 8px; }
      .gk-story-county button, .gk-story-county input { height: 22px; width: 180px; font-size: 12px; }
      .gk-story-county h2 { font-size: 16px; color: #c00; border-bottom: 2px solid #c00; }
      .gk-story-county p { text-indent: 2em; line-height: 28px; }
      .gk-story-county span { display: inline-block; }
      .gk-story-county svg { width: 1em; height: 1em; }
      .gk-story-county [hidden] { display: block; }
    </style>
    ${frameStyles}
    <div class="gk-story-county gk-story-narrow">${content}</div>`;
