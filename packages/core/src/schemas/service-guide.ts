/**
 * `"kind": "service-guide"` — service guides (办事指南, 服务公开): a bureau's
 * service items, each with what a provincial service portal shows (item, basis,
 * conditions, the standardised list of materials, steps, time limits, fees,
 * where and when, visits, online link, contact, result) and its change record.
 * One item is shown as its guide; several are a searchable listing. Shown by
 * <gk-service-guide>.
 *
 * Beyond types: the promised time limit is within the legal one; a fee has its
 * standard; a material that is not always needed says when it is; "0 visits"
 * has an online link; every change says when it was published and from when it
 * applies, and the guide's own date is not older than its last change.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lazy.js';
import { addMessages } from '../i18n.js';
import { serviceGuideZh } from '../messages/service-guide.js';
import { header, headerDescriptions, isoDate, safeUrl, text, type FieldDescriptions } from './common.js';

addMessages('zh-CN', serviceGuideZh);

/** 事项类型, as provincial service portals classify items. */
export const SERVICE_TYPES = [
  '行政许可',
  '行政确认',
  '行政给付',
  '行政裁决',
  '行政奖励',
  '行政征收',
  '其他行政权力',
  '公共服务',
] as const;
/** 服务对象. */
export const APPLICANT_KINDS = ['自然人', '法人', '其他组织'] as const;
export const MATERIAL_FORMS = ['原件', '复印件', '原件和复印件'] as const;
export const MATERIAL_MEDIA = ['纸质', '电子', '纸质或电子'] as const;
export const MATERIAL_SOURCES = ['申请人自备', '政府部门核发', '中介机构出具', '其他'] as const;

const days = () => z.int().check(z.gte(0));

export const materialSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    name: text(),
    form: z.enum(MATERIAL_FORMS),
    copies: z.int().check(z.gte(1)),
    medium: z.optional(z.enum(MATERIAL_MEDIA)),
    source: z.enum(MATERIAL_SOURCES),
    sourceNote: z.optional(text()),
    required: z.boolean(),
    when: z.optional(text()),
    blank: z.optional(safeUrl()),
    sample: z.optional(safeUrl()),
    note: z.optional(text()),
  }),
);
export type ServiceMaterial = z.infer<typeof materialSchema>;

export const serviceItemSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    name: text(),
    code: text(),
    type: z.enum(SERVICE_TYPES),
    office: text(),
    applicants: z.array(z.enum(APPLICANT_KINDS)).check(z.minLength(1)),
    basis: z.array(z.strictObject({ title: text(), article: z.optional(text()) })).check(z.minLength(1)),
    conditions: z.array(text()).check(z.minLength(1)),
    materials: z.array(materialSchema).check(z.minLength(1)),
    steps: z
      .array(
        z.strictObject({ name: text(), who: z.optional(text()), days: z.optional(days()), detail: z.optional(text()) }),
      )
      .check(z.minLength(1)),
    legalDays: days(),
    promisedDays: days(),
    fee: z.strictObject({ charged: z.boolean(), standard: z.optional(text()), basis: z.optional(text()) }),
    places: z
      .array(
        z.strictObject({
          name: text(),
          address: text(),
          window: z.optional(text()),
          hours: text(),
          phone: z.optional(text()),
        }),
      )
      .check(z.minLength(1)),
    visits: z.int().check(z.gte(0)),
    online: z.optional(safeUrl()),
    contact: z.strictObject({ phone: text(), complaint: text() }),
    result: z.strictObject({ name: text(), sample: z.optional(safeUrl()) }),
    updated: isoDate(),
    changes: z.optional(z.array(z.strictObject({ summary: text(), published: isoDate(), effective: isoDate() }))),
  }),
);
export type ServiceItem = z.infer<typeof serviceItemSchema>;

export const serviceGuideFields = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...header('service-guide'),
    title: text(),
    office: text(),
    description: z.optional(z.string()),
    services: z.array(serviceItemSchema).check(z.minLength(1)),
  }),
);

