/**
 * Stories for <gk-budget>. One story per view, each on the example document made
 * for it (./examples), plus the English interface, a phone-width column, loading
 * by `src`, and the consistency errors an editor meets (sums, codes, years).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// Registers <gk-budget>. (Kept in production builds because packages/elements/package.json
// declares "sideEffects": true.)
import './budget.js';
import type { BudgetView } from './budget.js';
import departmentBudget from './examples/department-budget-2018.json';
import finalAccounts from './examples/final-accounts-2018.json';
import fiveYears from './examples/five-years.json';
import countyDebt from './examples/county-debt.json';
import { type GkStoryArgs, baseArgTypes, narrowFrame } from '../base/internal/story-support.js';

interface GkBudgetArgs extends GkStoryArgs {
  /** The view shown first; without it, the document's `defaultView`. */
  view?: BudgetView | '';
}

const VIEWS: BudgetView[] = ['treemap', 'bars', 'execution', 'years', 'sangong', 'debt', 'tables'];

/** The address of an example file in the static build (see staticDirs in .storybook/main.ts). */
const example = (name: string) => `elements/budget/examples/${name}.json`;

const meta = {
  title: '元素/gk-budget 预决算',
  // ASCII story ids for links and tests: iframe.html?id=elements-gk-budget--treemap
  id: 'elements-gk-budget',
  component: 'gk-budget',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `
**预决算公开图表**：把部门预算、调整预算、决算和政府债务显示为群众看得懂的图表——构成（矩形树图，可逐级打开类 / 款 / 项）、
排序条形图、预算与决算对比、历年对比、“三公”经费、政府债务，以及标准公开表格。每张图都有一句话摘要、数据表和 CSV 下载，
可以用键盘操作（Tab 进入图表，方向键 / Home / End 移动，Enter 打开，Backspace 或 Escape 返回），触屏上第一次点按显示提示、第二次打开。
数据是一份 \`"kind": "budget"\` 的 JSON 文件；元素在显示前检查合计（下级之和等于上级、基本支出 + 项目支出 = 合计）、科目编码层级、年度和债务限额，
有问题时列出每个问题的字段路径、行号和两边的数字。

**Budget charts** (disclosure of budgets and final accounts): a treemap to drill into (类 / 款 / 项), ranked bars, budget against final,
year over year, the three public expenses, government debt and the official tables. Every chart has a one-sentence summary, a data table,
CSV download, keyboard navigation (Tab into the chart, arrows / Home / End move, Enter opens, Backspace or Escape goes back) and tooltips
that work by touch (first tap shows, second tap opens). The data is one JSON document with \`"kind": "budget"\`; sums, code nesting, years
and the debt limit are checked before anything is drawn, and each problem is listed with its path, line and both numbers.

文档 Docs: \`docs/elements/budget.md\`. 使用工具栏的 **lang** 切换界面语言 / use the **lang** toolbar to switch the interface language.
`,
      },
    },
  },
  args: {
    data: departmentBudget,
  },
  argTypes: {
    ...baseArgTypes('预决算数据 The budget document as an object (`.data`)'),
    view: { control: 'inline-radio', options: ['', ...VIEWS] },
  },
  render: (args) => html`<gk-budget
    src=${ifDefined(args.src || undefined)}
    view=${ifDefined(args.view || undefined)}
    lang=${ifDefined(args.lang || undefined)}
    heading-level=${ifDefined(args.headingLevel)}
    timeout=${ifDefined(args.timeout)}
    .data=${args.data}
    @gk-load=${(event: Event) => args.onGkLoad?.(event)}
    @gk-error=${(event: Event) => args.onGkError?.(event)}
  ></gk-budget>`,
} satisfies Meta<GkBudgetArgs>;

export default meta;
type Story = StoryObj<GkBudgetArgs>;

/** 构成：矩形树图，点击或按 Enter 打开一个类 / 款，Backspace 返回 — Breakdown: a treemap; click or Enter opens a 类 / 款, Backspace goes back. */
export const Treemap: Story = {
  name: '构成 Treemap (2018年部门预算)',
  args: { data: departmentBudget, view: 'treemap' },
};

/** 排序：按金额从大到小的条形图，同样可以逐级打开 — Ranking: bars from largest to smallest, drillable like the treemap. */
export const Bars: Story = {
  name: '排序 Bars',
  args: { data: departmentBudget, view: 'bars' },
};

/** 预算与决算：每个科目的预算数、决算数和执行率 — Budget vs final: each item's budget, final figure and execution rate (2018年部门决算). */
export const Execution: Story = {
  name: '预算与决算 Execution (2018年部门决算)',
  args: { data: finalAccounts, view: 'execution' },
};

/** 历年对比：2014—2018年各类支出的折线 — Over the years: one line per 类, 2014–2018 final accounts. */
export const Years: Story = {
  name: '历年对比 Years (2014—2018)',
  args: { data: fiveYears, view: 'years' },
};

/** “三公”经费：本年与上年对比，以及增减原因说明 — The three public expenses, this year against last, with the explanation. */
export const Sangong: Story = {
  name: '“三公”经费 Sangong',
  args: { data: departmentBudget, view: 'sangong' },
};

/** 政府债务：限额与余额、还本计划、期限和用途 — Government debt: limit against balance, the repayment schedule, terms and use. */
export const Debt: Story = {
  name: '政府债务 Debt (县级)',
  args: { data: countyDebt, view: 'debt' },
};

/** 公开表格：收支总表、一般公共预算支出表、“三公”经费支出表 — The official tables, as real HTML tables from the same data. */
export const Tables: Story = {
  name: '公开表格 Tables',
  args: { data: departmentBudget, view: 'tables' },
};

/** 英文界面：标签、金额和摘要用英文；编辑写的科目名称不翻译 — English interface: labels, amounts and summaries in English; item names are not translated. */
export const English: Story = {
  name: '英文界面 English (lang="en")',
  args: { data: departmentBudget, view: 'treemap', lang: 'en' },
};

/** 手机宽度（320 px）：图表按容器宽度重画 — Phone width (320 px): the charts redraw to the width of their container. */
export const Narrow: Story = {
  name: '手机宽度 320 px',
  args: { data: departmentBudget, view: 'treemap' },
  render: (args) => narrowFrame(meta.render(args)),
};

/** 从地址加载 — Loaded from `src` (the example file served by this Storybook); opens on the document's `defaultView`. */
export const FromSrc: Story = {
  name: '从地址加载 From src',
  args: { data: undefined, src: example('final-accounts-2018') },
};

/**
 * 数据不一致：下级合计不等于上级、科目编码不属于上级、未声明的年度、负数；从地址加载，所以每个问题带行号和列号
 * — Inconsistent data: children that do not sum to their parent, a code under the wrong parent, an undeclared
 * year, a negative amount. Loaded by `src`, so each problem has its line and column.
 */
export const InvalidSums: Story = {
  name: '数据错误（合计不符）Invalid sums',
  args: { data: undefined, src: example('invalid-sums') },
};

/** 放在页面的 h2 之下时，用 heading-level="3" 让标题层级连贯 — Under a page h2, `heading-level="3"` keeps the outline intact. */
export const HeadingLevel3: Story = {
  name: '标题层级 heading-level="3"',
  args: { data: countyDebt, headingLevel: 3 },
  render: (args) => html`<section aria-labelledby="page-heading">
    <h2 id="page-heading">财政预决算 Budgets and final accounts</h2>
    ${meta.render(args)}
  </section>`,
};
