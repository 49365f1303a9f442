/**
 * Stories for <gk-catalogue>. One story per example document (./examples): the
 * proactive catalogue, the on-application catalogue, the negative list, the
 * enforcement records (de-identified, with an exempt column) and the proposal
 * replies (full text); then cards, English, a phone-width column, two catalogues
 * on one page (their hash parameters prefixed with their ids), the errors an
 * editor meets (an invalid file by `src`) and items loaded from NDJSON with one
 * bad line.
 *
 * The reader's search, filters, sort and page live in the URL hash of the story
 * frame (iframe.html#q=…), so a story opened with a hash starts filtered, and the
 * browser's Back button undoes the last change.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
// Registers <gk-catalogue>. (Kept in production builds because packages/elements/package.json
// declares "sideEffects": true.)
import './catalogue.js';
import type { CatalogueView } from './catalogue.js';
import proactive from './examples/proactive-2018.json';
import onApplication from './examples/on-application-2018.json';
import negativeList from './examples/negative-list-2018.json';
import enforcement from './examples/enforcement-2018.json';
import replies from './examples/replies-2018.json';
import { type GkStoryArgs, baseArgTypes, frameStyles, narrowFrame } from '../base/internal/story-support.js';

interface GkCatalogueArgs extends GkStoryArgs {
  /** `table` or `cards`; without it, cards on narrow screens and a table elsewhere. */
  view?: CatalogueView | '';
  /** The element's id: with one, its hash parameters are prefixed (`#zdgk.q=…`). Not a manifest member. */
  id?: string;
}

const VIEWS: CatalogueView[] = ['table', 'cards'];

/** The address of an example file in the static build (see staticDirs in .storybook/main.ts). */
const example = (name: string) => `elements/catalogue/examples/${name}`;

/**
 * enforcement-2018.json's header (title, columns, categories …) without its items, which come
 * from `itemsUrl` instead: sample.ndjson, 30 lines, one record a line, line 8 deliberately
 * malformed (a comma after the record, as when a JSON array is cut into lines by hand).
 */
const { items: _enforcementItems, ...enforcementHeader } = enforcement;
const ndjsonHeader = {
  ...enforcementHeader,
  title: '平罗县卫生和计划生育局2018年行政许可和行政处罚信息公示（NDJSON）',
  itemsUrl: example('sample.ndjson'),
};

const meta = {
  title: '元素/gk-catalogue 信息公开目录',
  // ASCII story ids for links and tests: iframe.html?id=elements-gk-catalogue--proactive
  id: 'elements-gk-catalogue',
  component: 'gk-catalogue',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `
**信息公开目录和公开记录**：主动公开基本目录、依申请公开目录、负面清单，以及行政许可和行政处罚、建议提案办理结果等记录列表。
读者可以搜索（中文不需要空格，匹配的文字高亮）、按分类树和栏目筛选（每个选项带条数，随其他条件变化）、排序、切换表格 / 卡片、翻页，
并把当前筛选结果导出为 CSV 或 JSON（带标题和导出日期）。搜索和筛选条件写在地址栏的 \`#\` 之后，可以复制链接分享，浏览器的“后退”按钮撤销上一次改动。
声明了去标识化的栏目（姓名、身份证号、电话、地址、文字中的证件号和电话）在显示、搜索和导出之前就已处理；依法须如实公开的栏目（\`exempt\`）在页面上注明理由。
数据是一份 \`"kind": "catalogue"\` 的 JSON 文件；大型目录的条目可以放在 \`itemsUrl\` 指向的 JSON 数组或 NDJSON 文件中，有问题的行列出行号，其余照常显示。

**Disclosure catalogues and published records**: the proactive catalogue, the on-application catalogue, the negative list, and record listings
such as licences and penalties or replies to deputies' proposals. Readers search (Chinese needs no spaces; matches are highlighted), filter by the
category tree and by columns (each option with its count, following the other filters), sort, switch between a table and cards, page, and export
the current selection as CSV or JSON (with the title and date). The search and filters live in the URL hash, so a link shares them and Back
undoes the last change. Columns declared for de-identification (names, ID numbers, phones, addresses, IDs and phones in free text) are masked
before anything is shown, searched or exported; a column the law requires to be shown as is (\`exempt\`) says so on the page. The data is one
JSON document with \`"kind": "catalogue"\`; a large catalogue's items can come from \`itemsUrl\` (a JSON array or NDJSON), with bad lines listed by
line number while the rest shows.

文档 Docs: \`docs/elements/catalogue.md\`. 使用工具栏的 **lang** 切换界面语言 / use the **lang** toolbar to switch the interface language.
`,
      },
    },
  },
  args: {
    data: proactive,
  },
  argTypes: {
    ...baseArgTypes('目录数据 The catalogue as an object (`.data`)'),
    view: { control: 'inline-radio', options: ['', ...VIEWS] },
    id: {
      control: 'text',
      description: '元素 id：有 id 时，地址栏中的参数带前缀（#zdgk.q=…）The element id: prefixes its hash parameters',
    },
  },
  render: (args) => html`<gk-catalogue
    id=${ifDefined(args.id || undefined)}
    src=${ifDefined(args.src || undefined)}
    view=${ifDefined(args.view || undefined)}
    lang=${ifDefined(args.lang || undefined)}
    heading-level=${ifDefined(args.headingLevel)}
    timeout=${ifDefined(args.timeout)}
    .data=${args.data}
    @gk-load=${(event: Event) => args.onGkLoad?.(event)}
    @gk-error=${(event: Event) => args.onGkError?.(event)}
  ></gk-catalogue>`,
} satisfies Meta<GkCatalogueArgs>;

