/**
 * Stories for <gk-document>. Each example document in ./examples is one story;
 * the others show the ways a page can hand the element its JSON and the states
 * an editor or a web team will meet (errors, loading, a missing file).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { literal } from 'lit/static-html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
// Registers <gk-document>. (Kept in production builds because packages/elements/package.json
// declares "sideEffects": true; with a list that omits document.ts, Vite would drop this import.)
import './document.js';
import full from './examples/full.json';
import repealed from './examples/repealed.json';
import draft from './examples/draft.json';
import minimal from './examples/minimal.json';
import { type GkStoryArgs, baseArgTypes, renderElement } from '../base/internal/story-support.js';

type GkDocumentArgs = GkStoryArgs;

/** The address of an example file in the static build (see staticDirs in .storybook/main.ts). */
const example = (name: string) => `elements/document/examples/${name}.json`;

/**
 * An address that never answers, for the loading state: a static Storybook has no
 * slow server to point at, so the stories that use it hold back this one request.
 */
const NEVER_ANSWERS = 'gongkai-storybook/never-answers.json';
const stalled = Symbol.for('gongkai.storybook.stalledFetch');

function stallNeverAnswers(): void {
  const current = window.fetch as typeof window.fetch & { [stalled]?: true };
  if (current[stalled]) return;
  const original = current.bind(window);
  const patched = Object.assign(
    (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.includes(NEVER_ANSWERS)) return original(input, init);
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')), {
          once: true,
        });
      });
    },
    { [stalled]: true as const },
  );
  window.fetch = patched;
}

/** An inline `<script type="application/json">` child, as a CMS template would write it. */
function inlineJson(value: unknown, indent = 2): HTMLScriptElement {
  // Made as a node, so its text is never parsed as HTML (no "</script>" inside can end it).
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = `\n${JSON.stringify(value, null, indent)}\n`;
  return script;
}

/** A document with the mistakes editors make: a misspelled field, a javascript: link, an impossible date. */
const invalid = {
  kind: 'document',
  version: 1,
  tittle: '平罗县卫生和计划生育局关于印发《2018年政务公开工作要点》的通知',
  number: '平卫计发〔2018〕45号',
  issuer: '平罗县卫生和计划生育局',
  issued: '2018-02-30',
  status: '有效',
  attachments: [{ name: '2018年政务公开工作要点', format: 'PDF', size: '240 KB', url: 'javascript:alert(1)' }],
};

const meta = {
  title: '元素/gk-document 政策文件',
  // ASCII story ids for links and tests: iframe.html?id=elements-gk-document--full
  id: 'elements-gk-document',
  component: 'gk-document',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `
**政策文件卡片**（行政决策公开）：显示文件标题、发文字号、发文机关、成文和发布日期、有效性、内容摘要、附件和解读链接。
数据是一份 \`"kind": "document"\` 的 JSON 文件，可以通过 \`src\` 地址、内嵌的 \`<script type="application/json">\` 或 \`.data\` 属性提供。
数据有问题时，元素不会显示半成品，而是列出每个问题的字段路径、行号和正确写法。

**Policy document card** (disclosure of administrative decisions): title, document number, issuer, dates, validity,
summary, attachments and links to its interpretation. The data is one JSON document with \`"kind": "document"\`, given by
\`src\`, an inline \`<script type="application/json">\` child or the \`.data\` property. When the data has problems the element
lists each one (field path, line, what was expected) instead of rendering a partial card.

文档 Docs: \`docs/elements/document.md\`. 使用工具栏的 **lang** 切换界面语言 / use the **lang** toolbar to switch the interface language.
`,
      },
    },
  },
  args: {
    data: full,
  },
  argTypes: {
    ...baseArgTypes('文件数据 The document as an object (`.data`)'),
  },
  render: renderElement(literal`gk-document`),
} satisfies Meta<GkDocumentArgs>;

export default meta;
type Story = StoryObj<GkDocumentArgs>;

