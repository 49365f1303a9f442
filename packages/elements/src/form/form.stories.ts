/**
 * Stories for <gk-form>. One story per example document (./examples): the
 * director's mailbox (局长信箱: conditional fields, a select, a file, a
 * character count) and the application for government information (政府信息公开申请:
 * a citizen or an organisation, each with its own statutory fields); then
 * English, a phone-width column, the error summary after pressing 提交 on an
 * empty form, sending to an address that fails (the failure message, with
 * everything kept) and a field of a type no renderer knows.
 *
 * Storybook has no form receiver: sending any story's form ends with the
 * failure message (an HTTP error from the Storybook server), as it would on a
 * network failure. The demo site (`pnpm start`) has a
 * receiver that answers a tracking code.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
// Registers <gk-form>. (Kept in production builds because packages/elements/package.json
// declares "sideEffects": true.)
import './form.js';
import mailbox from './examples/mailbox.json';
import disclosureApplication from './examples/disclosure-application.json';
import { type GkStoryArgs, baseArgTypes, narrowFrame } from '../base/internal/story-support.js';

interface GkFormArgs extends GkStoryArgs {
  /** Milliseconds to wait for `src`, and for the receiver's answer after 提交. */
  timeout?: number;
  onGkSubmit?: (event: Event) => void;
}

/**
 * The mailbox sent to an address that does not exist (HTTP 404 from the Storybook server), without
 * a draft, so the story starts empty every time.
 */
const failingMailbox = { ...mailbox, title: '局长信箱（提交地址不存在）', action: '/no-such-endpoint', draft: false };

/** A small form whose second field has a type no renderer knows (`signature`): it shows as an error in place, the rest works. */
const unknownType = {
  kind: 'form',
  version: 1,
  title: '意见征集（含不认识的字段类型）',
  action: '/api/forms/comments',
  privacy: '您的联系方式仅用于就意见与您联系，不对外公开。',
  sections: [
    {
      fields: [
        { name: 'name', label: '姓名', type: 'text' },
        { name: 'signature', label: '手写签名', type: 'signature' },
        { name: 'opinion', label: '意见和建议', type: 'textarea', required: true, minLength: 10, maxLength: 500 },
      ],
    },
  ],
};

/** The shadow root of the story's <gk-form>, once the form (not the loading state) is drawn. */
async function formRoot(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const root = canvasElement.querySelector('gk-form')?.shadowRoot;
  if (!root) throw new Error('no <gk-form> in the story');
  await waitFor(() => expect(root.querySelector('form')).not.toBeNull());
  return root;
}

/** Types into a text field or picks a select option the way the reader would (input / change events). */
function enter(root: ShadowRoot, name: string, value: string): void {
  const control = root.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${name}"]`);
  if (!control) throw new Error(`no field ${name}`);
  control.value = value;
  control.dispatchEvent(
    new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }),
  );
}

const press = (root: ShadowRoot, selector: string) => root.querySelector<HTMLElement>(selector)?.click();

const meta = {
  title: '元素/gk-form 表单',
  // ASCII story ids for links and tests: iframe.html?id=elements-gk-form--mailbox
  id: 'elements-gk-form',
  component: 'gk-form',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `
**表单**：领导信箱、意见征集、依申请公开等由群众填写的表单，由一份 \`"kind": "form"\` 的 JSON 文件描述（分组、字段、类型、选项、显示条件）。
离开一个字段时检查它，按“提交”时检查全部：问题写在每个字段下方，并在表单顶部列出（点击跳到该字段）。提交以 JSON 发送到 \`action\`，
带 \`Idempotency-Key\`，重试不会重复登记；网络中断、超时或服务器出错时，**填写的内容都保留**，可以重新提交。可选的草稿保存在本机（敏感字段不保存）。
服务器用同一个函数 \`compileSubmissionSchema(form)\`（@gongkai/core）检查收到的内容。

**Forms** citizens fill in — the director's mailbox, comments on a draft, applications — described by one JSON document with \`"kind": "form"\`
(sections, fields, types, options, conditions). A field is checked when the reader leaves it and every field on 提交 (Send): each problem under
its field and in a summary at the top (a link to the field). The submission is POSTed as JSON to \`action\` with an \`Idempotency-Key\`, so a
retry is never stored twice; on a network failure, a timeout or a server error **everything written stays** and can be sent again. An opt-in
draft is kept in this browser (sensitive fields never). Servers check what they receive with the same function, \`compileSubmissionSchema(form)\`.

Storybook 没有接收服务，提交总是显示失败提示 / Storybook has no receiver, so sending always ends with the failure message.

文档 Docs: \`docs/elements/form.md\`. 使用工具栏的 **lang** 切换界面语言 / use the **lang** toolbar to switch the interface language.
`,
      },
    },
  },
  args: {
    data: mailbox,
  },
  argTypes: {
    ...baseArgTypes('表单数据 The form as an object (`.data`)'),
  },
  render: (args) => html`<gk-form
    src=${ifDefined(args.src || undefined)}
    lang=${ifDefined(args.lang || undefined)}
    heading-level=${ifDefined(args.headingLevel)}
    timeout=${ifDefined(args.timeout)}
    .data=${args.data}
    @gk-load=${(event: Event) => args.onGkLoad?.(event)}
    @gk-error=${(event: Event) => args.onGkError?.(event)}
    @gk-submit=${(event: Event) => args.onGkSubmit?.(event)}
  ></gk-form>`,
} satisfies Meta<GkFormArgs>;

