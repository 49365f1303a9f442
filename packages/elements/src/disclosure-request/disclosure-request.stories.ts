/**
 * Stories for <gk-disclosure-request>. The example document (./examples/application.json):
 * the application form (依申请公开, with the statutory fields of a citizen or an
 * organisation) and the progress lookup by tracking code; then English, a
 * phone-width column and the lookup answered by a stand-in status service
 * (each outcome of the annual report can be tried).
 *
 * Storybook has no receiver and no status service: sending the form ends with
 * the failure message, and a lookup in the plain stories answers “not found”.
 * The demo site (`pnpm start`) has both.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { literal } from 'lit/static-html.js';
import { expect, waitFor } from 'storybook/test';
import type { RequestStatus } from '@gongkai/core';
// Registers <gk-disclosure-request> (and the <gk-form> inside it). (Kept in production builds
// because packages/elements/package.json declares "sideEffects": true.)
import './disclosure-request.js';
import application from './examples/application.json';
import { type GkStoryArgs, baseArgTypes, narrowFrame, renderElement } from '../base/internal/story-support.js';

type GkDisclosureRequestArgs = GkStoryArgs;

/**
 * What the stand-in status service knows: one application at each step. Codes as the demo receiver
 * makes them; no personal data, as in a real answer.
 */
const STATUSES: RequestStatus[] = [
  { code: 'PL2018-00012', step: 'received', received: '2018-06-04', deadline: '2018-06-25' },
  { code: 'PL2018-00013', step: 'processing', received: '2018-06-01', deadline: '2018-06-22' },
  {
    code: 'PL2018-00007',
    step: 'replied',
    received: '2018-05-14',
    deadline: '2018-06-04',
    replied: '2018-05-30',
    outcome: '部分公开',
    reason:
      '所申请的信息中含有第三方个人信息，依据《中华人民共和国政府信息公开条例》第十五条，对该部分作区分处理后公开其余内容。',
  },
];

/** The status service's address in application.json. */
const STATUS_URL = application.statusUrl;

const meta = {
  title: '元素/gk-disclosure-request 依申请公开',
  // ASCII story ids for links and tests: iframe.html?id=elements-gk-disclosure-request--application
  id: 'elements-gk-disclosure-request',
  component: 'gk-disclosure-request',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `
**依申请公开**：申请表单（公民或法人、其他组织，各自的必填信息；所需信息的描述、获取方式和载体形式）和办理进度查询。
提交后申请人得到查询码；输入查询码，显示“已收到 → 已登记 → 办理中 → 已答复”的当前步骤、法定答复期限，答复后还有办理结果
（予以公开、部分公开、不予公开、无法提供、不予处理、其他处理，与年度报告的分类相同）和理由。查询服务的答复经过检查，且**不含个人信息**。
数据是一份 \`"kind": "disclosure-request"\` 的 JSON 文件；申请表单的字段与 \`<gk-form>\` 相同。

**Applying for government information** (依申请公开): the application form (a citizen or an organisation, each with its required details;
the information wanted, how to receive it and in what form) and the progress lookup. After sending, the applicant gets a tracking code;
entering it shows the current step (received → registered → processing → replied), the legal reply deadline and, once replied, the outcome
in the categories of the annual report with its reason. The status answer is checked and **carries no personal data**. The data is one
JSON document with \`"kind": "disclosure-request"\`; the form's fields are those of \`<gk-form>\`.

Storybook 没有接收和查询服务：提交显示失败提示，查询显示“没有找到”，“模拟查询服务”故事除外 / Storybook has no receiver or status
service: sending fails and lookups answer “not found”, except in the story with the stand-in status service.

文档 Docs: \`docs/elements/disclosure-request.md\`. 使用工具栏的 **lang** 切换界面语言 / use the **lang** toolbar to switch the interface language.
`,
      },
    },
  },
  args: {
    data: application,
  },
  argTypes: {
    ...baseArgTypes('依申请公开数据 The document as an object (`.data`)'),
  },
  render: renderElement(literal`gk-disclosure-request`),
} satisfies Meta<GkDisclosureRequestArgs>;

export default meta;
type Story = StoryObj<GkDisclosureRequestArgs>;

/**
 * 依申请公开：先选申请人类型（公民 / 法人或者其他组织），出现相应的必填项；下方是办理进度查询
 * — The application: choose the applicant type (citizen / organisation) and its required fields appear; the progress lookup below.
 */
export const Application: Story = {
  name: '依申请公开 Application and lookup',
  args: { data: application },
};

/** 英文界面：按钮、步骤、期限和办理结果用英文；编辑写的标签和选项不翻译 — English interface: buttons, steps, deadline and outcome; the editor's labels are not translated. */
export const English: Story = {
  name: '英文界面 English (lang="en")',
  args: { data: application, lang: 'en' },
};

/** 手机宽度（320 px）：查询框和按钮换行，步骤上下排列 — Phone width (320 px): the lookup field and button wrap, the steps stack. */
export const Narrow: Story = {
  name: '手机宽度 320 px',
  args: { data: application },
  render: (args) => narrowFrame(meta.render(args)),
};

/**
 * 办理进度（模拟查询服务）：本故事用一个模拟的查询服务代替 statusUrl，并自动查询 PL2018-00007（已答复，部分公开，附理由）。
 * 也可以输入 PL2018-00012（已收到）、PL2018-00013（办理中）或其他查询码（没有找到）
 * — Progress, with a stand-in status service in place of `statusUrl`. The story looks up PL2018-00007 (replied, partly disclosed, with
 * the reason); try PL2018-00012 (received), PL2018-00013 (processing) or any other code (not found).
 */
export const StatusLookup: Story = {
  name: '办理进度（模拟查询服务）Status lookup (stand-in service)',
  args: { data: application },
  beforeEach: () => {
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI);
      if (url.pathname !== new URL(STATUS_URL, document.baseURI).pathname) return realFetch(input, init);
      const found = STATUSES.find((status) => status.code === url.searchParams.get('code'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      return new Response(JSON.stringify(found ?? { error: 'unknown code' }), {
        status: found ? 200 : 404,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
      });
    };
    return () => {
      window.fetch = realFetch;
    };
  },
  play: async ({ canvasElement }) => {
    const root = canvasElement.querySelector('gk-disclosure-request')?.shadowRoot;
    if (!root) throw new Error('no <gk-disclosure-request> in the story');
    await waitFor(() => expect(root.querySelector('form.lookup input')).not.toBeNull());
    const input = root.querySelector<HTMLInputElement>('form.lookup input')!;
    input.value = 'PL2018-00007';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    root.querySelector<HTMLButtonElement>('form.lookup button[type="submit"]')!.click();
    await waitFor(() => expect(root.querySelector('[part="status"]')).not.toBeNull());
  },
};
