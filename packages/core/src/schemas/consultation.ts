/**
 * `"kind": "consultation"` — public comment on a draft decision (决策预公开): the
 * draft and its basis, the comment period, the comment form, and afterwards
 * the adoption report (how many opinions came in, how many were adopted, partly
 * adopted, not adopted, and why the main ones were not). Shown by <gk-consultation>.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lazy.js';
import { addMessages } from '../i18n.js';
import { consultationZh } from '../messages/consultation.js';
import { header, headerDescriptions, isoDate, safeUrl, text, type FieldDescriptions } from './common.js';
import { embeddedFormSchema, formPartsDescriptions } from './form.js';

addMessages('zh-CN', consultationZh);

const count = () => z.int().check(z.nonnegative());

export const consultationFields = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...header('consultation'),
    title: text(),
    issuer: text(),
    draft: z.optional(z.string()),
    document: z.optional(safeUrl()),
    basis: z.optional(z.string()),
    opens: isoDate(),
    closes: isoDate(),
    form: embeddedFormSchema(),
    report: z.optional(
      z.strictObject({
        published: isoDate(),
        received: count(),
        adopted: count(),
        partlyAdopted: count(),
        notAdopted: count(),
        summary: z.optional(z.string()),
        notAdoptedReasons: z.optional(
          z.array(z.strictObject({ opinion: text(), reason: text(), count: z.optional(count()) })),
        ),
      }),
    ),
  }),
);

export type GkConsultation = z.infer<typeof consultationFields>;

type Issue = { path: Array<string | number>; message: string; params: Record<string, string | number> };

/** The period runs forward, the report comes after it, and its counts add up. */
export function consultationIssues(doc: GkConsultation): Issue[] {
  const issues: Issue[] = [];
  if (doc.closes < doc.opens)
    issues.push({ path: ['closes'], message: 'consultation.period', params: { opens: doc.opens } });
  if (!doc.draft && !doc.document) issues.push({ path: ['draft'], message: 'consultation.noDraft', params: {} });
  const report = doc.report;
  if (report) {
    if (report.published < doc.closes)
      issues.push({
        path: ['report', 'published'],
        message: 'consultation.reportEarly',
        params: { closes: doc.closes },
      });
    const sum = report.adopted + report.partlyAdopted + report.notAdopted;
    if (sum !== report.received)
      issues.push({
        path: ['report', 'received'],
        message: 'consultation.sum',
        params: { sum, received: report.received },
      });
  }
  return issues;
}

export const consultationSchema = /* @__PURE__ */ lazySchema(() =>
  consultationFields.check(
    z.superRefine((doc, ctx) => {
      for (const issue of consultationIssues(doc as GkConsultation))
        ctx.issues.push({ code: 'custom', input: undefined, ...issue });
    }),
  ),
);

/** What each field means, for editors' IDEs (attached by describe.ts for the JSON Schema). */
export function consultationDescriptions(): FieldDescriptions {
  return {
    '': ['决策预公开：征求意见和采纳情况', 'A public consultation on a draft decision'],
    ...headerDescriptions('consultation'),
    title: ['征求意见的事项', 'What is consulted on'],
    issuer: ['征求意见单位', 'Consulting authority'],
    draft: [
      '征求意见稿正文（Markdown）；或用 document 链接政策文件卡片',
      'The draft (Markdown), or link a document card with document',
    ],
    document: ['征求意见稿的文件卡片 JSON 地址（"kind": "document"）', 'Address of the draft as a document card'],
    basis: ['决策依据（Markdown）', 'Basis of the decision (Markdown)'],
    opens: ['征求意见开始日期（YYYY-MM-DD）', 'Comment period opens (YYYY-MM-DD)'],
    closes: [
      '征求意见截止日期（YYYY-MM-DD），之后表单自动关闭',
      'Comment period closes (YYYY-MM-DD); the form closes itself after',
    ],
    form: ['意见表单', 'The comment form'],
    'form.action': ['提交地址', 'Where comments are POSTed'],
    'form.privacy': ['隐私说明（Markdown）', 'Privacy notice (Markdown)'],
    ...formPartsDescriptions('form.'),
    report: ['采纳情况（征求意见结束后公布）', 'The adoption report (after the period)'],
    'report.published': ['公布日期（YYYY-MM-DD）', 'Published (YYYY-MM-DD)'],
    'report.received': ['收到意见（条）', 'Opinions received'],
    'report.adopted': ['采纳（条）', 'Adopted'],
    'report.partlyAdopted': ['部分采纳（条）', 'Partly adopted'],
    'report.notAdopted': ['未采纳（条）', 'Not adopted'],
    'report.summary': ['情况说明（Markdown）', 'Summary (Markdown)'],
    'report.notAdoptedReasons': ['较为集中的意见未予采纳的原因', 'Why the main opinions were not adopted'],
    'report.notAdoptedReasons[]': ['一条意见', 'One opinion'],
    'report.notAdoptedReasons[].opinion': ['意见内容', 'The opinion'],
    'report.notAdoptedReasons[].reason': ['未采纳的原因', 'Why it was not adopted'],
    'report.notAdoptedReasons[].count': ['提出该意见的人数', 'How many raised it'],
  };
}
