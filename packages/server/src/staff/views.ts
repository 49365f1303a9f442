/**
 * What the staff page shows, built from stored records: pure functions (no I/O, no
 * clock, no globals), each unit-tested in test/staff-views.test.mjs. The filters of
 * the list, a submission's summary and labelled fields, the <gk-form> documents of the
 * actions open to it, and the list as a `catalogue` document for <gk-catalogue>.
 */
import { catalogueSchema, type CatalogueItem, type GkCatalogue } from '../../../core/src/schemas/catalogue.js';
import { formFieldList, type GkForm } from '../../../core/src/schemas/form.js';
import { REQUEST_OUTCOMES } from '../../../core/src/schemas/disclosure-request.js';
import { HttpError, type IssueOut } from '../errors.js';
import type { ServedForm } from '../forms.js';
import { checked } from '../publish.js';
import type { StaffUser, SubmissionQuery, SubmissionRecord } from '../storage/staff-types.js';
import {
  ACTION_LABELS,
  ADOPTION_LABELS,
  allowedActions,
  OUTCOME_DETAILS,
  STEP_LABELS,
  type ActionName,
} from '../workflow.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A page size and page from a query string: 422 with every problem at once. */
export function pageOf(
  p: URLSearchParams,
  maxPageSize: number,
  defaultPageSize: number,
  issues: IssueOut[] = [],
): { page: number; pageSize: number } {
  const page = Number(p.get('page') ?? 1);
  const size = Number(p.get('pageSize') ?? defaultPageSize);
  if (!Number.isInteger(page) || page < 1)
    issues.push({ path: 'page', message: 'page 应为正整数', messageEn: 'page must be a positive integer' });
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize)
    issues.push({
      path: 'pageSize',
      message: `pageSize 应为 1–${maxPageSize}`,
      messageEn: `pageSize must be 1 to ${maxPageSize}`,
    });
  if (issues.length) throw new HttpError(422, 'invalid_request', { count: issues.length }, {}, issues);
  return { page, pageSize: size };
}

/** The list's filters (form, kind, step, q, from, to, page, pageSize); 422 naming each bad one. */
export function submissionQuery(p: URLSearchParams, maxPageSize: number, defaultPageSize: number): SubmissionQuery {
  const issues: IssueOut[] = [];
  const q: SubmissionQuery = { page: 1, pageSize: defaultPageSize };
  const form = p.get('form');
  if (form) q.form = form;
  const kind = p.get('kind');
  if (kind) q.kind = kind;
  const step = p.get('step');
  if (step) {
    if (!(step in STEP_LABELS))
      issues.push({
        path: 'step',
        message: `step 应为 ${Object.keys(STEP_LABELS).join('、')}`,
        messageEn: `step must be one of ${Object.keys(STEP_LABELS).join(', ')}`,
      });
    q.step = step;
  }
  const text = p.get('q')?.trim();
  if (text) q.text = text.slice(0, 100);
  for (const key of ['from', 'to'] as const) {
    const value = p.get(key);
    if (!value) continue;
    if (!DATE.test(value))
      issues.push({ path: key, message: '日期应为 YYYY-MM-DD', messageEn: 'a date must be YYYY-MM-DD' });
    q[key] = value;
  }
  return { ...q, ...pageOf(p, maxPageSize, defaultPageSize, issues) };
}

/** What forwarded submissions an account sees: undefined (everything) for an admin, else its own office. */
export function submissionScope(user: StaffUser): string | undefined {
  return user.role === 'admin' ? undefined : user.office;
}

export function canSeeSubmission(user: StaffUser, record: SubmissionRecord): boolean {
  const office = submissionScope(user);
  return office === undefined || record.office === office;
}

export type FormTitles = (name: string) => string;

/** A form's title by its name, or the name. */
export function formTitles(forms: ReadonlyMap<string, ServedForm>): FormTitles {
  return (name) => forms.get(name)?.title ?? name;
}

/** One line of the list: the step in words, the sender and a subject of at most 60 characters. */
export function submissionSummary(record: SubmissionRecord, formTitle: FormTitles) {
  const subject = ['subject', 'title']
    .map((k) => record.data[k])
    .find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const text =
    subject ?? Object.values(record.data).find((v): v is string => typeof v === 'string' && [...v].length >= 10) ?? '';
  return {
    id: record.id,
    trackingCode: record.trackingCode,
    form: record.form,
    formTitle: formTitle(record.form),
    kind: record.kind,
    step: record.step,
    stepLabel: STEP_LABELS[record.step],
    receivedOn: record.receivedOn,
    deadline: record.deadline,
    repliedOn: record.repliedOn,
    office: record.office,
    outcome: record.outcome,
    outcomeDetail: record.outcomeDetail,
    adoption: record.adoption,
    adoptionLabel: record.adoption ? ADOPTION_LABELS[record.adoption] : null,
    publish: record.publish,
    extended: record.extended,
    sender:
      typeof record.data.name === 'string'
        ? record.data.name
        : typeof record.data.organisation === 'string'
          ? record.data.organisation
          : null,
    subject: [...text].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text,
  };
}

/** The citizen's values, labelled as the form labels them (choices by their labels); values of fields it no longer has by name. */
export function labelledFields(record: SubmissionRecord, served: ServedForm | undefined) {
  const fields = served ? formFieldList(served.form) : [];
  const shown = fields
    .filter((field) => record.data[field.name] !== undefined)
    .map((field) => {
      const value = record.data[field.name];
      const values = Array.isArray(value) ? value : [value];
      const text = values
        .map((v) =>
          typeof v === 'boolean' ? (v ? '是' : '否') : (field.options?.find((o) => o.value === v)?.label ?? String(v)),
        )
        .join('、');
      return { name: field.name, label: field.label, value: text };
    });
  // Values of fields the form no longer has are shown too, by name.
  for (const [name, value] of Object.entries(record.data))
    if (!fields.some((f) => f.name === name))
      shown.push({ name, label: name, value: typeof value === 'string' ? value : JSON.stringify(value) });
  return shown;
}

