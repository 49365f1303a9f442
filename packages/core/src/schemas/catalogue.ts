/**
 * `"kind": "catalogue"` — a disclosure catalogue (主动公开基本目录, 依申请公开目录,
 * 负面清单) or a listing of published records (行政许可和行政处罚, 建议提案办理结果,
 * 政府采购, 回应关切), shown by <gk-catalogue>.
 *
 * Columns are declared, typed and de-identified per column; items carry the
 * declared columns as their own fields. Checks beyond types: ids once each,
 * categories that exist, values of the declared type, and the four statutory
 * fields (责任科室, 公开时限, 审核程序, 发布平台) on every catalogue that is not a
 * record listing.
 */
import * as z from 'zod/mini';
import { lazySchema } from '../lazy.js';
import { isIsoDate, DOC_NUMBER_PATTERN } from '../format.js';
import { addMessages } from '../i18n.js';
import { catalogueZh } from '../messages/catalogue.js';
import { SAFE_URL_PATTERN } from '../url.js';
import { header, headerDescriptions, isoDate, safeUrl, text, type FieldDescriptions } from './common.js';

addMessages('zh-CN', catalogueZh);

export const CATALOGUE_TYPES = ['主动公开', '依申请公开', '负面清单', '记录'] as const;
export const COLUMN_TYPES = ['text', 'date', 'money', 'enum', 'link', 'docNumber'] as const;
export const DEIDENTIFY_KINDS = ['name', 'id', 'phone', 'address', 'text'] as const;
/** The four fields every catalogue item must have (not record listings). */
export const STATUTORY_COLUMNS = ['office', 'timeLimit', 'review', 'platform'] as const;

const KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,30}$/;
const RESERVED = new Set(['id', 'title', 'category', 'date', 'url', 'number', 'body']);

export interface CatalogueCategory {
  id: string;
  name: string;
  children?: CatalogueCategory[] | undefined;
}

let childrenSchema: z.ZodMiniOptional<z.ZodMiniArray<z.ZodMiniType<CatalogueCategory, CatalogueCategory>>> | undefined;
export const categorySchema: z.ZodMiniType<CatalogueCategory, CatalogueCategory> = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    id: text(),
    name: text(),
    get children() {
      return (childrenSchema ??= z.optional(z.array(categorySchema)));
    },
  }),
);

export const columnSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    key: z.string().check(z.regex(KEY, { error: 'expect.columnKey' })),
    label: text(),
    type: z.enum(COLUMN_TYPES),
    values: z.optional(z.array(text()).check(z.minLength(1))),
    deidentify: z.optional(z.enum(DEIDENTIFY_KINDS)),
    exempt: z.optional(text()),
    facet: z.optional(z.boolean()),
  }),
);

/** An item: fixed fields, plus one field per declared column (checked against the columns). */
export const catalogueItemSchema = /* @__PURE__ */ lazySchema(() =>
  z.catchall(
    z.object({
      id: text(),
      title: text(),
      category: z.optional(text()),
      date: z.optional(isoDate()),
      url: z.optional(safeUrl()),
      number: z.optional(text()),
      body: z.optional(z.string()),
    }),
    z.union([z.string(), z.number()]),
  ),
);

export const catalogueFields = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    ...header('catalogue'),
    title: text(),
    owner: text(),
    type: z.enum(CATALOGUE_TYPES),
    updated: z.optional(isoDate()),
    description: z.optional(z.string()),
    categories: z.optional(z.array(categorySchema)),
    columns: z.array(columnSchema),
    items: z.optional(z.array(catalogueItemSchema)),
    itemsUrl: z.optional(safeUrl()),
    publicContacts: z.optional(z.array(text())),
  }),
);

export type GkCatalogue = z.infer<typeof catalogueFields>;
export type CatalogueColumn = GkCatalogue['columns'][number];
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;

type Issue = { path: Array<string | number>; message: string; params: Record<string, string | number> };

/** Every category id in the tree. */
export function categoryIds(
  categories: readonly CatalogueCategory[] | undefined,
  into = new Set<string>(),
): Set<string> {
  for (const category of categories ?? []) {
    into.add(category.id);
    categoryIds(category.children, into);
  }
  return into;
}