/** 字段齐全的现行有效文件 — A document in force with every field: number, index, dates, Markdown summary, attachments, links. */
export const Full: Story = {
  name: '完整示例 Full',
  args: { data: full },
};

/** 已废止的文件，显示失效日期和修订后文件 — A repealed document, with its expiry date and a link to the version that replaced it. */
export const Repealed: Story = {
  name: '已废止 Repealed',
  args: { data: repealed },
};

/** 征求意见稿 — A draft published for public comment, with a link to submit comments. */
export const Draft: Story = {
  name: '征求意见稿 Draft for comment',
  args: { data: draft },
};

/** 只有必填字段 — Only the required fields: kind, version, title, issuer, issued, status. */
export const Minimal: Story = {
  name: '最少字段 Minimal',
  args: { data: minimal },
};

/** 英文界面：标签、日期和文件大小用英文；编辑写的内容不翻译 — English interface: labels, dates and sizes in English; editors' text is not translated. */
export const English: Story = {
  name: '英文界面 English (lang="en")',
  args: { data: full, lang: 'en' },
};

/** 从地址加载 — Loaded from `src` (the example file served by this Storybook). */
export const FromSrc: Story = {
  name: '从地址加载 From src',
  args: { data: undefined, src: example('full') },
};

/** 内嵌 JSON：适合 CMS 模板直接输出数据 — Data in an inline `<script type="application/json">` child, as a CMS template would write it. */
export const InlineJson: Story = {
  name: '内嵌 JSON Inline JSON',
  args: { data: undefined },
  render: (args) => html`<gk-document
    lang=${ifDefined(args.lang || undefined)}
    @gk-load=${(event: Event) => args.onGkLoad?.(event)}
    @gk-error=${(event: Event) => args.onGkError?.(event)}
    >${inlineJson(repealed)}</gk-document
  >`,
};

/** 数据有错：拼错的字段、javascript: 链接等，每个问题一行 — Invalid data: a misspelled field, a javascript: link and more, one line per problem. */
export const Invalid: Story = {
  name: '数据错误 Invalid data',
  args: { data: invalid },
};

/** 同样的错误数据以 JSON 文本提供时，每个问题带行号和列号 — The same mistakes as JSON text: each problem also gets its line and column. */
export const InvalidInlineJson: Story = {
  name: '数据错误（带行号）Invalid inline JSON with line numbers',
  args: { data: undefined },
  render: (args) => html`<gk-document
    lang=${ifDefined(args.lang || undefined)}
    @gk-error=${(event: Event) => args.onGkError?.(event)}
    >${inlineJson(invalid)}</gk-document
  >`,
};

/** 找不到数据文件（HTTP 404），带“重新加载”按钮 — The data file is missing (HTTP 404); the error offers a retry button. */
export const NotFound: Story = {
  name: '文件不存在 Not found (404)',
  args: { data: undefined, src: example('no-such-file') },
};

/** 正在加载：此地址永远不返回 — Loading: the address never answers, so the loading message stays. */
export const Loading: Story = {
  name: '正在加载 Loading',
  args: { data: undefined, src: NEVER_ANSWERS, timeout: 24 * 60 * 60 * 1000 },
  beforeEach: () => stallNeverAnswers(),
};

/** 加载超时（此处设为 2 秒）— Timed out: no answer within `timeout` (2 seconds here). */
export const Timeout: Story = {
  name: '加载超时 Timeout',
  args: { data: undefined, src: NEVER_ANSWERS, timeout: 2000 },
  beforeEach: () => stallNeverAnswers(),
};

/** 放在页面的 h2 之下时，用 heading-level="3" 让标题层级连贯 — Under a page h2, `heading-level="3"` keeps the outline intact. */
export const HeadingLevel3: Story = {
  name: '标题层级 heading-level="3"',
  args: { data: full, headingLevel: 3 },
  render: (args) => html`<section aria-labelledby="page-heading">
    <h2 id="page-heading">政策文件 Policy documents</h2>
    ${meta.render(args)}
  </section>`,
};
