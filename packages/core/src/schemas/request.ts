/**
 * `"kind": "disclosure-request"` — applying for government information
 * (依申请公开: receive, register, process, reply) and looking up an
 * application's progress by its tracking code. Shown by <gk-disclosure-request>.
 * The status answer is also described here, so the page checks what the
 * server says (and the server, what it may say: no personal data).
 */
import * as z from 'zod/mini';
import { addMessages } from '../i18n.js';
import { requestZh } from '../messages/request.js';
import { header, headerDescriptions, isoDate, safeUrl, text, type FieldDescriptions } from './common.js';
import { formFieldSchema } from './form.js';

addMessages('zh-CN', requestZh);

export const REQUEST_STEPS = ['received', 'registered', 'processing', 'replied'] as const;
/** The outcome categories of the annual report's table 三. */
export const REQUEST_OUTCOMES = ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'] as const;

export const requestFields = z.strictObject({
  ...header('disclosure-request'),
  title: text(),
  description: z.optional(z.string()),
  form: z.strictObject({
    action: safeUrl(),
    privacy: text(),
    sections: z.array(z.strictObject({ title: z.optional(text()), fields: z.array(formFieldSchema).check(z.minLength(1)) })).check(z.minLength(1)),
  }),
  statusUrl: safeUrl(),
});

export const requestSchema = requestFields;
export type GkDisclosureRequest = z.infer<typeof requestFields>;

/** What a status lookup answers: where the application is, its deadline, and the outcome once replied. No personal data. */
export const requestStatusSchema = z.strictObject({
  code: text(),
  step: z.enum(REQUEST_STEPS),
  received: isoDate(),
  deadline: isoDate(),
  replied: z.optional(isoDate()),
  outcome: z.optional(z.enum(REQUEST_OUTCOMES)),
  reason: z.optional(text()),
});
export type RequestStatus = z.infer<typeof requestStatusSchema>;

export function requestDescriptions(): FieldDescriptions {
  const field = 'form.sections[].fields[]';
  return {
    '': ['依申请公开：申请和办理进度查询', 'Applying for information, and checking progress'],
    ...headerDescriptions('disclosure-request'),
    title: ['标题', 'Title'],
    description: ['说明（Markdown）', 'Description (Markdown)'],
    form: ['申请表单', 'The application form'],
    'form.action': ['提交地址', 'Where applications are POSTed'],
    'form.privacy': ['隐私说明（Markdown）', 'Privacy notice (Markdown)'],
    'form.sections': ['分组', 'Sections'],
    'form.sections[]': ['一个分组', 'One section'],
    'form.sections[].title': ['分组标题', 'Section title'],
    'form.sections[].fields': ['字段（同 "kind": "form"）', 'Fields (as in a form)'],
    [field]: ['一个字段', 'One field'],
    [`${field}.name`]: ['字段名', 'Field name'],
    [`${field}.label`]: ['字段标题', 'Label'],
    [`${field}.type`]: ['类型', 'Type'],
    [`${field}.required`]: ['是否必填', 'Required'],
    [`${field}.help`]: ['填写说明', 'Help'],
    [`${field}.minLength`]: ['最少字数', 'Minimum length'],
    [`${field}.maxLength`]: ['最多字数', 'Maximum length'],
    [`${field}.pattern`]: ['格式（正则表达式）', 'Pattern'],
    [`${field}.patternMessage`]: ['格式不符时的提示', 'Pattern message'],
    [`${field}.min`]: ['最小值', 'Minimum'],
    [`${field}.max`]: ['最大值', 'Maximum'],
    [`${field}.options`]: ['选项', 'Options'],
    [`${field}.options[]`]: ['一个选项', 'One option'],
    [`${field}.options[].value`]: ['选项值', 'Value'],
    [`${field}.options[].label`]: ['选项文字', 'Label'],
    [`${field}.sensitive`]: ['敏感字段', 'Sensitive'],
    [`${field}.showWhen`]: ['显示条件', 'Show when'],
    [`${field}.showWhen.field`]: ['所依据的字段名', 'Field'],
    [`${field}.showWhen.equals`]: ['该字段的值', 'Value(s)'],
    [`${field}.accept`]: ['允许的文件类型', 'Allowed file types'],
    [`${field}.maxSize`]: ['文件大小上限（字节）', 'Maximum file size'],
    statusUrl: ['办理进度查询地址：GET 地址?code=查询码，返回 JSON', 'Status lookup: GET address?code=CODE answers JSON'],
  };
}
