/**
 * `"kind": "form"` — a form citizens fill in (领导信箱, 意见征集, 依申请公开), and
 * the one function that turns its field list into the zod schema a submission
 * must satisfy: the browser checks with it before sending, and a server checks
 * what it receives with the very same function (no second, hand-written check).
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lazy.js';
import { isIsoDate } from '../format.js';
import { addMessages } from '../i18n.js';
import { formZh } from '../messages/form.js';
import { isResidentId } from '../deidentify.js';
import { ownValue } from '../own.js';
import { header, headerDescriptions, safeUrl, text, type FieldDescriptions } from './common.js';

addMessages('zh-CN', formZh);

export const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'mobile',
  'idNumber',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'consent',
  'file',
  'address',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

const NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,40}$/;

export const formFieldSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    name: z.string().check(z.regex(NAME, { error: 'expect.fieldName' })),
    label: text(),
    type: z.string().check(z.minLength(1)),
    required: z.optional(z.boolean()),
    help: z.optional(z.string()),
    minLength: z.optional(z.int().check(z.nonnegative())),
    maxLength: z.optional(z.int().check(z.positive())),
    pattern: z.optional(z.string()),
    patternMessage: z.optional(text()),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    options: z.optional(z.array(z.strictObject({ value: text(), label: text() })).check(z.minLength(1))),
    sensitive: z.optional(z.boolean()),
    showWhen: z.optional(z.strictObject({ field: text(), equals: z.union([z.string(), z.array(z.string())]) })),
    accept: z.optional(z.array(text())),
    maxSize: z.optional(z.int().check(z.positive())),
  }),
);

const formSections = () =>
  z
    .array(z.strictObject({ title: z.optional(text()), fields: z.array(formFieldSchema).check(z.minLength(1)) }))
    .check(z.minLength(1));

export const formFields = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...header('form'),
    title: text(),
    description: z.optional(z.string()),
    action: safeUrl(),
    privacy: text(),
    draft: z.optional(z.boolean()),
    sections: formSections(),
  }),
);

/** A form inside another document (a consultation's comment form, a disclosure application): where it goes, its privacy notice, its fields. */
export const embeddedFormSchema = () =>
  z.strictObject({ action: safeUrl(), privacy: text(), sections: formSections() });

export type GkForm = z.infer<typeof formFields>;
export type FormField = GkForm['sections'][number]['fields'][number];

type Issue = { path: Array<string | number>; message: string; params: Record<string, string | number> };

/** Every field of a form, in order. */
export function formFieldList(form: GkForm): FormField[] {
  return form.sections.flatMap((section) => section.fields);
}

/** The form's own checks: field names once each, options where needed, showWhen naming a field before it. */
export function formConsistencyIssues(form: GkForm): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  form.sections.forEach((section, s) =>
    section.fields.forEach((field, f) => {
      const path = ['sections', s, 'fields', f];
      if (seen.has(field.name))
        issues.push({ path: [...path, 'name'], message: 'form.nameRepeat', params: { name: field.name } });
      if ((field.type === 'select' || field.type === 'radio') && !field.options)
        issues.push({ path: [...path, 'options'], message: 'form.needsOptions', params: {} });
      if (field.showWhen && !seen.has(field.showWhen.field))
        issues.push({
          path: [...path, 'showWhen', 'field'],
          message: 'form.showWhenUnknown',
          params: { field: field.showWhen.field },
        });
      if (field.pattern) {
        try {
          new RegExp(field.pattern);
        } catch {
          issues.push({ path: [...path, 'pattern'], message: 'form.badPattern', params: {} });
        }
      }
      seen.add(field.name);
    }),
  );
  return issues;
}

export const formSchema = /* @__PURE__ */ lazySchema(() =>
  formFields.check(
    z.superRefine((form, ctx) => {
      for (const issue of formConsistencyIssues(form as GkForm))
        ctx.issues.push({ code: 'custom', input: undefined, ...issue });
    }),
  ),
);

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether a field shows, given the values so far (showWhen). */
export function isFieldVisible(field: FormField, values: Record<string, unknown>): boolean {
  if (!field.showWhen) return true;
  const actual = ownValue(values, field.showWhen.field);
  const wanted = Array.isArray(field.showWhen.equals) ? field.showWhen.equals : [field.showWhen.equals];
  return Array.isArray(actual)
    ? actual.some((value) => wanted.includes(String(value)))
    : wanted.includes(String(actual ?? ''));
}

