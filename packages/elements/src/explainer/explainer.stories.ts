/**
 * Stories for <gk-explainer>. The full example in both reading modes, the other
 * example documents (./examples), English, a phone-width column, one story per
 * section type (each section of work-points-2018.json on its own, in minimal.json's
 * header), and the errors an editor meets: an unknown section type, shown in place,
 * and an invalid file loaded by `src`, whose problems carry their lines.
 *
 * Images and video in the examples point at /examples/zcjd/2018/…, which this
 * Storybook does not serve: they simply do not load here (alt text, captions and
 * transcripts still show). The examples are not changed for Storybook; only the
 * address of the linked policy document card is swapped for the one served here.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SectionType } from '@gongkai/core';
// Registers <gk-explainer>. (Kept in production builds because packages/elements/package.json
// declares "sideEffects": true.)
import './explainer.js';
// Registers <gk-document>, which shows the card of the policy an explainer links (`policy.document`).
// Without it the card is left out, so the stories would differ by which story was opened first.
import '../document/document.js';
import type { ExplainerMode } from './explainer.js';
import workPointsExample from './examples/work-points-2018.json';
import budget2018 from './examples/budget-2018.json';
import minimal from './examples/minimal.json';
import { type GkStoryArgs, baseArgTypes, narrowFrame } from '../base/internal/story-support.js';

interface GkExplainerArgs extends GkStoryArgs {
  /** `scroll` (every section) or `steps` (one section at a time). */
  mode?: ExplainerMode | '';
  /** The manifest's read-only `sectionIds` getter (the #ids of the sections); no control. */
  sectionIds?: string[];
}

/** The address of an example file in the static build (see staticDirs in .storybook/main.ts). */
const example = (name: string) => `elements/explainer/examples/${name}.json`;

/**
 * work-points-2018.json, with `policy.document` pointing at the same card as served by this Storybook
 * (the example's `/packages/elements/src/document/examples/full.json` is an address of the demo site).
 * A relative address, resolved against the page (iframe.html), not against the JSON file.
 */
const workPoints = {
  ...workPointsExample,
  policy: { ...workPointsExample.policy, document: 'elements/document/examples/full.json' },
};

/**
 * A minimal document — minimal.json's header fields (title, summary, policy, interpreter) —
 * around the one section of work-points-2018.json that has this type.
 */
function onlySection(type: SectionType, extra: Record<string, unknown> = {}): unknown {
  const section = workPoints.sections.find((candidate) => candidate.type === type);
  if (!section) throw new Error(`work-points-2018.json has no "${type}" section`);
  return { ...minimal, ...extra, sections: [section] };
}

/** minimal.json with a section of a type this version does not know between two it does. */
const withUnknownType = {
  ...minimal,
  sections: [
    ...minimal.sections,
    {
      type: 'poll',
      id: 'poll',
      title: '投票：您对政务公开满意吗？',
      question: '您对政务公开满意吗？',
      options: ['满意', '基本满意', '不满意'],
    },
    {
      type: 'text',
      id: 'after',
      title: '其余段落照常显示',
      body: '上面的段落类型写错了（`poll` 不是可用的段落类型），只有它显示错误提示；本段和前面的段落照常显示。',
    },
  ],
};

const meta = {
  title: '元素/gk-explainer 政策解读',
  // ASCII story ids for links and tests: iframe.html?id=elements-gk-explainer--work-points-scroll
  id: 'elements-gk-explainer',
  component: 'gk-explainer',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `
**政策解读**（谁起草、谁解读）：用群众看得懂的话解读一份政策——解读的文件、起草科室和第一解读人、一句话摘要，
然后是十种段落：文字（Markdown）、关键数字、图表、步骤 / 时间表、问答、新旧对比、图解（必须有替代文字）、
音视频（必须有文字稿或字幕，不自动播放）、对您的影响、联系方式；正文中的名词可以点击（或按 Enter）查看解释，Escape 收起。
读者可以切换“全文”和“逐页”两种阅读方式；每一段都有链接（\`#段落标识\`），可以分享，浏览器的“后退”按钮回到上一页。
数据是一份 \`"kind": "explainer"\` 的 JSON 文件；不认识的段落类型只在该段落的位置显示错误，其余段落照常显示。

**Policy explainer** (the drafting office interprets its own policy): the policy, the drafting office and the first interpreter,
a one-sentence summary, then ten kinds of section — text (Markdown), key figures, a chart, steps / a timeline, Q&A, before / after,
an image (alt text required), audio / video (a transcript or captions required, never autoplays), what it means for you and contacts.
Glossary terms in the text open their definition by click or Enter; Escape closes it. Readers switch between the whole text and page
by page; every section has a link (\`#section-id\`) to share, which the back button follows. The data is one JSON document with
\`"kind": "explainer"\`; a section of an unknown type shows an error in its place and the others render.

文档 Docs: \`docs/elements/explainer.md\`. 使用工具栏的 **lang** 切换界面语言 / use the **lang** toolbar to switch the interface language.
`,
      },
    },
  },
  args: {
    data: workPoints,
  },
  argTypes: {
    ...baseArgTypes('解读数据 The explainer document as an object (`.data`)'),
    mode: { control: 'inline-radio', options: ['', 'scroll', 'steps'] },
    // A read-only getter, not an input.
    sectionIds: { control: false },
  },
  render: (args) => html`<gk-explainer
    src=${ifDefined(args.src || undefined)}
    mode=${ifDefined(args.mode || undefined)}
    lang=${ifDefined(args.lang || undefined)}
    heading-level=${ifDefined(args.headingLevel)}
    timeout=${ifDefined(args.timeout)}
    .data=${args.data}
    @gk-load=${(event: Event) => args.onGkLoad?.(event)}
    @gk-error=${(event: Event) => args.onGkError?.(event)}
  ></gk-explainer>`,
} satisfies Meta<GkExplainerArgs>;

