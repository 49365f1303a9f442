/**
 * The catalogue's data work, without DOM: de-identify items, search them,
 * filter, count, sort, page, and keep the reader's view in the URL hash.
 */
import {
  categoryIds,
  deidentify,
  type CatalogueCategory,
  type CatalogueColumn,
  type CatalogueItem,
  type GkCatalogue,
} from '@gongkai/core';

export interface Row {
  item: CatalogueItem;
  /** Every searchable text of the item, normalized, for substring search (Chinese has no word spaces). */
  haystack: string;
  year: string;
  /** The category and its ancestors, for filtering by a branch of the tree. */
  categories: string[];
}

export interface ViewState {
  q: string;
  category: string;
  facets: Record<string, string>;
  sort: 'date-desc' | 'date-asc' | 'title' | 'office';
  page: number;
}

export const EMPTY_STATE: ViewState = { q: '', category: '', facets: {}, sort: 'date-desc', page: 1 };
export const PAGE_SIZE = 20;

/** Case, full-width forms and spaces do not matter to a search: "ＡＢＣ 预算" finds "abc预算". */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The parent chain of every category id. */
export function categoryParents(categories: readonly CatalogueCategory[] | undefined): Map<string, string[]> {
  const parents = new Map<string, string[]>();
  const walk = (list: readonly CatalogueCategory[] | undefined, chain: string[]) =>
    list?.forEach((category) => {
      parents.set(category.id, [...chain, category.id]);
      walk(category.children, [...chain, category.id]);
    });
  walk(categories, []);
  return parents;
}

/** De-identifies the declared columns (unless exempt) before anything else sees the item. */
export function prepareRows(doc: GkCatalogue, items: readonly CatalogueItem[]): Row[] {
  const masked = doc.columns.filter((column) => column.deidentify && !column.exempt);
  const parents = categoryParents(doc.categories);
  return items.map((original) => {
    const item: CatalogueItem = { ...original };
    for (const column of masked) {
      const value = item[column.key];
      if (typeof value === 'string') item[column.key] = deidentify(value, column.deidentify!);
    }
    if (typeof item.body === 'string' && masked.length) item.body = deidentify(item.body, 'text');
    const texts = [item.title, item.number ?? '', item.id];
    for (const column of doc.columns) {
      const value = item[column.key];
      if (value !== undefined && column.type !== 'link') texts.push(String(value));
    }
    return {
      item,
      haystack: normalize(texts.join('\u0001')),
      year: item.date?.slice(0, 4) ?? '',
      categories: item.category ? (parents.get(item.category) ?? [item.category]) : [],
    };
  });
}

/** Columns offered as filters: enum columns and those marked facet, plus the year. */
export function facetColumns(doc: GkCatalogue): CatalogueColumn[] {
  return doc.columns.filter((column) => column.facet || column.type === 'enum');
}

function passes(row: Row, state: ViewState, terms: string[], skip?: string): boolean {
  if (state.category && skip !== 'category' && !row.categories.includes(state.category)) return false;
  for (const [key, value] of Object.entries(state.facets)) {
    if (!value || key === skip) continue;
    const actual = key === 'year' ? row.year : String(row.item[key] ?? '');
    if (actual !== value) return false;
  }
  for (const term of terms) if (!row.haystack.includes(term)) return false;
  return true;
}

/** The search terms: space-separated parts, each normalized; every one must match. */
export function searchTerms(q: string): string[] {
  return q.split(/\s+/).map(normalize).filter(Boolean);
}

export function filterRows(rows: readonly Row[], state: ViewState): Row[] {
  const terms = searchTerms(state.q);
  return rows.filter((row) => passes(row, state, terms));
}

/**
 * Counts for each filter value among the rows that pass every *other* filter,
 * so a count says what choosing that value would show.
 */
export function facetCounts(rows: readonly Row[], state: ViewState, keys: readonly string[]): Map<string, Map<string, number>> {
  const terms = searchTerms(state.q);
  const counts = new Map<string, Map<string, number>>();
  for (const key of [...keys, 'category']) {
    const tally = new Map<string, number>();
    for (const row of rows) {
      if (!passes(row, state, terms, key)) continue;
      if (key === 'category') for (const id of row.categories) tally.set(id, (tally.get(id) ?? 0) + 1);
      else {
        const value = key === 'year' ? row.year : String(row.item[key] ?? '');
        if (value) tally.set(value, (tally.get(value) ?? 0) + 1);
      }
    }
    counts.set(key, tally);
  }
  return counts;
}

export function sortRows(rows: Row[], sort: ViewState['sort']): Row[] {
  const byTitle = (a: Row, b: Row) => a.item.title.localeCompare(b.item.title, 'zh-CN');
  const date = (row: Row) => row.item.date ?? '';
  switch (sort) {
    case 'date-asc':
      return rows.sort((a, b) => date(a).localeCompare(date(b)) || byTitle(a, b));
    case 'title':
      return rows.sort(byTitle);
    case 'office':
      return rows.sort((a, b) => String(a.item.office ?? '').localeCompare(String(b.item.office ?? ''), 'zh-CN') || byTitle(a, b));
    default:
      return rows.sort((a, b) => date(b).localeCompare(date(a)) || byTitle(a, b));
  }
}

/** The parts of `text` that match the search, for highlighting: [plain, match, plain, …]. */
export function highlightParts(text: string, q: string): string[] {
  const terms = searchTerms(q);
  if (!terms.length) return [text];
  // Match on the normalized text but cut the original, character by character (NFKC keeps CJK lengths).
  const lower = text.normalize('NFKC').toLowerCase();
  const marks = new Array<boolean>(lower.length).fill(false);
  for (const term of terms) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) marks.fill(true, at, at + term.length);
  }
  if (lower.length !== text.length) return [text];
  const parts: string[] = [];
  let current = '';
  let inMatch = false;
  for (let i = 0; i < text.length; i++) {
    if (marks[i] !== inMatch) {
      parts.push(current);
      current = '';
      inMatch = marks[i]!;
    }
    current += text[i];
  }
  parts.push(current);
  return parts;
}

/** The view state as hash parameters (q, cat, f.KEY, sort, page), under a prefix when several catalogues share a page. */
export function stateToHash(state: ViewState, prefix: string): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set(`${prefix}q`, state.q);
  if (state.category) params.set(`${prefix}cat`, state.category);
  for (const [key, value] of Object.entries(state.facets)) if (value) params.set(`${prefix}f.${key}`, value);
  if (state.sort !== EMPTY_STATE.sort) params.set(`${prefix}sort`, state.sort);
  if (state.page > 1) params.set(`${prefix}page`, String(state.page));
  return params;
}

export function stateFromHash(hash: string, prefix: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const facets: Record<string, string> = {};
  for (const [key, value] of params) if (key.startsWith(`${prefix}f.`)) facets[key.slice(prefix.length + 2)] = value;
  const sort = params.get(`${prefix}sort`);
  const page = Number(params.get(`${prefix}page`) ?? 1);
  return {
    q: params.get(`${prefix}q`) ?? '',
    category: params.get(`${prefix}cat`) ?? '',
    facets,
    sort: sort === 'date-asc' || sort === 'title' || sort === 'office' ? sort : 'date-desc',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export { categoryIds };
