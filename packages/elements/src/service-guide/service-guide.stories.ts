/**
 * Stories for <gk-service-guide>: one guide (医师执业注册), the bureau's listing with
 * search, English, a phone-width column, loading by `src`, the invalid example loaded
 * by `src` so its problems carry their lines, and heading-level="3".
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// Registers <gk-service-guide>.
import './service-guide.js';
import physician from './examples/physician-registration.json';
import bureau from './examples/bureau-services.json';
import { type GkStoryArgs, baseArgTypes, narrowFrame } from '../base/internal/story-support.js';

interface GkServiceGuideArgs extends GkStoryArgs {
  service?: string;
}

/** The address of an example file in the static build (see staticDirs in .storybook/main.ts). */
const example = (name: string) => `elements/service-guide/examples/${name}.json`;

const meta = {
  title: '元素/gk-service-guide 办事指南',
  // ASCII story ids for links and tests: iframe.html?id=elements-gk-service-guide--default
  id: 'elements-gk-service-guide',
  component: 'gk-service-guide',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `
**办事指南**：先回答群众最关心的两个问题——要带什么、去哪里办（到现场次数、承诺时限、是否收费、在线办理）；
再列出可勾选的材料清单（勾选只保存在本人设备上，可单独打印成一页）、受理条件、办理流程、时限和收费、办理地点、设定依据、
办理结果、咨询投诉电话和变更记录（每次变更的公开日期和生效日期）。一个文件有多个事项时显示为可搜索的事项清单。

**Service guides**: first what to bring and where to go (visits, time limit, fee, online link); then a materials checklist the reader
ticks (kept on their device, printable on one page), conditions, steps, limits and fees, places, basis, result, contact and the change
record. A document with several items is a searchable listing.

文档 Docs: \`docs/elements/service-guide.md\`.
`,
      },
    },
  },
  args: { data: physician },
  argTypes: {
    ...baseArgTypes('办事指南数据 The guides as an object (`.data`)'),
    service: { control: 'text', description: '清单中要显示的事项编码 The code of the item to show from a listing' },
  },
  render: (args) =>
    html`<gk-service-guide
      src=${ifDefined(args.src || undefined)}
      lang=${ifDefined(args.lang || undefined)}
      service=${ifDefined(args.service || undefined)}
      heading-level=${ifDefined(args.headingLevel)}
      timeout=${ifDefined(args.timeout)}
      .data=${args.data}
      @gk-load=${(event: Event) => args.onGkLoad?.(event)}
      @gk-error=${(event: Event) => args.onGkError?.(event)}
    ></gk-service-guide>`,
} satisfies Meta<GkServiceGuideArgs>;

export default meta;
type Story = StoryObj<GkServiceGuideArgs>;

/** 医师执业注册：要带什么、去哪里办，材料清单可勾选和打印 — Physician registration: what to bring, where to go, a checklist to tick and print. */
export const Default: Story = {
  name: '办事指南 医师执业注册',
  args: { data: physician },
};

/** 事项清单：按名称、编码或材料搜索，打开一项的指南 — The bureau's listing: search by name, code or material; open one guide. */
export const Listing: Story = {
  name: '事项清单（可搜索）Listing with search',
  args: { data: bureau },
};

/** 清单中的一项：service 属性或地址中的 #service=编码 — One item of a listing, by the `service` attribute (or `#service=<code>`). */
export const OneOfListing: Story = {
  name: '清单中的一项 One item of a listing',
  args: { data: bureau, service: '000117003000' },
};

/** 英文界面 — English interface; the editor's text is not translated. */
export const English: Story = {
  name: '英文界面 English (lang="en")',
  args: { data: physician, lang: 'en' },
};

/** 手机宽度（320 px）：一栏，先是要带什么、去哪里办 — Phone width: one column, what to bring and where to go first. */
export const Narrow: Story = {
  name: '手机宽度 320 px',
  args: { data: physician },
  render: (args) => narrowFrame(meta.render(args)),
};

/** 从地址加载 — Loaded from `src`. */
export const FromSrc: Story = {
  name: '从地址加载 From src',
  args: { data: undefined, src: example('bureau-services') },
};

/**
 * 数据错误：承诺时限长于法定时限、收费没有标准、非必需材料没有说明情形、0 次到现场却没有在线办理地址、更新日期早于最近的变更
 * — Invalid: a promise longer than the legal limit, a fee without its standard, a conditional material without its condition,
 * 0 visits without an online link, an update date before the latest change. Loaded by `src`, so each problem has its line.
 */
export const Invalid: Story = {
  name: '数据错误（带行号）Invalid (from src)',
  args: { data: undefined, src: example('invalid') },
};

/** heading-level="3" under a page h2. */
export const HeadingLevel3: Story = {
  name: '标题层级 heading-level="3"',
  args: { data: physician, headingLevel: 3 },
  render: (args) =>
    html`<section aria-labelledby="page-heading">
      <h2 id="page-heading">办事服务 Services</h2>
      ${meta.render(args)}
    </section>`,
};