/** One step of the staff's work as a <gk-form> that posts to `action`; every such step is logged under the account. */
export function staffStepForm(title: string, action: string, fields: GkForm['sections'][number]['fields']): GkForm {
  return {
    kind: 'form',
    version: 1,
    title,
    action,
    privacy: '此操作将以您的账号记入操作日志（谁、何时、做了什么）。',
    sections: [{ fields }],
  };
}

/** The <gk-form> documents of the actions open to this submission; each POSTs to the staff API. */
export function actionForms(record: SubmissionRecord): Partial<Record<ActionName, GkForm>> {
  const out: Partial<Record<ActionName, GkForm>> = {};
  type Field = GkForm['sections'][number]['fields'][number];
  const note: Field = { name: 'note', label: '备注（内部）', type: 'textarea', maxLength: 2000 };
  const yesNo = (name: string, label: string, yes: string, no: string): Field => ({
    name,
    label,
    type: 'radio',
    required: true,
    options: [
      { value: 'yes', label: yes },
      { value: 'no', label: no },
    ],
  });
  for (const action of allowedActions(record)) {
    let fields: GkForm['sections'][number]['fields'];
    switch (action) {
      case 'forward':
        fields = [{ name: 'office', label: '转办至（科室或单位）', type: 'text', required: true, maxLength: 64 }, note];
        break;
      case 'extend':
        fields = [
          {
            name: 'reason',
            label: '延期理由（经机构负责人同意，最长 20 个工作日）',
            type: 'textarea',
            required: true,
            maxLength: 500,
          },
        ];
        break;
      case 'reply':
        fields =
          record.kind === 'disclosure-request'
            ? [
                {
                  name: 'outcome',
                  label: '答复结果（年度报告分类）',
                  type: 'select',
                  required: true,
                  options: REQUEST_OUTCOMES.map((o) => ({ value: o, label: o })),
                },
                {
                  name: 'outcomeDetail',
                  label: '具体情形（不予公开、无法提供、不予处理、其他处理时必选）',
                  type: 'select',
                  options: Object.entries(OUTCOME_DETAILS).flatMap(([o, details]) =>
                    details.map((d) => ({ value: d, label: `${o}：${d}` })),
                  ),
                },
                {
                  name: 'reason',
                  label: '理由（在办理进度查询中公开，请勿写入个人信息）',
                  type: 'textarea',
                  maxLength: 2000,
                },
                { name: 'reply', label: '答复内容', type: 'textarea', required: true, maxLength: 20000 },
                note,
              ]
            : [
                { name: 'reply', label: '答复内容', type: 'textarea', required: true, maxLength: 20000 },
                yesNo('publish', '是否在答复公开栏公开（去标识化后）', '公开', '不公开'),
                note,
              ];
        break;
      case 'adoption':
        fields = [
          {
            name: 'adoption',
            label: '采纳情况',
            type: 'radio',
            required: true,
            options: Object.entries(ADOPTION_LABELS).map(([value, label]) => ({ value, label })),
          },
          {
            name: 'reason',
            label: '理由（部分采纳、未采纳时必填；去标识化后公开）',
            type: 'textarea',
            maxLength: 2000,
          },
          note,
        ];
        break;
      case 'publish':
        fields = [yesNo('publish', '答复公开栏', '公开', '不公开'), note];
        break;
      default:
        fields = [note];
    }
    out[action] = staffStepForm(
      `${ACTION_LABELS[action]}（${record.trackingCode}）`,
      `/staff/api/submissions/${record.id}/${action}`,
      fields,
    );
  }
  return out;
}

/** The list as a `catalogue` document (checked with core's schema) for <gk-catalogue>, each item linking to #s=ID. */
export function submissionCatalogue(
  records: SubmissionRecord[],
  total: number,
  { owner, today, formTitle }: { owner: string; today: string; formTitle: FormTitles },
): GkCatalogue {
  const items = records.map((record): CatalogueItem => {
    const s = submissionSummary(record, formTitle);
    const item: CatalogueItem = {
      id: record.trackingCode,
      title: s.subject || `${s.formTitle}（${record.trackingCode}）`,
      date: record.receivedOn,
      url: `#s=${record.id}`,
      formTitle: s.formTitle,
      step: s.stepLabel,
      deadline: record.deadline,
    };
    if (s.sender) item.sender = s.sender;
    if (record.office) item.office = record.office;
    if (record.adoption) item.adoption = ADOPTION_LABELS[record.adoption];
    return item;
  });
  const doc: GkCatalogue = {
    kind: 'catalogue',
    version: 1,
    title: '来件列表',
    owner,
    type: '记录',
    updated: today,
    description: `共 ${total} 件${total > records.length ? `，显示最新的 ${records.length} 件，请用筛选条件缩小范围` : ''}。`,
    columns: [
      { key: 'formTitle', label: '栏目', type: 'text', facet: true },
      { key: 'step', label: '办理状态', type: 'enum', values: Object.values(STEP_LABELS), facet: true },
      { key: 'sender', label: '来件人', type: 'text' },
      { key: 'deadline', label: '答复期限', type: 'date' },
      { key: 'office', label: '转办单位', type: 'text' },
      { key: 'adoption', label: '采纳情况', type: 'enum', values: Object.values(ADOPTION_LABELS), facet: true },
    ],
    items,
  };
  return checked(catalogueSchema, doc, 'the staff catalogue');
}
