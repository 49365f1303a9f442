/** The catalogue grid's model: items as rows, the fixed fields and the declared columns as columns. */
import { decimal } from '@gongkai/import';

export interface CatalogueDoc {
  columns?: Array<{ key: string; label: string; type: string }>;
  categories?: unknown[];
  items?: Array<Record<string, string | number>>;
  [other: string]: unknown;
}

export interface CatalogueColumn {
  key: string;
  label: string;
  type: string;
}

export function catalogueColumns(doc: CatalogueDoc): CatalogueColumn[] {
  const items = doc.items ?? [];
  const has = (key: string) => items.some((item) => item[key] !== undefined);
  const fixed: CatalogueColumn[] = [
    { key: 'id', label: '编号', type: 'text' },
    { key: 'title', label: '标题', type: 'text' },
  ];
  if (doc.categories || has('category')) fixed.push({ key: 'category', label: '分类', type: 'text' });
  fixed.push({ key: 'date', label: '日期', type: 'date' });
  if (has('number')) fixed.push({ key: 'number', label: '文号', type: 'docNumber' });
  if (has('url')) fixed.push({ key: 'url', label: '链接', type: 'link' });
  return [
    ...fixed,
    ...(doc.columns ?? []).map((column) => ({ key: column.key, label: column.label, type: column.type })),
  ];
}

export function catalogueCellText(item: Record<string, string | number>, column: CatalogueColumn): string {
  const value = item[column.key];
  return value === undefined ? '' : String(value);
}

/** Sets a cell; money columns keep exact numbers. Returns an error message, or undefined. */
export function setCatalogueCell(
  item: Record<string, string | number>,
  column: CatalogueColumn,
  text: string,
): string | undefined {
  const value = text.trim();
  if (value === '') {
    if (column.key === 'id' || column.key === 'title') item[column.key] = '';
    else delete item[column.key];
    return undefined;
  }
  if (column.type === 'money') {
    const parsed = decimal.parseDecimal(value);
    if (!parsed) return `“${value.slice(0, 20)}”不是金额`;
    item[column.key] = decimal.toNumber(parsed);
    return undefined;
  }
  item[column.key] = value;
  return undefined;
}

export function newCatalogueItem(doc: CatalogueDoc): Record<string, string | number> {
  const ids = new Set((doc.items ?? []).map((item) => String(item.id)));
  let n = (doc.items?.length ?? 0) + 1;
  while (ids.has(String(n))) n++;
  return { id: String(n), title: '' };
}