/** The problem with one value of one field, as a message key and parameters, or undefined when it is fine. */
export function fieldProblem(
  field: FormField,
  value: unknown,
): { key: string; params: Record<string, string | number> } | undefined {
  const empty =
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    value === false;
  if (empty) {
    if (!field.required) return undefined;
    const key =
      field.type === 'consent'
        ? 'form.consentRequired'
        : ['select', 'radio', 'checkbox'].includes(field.type)
          ? 'form.choose'
          : 'form.required';
    return { key, params: { label: field.label } };
  }
  const textValue = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'email':
      if (!EMAIL_PATTERN.test(textValue)) return { key: 'form.email', params: {} };
      break;
    case 'mobile':
      if (!MOBILE_PATTERN.test(textValue.replace(/[\s-]/g, ''))) return { key: 'form.mobile', params: {} };
      break;
    case 'idNumber':
      if (!isResidentId(textValue.trim())) return { key: 'form.idNumber', params: {} };
      break;
    case 'number': {
      const number = typeof value === 'number' ? value : Number(textValue);
      if (!Number.isFinite(number)) return { key: 'form.number', params: {} };
      if (field.min !== undefined && number < field.min) return { key: 'issue.numberMin', params: { min: field.min } };
      if (field.max !== undefined && number > field.max) return { key: 'issue.numberMax', params: { max: field.max } };
      return undefined;
    }
    case 'date':
      if (!isIsoDate(textValue)) return { key: 'form.date', params: {} };
      break;
    case 'select':
    case 'radio':
      if (!field.options?.some((option) => option.value === value)) return { key: 'form.option', params: {} };
      return undefined;
    case 'checkbox': {
      const values = Array.isArray(value) ? value : [value];
      if (!values.every((item) => field.options?.some((option) => option.value === item)))
        return { key: 'form.option', params: {} };
      return undefined;
    }
    case 'consent':
      return value === true ? undefined : { key: 'form.consentRequired', params: { label: field.label } };
    case 'file': {
      const files = (Array.isArray(value) ? value : [value]) as Array<{
        name?: unknown;
        size?: unknown;
        type?: unknown;
      }>;
      for (const file of files) {
        if (typeof file?.name !== 'string' || typeof file.size !== 'number') return { key: 'form.file', params: {} };
        if (field.maxSize !== undefined && file.size > field.maxSize)
          return { key: 'form.fileSize', params: { max: Math.round(field.maxSize / 1024 / 1024) } };
        const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
        if (field.accept && !field.accept.includes(extension))
          return { key: 'form.fileType', params: { types: field.accept.join('、') } };
      }
      return undefined;
    }
    default:
      break;
  }
  if (typeof value !== 'string') return { key: 'form.text', params: {} };
  const length = [...value.trim()].length;
  if (field.minLength !== undefined && length < field.minLength)
    return { key: 'issue.stringMin', params: { min: field.minLength } };
  if (field.maxLength !== undefined && length > field.maxLength)
    return { key: 'issue.stringMax', params: { max: field.maxLength, actual: length } };
  if (field.pattern && !new RegExp(field.pattern).test(value))
    return field.patternMessage
      ? { key: 'form.patternMessage', params: { message: field.patternMessage } }
      : { key: 'issue.format', params: {} };
  return undefined;
}

/**
 * The zod schema of a submission to `form`: one key per visible field (values
 * of hidden fields are not accepted), the website honeypot empty, an
 * idempotency key. The browser and the server call this same function.
 */