export default meta;
type Story = StoryObj<GkCatalogueArgs>;

/**
 * 主动公开基本目录：分类树（可逐级筛选）、责任科室和发布平台筛选、每项写明责任科室、公开时限、审核程序和发布平台
 * — The proactive catalogue: a category tree, office and platform filters, and the four statutory columns on every item.
 */
export const Proactive: Story = {
  name: '主动公开基本目录 Proactive (2018年版)',
  args: { data: proactive, view: 'table' },
};

/** 依申请公开目录：答复时限、提供方式和申请说明 — Information on application: reply deadline, how it is provided, how to apply. */
export const OnApplication: Story = {
  name: '依申请公开目录 On application (2018年版)',
  args: { data: onApplication, view: 'table' },
};

/** 负面清单：不予公开的信息和依据的法律 — The negative list: what is not disclosed, and the law that says so. */
export const NegativeList: Story = {
  name: '负面清单 Negative list (2018年版)',
  args: { data: negativeList, view: 'table' },
};

/**
 * 行政许可和行政处罚：当事人姓名只留姓、身份证号只留地区码和后四位、电话和地址去标识化，企业名称照常显示；
 * “法定代表人”栏依《行政处罚法》如实公开，页面上注明理由
 * — Licences and penalties: people keep only their surname, ID numbers their region and last four digits, phones and
 * addresses are cut, business names stay; the legal representative is shown as the law requires, and the page says why.
 */
export const Enforcement: Story = {
  name: '行政许可和行政处罚 Enforcement records (去标识化)',
  args: { data: enforcement, view: 'table' },
};

/** 建议提案办理结果：点击“全文”展开答复全文；搜索也查全文 — Replies to proposals: “Full text” opens each reply; search covers the full text too. */
export const Replies: Story = {
  name: '建议提案办理结果 Replies (全文)',
  args: { data: replies, view: 'table' },
};

/** 卡片：每个条目一张卡片，栏目依次列出，适合栏目多的记录 — Cards: one card per item with every column listed, for records with many columns. */
export const Cards: Story = {
  name: '卡片 Cards (view="cards")',
  args: { data: enforcement, view: 'cards' },
};

/** 英文界面：按钮、标签、条数和日期用英文；编辑写的内容不翻译 — English interface: buttons, labels, counts and dates in English; editors' text is not translated. */
export const English: Story = {
  name: '英文界面 English (lang="en")',
  args: { data: proactive, view: 'table', lang: 'en' },
};

/**
 * 手机宽度（320 px）：没有 view 属性时，屏幕宽度不超过 600 px 显示卡片，否则显示表格（表格可左右滚动）
 * — Phone width (320 px). Without `view`, screens up to 600 px wide get cards and wider ones a table (which scrolls sideways).
 */
export const Narrow: Story = {
  name: '手机宽度 320 px',
  args: { data: proactive },
  render: (args) => narrowFrame(meta.render(args)),
};

/**
 * 同一页面两个目录：各有 id，地址栏中的参数带前缀（#zdgk.q=…&zfjl.f.kind=…），互不影响
 * — Two catalogues on one page: each has an id, so their hash parameters are prefixed and independent.
 */
export const TwoOnOnePage: Story = {
  name: '同页两个目录 Two on one page (id 前缀)',
  args: { data: proactive, view: 'table', headingLevel: 3 },
  render: (args) => html`${frameStyles}
    <div class="gk-story-stack">
      ${meta.render({ ...args, id: 'zdgk', data: proactive })} ${meta.render({ ...args, id: 'zfjl', data: enforcement })}
    </div>`,
};

/**
 * 数据错误：缺少法定栏目“审核程序”、条目编号重复、分类不存在、金额写成文字、未声明的栏目；从地址加载，所以每个问题带行号和列号
 * — Invalid data: the statutory `review` column missing, an id used twice, an unknown category, text in a money column,
 * an undeclared field. Loaded by `src`, so each problem has its line and column.
 */
export const InvalidFromSrc: Story = {
  name: '数据错误（带行号）Invalid (from src)',
  args: { data: undefined, src: example('invalid.json') },
};

/**
 * 条目来自 NDJSON（itemsUrl）：目录信息内嵌，30 行条目逐行检查；第 8 行故意写错（末尾多了逗号），列出行号，其余 29 条照常显示
 * — Items from NDJSON (`itemsUrl`): the header inline, 30 lines checked one by one; line 8 is deliberately malformed
 * (a trailing comma) and is listed by its line number while the other 29 records show.
 */
export const ItemsFromNdjson: Story = {
  name: '条目来自 NDJSON Items from NDJSON (itemsUrl)',
  args: { data: ndjsonHeader, view: 'table' },
};

/** 放在页面的 h2 之下时，用 heading-level="3" 让标题层级连贯 — Under a page h2, `heading-level="3"` keeps the outline intact. */
export const HeadingLevel3: Story = {
  name: '标题层级 heading-level="3"',
  args: { data: negativeList, headingLevel: 3 },
  render: (args) => html`<section aria-labelledby="page-heading">
    <h2 id="page-heading">政府信息公开 Government information disclosure</h2>
    ${meta.render(args)}
  </section>`,
};