export default meta;
type Story = StoryObj<GkFormArgs>;

/**
 * 局长信箱：选“电子邮件”或“信件”答复时才出现邮箱或地址；留言类别下拉框、字数统计、附件；草稿保存在本机（手机号和身份证号不保存）
 * — The director's mailbox: the email or address field appears only for that way of replying; a select, a character count, a file;
 * a draft kept in this browser (never the phone or ID number).
 */
export const Mailbox: Story = {
  name: '局长信箱 Mailbox',
  args: { data: mailbox },
};

/**
 * 政府信息公开申请：公民填写姓名和身份证号，法人或者其他组织填写名称、统一社会信用代码和法定代表人（选择申请人类型后出现）；载体形式可以多选
 * — The application for government information: a citizen gives a name and ID number, an organisation its name, credit code and legal
 * representative (shown once the applicant type is chosen); several forms of delivery can be ticked.
 */
export const DisclosureApplication: Story = {
  name: '政府信息公开申请 Disclosure application',
  args: { data: disclosureApplication },
};

/** 英文界面：按钮、提示和错误信息用英文；编辑写的标题、标签和选项不翻译 — English interface: buttons, notices and messages; the editor's labels are not translated. */
export const English: Story = {
  name: '英文界面 English (lang="en")',
  args: { data: mailbox, lang: 'en' },
};

/** 手机宽度（320 px）：字段占满一行，按钮不小于 44 px — Phone width (320 px): fields take the full width, targets at least 44 px. */
export const Narrow: Story = {
  name: '手机宽度 320 px',
  args: { data: mailbox },
  render: (args) => narrowFrame(meta.render(args)),
};

/**
 * 错误提示：空表单上按“提交”——表单顶部列出每个问题（焦点移到这里，读屏软件读出），每个字段下方写明问题；点击列表中的一项跳到该字段
 * — Errors shown: 提交 pressed on an empty form. The summary at the top lists every problem (focus moves there and screen readers read it),
 * each field says what is wrong; a link in the summary moves to its field. (The story presses 提交 for you.)
 */
export const ErrorsShown: Story = {
  name: '错误提示 Errors shown (按“提交” after pressing 提交)',
  args: { data: { ...mailbox, draft: false } },
  play: async ({ canvasElement }) => {
    const root = await formRoot(canvasElement);
    press(root, 'button[type="submit"]');
    await waitFor(() => expect(root.querySelector('[part="summary"]')).not.toBeNull());
  },
};

/**
 * 提交失败：提交地址不存在（HTTP 404）。故事自动填好表单并按“提交”：显示“提交没有成功……您填写的内容都还在，请稍后重试。”，
 * 按钮变为“重新提交”，所有内容保留；网络中断和超时时也是这样
 * — Sending fails: `action` is an address that does not exist (HTTP 404). The story fills the form and presses 提交: the failure message
 * says everything is still there, the button becomes 重新提交 (Send again), nothing is lost. A network failure or a timeout looks the same.
 */
export const SendFails: Story = {
  name: '提交失败 Sending fails (action="/no-such-endpoint")',
  args: { data: failingMailbox },
  play: async ({ canvasElement }) => {
    const root = await formRoot(canvasElement);
    enter(root, 'name', '张三');
    enter(root, 'phone', '13812345678');
    press(root, 'input[name="reply"][value="phone"]');
    enter(root, 'topic', 'question');
    enter(root, 'subject', '收费标准查询');
    enter(root, 'body', '请问县医院的收费标准在哪里可以查到？');
    press(root, 'input[name="consent"]');
    press(root, 'button[type="submit"]');
    await waitFor(() => expect(root.querySelector('.failed')).not.toBeNull(), { timeout: 20000 });
  },
};

/**
 * 不认识的字段类型（`signature`）：该字段的位置显示错误提示，其他字段照常可以填写和提交。`gongkai validate` 不检查字段类型，发布前请在浏览器中看一遍
 * — A field of an unknown type (`signature`): an error in its place, the other fields work as usual. `gongkai validate` does not check
 * field types, so look at the form in a browser before publishing.
 */
export const UnknownFieldType: Story = {
  name: '不认识的字段类型 Unknown field type',
  args: { data: unknownType },
};