export function compileSubmissionSchema(form: GkForm) {
  const fields = formFieldList(form);
  const names = new Set(fields.map((field) => field.name));
  return z
    .looseObject({
      _idempotencyKey: z.string().check(z.minLength(8), z.maxLength(100)),
      _website: z.optional(z.string().check(z.maxLength(0))),
    })
    .check(
      z.superRefine((submission, ctx) => {
        const values = submission as Record<string, unknown>;
        for (const key of Object.keys(values)) {
          if (!key.startsWith('_') && !names.has(key))
            ctx.issues.push({
              code: 'custom',
              input: undefined,
              path: [key],
              message: 'issue.unknownKey',
              params: { key },
            });
        }
        for (const field of fields) {
          const visible = isFieldVisible(field, values);
          if (!visible) {
            if (ownValue(values, field.name) !== undefined)
              ctx.issues.push({
                code: 'custom',
                input: undefined,
                path: [field.name],
                message: 'form.hidden',
                params: { label: field.label },
              });
            continue;
          }
          const problem = fieldProblem(field, ownValue(values, field.name));
          if (problem)
            ctx.issues.push({
              code: 'custom',
              input: undefined,
              path: [field.name],
              message: problem.key,
              params: problem.params,
            });
        }
      }),
    );
}

/** What each field means, for editors' IDEs (attached by describe.ts for the JSON Schema). */
/** Descriptions of a form's sections and fields, under `prefix` ("" for a form, "form." inside another document). */
export function formPartsDescriptions(prefix: string): FieldDescriptions {
  const field = `${prefix}sections[].fields[]`;
  return {
    [`${prefix}sections`]: ['分组', 'Sections'],
    [`${prefix}sections[]`]: ['一个分组', 'One section'],
    [`${prefix}sections[].title`]: ['分组标题', 'Section title'],
    [`${prefix}sections[].fields`]: ['字段', 'Fields'],
    [field]: ['一个字段', 'One field'],
    [`${field}.name`]: ['字段名（英文字母开头），提交数据中的键', 'Field name (the key in the submission)'],
    [`${field}.label`]: ['字段标题', 'Label'],
    [`${field}.type`]: [
      '类型：text、textarea、email、mobile、idNumber、number、date、select、radio、checkbox、consent、file、address',
      'Field type',
    ],
    [`${field}.required`]: ['是否必填', 'Required'],
    [`${field}.help`]: ['填写说明', 'Help text'],
    [`${field}.minLength`]: ['最少字数', 'Minimum length'],
    [`${field}.maxLength`]: ['最多字数', 'Maximum length'],
    [`${field}.pattern`]: ['格式（正则表达式）', 'Pattern (regular expression)'],
    [`${field}.patternMessage`]: ['格式不符时的提示', 'Message when the pattern does not match'],
    [`${field}.min`]: ['最小值', 'Minimum'],
    [`${field}.max`]: ['最大值', 'Maximum'],
    [`${field}.options`]: ['选项', 'Options'],
    [`${field}.options[]`]: ['一个选项', 'One option'],
    [`${field}.options[].value`]: ['选项值', 'Value'],
    [`${field}.options[].label`]: ['选项文字', 'Label'],
    [`${field}.sensitive`]: ['敏感字段：不保存到草稿', 'Sensitive: never stored in a draft'],
    [`${field}.showWhen`]: ['显示条件：当另一个字段为某值时才显示', 'Show only when another field has a value'],
    [`${field}.showWhen.field`]: ['所依据的字段名（须在本字段之前）', 'The field it depends on (earlier in the form)'],
    [`${field}.showWhen.equals`]: ['该字段的值（一个或多个）', 'The value or values'],
    [`${field}.accept`]: ['允许的文件类型（扩展名）', 'Allowed file types (extensions)'],
    [`${field}.maxSize`]: ['文件大小上限（字节）', 'Maximum file size (bytes)'],
  };
}

/** What each field means, for editors' IDEs (attached by describe.ts for the JSON Schema). */
export function formDescriptions(): FieldDescriptions {
  return {
    '': ['表单：领导信箱、意见征集、依申请公开等', 'A form citizens fill in'],
    ...headerDescriptions('form'),
    title: ['表单标题', 'Title'],
    description: ['说明（Markdown）', 'Description (Markdown)'],
    action: ['提交地址（POST JSON）', 'Where the submission is POSTed as JSON'],
    privacy: ['隐私说明（Markdown），提交前须同意', 'Privacy notice (Markdown), to consent to before sending'],
    draft: [
      '是否在本机自动保存草稿（敏感字段不保存）',
      'Autosave a draft in this browser (sensitive fields never stored)',
    ],
    ...formPartsDescriptions(''),
  };
}
