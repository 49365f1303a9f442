/**
 * Stories for <gk-annual-report>. The bureau's 2025 report (./examples), English,
 * a phone-width column, loading by `src`, a minimal report (only the required
 * fields, written inline) whose missing parts say so, the invalid example loaded
 * by `src` so its problems carry their lines, and heading-level="3".
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { literal } from 'lit/static-html.js';
import type { GkAnnualReport } from '@gongkai/core';
// Registers <gk-annual-report>. (Kept in production builds because packages/elements/package.json
// declares "sideEffects": true.)
import './annual-report.js';
import report2025 from './examples/report-2025.json';
import { type GkStoryArgs, baseArgTypes, narrowFrame, renderElement } from '../base/internal/story-support.js';

type GkAnnualReportArgs = GkStoryArgs;

/** The address of an example file in the static build (see staticDirs in .storybook/main.ts). */
const example = (name: string) => `elements/annual-report/examples/${name}.json`;

/**
 * The smallest valid report: the required fields only (title, office, year, published, and table 三's
 * received and outcomes), with carriedForward so each column balances — 自然人 3 in = 2 disclosed + 1
 * not held; 商业企业 1 in = 1 carried forward. Parts 一, 二, 四, 五 and 六 are left out.
 */
const minimal = {
  kind: 'annual-report',
  version: 1,
  title: '平罗县姚伏镇人民政府2025年政府信息公开工作年度报告',
  office: '平罗县姚伏镇人民政府',
  year: 2025,
  published: '2026-01-25',
  applications: {
    received: { person: 3, business: 1 },
    outcomes: {
      予以公开: { person: 2 },
      无法提供: { 本机关不掌握相关政府信息: { person: 1 } },
    },
    carriedForward: { business: 1 },
  },
} satisfies GkAnnualReport;

const meta = {
  title: '元素/gk-annual-report 政府信息公开工作年度报告',
  // ASCII story ids for links and tests: iframe.html?id=elements-gk-annual-report--default
  id: 'elements-gk-annual-report',
  component: 'gk-annual-report',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `
**政府信息公开工作年度报告**（按国务院办公厅政府信息与政务公开办公室的统一格式）：一、总体情况；二、主动公开政府信息情况（表格）；
三、收到和处理政府信息公开申请情况——按申请人类型分列的标准表格（自然人、法人或其他组织的五类、总计），以及本年度办理结果的条形图，
带一句话摘要、数据表、键盘操作和 CSV 下载；四、行政复议、行政诉讼情况（表格）；五、存在的主要问题及改进情况；六、其他需要报告的事项。
数据是一份 \`"kind": "annual-report"\` 的 JSON 文件；合计由各列相加得出，编辑填写的“总计”必须与之相等，并按格式检查每一列的勾稽关系
（本年新收 + 上年结转 = 办理结果总计 + 结转下年度），有问题时列出字段路径、行号和两边的数字。没有填写的部分写明“本报告未填写此部分。”。

**Annual report on government information disclosure** (the national template): 1. overview; 2. proactive disclosure (tables);
3. applications received and handled — the template's table by kind of applicant (individuals, the five kinds of organisation, total),
with the year's outcomes as bars with a one-sentence summary, data table, keyboard navigation and CSV download; 4. reconsideration and
litigation (a table); 5. problems and improvements; 6. other matters. The data is one JSON document with \`"kind": "annual-report"\`;
totals are worked out from the columns (a total an editor copies in must match), and every column must balance (received + carried over
= answered + carried forward); each problem is listed with its path, line and both numbers. A part left out says so.

文档 Docs: \`docs/elements/annual-report.md\`. 使用工具栏的 **lang** 切换界面语言 / use the **lang** toolbar to switch the interface language.
`,
      },
    },
  },
  args: {
    data: report2025,
  },
  argTypes: {
    ...baseArgTypes('年度报告数据 The annual report as an object (`.data`)'),
  },
  render: renderElement(literal`gk-annual-report`),
} satisfies Meta<GkAnnualReportArgs>;

export default meta;
type Story = StoryObj<GkAnnualReportArgs>;

/**
 * 平罗县卫生健康局2025年年度报告：六个部分齐全；表三按申请人类型分列，合计自动计算，办理结果为条形图和数据表
 * — The bureau's 2025 report, all six parts: table 三 by kind of applicant with every total worked out, the outcomes as bars with their table.
 */
export const Default: Story = {
  name: '年度报告 Annual report (2025年)',
  args: { data: report2025 },
};

/** 英文界面：部分标题、表头、摘要和图表标签用英文；编辑写的内容不翻译 — English interface: part headings, table headers, the summary and chart labels; the editor's text is not translated. */
export const English: Story = {
  name: '英文界面 English (lang="en")',
  args: { data: report2025, lang: 'en' },
};

/** 手机宽度（320 px）：图表随宽度缩放，表三在自己的区域内左右滚动，页面不横向滚动 — Phone width (320 px): the chart follows the width, table 三 scrolls sideways in its own region, the page does not. */
export const Narrow: Story = {
  name: '手机宽度 320 px',
  args: { data: report2025 },
  render: (args) => narrowFrame(meta.render(args)),
};

/** 从地址加载 — Loaded from `src` (report-2025.json as served by this Storybook). */
export const FromSrc: Story = {
  name: '从地址加载 From src',
  args: { data: undefined, src: example('report-2025') },
};

/**
 * 最少字段：只有标题、编制单位、年度、公开日期和表三（本年新收、办理结果、结转下年度）；一、二、四、五、六部分写明“本报告未填写此部分。”
 * — The smallest valid report (written inline): title, office, year, date and table 三 only (received, outcomes, carried forward);
 * parts 1, 2, 4, 5 and 6 say they are not filled in.
 */
export const Minimal: Story = {
  name: '最少字段（未填写的部分）Minimal, parts left out',
  args: { data: minimal },
};

/**
 * 数据错误：公开日期早于年度结束、“自然人”列收支不平（新收 5，办结 4）、“总计” 7 与各列之和 6 不符、“无法提供”下不存在的情形
 * “本机关不存在”、负数；从地址加载，所以每个问题带行号和列号
 * — Invalid data: published before the year ended, the 自然人 column not balancing (5 in, 4 out), a total of 7 where the columns add
 * to 6, an unknown case under 无法提供, a negative count. Loaded by `src`, so each problem has its line and column.
 */
export const Invalid: Story = {
  name: '数据错误（带行号）Invalid (from src)',
  args: { data: undefined, src: example('invalid') },
};

/** 放在页面的 h2 之下时，用 heading-level="3" 让标题层级连贯 — Under a page h2, `heading-level="3"` keeps the outline intact. */
export const HeadingLevel3: Story = {
  name: '标题层级 heading-level="3"',
  args: { data: report2025, headingLevel: 3 },
  render: (args) => html`<section aria-labelledby="page-heading">
    <h2 id="page-heading">政府信息公开年度报告 Annual disclosure reports</h2>
    ${meta.render(args)}
  </section>`,
};
