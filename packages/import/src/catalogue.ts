/**
 * Any sheet → a `catalogue` document, in two steps as Datawrapper's check step:
 * guessCatalogueMapping() reads the header and proposes a field for every column
 * (by its name, then by its values); the editor confirms or changes it; then
 * importCatalogue() builds the document and reports every cell whose value does
 * not fit its column's type, by sheet and cell.
 */
import { parseDecimal, toNumber } from './decimal.js';
import type { ImportProblem } from './messages.js';
import { isBlankRow, squeeze, textOf } from './sheet-layout.js';
import type { Cell, Sheet } from './workbook.js';

/** The item fields every catalogue has, and the statutory columns (责任科室, 公开时限, 审核程序, 发布平台). */
export const BUILTIN_FIELDS = ['id', 'title', 'category', 'date', 'url', 'number', 'body'] as const;
export type BuiltinField = (typeof BUILTIN_FIELDS)[number];
export const COLUMN_TYPES = ['text', 'date', 'money', 'enum', 'link', 'docNumber'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export type ColumnTarget =
  { field: BuiltinField } | { column: string; label: string; type: ColumnType } | { skip: true };

export interface ColumnMapping {
  /** 0-based column index in the sheet. */
  index: number;
  header: string;
  target: ColumnTarget;
  /** A few of its values, for the check step. */
  samples: string[];
}

export interface CataloguePlan {
  sheet: string;
  /** 0-based row of the header. */
  headerRow: number;
  columns: ColumnMapping[];
  /** The document's title, owner and type, as far as the sheet tells. */
  title: string;
  owner: string;
  type: '主动公开' | '依申请公开' | '负面清单' | '记录';
}

const BUILTIN_NAMES: Array<[BuiltinField, RegExp]> = [
  ['id', /^(编号|序号|索引号|目录编号|事项编码|信息索引号|编码|ID)$/i],
  ['title', /^(标题|名称|事项名称|信息名称|文件名称|事项|项目名称|题名|公开事项|信息标题|许可事项|处罚事项)$/],
  ['category', /^(分类|类别|主题分类|栏目|信息类别|所属类别|公开类别)$/],
  ['date', /^(日期|发布日期|成文日期|生成日期|公开日期|发文日期|时间|发布时间|决定日期)$/],
  ['url', /^(链接|网址|URL|网页地址|链接地址)$/i],
  ['number', /^(文号|发文字号|文件编号|决定书文号)$/],
  ['body', /^(内容|摘要|内容概述|内容描述|主要内容|说明)$/],
];

const STATUTORY_NAMES: Array<[string, string, RegExp]> = [
  ['office', '责任科室', /^(责任科室|责任部门|公开主体|主办科室|承办科室|责任单位)$/],
  ['timeLimit', '公开时限', /^(公开时限|时限)$/],
  ['review', '审核程序', /^(审核程序|审核|审查程序)$/],
  ['platform', '发布平台', /^(发布平台|公开渠道|公开方式|公开载体|发布渠道)$/],
];

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** YYYY-MM-DD from the ways people type dates; undefined when it is not one. */
export function normaliseDate(text: string): string | undefined {
  const match = DATE.exec(text.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

const LINK = /^(https?:\/\/|\/)[^\s]*$/;
const DOC_NUMBER = /^[\u4e00-\u9fff]+[〔[(（]\d{4}[〕\])）]\d+号$/;

/** Whether a cell's text fits a column type. */
export function fitsType(type: ColumnType | 'date', text: string): boolean {
  switch (type) {
    case 'date':
      return normaliseDate(text) !== undefined;
    case 'money': {
      const value = parseDecimal(text);
      return value !== null && value !== undefined;
    }
    case 'link':
      return LINK.test(text);
    case 'docNumber':
      return DOC_NUMBER.test(text.replace(/\s+/g, ''));
    default:
      return true;
  }
}

/** The type most of a column's values have. */
function guessType(values: string[]): ColumnType {
  if (!values.length) return 'text';
  const share = (type: ColumnType) => values.filter((v) => fitsType(type, v)).length / values.length;
  if (share('date') >= 0.8) return 'date';
  if (share('link') >= 0.8) return 'link';
  if (share('docNumber') >= 0.8) return 'docNumber';
  if (share('money') >= 0.8) return 'money';
  const distinct = new Set(values);
  if (values.length >= 8 && distinct.size <= Math.min(8, values.length / 2)) return 'enum';
  return 'text';
}

/** The header row: the first of the top rows with most of its cells named like fields. */
function findHeaderRow(sheet: Sheet): number {
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(15, sheet.rows.length); r++) {
    const cells = sheet.rows[r]!.map(squeeze).filter(Boolean);
    if (cells.length < 2) continue;
    const known = cells.filter(
      (text) => BUILTIN_NAMES.some(([, re]) => re.test(text)) || STATUTORY_NAMES.some(([, , re]) => re.test(text)),
    ).length;
    const textual = cells.filter((text) => !/^[\d.,\-/]+$/.test(text)).length;
    const score = known * 10 + textual;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
    if (known >= 2) break;
  }
  return best;
}

/** Proposes a mapping for every column. */
export function guessCatalogueMapping(sheet: Sheet): CataloguePlan | undefined {
  const headerRow = findHeaderRow(sheet);
  if (headerRow < 0) return undefined;
  const header = sheet.rows[headerRow]!;
  const body = sheet.rows.slice(headerRow + 1).filter((row) => !isBlankRow(row));
  const used = new Set<string>();
  const columns: ColumnMapping[] = [];
  const width = Math.max(header.length, ...body.slice(0, 50).map((row) => row.length));
  for (let index = 0; index < width; index++) {
    const name = textOf(header[index]) ?? '';
    const key = squeeze(name);
    const values = body.map((row) => textOf(row[index])).filter((v): v is string => v !== null);
    const samples = values.slice(0, 3);
    let target: ColumnTarget | undefined;
    for (const [field, re] of BUILTIN_NAMES) {
      if (!used.has(field) && re.test(key)) {
        target = { field };
        used.add(field);
        break;
      }
    }
    if (!target) {
      for (const [column, label, re] of STATUTORY_NAMES) {
        if (!used.has(column) && re.test(key)) {
          target = { column, label, type: 'text' };
          used.add(column);
          break;
        }
      }
    }
    if (!target && !name && !values.length) continue;
    target ??= name ? { column: `col${index + 1}`, label: name, type: guessType(values) } : { skip: true };
    columns.push({ index, header: name, target, samples });
  }
  // No column named like a title: take the first text column with mostly distinct values.
  if (!used.has('title')) {
    const candidate = columns.find((c) => 'column' in c.target && c.target.type === 'text');
    if (candidate) candidate.target = { field: 'title' };
  }
  const above = sheet.rows
    .slice(0, headerRow)
    .flat()
    .map(textOf)
    .filter((v): v is string => v !== null);
  const title = above.find((text) => /目录|清单|名录|一览表|公示|表$/.test(text)) ?? above[0] ?? sheet.name;
  const owner = /^(.+?(?:局|委员会|委|办公室|办|政府|中心|院|所|站))/.exec(title.replace(/\s+/g, ''))?.[1] ?? '';
  const statutory = STATUTORY_NAMES.every(([column]) => used.has(column));
  const type = !statutory
    ? '记录'
    : /依申请/.test(title)
      ? '依申请公开'
      : /负面清单/.test(title)
        ? '负面清单'
        : '主动公开';
  return { sheet: sheet.name, headerRow, columns, title: title.replace(/\s+/g, ''), owner, type };
}

export interface CatalogueImportResult {
  document: Record<string, unknown> & { kind: 'catalogue'; items: Array<Record<string, string | number>> };
  problems: ImportProblem[];
}

/** Builds the document from a (confirmed) plan. */
export function importCatalogue(sheet: Sheet, plan: CataloguePlan): CatalogueImportResult {
  const problems: ImportProblem[] = [];
  const at = (row: number, col: number) => ({ sheet: sheet.name, row: row + 1, col: col + 1 });
  const active = plan.columns.filter((c) => !('skip' in c.target));
  const titleColumn = active.find((c) => 'field' in c.target && c.target.field === 'title');
  if (!titleColumn)
    problems.push({
      severity: 'error',
      key: 'catalogue.noTitleColumn',
      params: {},
      sheet: sheet.name,
      row: plan.headerRow + 1,
    });
  const columns = active.flatMap((c) => ('column' in c.target ? [c.target] : []));
  const categories = new Map<string, string>();
  const items: Array<Record<string, string | number>> = [];
  const seen = new Map<string, number>();
  const enumValues = new Map<string, Set<string>>();
  for (let r = plan.headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    if (isBlankRow(row)) continue;
    const item: Record<string, string | number> = {};
    let id: string | undefined;
    for (const mapping of active) {
      const raw: Cell | undefined = row[mapping.index];
      const text = textOf(raw);
      if (text === null) continue;
      const target = mapping.target;
      if ('field' in target) {
        if (target.field === 'id') id = text;
        else if (target.field === 'date') {
          const date = normaliseDate(text);
          if (date) item.date = date;
          else
            problems.push({
              severity: 'error',
              key: 'catalogue.typeMismatch',
              params: { label: mapping.header || '日期', expected: 'expected.date', value: text.slice(0, 40) },
              ...at(r, mapping.index),
            });
        } else if (target.field === 'url') {
          if (fitsType('link', text)) item.url = text;
          else
            problems.push({
              severity: 'error',
              key: 'catalogue.typeMismatch',
              params: { label: mapping.header || 'url', expected: 'expected.link', value: text.slice(0, 40) },
              ...at(r, mapping.index),
            });
        } else if (target.field === 'number') {
          if (fitsType('docNumber', text)) item.number = text.replace(/\s+/g, '');
          else
            problems.push({
              severity: 'error',
              key: 'catalogue.typeMismatch',
              params: { label: mapping.header || '文号', expected: 'expected.docNumber', value: text.slice(0, 40) },
              ...at(r, mapping.index),
            });
        } else if (target.field === 'category') {
          categories.set(text, text);
          item.category = text;
        } else item[target.field] = text;
      } else if ('column' in target) {
        if (target.type === 'money') {
          const value = parseDecimal(text);
          if (value) item[target.column] = toNumber(value);
          else
            problems.push({
              severity: 'error',
              key: 'catalogue.typeMismatch',
              params: { label: target.label, expected: 'expected.money', value: text.slice(0, 40) },
              ...at(r, mapping.index),
            });
        } else if (target.type === 'date') {
          const date = normaliseDate(text);
          if (date) item[target.column] = date;
          else
            problems.push({
              severity: 'error',
              key: 'catalogue.typeMismatch',
              params: { label: target.label, expected: 'expected.date', value: text.slice(0, 40) },
              ...at(r, mapping.index),
            });
        } else if (target.type === 'link' && !fitsType('link', text)) {
          problems.push({
            severity: 'error',
            key: 'catalogue.typeMismatch',
            params: { label: target.label, expected: 'expected.link', value: text.slice(0, 40) },
            ...at(r, mapping.index),
          });
        } else if (target.type === 'docNumber' && !fitsType('docNumber', text)) {
          problems.push({
            severity: 'error',
            key: 'catalogue.typeMismatch',
            params: { label: target.label, expected: 'expected.docNumber', value: text.slice(0, 40) },
            ...at(r, mapping.index),
          });
        } else {
          item[target.column] = text;
          if (target.type === 'enum') {
            const set = enumValues.get(target.column) ?? new Set<string>();
            set.add(text);
            enumValues.set(target.column, set);
          }
        }
      }
    }
    if (!item.title) {
      if (Object.keys(item).length || id)
        problems.push({
          severity: 'notice',
          key: 'catalogue.emptyTitle',
          params: {},
          ...at(r, titleColumn?.index ?? 0),
        });
      continue;
    }
    let itemId = id ?? String(r + 1);
    const other = seen.get(itemId);
    if (other !== undefined) {
      const replacement = `${itemId}-${r + 1}`;
      problems.push({
        severity: 'notice',
        key: 'catalogue.repeatId',
        params: { id: itemId, other, replacement },
        ...at(r, active.find((c) => 'field' in c.target && c.target.field === 'id')?.index ?? 0),
      });
      itemId = replacement;
    }
    seen.set(itemId, r + 1);
    items.push({ id: itemId, ...item });
  }
  const document: CatalogueImportResult['document'] = {
    kind: 'catalogue',
    version: 1,
    title: plan.title,
    owner: plan.owner,
    type: plan.type,
    ...(categories.size ? { categories: [...categories.keys()].map((name) => ({ id: name, name })) } : {}),
    columns: columns.map((column) => ({
      key: column.column,
      label: column.label,
      type: column.type,
      ...(column.type === 'enum'
        ? { values: [...(enumValues.get(column.column) ?? new Set(['—']))], facet: true }
        : {}),
    })),
    items,
  };
  return { document, problems };
}
