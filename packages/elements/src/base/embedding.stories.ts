/**
 * Stories for embedding in an existing county site (docs/embedding.md): light-DOM mode
 * for a toolbar's pointer reading, elder mode, the page's own content before and
 * beside the element, and a county template's CSS around it.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../document/document.js';
import '../budget/budget.js';
import '../form/form.js';
import full from '../document/examples/full.json';
import debt from '../budget/examples/county-debt.json';
import mailbox from '../form/examples/mailbox.json';
import { countyTemplateFrame, frameStyles, narrowFrame } from './internal/story-support.js';

const meta = {
  title: '嵌入现有网站 Embedding',
  // ASCII story ids: iframe.html?id=embedding--light-dom
  id: 'embedding',
  parameters: {
    docs: {
      description: {
        component: `
在已有的县级政府网站页面中使用元素：页面的旧样式和旧脚本不影响元素；无障碍工具条的“指读”需要 \`light-dom\` 模式；
\`elder\` 属性或 \`<html class="gk-elder">\` 打开长者模式；元素内写的标题和文件链接在元素显示之前（以及脚本没有加载时）可见。

Using the elements in an existing county site: the page's old CSS and scripts do not reach them; a toolbar's pointer
reading (指读) needs \`light-dom\`; \`elder\` or \`<html class="gk-elder">\` turns on elder mode; what the page writes inside an
element shows until the element renders (and when the script never loads). Docs: \`docs/embedding.md\`.
`,
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

/** What a toolbar's pointer reading (指读) says: the mouseover target's innerText, as the toolbars on county portals read it. */
const readout = (id: string) => (event: Event) => {
  const target = event.target as HTMLElement;
  document.getElementById(id)!.textContent = `指读 reads: “${(target.innerText ?? '').trim().slice(0, 80)}”`;
};

/** 指读：把鼠标移到两张卡片的文字上 — Pointer reading: move the mouse over both cards. In a shadow root (left) the toolbar reads nothing; in light-DOM mode (right) it reads the text. */
export const LightDom: Story = {
  name: '指读 light-DOM mode',
  render: () => html`${frameStyles}
    <p id="pointer-reading" role="status">指读 reads: “”</p>
    <div class="gk-story-stack" @mouseover=${readout('pointer-reading')}>
      <div class="gk-story-narrow"><gk-document .data=${full}></gk-document></div>
      <div class="gk-story-narrow"><gk-document light-dom .data=${full}></gk-document></div>
    </div>`,
};

/** 长者模式：更大的字、行距和点击区域，7:1 对比度，图表放大，数据表直接显示 — Elder mode: larger text, line height and targets, 7:1 contrast, charts drawn larger, data tables shown from the start. */
export const ElderMode: Story = {
  name: '长者模式 Elder mode',
  render: () => html`<div class="gk-story-stack">
    <gk-document elder .data=${full}></gk-document>
    <gk-budget elder .data=${debt}></gk-budget>
    <gk-form elder .data=${mailbox}></gk-form>
  </div>`,
};

/** 长者模式 + light DOM，在 320 像素宽的侧栏中 — Elder mode in light-DOM mode, in a 320 px side column. */
export const ElderLightDom: Story = {
  name: '长者模式 + light DOM, 320 px',
  render: () => narrowFrame(html`<gk-document elder light-dom .data=${full}></gk-document>`),
};

/** 元素内的标题和下载链接：数据加载失败时仍然显示在错误说明下面 — The page's own title and download link inside the element: when the data cannot be loaded, they stay below the error. */
export const FallbackContent: Story = {
  name: '页面自带内容 Fallback content',
  render: () => html`<div class="gk-story-stack">
    <gk-document src="elements/document/examples/no-such-file.json">
      <p><a href="elements/document/examples/full.json">《2018年政务公开工作要点》（下载原文）</a></p>
    </gk-document>
    <gk-document src="elements/document/examples/full.json">
      <p><a href="elements/document/examples/full.json">加载后这个链接由卡片代替 This link gives way to the card</a></p>
    </gk-document>
  </div>`,
};

/** 旧模板的 CSS（全局重置、元素选择器、[hidden] 被改写）：两种模式的卡片都不受影响 — A county template's CSS (page-wide resets, bare element rules, a broken [hidden]) around both modes: neither card changes. */
export const CountyTemplateCss: Story = {
  name: '旧模板 CSS County template CSS',
  render: () => html`<div class="gk-story-stack">
    ${countyTemplateFrame(html`<gk-document .data=${full}></gk-document>`)}
    ${countyTemplateFrame(html`<gk-document light-dom .data=${full}></gk-document>`)}
  </div>`,
};
