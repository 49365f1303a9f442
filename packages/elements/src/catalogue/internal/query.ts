/**
 * The catalogue's data work, without DOM: de-identify items, search them,
 * filter, count, sort, page, and keep the reader's view in the URL hash.
 */
import { normalize, searchTerms } from '../../base/internal/search-text.js';
import { looksLikeInitials, pinyinInitials } from './pinyin.js';
import {
  categoryIds,
  deidentify,
  ownValue,
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
  /** Pinyin initials of the title, computed on the first Latin-letter search. */
  initials?: string;
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
  // The document's public contacts (the office's 咨询电话) stay in free text; a full text is Markdown.
  const options = { publicContacts: doc.publicContacts };
  const bodyOptions = { ...options, markdown: true };
  return items.map((original) => {
    const item: CatalogueItem = { ...original };
    for (const column of masked) {
      const value = ownValue(item, column.key);
      if (typeof value === 'string') item[column.key] = deidentify(value, column.deidentify!, options);
    }
    // Full texts of records (replies, decisions) always have personal data masked; elsewhere when a column is de-identified.
    if (typeof item.body === 'string' && (masked.length || doc.type === '记录'))
      item.body = deidentify(item.body, 'text', bodyOptions);
    // Full-text search: the title, number, id, every column and the full text (all after de-identification).
    const texts = [item.title, item.number ?? '', item.id, item.body ?? ''];
    for (const column of doc.columns) {
      const value = ownValue(item, column.key);
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

/** The filters of a view as checks: each returns true when a row passes it. */
function checks(state: ViewState): Array<{ key: string; passes: (row: Row) => boolean }> {
  const list: Array<{ key: string; passes: (row: Row) => boolean }> = [];
  if (state.category) list.push({ key: 'category', passes: (row) => row.categories.includes(state.category) });
  for (const [key, value] of Object.entries(state.facets)) {
    if (!value) continue;
    list.push({
      key,
      passes: key === 'year' ? (row) => row.year === value : (row) => String(ownValue(row.item, key) ?? '') === value,
    });
  }
  return list;
}

export interface Selection {
  /** The rows that pass every filter and the search, in the chosen order. */
  rows: Row[];
  /** For each filter key (and "category"), how many rows each value would show, all other filters applied. */
  counts: Map<string, Map<string, number>>;
}

/**
 * Search, filters and counts in one pass over rows already in order, so a
 * keystroke over 50,000 items costs one scan: no sort, no pass per filter.
 */
export function select(sorted: readonly Row[], state: ViewState, facetKeys: readonly string[]): Selection {
  const terms = searchTerms(state.q);
  // Latin letters may be pinyin initials (ysgk for 预算公开) as well as text.
  const latin = terms.map((term) => looksLikeInitials(term));
  const filters = checks(state);
  const counts = new Map<string, Map<string, number>>();
  for (const key of [...facetKeys, 'category']) counts.set(key, new Map());
  const bump = (key: string, value: string) => {
    const tally = counts.get(key)!;
    tally.set(value, (tally.get(value) ?? 0) + 1);
  };
  const rows: Row[] = [];
  for (const row of sorted) {
    let matches = true;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      if (row.haystack.includes(term)) continue;
      if (latin[t] && (row.initials ??= pinyinInitials(row.item.title)).includes(term)) continue;
      matches = false;
      break;
    }
    if (!matches) continue;
    // Which filter does the row fail? None: it is shown and counts everywhere; one: it counts for that filter only.
    let failed: string | undefined;
    let failures = 0;
    for (const filter of filters) {
      if (!filter.passes(row)) {
        failed = filter.key;
        if (++failures > 1) break;
      }
    }
    if (failures > 1) continue;
    for (const key of counts.keys()) {
      if (failures === 1 && key !== failed) continue;
      if (key === 'category') for (const id of row.categories) bump(key, id);
      else {
        const value = key === 'year' ? row.year : String(ownValue(row.item, key) ?? '');
        if (value) bump(key, value);
      }
    }
    if (failures === 0) rows.push(row);
  }
  return { rows, counts };
}

/** The rows in a sort order (computed once per order and kept by the caller). */
export function sortRows(rows: readonly Row[], sort: ViewState['sort']): Row[] {
  const collator = new Intl.Collator('zh-CN');
  const byTitle = (a: Row, b: Row) => collator.compare(a.item.title, b.item.title);
  const date = (row: Row) => row.item.date ?? '';
  const copy = [...rows];
  switch (sort) {
    case 'date-asc':
      return copy.sort((a, b) => (date(a) < date(b) ? -1 : date(a) > date(b) ? 1 : 0));
    case 'title':
      return copy.sort(byTitle);
    case 'office':
      return copy.sort((a, b) => collator.compare(String(a.item.office ?? ''), String(b.item.office ?? '')));
    default:
      return copy.sort((a, b) => (date(a) > date(b) ? -1 : date(a) < date(b) ? 1 : 0));
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
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1))
      marks.fill(true, at, at + term.length);
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
