/**
 * Stories for <gk-project>: the county hospital's new campus, English, a phone-width
 * column, loading by `src`, the invalid example loaded by `src` so its problems carry
 * their lines, and the county's projects listed by <gk-catalogue>.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { literal } from 'lit/static-html.js';
// Registers <gk-project> (and, for the listing story, <gk-catalogue>).
import './project.js';
import '../catalogue/catalogue.js';
import hospital from './examples/county-hospital.json';
import projects from '../catalogue/examples/major-projects-2023.json';
import { type GkStoryArgs, baseArgTypes, narrowFrame, renderElement } from '../base/internal/story-support.js';

type GkProjectArgs = GkStoryArgs;

const example = (name: string) => `elements/project/examples/${name}.json`;

const meta = {
  title: '元素/gk-project 重大建设项目',
  id: 'elements-gk-project',
  component: 'gk-project',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `
**重大建设项目信息公开**（国办发〔2017〕94号的八类信息）：先说项目现在到了哪一步、总投资和已完成投资；
再是投资完成情况（计划与实际对比的条形图，带一句话摘要、数据表、键盘操作和 CSV 下载），以及按顺序排列的八类信息时间线：
每一类的状态（文字写明，不只靠颜色）、日期、文件及文号、合同订立和履约情况。校验会检查阶段顺序与日期、资金来源合计和投资完成数。
一个县的项目清单用 \`<gk-catalogue>\` 列出，每项链接到项目页面。

**A major construction project** in the eight kinds of information of 国办发〔2017〕94号: where it stands and how much is invested,
investment against plan as a chart (summary, table, keyboard, CSV), and the stages as a timeline with documents, 文号 and contracts.

文档 Docs: \`docs/elements/project.md\`.
`,
      },
    },
  },
  args: { data: hospital },
  argTypes: { ...baseArgTypes('项目数据 The project as an object (`.data`)') },
  render: renderElement(literal`gk-project`),
} satisfies Meta<GkProjectArgs>;

export default meta;
type Story = StoryObj<GkProjectArgs>;

/** 平罗县人民医院新院区建设项目：施工中，已完成投资 82.2% — The county hospital's new campus, under construction. */
export const Default: Story = {
  name: '重大建设项目 县人民医院新院区',
  args: { data: hospital },
};

export const English: Story = {
  name: '英文界面 English (lang="en")',
  args: { data: hospital, lang: 'en' },
};

/** 手机宽度（320 px）：状态和投资在最前，一栏 — Phone width: status and investment first, one column. */
export const Narrow: Story = {
  name: '手机宽度 320 px',
  args: { data: hospital },
  render: (args) => narrowFrame(meta.render(args)),
};

export const FromSrc: Story = {
  name: '从地址加载 From src',
  args: { data: undefined, src: example('county-hospital') },
};

/**
 * 数据错误：资金来源合计与总投资不符、完成投资超过总投资、已完成阶段缺结束日期、阶段顺序颠倒、施工早于招标
 * — Invalid: sources not adding up, investment beyond the total, a finished stage without its end, stages out of order,
 * construction starting before the tender.
 */
export const Invalid: Story = {
  name: '数据错误（带行号）Invalid (from src)',
  args: { data: undefined, src: example('invalid') },
};

/** 全县项目清单：用 <gk-catalogue> 列出，每项链接到项目页面 — The county's projects, listed by <gk-catalogue>, each linking to its page. */
export const CountyListing: Story = {
  name: '全县项目清单（gk-catalogue）County listing',
  render: () => html`<gk-catalogue .data=${projects}></gk-catalogue>`,
};