/** The header's own checks: column keys once each and not reserved, enum columns with values, the statutory columns. */
export function catalogueHeaderIssues(doc: GkCatalogue): Issue[] {
  const issues: Issue[] = [];
  const keys = new Set<string>();
  doc.columns.forEach((column, i) => {
    if (keys.has(column.key))
      issues.push({ path: ['columns', i, 'key'], message: 'catalogue.keyRepeat', params: { key: column.key } });
    if (RESERVED.has(column.key))
      issues.push({ path: ['columns', i, 'key'], message: 'catalogue.keyReserved', params: { key: column.key } });
    keys.add(column.key);
    if (column.type === 'enum' && !column.values)
      issues.push({ path: ['columns', i, 'values'], message: 'catalogue.enumValues', params: {} });
  });
  if (doc.type !== '记录') {
    for (const key of STATUTORY_COLUMNS) {
      if (!keys.has(key))
        issues.push({
          path: ['columns'],
          message: 'catalogue.statutory',
          params: { key, label: `catalogue.statutory.${key}` },
        });
    }
  }
  const categories = new Set<string>();
  const walk = (list: readonly CatalogueCategory[] | undefined, path: Array<string | number>) =>
    list?.forEach((category, i) => {
      if (categories.has(category.id))
        issues.push({ path: [...path, i, 'id'], message: 'catalogue.categoryRepeat', params: { id: category.id } });
      categories.add(category.id);
      walk(category.children, [...path, i, 'children']);
    });
  walk(doc.categories, ['categories']);
  return issues;
}

/**
 * One item against the header: no undeclared fields, values of the declared
 * type, a category that exists, an id not seen before (`seen` collects them).
 */
