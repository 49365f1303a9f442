/** `"kind": "document"` — a published policy document (行政决策公开), shown by <gk-document>. */
import * as z from 'zod/mini';
import { described, docNumber, header, isoDate, safeUrl, text } from './common.js';

export const DOCUMENT_STATUSES = ['现行有效', '已修订', '已废止', '已失效', '尚未生效', '征求意见稿'] as const;
export const DOCUMENT_LINK_TYPES = ['解读', '图解', '音视频解读', '原文', '相关文件', '修订后文件', '征求意见'] as const;
export const ATTACHMENT_FORMATS = [
  'pdf', 'ofd', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'et', 'csv', 'ppt', 'pptx', 'txt', 'zip', 'rar', '7z', 'jpg', 'png', 'mp3', 'mp4',
] as const;

export const attachmentSchema = described(
  z.strictObject({
    name: text('附件名称', 'Attachment name'),
    format: described(z.enum(ATTACHMENT_FORMATS), '文件格式（小写扩展名，如 pdf）', 'File format (lower-case extension, e.g. pdf)'),
    size: described(z.int().check(z.nonnegative()), '文件大小（字节）', 'File size in bytes'),
    url: safeUrl('下载地址', 'Download address'),
  }),
  '附件',
  'Attachment',
);

export const documentLinkSchema = described(
  z.strictObject({
    type: described(z.enum(DOCUMENT_LINK_TYPES), '链接类型：解读、图解、相关文件等', 'Link type: interpretation, illustrated explainer, related document …'),
    title: text('链接标题', 'Link title'),
    url: safeUrl('链接地址', 'Link address'),
    number: z.optional(docNumber('相关文件的发文字号', 'Document number of the linked document')),
  }),
  '相关链接',
  'Related link',
);

const documentFields = z.strictObject({
  ...header('document'),
  title: text('文件标题', 'Document title'),
  number: z.optional(docNumber('发文字号，如 平政发〔2017〕1号', 'Document number, e.g. 平政发〔2017〕1号')),
  index: z.optional(text('索引号', 'Index number in the disclosure catalogue')),
  issuer: text('发文机关', 'Issuing authority'),
  issued: isoDate('成文日期', 'Date the document was signed'),
  published: z.optional(isoDate('发布日期', 'Date of publication')),
  effective: z.optional(isoDate('生效日期', 'Date it comes into force')),
  expires: z.optional(isoDate('失效日期', 'Date it ceases to be in force')),
  status: described(z.enum(DOCUMENT_STATUSES), '有效性：现行有效、已修订、已废止、已失效、尚未生效、征求意见稿', 'Validity: in force, amended, repealed, expired, not yet in force, draft for comment'),
  summary: z.optional(described(z.string(), '内容摘要（Markdown）', 'Summary (Markdown)')),
  attachments: z.optional(described(z.array(attachmentSchema), '附件列表', 'Attachments')),
  links: z.optional(described(z.array(documentLinkSchema), '解读、图解和相关文件的链接', 'Links to interpretations and related documents')),
});

/** Dates must run forward: published, effective and expires never before the date the document was signed. */
export const documentSchema = described(
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
  '政策文件（行政决策公开）',
  'A published policy document',
);

export type GkDocument = z.infer<typeof documentSchema>;
export type GkAttachment = z.infer<typeof attachmentSchema>;
export type GkDocumentLink = z.infer<typeof documentLinkSchema>;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
