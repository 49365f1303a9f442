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
import { embeddedFormSchema, formPartsDescriptions } from './form.js';

addMessages('zh-CN', requestZh);

export const REQUEST_STEPS = ['received', 'registered', 'processing', 'replied'] as const;
/** The outcome categories of the annual report's table 三. */
export const REQUEST_OUTCOMES = ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'] as const;

export const requestFields = z.strictObject({
  ...header('disclosure-request'),
  title: text(),
  description: z.optional(z.string()),
  form: embeddedFormSchema(),
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
  return {
    '': ['依申请公开：申请和办理进度查询', 'Applying for information, and checking progress'],
    ...headerDescriptions('disclosure-request'),
    title: ['标题', 'Title'],
    description: ['说明（Markdown）', 'Description (Markdown)'],
    form: ['申请表单', 'The application form'],
    'form.action': ['提交地址', 'Where applications are POSTed'],
    'form.privacy': ['隐私说明（Markdown）', 'Privacy notice (Markdown)'],
    ...formPartsDescriptions('form.'),
    statusUrl: ['办理进度查询地址：GET 地址?code=查询码，返回 JSON', 'Status lookup: GET address?code=CODE answers JSON'],
  };
}
