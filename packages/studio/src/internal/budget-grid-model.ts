/**
 * The budget grid's model, without the DOM: a tree of items (类/款/项) as rows,
 * its amount columns, edits by cell, adding, removing, indenting and outdenting
 * rows, and the sum checks, in exact decimals.
 */
import { decimal } from '@gongkai/import';

export type Measure = 'budget' | 'adjusted' | 'final' | 'basic' | 'project';
export const MEASURE_LABELS: Record<Measure, string> = {
  budget: '预算数',
  adjusted: '调整预算数',
  final: '决算数',
  basic: '基本支出',
  project: '项目支出',
};
const MEASURES: Measure[] = ['budget', 'adjusted', 'final', 'basic', 'project'];

export interface AmountRow {
  year: number;
  [measure: string]: number | undefined;
}
export interface Item {
  code?: string;
  name: string;
  values: AmountRow[];
  children?: Item[];
  [other: string]: unknown;
}
export interface BudgetDoc {
  year: number;
  years: number[];
  stage?: string;
  unit?: string;
  tolerance?: number;
  functional?: Item[];
  economic?: Item[];
  revenue?: Item[];
  [other: string]: unknown;
}

export interface Row {
  item: Item;
  depth: number;
  siblings: Item[];
  index: number;
  parent?: Item;
}

export type Column =
  | { key: 'code'; label: string }
  | { key: 'name'; label: string }
  | { key: 'amount'; label: string; year: number; measure: Measure };

export function rowsOf(items: Item[] | undefined): Row[] {
  const rows: Row[] = [];
  const walk = (list: Item[], depth: number, parent?: Item) =>
    list.forEach((item, index) => {
      rows.push({ item, depth, siblings: list, index, ...(parent ? { parent } : {}) });
      if (item.children) walk(item.children, depth + 1, item);
    });
  walk(items ?? [], 0);
  return rows;
}

export function stageMeasure(doc: BudgetDoc): Measure {
  return doc.stage === '决算' ? 'final' : doc.stage === '调整预算' ? 'adjusted' : 'budget';
}

/** The amount columns: each year (the document's own first), each measure some row has (the stage's total always). */
export function columnsOf(doc: BudgetDoc, rows: Row[]): Column[] {
  const years = [...new Set([doc.year, ...(doc.years ?? [])])].sort((a, b) =>
    a === doc.year ? -1 : b === doc.year ? 1 : b - a,
  );
  const present = new Set<string>();
  for (const row of rows)
    for (const values of row.item.values ?? [])
      for (const m of MEASURES) if (values[m] !== undefined) present.add(`${values.year}/${m}`);
  const columns: Column[] = [
    { key: 'code', label: '科目编码' },
    { key: 'name', label: '科目名称' },
  ];
  for (const year of years) {
    for (const measure of MEASURES) {
      if (present.has(`${year}/${measure}`) || (year === doc.year && measure === stageMeasure(doc)))
        columns.push({ key: 'amount', label: `${year}年${MEASURE_LABELS[measure]}`, year, measure });
    }
  }
  return columns;
}

export function cellText(row: Row, column: Column): string {
  if (column.key === 'code') return row.item.code ?? '';
  if (column.key === 'name') return row.item.name ?? '';
  const value = row.item.values?.find((v) => v.year === column.year)?.[column.measure];
  return value === undefined ? '' : String(value);
}

/** Sets one cell from what was typed or pasted; returns an error message, or undefined. */
export function setCell(row: Row, column: Column, text: string): string | undefined {
  const value = text.replace(/\r?\n/g, ' ').trim();
  const item = row.item;
  if (column.key === 'code') {
    const code = value.replace(/\s+/g, '');
    if (code) item.code = code;
    else delete item.code;
    return undefined;
  }
  if (column.key === 'name') {
    item.name = value;
    return undefined;
  }
  const parsed = decimal.parseDecimal(value);
  if (parsed === null) return `“${value.slice(0, 20)}”不是数字`;
  item.values ??= [];
  let values = item.values.find((v) => v.year === column.year);
  if (parsed === undefined) {
    if (values) delete values[column.measure];
    return undefined;
  }
  if (!values) {
    values = { year: column.year };
    item.values.push(values);
  }
  values[column.measure] = decimal.toNumber(parsed);
  return undefined;
}

