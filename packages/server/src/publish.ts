/**
 * The public feeds the elements read straight from `src` (GET, JSON, CORS like the citizens' API):
 *
 *   GET /api/forms/:name/replies                 the board of published replies: a `catalogue` document for <gk-catalogue>
 *   GET /api/forms/:name/report                  a consultation with its adoption report, for <gk-consultation>
 *   GET /api/forms/:name/adoption                the adoption counts and the decided comments with reasons (plain JSON)
 *   GET /api/forms/:name/annual-report?year=Y    table 三 of the annual report for a disclosure form
 *
 * Everything a citizen wrote goes through core's deidentify before it is published
 * (ID and phone numbers, e-mail, addresses, cued names in the text), with the
 * sender's own name masked wherever it appears and the office's configured public
 * contacts left as they are. The documents are checked with core's schemas before
 * they are sent.
 */
import {
  catalogueSchema,
  type CatalogueColumn,
  type CatalogueItem,
  type GkCatalogue,
} from '../../core/src/schemas/catalogue.js';
import { consultationSchema, type GkConsultation } from '../../core/src/schemas/consultation.js';
import { formFieldList, type FormField } from '../../core/src/schemas/form.js';
import { REQUEST_OUTCOMES, REQUEST_OUTCOME_CASES } from '../../core/src/schemas/disclosure-request.js';
import { APPLICANT_COLUMNS, type ApplicantCounts, type GkAnnualReport } from '../../core/src/schemas/annual-report.js';
import { deidentify } from '../../core/src/deidentify.js';
import { issueMessage, validate } from '../../core/src/validate.js';
import { HttpError } from './errors.js';
import type { ServedForm } from './forms.js';
import type { StaffStorage, SubmissionRecord } from './storage/staff-types.js';
import { ADOPTION_LABELS, OUTCOME_DETAILS } from './workflow.js';

const BOARD_LIMIT = 500;

/** Backslash-escapes Markdown, so a citizen's text is shown as written (no links, images or headings of theirs). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!<>|~])/g, '\\$1');
}

/** Free text de-identified by core's deidentify, the sender's own name masked wherever it appears, the office's public contacts kept. */
export function publicText(text: string, record: SubmissionRecord, publicContacts: readonly string[] = []): string {
  const name = typeof record.data.name === 'string' ? record.data.name.trim() : '';
  return deidentify(text, 'text', { names: name ? [name] : [], publicContacts });
}

function fieldsOf(form: ServedForm): FormField[] {
  return formFieldList(form.form);
}

function optionLabel(field: FormField, value: unknown): string | undefined {
  const values = Array.isArray(value) ? value : [value];
  const labels = values
    .map((v) => field.options?.find((option) => option.value === v)?.label ?? (typeof v === 'string' ? v : undefined))
    .filter((v): v is string => !!v);
  return labels.length ? labels.join('、') : undefined;
}

/** The message a citizen wrote: the textarea fields, de-identified. */
function messageOf(form: ServedForm, record: SubmissionRecord, publicContacts: readonly string[]): string {
  return fieldsOf(form)
    .filter((field) => field.type === 'textarea' && !field.sensitive && typeof record.data[field.name] === 'string')
    .map((field) => publicText(String(record.data[field.name]), record, publicContacts))
    .join('\n\n');
}

function titleOf(form: ServedForm, record: SubmissionRecord, publicContacts: readonly string[]): string {
  for (const name of ['subject', 'title']) {
    const value = record.data[name];
    if (typeof value === 'string' && value.trim()) return publicText(value.trim(), record, publicContacts);
  }
  const message = messageOf(form, record, publicContacts).replace(/\s+/g, ' ');
  return message
    ? [...message].length > 30
      ? `${[...message].slice(0, 30).join('')}…`
      : message
    : `${form.title}（${record.trackingCode}）`;
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}|\r?\n/)
    .map((line) => escapeMarkdown(line.trim()))
    .filter(Boolean)
    .join('\n\n');
}

/** A feed the server builds, checked against core's schema before it is served: a bug of ours fails here, loudly. */
export function checked<T>(schema: Parameters<typeof validate>[0], doc: T, what: string): T {
  const result = validate(schema, doc);
  if (!result.ok)
    throw new Error(
      `${what} does not fit core's schema: ${result.issues.map((i) => `${i.pathText} ${issueMessage(i, 'en')}`).join('; ')}`,
    );
  return doc;
}

