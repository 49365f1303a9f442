/**
 * Stories for <gk-consultation>. One story per example document (./examples):
 * a consultation open for comment (the draft written inline) and a closed one
 * (the draft as a <gk-document> card, the adoption report charted with its
 * table and the reasons the main comments were not adopted); then the closed
 * example seen on a day inside its period (form open, report as well), English
 * and a phone-width column.
 *
 * The `today` attribute fixes the date the element compares with the period,
 * so the stories look the same on every day: 2026-11-26 unless said otherwise.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// Registers <gk-consultation> (and the <gk-form> inside it). (Kept in production builds because
// packages/elements/package.json declares "sideEffects": true.)
import './consultation.js';
// The closed example shows its draft as a document card.
import '../document/document.js';
import open from './examples/open.json';
import familyDoctorClosed from './examples/family-doctor-closed.json';
import { type GkStoryArgs, baseArgTypes, narrowFrame } from '../base/internal/story-support.js';

interface GkConsultationArgs extends GkStoryArgs {
  /** The date the element treats as today (YYYY-MM-DD). */
  today?: string;
}

/** The date every story treats as today, unless it says otherwise. */
const TODAY = '2026-11-26';

/**
 * family-doctor-closed.json links its draft at the demo site's address (/packages/elements/src/document/examples/draft.json);
 * Storybook serves the same file at elements/document/examples/draft.json (staticDirs in .storybook/main.ts).
 */
const closed = { ...familyDoctorClosed, document: 'elements/document/examples/draft.json' };

const meta = {
  title: '元素/gk-consultation 决策预公开',
  // ASCII story ids for links and tests: iframe.html?id=elements-gk-consultation--open
  id: 'elements-gk-consultation',
  component: 'gk-consultation',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `
**决策预公开（征求意见）**：征求意见稿（正文或政策文件卡片）、决策依据、征求意见时间和意见表单。截止日期之后表单自动关闭，写明何时结束；
公布采纳情况后，显示收到、采纳、部分采纳、未采纳的条数（图表和表格，合计必须等于收到的条数），以及较为集中的意见未予采纳的原因。
数据是一份 \`"kind": "consultation"\` 的 JSON 文件；意见表单的字段与 \`<gk-form>\` 相同。\`today\` 属性固定“今天”的日期（用于预览和测试）。

**Public consultation on a draft decision**: the draft (inline, or a document card), the basis of the decision, the comment period and the
comment form. After the closing date the form closes itself and says when; once the adoption report is out, it shows how many comments
came in and how many were adopted, partly adopted and not adopted (a chart with its table; the three must add up to the number received),
and why the main comments were not adopted. The data is one JSON document with \`"kind": "consultation"\`; the form's fields are those of
\`<gk-form>\`. The \`today\` attribute fixes the date (for previews and tests).

文档 Docs: \`docs/elements/consultation.md\`. 使用工具栏的 **lang** 切换界面语言 / use the **lang** toolbar to switch the interface language.
`,
      },
    },
  },
  args: {
    data: open,
    today: TODAY,
  },
  argTypes: {
    ...baseArgTypes('征求意见数据 The consultation as an object (`.data`)'),
    today: { control: 'text', description: '当作今天的日期（YYYY-MM-DD）The date treated as today' },
  },
  render: (args) => html`<gk-consultation
    src=${ifDefined(args.src || undefined)}
    today=${ifDefined(args.today || undefined)}
    lang=${ifDefined(args.lang || undefined)}
    heading-level=${ifDefined(args.headingLevel)}
    timeout=${ifDefined(args.timeout)}
    .data=${args.data}
    @gk-load=${(event: Event) => args.onGkLoad?.(event)}
    @gk-error=${(event: Event) => args.onGkError?.(event)}
  ></gk-consultation>`,
} satisfies Meta<GkConsultationArgs>;

export default meta;
type Story = StoryObj<GkConsultationArgs>;

/**
 * 正在征求意见（2026-11-01 至 2026-12-31，today="2026-11-26"）：征求意见稿写在文件中，下方是意见表单
 * — Open for comment (1 Nov to 31 Dec 2026, today 26 Nov 2026): the draft written inline, the comment form below.
 */
export const Open: Story = {
  name: '正在征求意见 Open (today="2026-11-26")',
  args: { data: open, today: TODAY },
};

/**
 * 征求意见已结束（2018-06-12 至 2018-07-11）：表单关闭并写明结束日期；征求意见稿是政策文件卡片；采纳情况为图表和表格，以及未予采纳的原因
 * — Closed (12 June to 11 July 2018): the form is replaced by the date it closed; the draft is a document card; the adoption report as
 * a chart with its table, and the reasons the main comments were not adopted.
 */
export const Closed: Story = {
  name: '征求意见已结束 Closed, with the report (today="2026-11-26")',
  args: { data: closed, today: TODAY },
};

/**
 * 同一份已结束的征求意见，把“今天”设为期间内的 2018-06-20：表单打开。（文件中已有采纳情况，所以也显示——实际上采纳情况要到结束后才写入文件。）
 * — The same closed consultation seen on 20 June 2018, inside its period: the form is open. (The file already has its report, so that
 * shows too; in practice the report is added after the period closes.)
 */
export const ClosedSeenDuringPeriod: Story = {
  name: '期间内查看 The closed example during its period (today="2018-06-20")',
  args: { data: closed, today: '2018-06-20' },
};

/** 英文界面：状态、期间、按钮和图表标签用英文；编辑写的内容不翻译 — English interface: status, period, buttons and chart labels; the editor's text is not translated. */
export const English: Story = {
  name: '英文界面 English (lang="en")',
  args: { data: closed, today: TODAY, lang: 'en' },
};

/** 手机宽度（320 px）：图表随宽度缩放，未采纳原因表格可以左右滚动 — Phone width (320 px): the chart follows the width, the reasons table scrolls sideways. */
export const Narrow: Story = {
  name: '手机宽度 320 px',
  args: { data: closed, today: TODAY },
  render: (args) => narrowFrame(meta.render(args)),
};