export function newItem(doc: BudgetDoc): Item {
  return { name: '', values: [{ year: doc.year }] };
}

/** Adds an empty row after `row`, at its level; returns its index among all rows. */
export function addAfter(items: Item[], row: Row | undefined, doc: BudgetDoc): Item {
  const item = newItem(doc);
  if (!row) items.push(item);
  else row.siblings.splice(row.index + 1 + 0, 0, item);
  return item;
}

export function remove(row: Row): void {
  row.siblings.splice(row.index, 1);
  if (row.parent && row.parent.children && !row.parent.children.length) delete row.parent.children;
}

/** Makes the row the last child of the row above it at the same level. */
export function indent(row: Row): boolean {
  if (row.index === 0) return false;
  const previous = row.siblings[row.index - 1]!;
  row.siblings.splice(row.index, 1);
  (previous.children ??= []).push(row.item);
  return true;
}

/** Moves the row out of its parent, just after it. */
export function outdent(row: Row, rows: Row[]): boolean {
  if (!row.parent) return false;
  const parentRow = rows.find((r) => r.item === row.parent);
  if (!parentRow) return false;
  row.siblings.splice(row.index, 1);
  // The rows after it in the same parent become its children, as in an outline.
  const following = row.siblings.splice(row.index);
  if (following.length) (row.item.children ??= []).push(...following);
  if (!row.siblings.length) delete row.parent.children;
  parentRow.siblings.splice(parentRow.index + 1, 0, row.item);
  return true;
}

/** Rebuilds the tree from the codes: 21002 under 210, 2100201 under 21002. */
export function nestByCode(items: Item[]): Item[] {
  const flat = rowsOf(items).map((row) => row.item);
  const byCode = new Map<string, Item>();
  const roots: Item[] = [];
  for (const item of flat) {
    delete item.children;
  }
  for (const item of flat) {
    const parent = item.code && item.code.length > 3 ? byCode.get(item.code.slice(0, -2)) : undefined;
    if (parent) (parent.children ??= []).push(item);
    else roots.push(item);
    if (item.code) byCode.set(item.code, item);
  }
  return roots;
}

export interface CellCheck {
  /** The children's sum, when it differs from the cell. */
  childSum?: string;
  /** basic + project, when it differs from the stage's total. */
  splitSum?: string;
}

const amount = (item: Item, year: number, measure: Measure) => item.values?.find((v) => v.year === year)?.[measure];

/** The sum checks core makes, shown in the cell as the editor types. */
export function checkCell(row: Row, column: Column, doc: BudgetDoc): CellCheck {
  if (column.key !== 'amount') return {};
  const tolerance = decimal.fromNumber(doc.tolerance ?? 0.01);
  const own = amount(row.item, column.year, column.measure);
  const out: CellCheck = {};
  if (own === undefined) return out;
  const ownDecimal = decimal.fromNumber(own);
  const far = (a: decimal.Decimal) => {
    const diff = decimal.subtract(a, ownDecimal);
    const magnitude = diff.units < 0n ? { units: -diff.units, scale: diff.scale } : diff;
    return decimal.compare(magnitude, tolerance) > 0;
  };
  const children = row.item.children ?? [];
  const parts = children
    .map((child) => amount(child, column.year, column.measure))
    .filter((v): v is number => v !== undefined);
  if (parts.length) {
    const total = decimal.sum(parts.map(decimal.fromNumber));
    if (far(total)) out.childSum = decimal.toText(total);
  }
  if (column.measure === 'budget' || column.measure === 'adjusted' || column.measure === 'final') {
    const values = row.item.values.find((v) => v.year === column.year);
    const stage =
      values && (values.final !== undefined ? 'final' : values.adjusted !== undefined ? 'adjusted' : 'budget');
    if (values && stage === column.measure && values.basic !== undefined && values.project !== undefined) {
      const split = decimal.add(decimal.fromNumber(values.basic), decimal.fromNumber(values.project));
      if (far(split)) out.splitSum = decimal.toText(split);
    }
  }
  return out;
}

/** The total of the top-level rows in one column. */
export function columnTotal(items: Item[], column: Column): string {
  if (column.key !== 'amount') return '';
  const parts = items
    .map((item) => amount(item, column.year, column.measure))
    .filter((v): v is number => v !== undefined);
  return parts.length ? decimal.toText(decimal.sum(parts.map(decimal.fromNumber))) : '';
}