export type GkServiceGuide = z.infer<typeof serviceGuideFields>;

type Issue = { path: Array<string | number>; message: string; params: Record<string, string | number> };

/** The checks types cannot say (see the header). */
export function serviceGuideIssues(doc: GkServiceGuide): Issue[] {
  const issues: Issue[] = [];
  const codes = new Set<string>();
  doc.services.forEach((item, i) => {
    const at = (...path: Array<string | number>) => ['services', i, ...path];
    if (codes.has(item.code))
      issues.push({ path: at('code'), message: 'guide.duplicateCode', params: { code: item.code } });
    codes.add(item.code);
    if (item.promisedDays > item.legalDays) {
      issues.push({
        path: at('promisedDays'),
        message: 'guide.promiseLonger',
        params: { promised: item.promisedDays, legal: item.legalDays },
      });
    }
    if (item.fee.charged && !item.fee.standard)
      issues.push({ path: at('fee', 'standard'), message: 'guide.feeStandard', params: {} });
    item.materials.forEach((material, j) => {
      if (!material.required && !material.when)
        issues.push({
          path: at('materials', j, 'when'),
          message: 'guide.materialWhen',
          params: { name: material.name },
        });
    });
    if (item.visits === 0 && !item.online)
      issues.push({ path: at('online'), message: 'guide.noVisitsOnline', params: {} });
    let latest = '';
    (item.changes ?? []).forEach((change) => {
      if (change.published > latest) latest = change.published;
    });
    if (latest && item.updated < latest)
      issues.push({
        path: at('updated'),
        message: 'guide.updatedBeforeChange',
        params: { updated: item.updated, latest },
      });
  });
  return issues;
}

export const serviceGuideSchema = /* @__PURE__ */ lazySchema(() =>
  serviceGuideFields.check(
    z.superRefine((doc, ctx) => {
      for (const issue of serviceGuideIssues(doc as GkServiceGuide))
        ctx.issues.push({ code: 'custom', input: undefined, ...issue });
    }),
  ),
);