/** (a) The board of published replies (网民留言的答复公开) as a `catalogue` record listing. */
export async function repliesBoard(
  form: ServedForm,
  staff: StaffStorage,
  today: string,
  owner: string | undefined,
  publicContacts: readonly string[] = [],
): Promise<GkCatalogue> {
  const records = await staff.publishedReplies(form.name, BOARD_LIMIT);
  const columns: CatalogueColumn[] = [
    { key: 'code', label: '查询码', type: 'text' },
    { key: 'sender', label: '来信人', type: 'text', deidentify: 'name' },
    { key: 'received', label: '来信日期', type: 'date' },
    { key: 'office', label: '答复单位', type: 'text', facet: true },
  ];
  // The form's choices (留言类别 …) as facets, under keys a catalogue column may have.
  const choices: Array<{ field: FormField; column: CatalogueColumn }> = [];
  for (const field of fieldsOf(form)) {
    // `reply` (希望的答复方式) is how the sender wants to be answered: about them, not the message.
    if (
      (field.type !== 'select' && field.type !== 'radio') ||
      field.sensitive ||
      !field.options?.length ||
      field.name === 'reply'
    )
      continue;
    const key = `f_${field.name.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 31);
    const values = [...new Set(field.options.map((o) => o.label))];
    if (columns.some((c) => c.key === key)) continue;
    const column: CatalogueColumn = { key, label: field.label, type: 'enum', values, facet: true };
    columns.push(column);
    choices.push({ field, column });
  }
  const items = records.map((record): CatalogueItem => {
    const message = messageOf(form, record, publicContacts);
    const reply = publicText(record.reply ?? '', record, publicContacts);
    const item: CatalogueItem = {
      id: record.trackingCode,
      title: titleOf(form, record, publicContacts),
      date: record.repliedOn ?? record.receivedOn,
      body: `**来信内容**\n\n${paragraphs(message) || '（无）'}\n\n**答复**\n\n${paragraphs(reply)}`,
      code: record.trackingCode,
      received: record.receivedOn,
      office: record.office ?? owner ?? form.title,
    };
    if (typeof record.data.name === 'string' && record.data.name.trim())
      item.sender = deidentify(record.data.name, 'name');
    for (const { field, column } of choices) {
      const label = optionLabel(field, record.data[field.name]);
      if (label && column.values!.includes(label)) item[column.key] = label;
    }
    return item;
  });
  const doc: GkCatalogue = {
    kind: 'catalogue',
    version: 1,
    title: `${form.title}：答复公开`,
    owner: owner ?? form.title,
    type: '记录',
    updated: today,
    description:
      '经工作人员审核同意公开的来信及答复。来信人和文中提到的人的姓名、身份证号、电话号码、邮箱和住址已去标识化，联系方式不公开。',
    columns,
    items,
    // The element masks the text again as it reads it: the office's own contacts stay there too.
    ...(publicContacts.length ? { publicContacts: [...publicContacts] } : {}),
  };
  return checked(catalogueSchema, doc, 'the replies board');
}

interface DecidedComment {
  opinion: string;
  adoption: string;
  adoptionLabel: string;
  reason: string | null;
  receivedOn: string;
}

/** (b) The counts by 采纳情况 and the decided comments with reasons, de-identified. */
export async function adoption(
  form: ServedForm,
  staff: StaffStorage,
  today: string,
  publicContacts: readonly string[] = [],
) {
  if (form.kind !== 'consultation') throw new HttpError(404, 'not_found');
  const records = await staff.formSubmissions(form.name);
  const counts = { adopted: 0, partly: 0, not: 0 };
  const comments: DecidedComment[] = [];
  let pending = 0;
  for (const record of records) {
    if (!record.adoption) {
      pending++;
      continue;
    }
    counts[record.adoption]++;
    comments.push({
      opinion: messageOf(form, record, publicContacts) || '（无）',
      adoption: record.adoption,
      adoptionLabel: ADOPTION_LABELS[record.adoption],
      reason: record.adoptionReason ? publicText(record.adoptionReason, record, publicContacts) : null,
      receivedOn: record.receivedOn,
    });
  }
  return {
    form: form.name,
    title: form.title,
    ...(form.opens ? { opens: form.opens } : {}),
    ...(form.closes ? { closes: form.closes } : {}),
    generated: today,
    received: records.length,
    adopted: counts.adopted,
    partlyAdopted: counts.partly,
    notAdopted: counts.not,
    pending,
    comments,
  };
}

/**
 * The consultation document with its `report` from the database, the shape <gk-consultation> reads.
 * Until the period has closed there is no report (the document is the open consultation).
 * `received` counts the comments decided so far, so the counts add up; those still
 * being studied are said in the summary.
 */
export async function consultationReport(
  form: ServedForm,
  staff: StaffStorage,
  today: string,
  publicContacts: readonly string[] = [],
): Promise<GkConsultation> {
  if (form.kind !== 'consultation') throw new HttpError(404, 'not_found');
  const doc = structuredClone(form.document) as GkConsultation;
  delete doc.report;
  if (today < doc.closes) return checked(consultationSchema, doc, 'the consultation');
  const a = await adoption(form, staff, today, publicContacts);
  const decided = a.adopted + a.partlyAdopted + a.notAdopted;
  const lines = [
    `网上征求意见期间（${doc.opens} 至 ${doc.closes}）共收到意见 ${a.received} 条，其中采纳 ${a.adopted} 条、部分采纳 ${a.partlyAdopted} 条、未采纳 ${a.notAdopted} 条${a.pending ? `，另有 ${a.pending} 条正在研究` : ''}。`,
  ];
  const taken = a.comments.filter((c) => c.adoption !== 'not');
  if (taken.length) {
    lines.push('', '**采纳和部分采纳的意见**', '');
    for (const c of taken)
      lines.push(
        `- ${c.adoptionLabel}：${escapeMarkdown(c.opinion.replace(/\s+/g, ' '))}${c.reason ? `（${escapeMarkdown(c.reason.replace(/\s+/g, ' '))}）` : ''}`,
      );
  }
  doc.report = {
    published: today,
    received: decided,
    adopted: a.adopted,
    partlyAdopted: a.partlyAdopted,
    notAdopted: a.notAdopted,
    summary: lines.join('\n'),
  };
  const reasons = a.comments
    .filter((c) => c.adoption === 'not')
    .map((c) => ({ opinion: c.opinion.replace(/\s+/g, ' '), reason: c.reason ?? '未说明' }));
  if (reasons.length) doc.report.notAdoptedReasons = reasons;
  return checked(consultationSchema, doc, 'the adoption report');
}

/** The template's applicant columns: 自然人, the five kinds of 法人或其他组织, 总计. */
export const TABLE3_COLUMNS = [
  { key: 'person', label: '自然人' },
  { key: 'business', label: '商业企业', group: '法人或其他组织' },
  { key: 'research', label: '科研机构', group: '法人或其他组织' },
  { key: 'nonprofit', label: '社会公益组织', group: '法人或其他组织' },
  { key: 'legal', label: '法律服务机构', group: '法人或其他组织' },
  { key: 'otherOrganisation', label: '其他', group: '法人或其他组织' },
  { key: 'total', label: '总计' },
] as const;

type Applicant = (typeof TABLE3_COLUMNS)[number]['key'];

/** A form's `organisationType` answer (its value or its label) → the template's column; anything else is 其他. */
const ORGANISATION_TYPES: Record<string, Applicant> = {
  business: 'business',
  商业企业: 'business',
  research: 'research',
  科研机构: 'research',
  nonprofit: 'nonprofit',
  社会公益组织: 'nonprofit',
  legal: 'legal',
  法律服务机构: 'legal',
};

function applicantColumn(data: Record<string, unknown>): Applicant {
  if (data.applicantType !== 'organisation') return 'person';
  const type = data.organisationType;
  return (
    (typeof type === 'string' && Object.hasOwn(ORGANISATION_TYPES, type) && ORGANISATION_TYPES[type]) ||
    'otherOrganisation'
  );
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七'];

type Table3Row = {
  key: string;
  label: string;
  outcome?: string;
  detail?: string;
  /** The five organisation columns together (法人或其他组织). */
  organisation: number;
} & Record<Applicant, number>;

/** (c) Table 三 (收到和处理政府信息公开申请情况) of the annual report for `year`. */
export async function annualTable3(form: ServedForm, staff: StaffStorage, year: number, today: string) {
  if (form.kind !== 'disclosure-request') throw new HttpError(404, 'not_found');
  const since = `${year}-01-01`;
  const until = `${year}-12-31`;
  const records = await staff.openDuring(form.name, since, until);
  const row = (key: string, label: string, extra: { outcome?: string; detail?: string } = {}): Table3Row => ({
    key,
    label,
    ...extra,
    ...(Object.fromEntries(TABLE3_COLUMNS.map((column) => [column.key, 0])) as Record<Applicant, number>),
    organisation: 0,
  });
  const received = row('received', '一、本年新收政府信息公开申请数量');
  const carriedOver = row('carriedOver', '二、上年结转政府信息公开申请数量');
  const outcomeRows: Table3Row[] = [];
  const byKey = new Map<string, Table3Row>();
  REQUEST_OUTCOMES.forEach((outcome, i) => {
    const head = row(`outcome:${outcome}`, `（${CHINESE_ORDINALS[i]}）${outcome}`, { outcome });
    outcomeRows.push(head);
    byKey.set(head.key, head);
    OUTCOME_DETAILS[outcome].forEach((detail, j) => {
      const sub = row(`outcome:${outcome}:${detail}`, `${j + 1}.${detail}`, { outcome, detail });
      outcomeRows.push(sub);
      byKey.set(sub.key, sub);
    });
  });
  const outcomeTotal = row('outcomeTotal', `（${CHINESE_ORDINALS[REQUEST_OUTCOMES.length]}）总计`);
  const carriedForward = row('carriedForward', '四、结转下年度继续办理');
  const add = (target: Table3Row | undefined, who: Applicant) => {
    if (!target) return;
    target[who]++;
    if (who !== 'person') target.organisation++;
    target.total++;
  };
  for (const record of records) {
    const who = applicantColumn(record.data);
    add(record.receivedOn >= since ? received : carriedOver, who);
    if (record.step === 'replied' && record.repliedOn && record.repliedOn <= until) {
      // An outcome the template lacks, or none, is 其他处理; a 其他处理 without its case is its case 其他.
      const outcome = record.outcome && byKey.has(`outcome:${record.outcome}`) ? record.outcome : '其他处理';
      add(byKey.get(`outcome:${outcome}`), who);
      add(
        (record.outcomeDetail && byKey.get(`outcome:${outcome}:${record.outcomeDetail}`)) ||
          (outcome === '其他处理' ? byKey.get('outcome:其他处理:其他') : undefined),
        who,
      );
      add(outcomeTotal, who);
    } else add(carriedForward, who);
  }
  return {
    form: form.name,
    title: form.title,
    year,
    generated: today,
    table: '三、收到和处理政府信息公开申请情况',
    columns: TABLE3_COLUMNS,
    rows: [received, carriedOver, ...outcomeRows, outcomeTotal, carriedForward],
    applications: applicationsPart(received, carriedOver, byKey, carriedForward),
  };
}

/**
 * The same counts as the `applications` part of core's annual-report document,
 * so a report's editor (or a CMS) can drop them into `<gk-annual-report>`'s JSON.
 * Categories with cases are given by case, from the case staff chose when replying.
 */
function applicationsPart(
  received: Table3Row,
  carriedOver: Table3Row,
  byKey: Map<string, Table3Row>,
  carriedForward: Table3Row,
): GkAnnualReport['applications'] {
  const counts = (row: Table3Row | undefined): ApplicantCounts =>
    Object.fromEntries(APPLICANT_COLUMNS.map((column) => [column, row?.[column] ?? 0])) as ApplicantCounts;
  const outcomes = Object.fromEntries(
    REQUEST_OUTCOMES.map((outcome) => {
      const cases = REQUEST_OUTCOME_CASES[outcome] as readonly string[];
      return [
        outcome,
        cases.length
          ? Object.fromEntries(cases.map((c) => [c, counts(byKey.get(`outcome:${outcome}:${c}`))]))
          : counts(byKey.get(`outcome:${outcome}`)),
      ];
    }),
  ) as GkAnnualReport['applications']['outcomes'];
  return {
    received: counts(received),
    carriedOver: counts(carriedOver),
    outcomes,
    carriedForward: counts(carriedForward),
  };
}
