/**
 * `"kind": "disclosure-request"` — applying for government information
 * (依申请公开: receive, register, process, reply) and looking up an
 * application's progress by its tracking code. Shown by <gk-disclosure-request>.
 * The status answer is also described here, so the page checks what the
 * server says (and the server, what it may say: no personal data).
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lazy.js';
import { addMessages } from '../i18n.js';
import { disclosureRequestZh } from '../messages/disclosure-request.js';
import { header, headerDescriptions, isoDate, safeUrl, text, type FieldDescriptions } from './common.js';
import { embeddedFormSchema, formPartsDescriptions } from './form.js';

addMessages('zh-CN', disclosureRequestZh);

export const REQUEST_STEPS = ['received', 'registered', 'processing', 'replied'] as const;
/** The outcome categories of the annual report's table 三. */
export const REQUEST_OUTCOMES = ['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

/**
 * The cases of each outcome category in table 三 of the national annual-report
 * template (政府信息公开工作年度报告格式). 予以公开 and 部分公开 have none.
 */
export const REQUEST_OUTCOME_CASES = {
  予以公开: [],
  部分公开: [],
  不予公开: [
    '属于国家秘密',
    '其他法律行政法规禁止公开',
    '危及“三安全一稳定”',
    '保护第三方合法权益',
    '属于三类内部事务信息',
    '属于四类过程性信息',
    '属于行政执法案卷',
    '属于行政查询事项',
  ],
  无法提供: ['本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确'],
  不予处理: [
    '信访举报投诉类申请',
    '重复申请',
    '要求提供公开出版物',
    '无正当理由大量反复申请',
    '要求行政机关确认或重新出具已获取信息',
  ],
  其他处理: [
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '其他',
  ],
} as const satisfies Record<RequestOutcome, readonly string[]>;

export const disclosureRequestFields = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...header('disclosure-request'),
    title: text(),
    description: z.optional(z.string()),
    form: embeddedFormSchema(),
    statusUrl: safeUrl(),
  }),
);

export const disclosureRequestSchema = disclosureRequestFields;
export type GkDisclosureRequest = z.infer<typeof disclosureRequestFields>;

/** What a status lookup answers: where the application is, its deadline, and the outcome once replied. No personal data. */
export const requestStatusSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    code: text(),
    step: z.enum(REQUEST_STEPS),
    received: isoDate(),
    deadline: isoDate(),
    replied: z.optional(isoDate()),
    outcome: z.optional(z.enum(REQUEST_OUTCOMES)),
    reason: z.optional(text()),
  }),
);
export type RequestStatus = z.infer<typeof requestStatusSchema>;

export function disclosureRequestDescriptions(): FieldDescriptions {
  return {
    '': ['依申请公开：申请和办理进度查询', 'Applying for information, and checking progress'],
    ...headerDescriptions('disclosure-request'),
    title: ['标题', 'Title'],
    description: ['说明（Markdown）', 'Description (Markdown)'],
    form: ['申请表单', 'The application form'],
    'form.action': ['提交地址', 'Where applications are POSTed'],
    'form.privacy': ['隐私说明（Markdown）', 'Privacy notice (Markdown)'],
    ...formPartsDescriptions('form.'),
    statusUrl: [
      '办理进度查询地址：GET 地址?code=查询码，返回 JSON',
      'Status lookup: GET address?code=CODE answers JSON',
    ],
  };
}
