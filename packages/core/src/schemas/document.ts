/** `"kind": "document"` — a published policy document (行政决策公开), shown by <gk-document>. */
import { addMessages } from '../i18n.js';
import { documentZh } from '../messages/document.js';
import * as z from 'zod/mini';
import { lazySchema } from '../lazy.js';
import { docNumber, header, headerDescriptions, isoDate, safeUrl, text, type FieldDescriptions } from './common.js';

addMessages('zh-CN', documentZh);

export const DOCUMENT_STATUSES = ['现行有效', '已修订', '已废止', '已失效', '尚未生效', '征求意见稿'] as const;
export const DOCUMENT_LINK_TYPES = [
  '解读',
  '图解',
  '音视频解读',
  '原文',
  '相关文件',
  '修订后文件',
  '征求意见',
] as const;
export const ATTACHMENT_FORMATS = [
  'pdf',
  'ofd',
  'doc',
  'docx',
  'wps',
  'xls',
  'xlsx',
  'et',
  'csv',
  'ppt',
  'pptx',
  'txt',
  'zip',
  'rar',
  '7z',
  'jpg',
  'png',
  'mp3',
  'mp4',
] as const;

export const attachmentSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    name: text(),
    format: z.enum(ATTACHMENT_FORMATS),
    size: z.int().check(z.nonnegative()),
    url: safeUrl(),
  }),
);

export const documentLinkSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.enum(DOCUMENT_LINK_TYPES),
    title: text(),
    url: safeUrl(),
    number: z.optional(docNumber()),
  }),
);

const documentFields = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...header('document'),
    title: text(),
    number: z.optional(docNumber()),
    index: z.optional(text()),
    issuer: text(),
    issued: isoDate(),
    published: z.optional(isoDate()),
    effective: z.optional(isoDate()),
    expires: z.optional(isoDate()),
    status: z.enum(DOCUMENT_STATUSES),
    summary: z.optional(z.string()),
    attachments: z.optional(z.array(attachmentSchema)),
    links: z.optional(z.array(documentLinkSchema)),
  }),
);

/** What each field means, for editors' IDEs (attached by describe.ts for the JSON Schema; a function, so bundles that never ask drop it). */
export function documentDescriptions(): FieldDescriptions {
  return {
    '': ['政策文件（行政决策公开）', 'A published policy document'],
    ...headerDescriptions('document'),
    title: ['文件标题', 'Document title'],
    number: ['发文字号，如 平政发〔2017〕1号', 'Document number, e.g. 平政发〔2017〕1号'],
    index: ['索引号', 'Index number in the disclosure catalogue'],
    issuer: ['发文机关', 'Issuing authority'],
    issued: ['成文日期（YYYY-MM-DD）', 'Date the document was signed (YYYY-MM-DD)'],
    published: ['发布日期（YYYY-MM-DD）', 'Date of publication (YYYY-MM-DD)'],
    effective: ['生效日期（YYYY-MM-DD）', 'Date it comes into force (YYYY-MM-DD)'],
    expires: ['失效日期（YYYY-MM-DD）', 'Date it ceases to be in force (YYYY-MM-DD)'],
    status: [
      '有效性：现行有效、已修订、已废止、已失效、尚未生效、征求意见稿',
      'Validity: in force, amended, repealed, expired, not yet in force, draft for comment',
    ],
    summary: ['内容摘要（Markdown）', 'Summary (Markdown)'],
    attachments: ['附件列表', 'Attachments'],
    'attachments[]': ['附件', 'Attachment'],
    'attachments[].name': ['附件名称', 'Attachment name'],
    'attachments[].format': ['文件格式（小写扩展名，如 pdf）', 'File format (lower-case extension, e.g. pdf)'],
    'attachments[].size': ['文件大小（字节）', 'File size in bytes'],
    'attachments[].url': ['下载地址', 'Download address'],
    links: ['解读、图解和相关文件的链接', 'Links to interpretations and related documents'],
    'links[]': ['相关链接', 'Related link'],
    'links[].type': [
      '链接类型：解读、图解、相关文件等',
      'Link type: interpretation, illustrated explainer, related document …',
    ],
    'links[].title': ['链接标题', 'Link title'],
    'links[].url': ['链接地址', 'Link address'],
    'links[].number': ['相关文件的发文字号', 'Document number of the linked document'],
  };
}

/** Dates must run forward: published, effective and expires never before the date the document was signed. */
export const documentSchema = /* @__PURE__ */ lazySchema(() =>
  documentFields.check(
    z.superRefine((doc, ctx) => {
      const order: Array<[keyof typeof doc, keyof typeof doc]> = [
        ['published', 'issued'],
        ['expires', 'issued'],
        ['expires', 'effective'],
      ];
      for (const [later, earlier] of order) {
        const laterValue = doc[later];
        const earlierValue = doc[earlier];
        if (typeof laterValue === 'string' && typeof earlierValue === 'string' && laterValue < earlierValue) {
          ctx.issues.push({
            code: 'custom',
            input: laterValue,
            path: [later],
            message: 'expect.datesOrder',
            params: { field: `doc.${later}`, other: `doc.${earlier}`, otherValue: earlierValue },
          });
        }
      }
    }),
  ),
);

export type GkDocument = z.infer<typeof documentSchema>;
export type GkAttachment = z.infer<typeof attachmentSchema>;
export type GkDocumentLink = z.infer<typeof documentLinkSchema>;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