/** What each field means, for editors' IDEs. */
export function serviceGuideDescriptions(): FieldDescriptions {
  const s = 'services[]';
  return {
    '': [
      '办事指南：一个部门的服务事项，一项时显示为指南，多项时为可搜索的清单',
      'Service guides: one item shows as its guide, several as a searchable listing',
    ],
    ...headerDescriptions('service-guide'),
    title: ['标题，如“平罗县卫生健康局办事指南”', 'Title'],
    office: ['发布部门', 'The office publishing the guides'],
    description: ['说明（Markdown）', 'Description (Markdown)'],
    services: ['服务事项', 'Service items'],
    [s]: ['一个服务事项的办事指南', 'One service item'],
    [`${s}.name`]: ['事项名称', 'Item name'],
    [`${s}.code`]: ['事项编码（省级政务服务平台赋予的编码）', 'Item code, as the province assigns it'],
    [`${s}.type`]: ['事项类型', 'Item type'],
    [`${s}.office`]: ['实施主体（办理部门）', 'The office that decides'],
    [`${s}.applicants`]: ['服务对象', 'Who may apply'],
    [`${s}.basis`]: ['设定依据', 'Legal basis'],
    [`${s}.basis[]`]: ['一项依据', 'One basis'],
    [`${s}.basis[].title`]: ['法律法规名称', 'Law or regulation'],
    [`${s}.basis[].article`]: ['条款，如“第十四条”', 'Article'],
    [`${s}.conditions`]: ['受理条件，每条一项', 'Conditions, one per entry'],
    [`${s}.materials`]: ['申请材料（材料目录化、标准化）', 'Required materials (standardised list)'],
    [`${s}.materials[]`]: ['一项材料', 'One material'],
    [`${s}.materials[].name`]: ['材料名称', 'Name'],
    [`${s}.materials[].form`]: ['原件、复印件，或原件和复印件', 'Original, copy, or both'],
    [`${s}.materials[].copies`]: ['份数', 'Number of copies'],
    [`${s}.materials[].medium`]: ['纸质或电子', 'Paper or electronic'],
    [`${s}.materials[].source`]: ['来源渠道', 'Where it comes from'],
    [`${s}.materials[].sourceNote`]: ['来源说明，如核发部门', 'Source note, e.g. the issuing office'],
    [`${s}.materials[].required`]: [
      '是否必需；false 时须用 when 说明何种情形需要',
      'Always required; if false, say when in `when`',
    ],
    [`${s}.materials[].when`]: [
      '何种情形需要（非必需材料必填）',
      'When it is needed (required for conditional materials)',
    ],
    [`${s}.materials[].blank`]: ['空白表格下载地址', 'Blank form (address)'],
    [`${s}.materials[].sample`]: ['填写样表地址', 'Filled sample (address)'],
    [`${s}.materials[].note`]: ['填报说明', 'Note'],
    [`${s}.steps`]: ['办理流程：申请 → 受理 → 审查 → 决定 → 送达', 'Steps: apply → accept → review → decide → deliver'],
    [`${s}.steps[]`]: ['一个环节', 'One step'],
    [`${s}.steps[].name`]: ['环节名称', 'Step'],
    [`${s}.steps[].who`]: ['办理人员或岗位', 'Who does it'],
    [`${s}.steps[].days`]: ['时限（工作日）', 'Time limit (working days)'],
    [`${s}.steps[].detail`]: ['说明', 'Detail'],
    [`${s}.legalDays`]: ['法定办结时限（工作日）', 'Legal time limit (working days)'],
    [`${s}.promisedDays`]: [
      '承诺办结时限（工作日），不得长于法定时限',
      'Promised time limit (working days), within the legal one',
    ],
    [`${s}.fee`]: ['收费', 'Fees'],
    [`${s}.fee.charged`]: ['是否收费', 'Charged'],
    [`${s}.fee.standard`]: ['收费标准（收费时必填）', 'Fee standard (required when charged)'],
    [`${s}.fee.basis`]: ['收费依据', 'Basis of the fee'],
    [`${s}.places`]: ['办理地点', 'Where to go'],
    [`${s}.places[]`]: ['一个办理地点', 'One place'],
    [`${s}.places[].name`]: ['地点名称，如“平罗县政务服务中心”', 'Place'],
    [`${s}.places[].address`]: ['地址', 'Address'],
    [`${s}.places[].window`]: ['窗口', 'Window'],
    [`${s}.places[].hours`]: ['办理时间', 'Opening hours'],
    [`${s}.places[].phone`]: ['窗口电话', 'Window phone'],
    [`${s}.visits`]: [
      '到现场次数（0 为全程网办，须填写在线办理地址）',
      'Visits in person (0 = fully online; needs the online link)',
    ],
    [`${s}.online`]: ['在线办理地址', 'Apply online (address)'],
    [`${s}.contact`]: ['咨询和投诉', 'Contact'],
    [`${s}.contact.phone`]: ['咨询电话', 'Enquiries'],
    [`${s}.contact.complaint`]: ['监督投诉电话', 'Complaints'],
    [`${s}.result`]: ['办理结果', 'Result'],
    [`${s}.result.name`]: ['结果名称（证照名称）', 'Result (licence or certificate)'],
    [`${s}.result.sample`]: ['结果样本地址', 'Sample of the result (address)'],
    [`${s}.updated`]: [
      '本指南更新日期，不得早于最近一次变更的公开日期',
      'Last updated; not before the latest change was published',
    ],
    [`${s}.changes`]: [
      '变更记录：条件变化时，一个工作日内公开变更内容和生效日期',
      'Change record: published within one working day of a change',
    ],
    [`${s}.changes[]`]: ['一次变更', 'One change'],
    [`${s}.changes[].summary`]: ['变更内容', 'What changed'],
    [`${s}.changes[].published`]: ['公开日期', 'Published on'],
    [`${s}.changes[].effective`]: ['生效日期', 'In effect from'],
  };
}