export function catalogueItemIssues(
  item: CatalogueItem,
  path: Array<string | number>,
  columns: ReadonlyMap<string, CatalogueColumn>,
  categories: ReadonlySet<string>,
  seen: Map<string, string>,
): Issue[] {
  const issues: Issue[] = [];
  const where = path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`))
    .join('')
    .replace(/^\./, '');
  const first = seen.get(item.id);
  if (first !== undefined)
    issues.push({ path: [...path, 'id'], message: 'catalogue.idRepeat', params: { id: item.id, other: first } });
  else seen.set(item.id, where);
  if (item.category !== undefined && categories.size && !categories.has(item.category)) {
    issues.push({
      path: [...path, 'category'],
      message: 'catalogue.unknownCategory',
      params: { category: item.category },
    });
  }
  if (item.number !== undefined && !DOC_NUMBER_PATTERN.test(item.number)) {
    issues.push({ path: [...path, 'number'], message: 'expect.docNumber', params: {} });
  }
  for (const key of Object.keys(item)) {
    if (RESERVED.has(key)) continue;
    const column = columns.get(key);
    const value = item[key];
    if (!column) {
      issues.push({ path: [...path, key], message: 'catalogue.unknownColumn', params: { key } });
      continue;
    }
    const problem = columnValueProblem(column, value);
    if (problem)
      issues.push({ path: [...path, key], message: problem, params: { values: column.values?.join('、') ?? '' } });
  }
  return issues;
}

function columnValueProblem(column: CatalogueColumn, value: unknown): string | undefined {
  switch (column.type) {
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'catalogue.money';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? undefined : 'expect.date';
    case 'enum':
      return typeof value === 'string' && column.values?.includes(value) ? undefined : 'catalogue.enum';
    case 'link':
      return typeof value === 'string' && SAFE_URL_PATTERN.test(value) ? undefined : 'expect.url';
    case 'docNumber':
      return typeof value === 'string' && DOC_NUMBER_PATTERN.test(value) ? undefined : 'expect.docNumber';
    default:
      return typeof value === 'string' || typeof value === 'number' ? undefined : 'catalogue.text';
  }
}

/** The checks across a whole inline catalogue. */
export function catalogueConsistencyIssues(doc: GkCatalogue): Issue[] {
  const issues = catalogueHeaderIssues(doc);
  const columns = new Map(doc.columns.map((column) => [column.key, column]));
  const categories = categoryIds(doc.categories);
  const seen = new Map<string, string>();
  doc.items?.forEach((item, i) => issues.push(...catalogueItemIssues(item, ['items', i], columns, categories, seen)));
  return issues;
}

export const catalogueSchema = /* @__PURE__ */ lazySchema(() =>
  catalogueFields.check(
    z.superRefine((doc, ctx) => {
      for (const issue of catalogueConsistencyIssues(doc as GkCatalogue))
        ctx.issues.push({ code: 'custom', input: undefined, ...issue });
    }),
  ),
);

/** What each field means, for editors' IDEs (attached by describe.ts for the JSON Schema). */
export function catalogueDescriptions(): FieldDescriptions {
  return {
    '': ['信息公开目录或记录列表', 'A disclosure catalogue or a listing of published records'],
    ...headerDescriptions('catalogue'),
    title: ['目录标题', 'Title'],
    owner: ['编制单位', 'Owner (the office that keeps it)'],
    type: [
      '类型：主动公开、依申请公开、负面清单、记录（行政许可和处罚、建议提案办理结果等记录列表）',
      'Type: proactive, on application, negative list, or a record listing',
    ],
    updated: ['更新日期（YYYY-MM-DD）', 'Last updated (YYYY-MM-DD)'],
    description: ['说明（Markdown）', 'Description (Markdown)'],
    categories: ['分类树', 'Category tree'],
    'categories[]': ['一个分类', 'One category'],
    'categories[].id': ['分类标识，条目的 category 引用它', 'Category id, referred to by items'],
    'categories[].name': ['分类名称', 'Category name'],
    'categories[].children': ['下级分类', 'Sub-categories'],
    columns: [
      '栏目：除主动公开等目录必备的 office 责任科室、timeLimit 公开时限、review 审核程序、platform 发布平台外，可声明其他栏目',
      'Columns: the statutory office, timeLimit, review and platform, plus any others',
    ],
    'columns[]': ['一个栏目', 'One column'],
    'columns[].key': ['栏目标识（英文字母开头），条目用它作字段名', 'Column key (used as the field name in items)'],
    'columns[].label': ['栏目名称', 'Column label'],
    'columns[].type': [
      '类型：text 文字、date 日期、money 金额（元）、enum 选项、link 链接、docNumber 文号',
      'Type: text, date, money (yuan), enum, link, document number',
    ],
    'columns[].values': ['enum 栏目的可选值', 'The values of an enum column'],
    'columns[].deidentify': [
      '去标识化方式：name 姓名、id 身份证号、phone 电话、address 地址、text 文字中的个人信息（证件号、电话、邮箱、住址、有称呼的姓名）',
      'De-identification: name, id, phone, address, text (ID and phone numbers, e-mail, addresses and cued names in free text)',
    ],
    'columns[].exempt': [
      '依法不去标识化的理由（如行政处罚决定须公开当事人姓名），会在页面上注明',
      'Why the law requires this column to be shown as is (shown on the page)',
    ],
    'columns[].facet': ['是否作为筛选条件', 'Offer this column as a filter'],
    items: ['条目（大型目录请用 itemsUrl）', 'Items (large catalogues use itemsUrl)'],
    'items[]': ['一个条目：固定字段加上各栏目的值', 'One item: the fixed fields plus a value per column'],
    'items[].id': ['条目编号（唯一）', 'Item id (unique)'],
    'items[].title': ['标题', 'Title'],
    'items[].category': ['所属分类标识', 'Category id'],
    'items[].date': ['日期（YYYY-MM-DD）', 'Date (YYYY-MM-DD)'],
    'items[].url': ['链接', 'Link'],
    'items[].number': ['文号', 'Document number'],
    'items[].body': ['全文（Markdown）', 'Full text (Markdown)'],
    itemsUrl: [
      '条目文件地址：JSON 数组或 NDJSON（每行一个条目）',
      'Address of the items: a JSON array or NDJSON (one item a line)',
    ],
    publicContacts: [
      '公开的联系方式（本机关的咨询电话、邮箱、办公地址），文字去标识化时原样保留，如 ["0952-6012345"]',
      "Public contacts (the office's own phone, e-mail, street address) left as they are when text is de-identified",
    ],
    'publicContacts[]': [
      '一个公开的电话号码、邮箱或地址，写法不限',
      'One public phone number, e-mail address or street address, written any way',
    ],
  };
}