export default meta;
type Story = StoryObj<GkExplainerArgs>;

/** 全文：《2018年政务公开工作要点》解读，十种段落依次显示，带目录和名词解释 — The whole text: every section type in order, with the table of contents and the glossary. */
export const WorkPointsScroll: Story = {
  name: '全文 Scroll (2018年政务公开工作要点)',
  args: { data: workPoints, mode: 'scroll' },
};

/** 逐页：一次显示一段，“上一页 / 下一页”翻页，地址栏随之变为 #段落标识 — Page by page: one section at a time; Previous / Next update the #section-id. */
export const WorkPointsSteps: Story = {
  name: '逐页 Steps (2018年政务公开工作要点)',
  args: { data: workPoints, mode: 'steps' },
};

/** 部门预算解读：关键数字、条形图、问答 — The 2018 department budget explained: key figures, bars, Q&A, glossary (三公经费 …). */
export const Budget2018: Story = {
  name: '部门预算解读 Budget (2018年)',
  args: { data: budget2018 },
};

/** 最少字段：标题、摘要、文件标题、起草科室、日期和一个文字段落 — The smallest valid explainer: title, summary, policy title, office, date and one text section. */
export const Minimal: Story = {
  name: '最少字段 Minimal',
  args: { data: minimal },
};

/** 英文界面：标签、日期和数字用英文；编辑写的内容不翻译 — English interface: labels, dates and numbers in English; editors' text is not translated. */
export const English: Story = {
  name: '英文界面 English (lang="en")',
  args: { data: workPoints, lang: 'en' },
};

/** 手机宽度（320 px）：段落、图表和表格按容器宽度排列 — Phone width (320 px): sections, the chart and the tables fit the column. */
export const Narrow: Story = {
  name: '手机宽度 320 px',
  args: { data: workPoints },
  render: (args) => narrowFrame(meta.render(args)),
};

/**
 * 文字（Markdown）；此例附上示例的名词解释，正文中的“五公开”等名词可以点击查看 — Text (Markdown). This story keeps
 * the example's glossary, so 五公开 and the other terms in the text open their definitions.
 */
export const SectionText: Story = {
  name: '段落：文字 text',
  args: { data: onlySection('text', { glossary: workPoints.glossary }) },
};

/** 关键数字，可带与上年的对比 — Key figures, optionally compared with last year. */
export const SectionFigures: Story = {
  name: '段落：关键数字 figures',
  args: { data: onlySection('figures') },
};

/** 图表：条形图或折线图，带一句话摘要、数据表和 CSV 下载 — A chart (bars or lines) with its summary sentence, data table and CSV. */
export const SectionChart: Story = {
  name: '段落：图表 chart',
  args: { data: onlySection('chart') },
};

/** 步骤 / 时间表 — Steps / a timeline: when, what, who. */
export const SectionSteps: Story = {
  name: '段落：步骤 steps',
  args: { data: onlySection('steps') },
};

/** 问答：点击问题展开回答 — Q&A: each question opens its answer. */
export const SectionQa: Story = {
  name: '段落：问答 qa',
  args: { data: onlySection('qa') },
};

/** 新旧对比表 — Before / after, as a table. */
export const SectionCompare: Story = {
  name: '段落：新旧对比 compare',
  args: { data: onlySection('compare') },
};

/** 图解：替代文字、图片说明和详细文字说明（图片地址在此不可用）— An image with alt text, caption and long description (the image itself is not served here). */
export const SectionImage: Story = {
  name: '段落：图解 image',
  args: { data: onlySection('image') },
};

/** 视频：不自动播放，带字幕和文字稿（视频文件在此不可用）— Video that never autoplays, with captions and a transcript (the file is not served here). */
export const SectionMedia: Story = {
  name: '段落：音视频 media',
  args: { data: onlySection('media') },
};

/** 对您的影响：哪些人、做什么、到哪里办、重要时间 — What it means for you: who, what to do, where to go, key dates. */
export const SectionImpact: Story = {
  name: '段落：对您的影响 impact',
  args: { data: onlySection('impact') },
};

/** 联系方式：电话、邮箱、网站、地址 — Contacts: phone, e-mail, website, address. */
export const SectionContact: Story = {
  name: '段落：联系方式 contact',
  args: { data: onlySection('contact') },
};

/**
 * 不认识的段落类型（`poll`）：只在该段落的位置显示错误，其余段落照常显示（`gongkai validate` 则把它报告为错误）
 * — A section of an unknown type (`poll`): an error in its place, the other sections render (`gongkai validate` reports it).
 */
export const UnknownSectionType: Story = {
  name: '不认识的段落类型 Unknown section type',
  args: { data: withUnknownType },
};

/**
 * 数据错误：拼错的字段（bdy）、没有替代文字的图片；从地址加载，所以每个问题带行号和列号
 * — Invalid data: a misspelled field (bdy), an image without alt text. Loaded by `src`, so each problem has its line and column.
 */
export const InvalidFromSrc: Story = {
  name: '数据错误（带行号）Invalid (from src)',
  args: { data: undefined, src: example('invalid') },
};

/** 放在页面的 h2 之下时，用 heading-level="3" 让标题层级连贯 — Under a page h2, `heading-level="3"` keeps the outline intact. */
export const HeadingLevel3: Story = {
  name: '标题层级 heading-level="3"',
  args: { data: budget2018, headingLevel: 3 },
  render: (args) => html`<section aria-labelledby="page-heading">
    <h2 id="page-heading">政策解读 Policy explainers</h2>
    ${meta.render(args)}
  </section>`,
};
