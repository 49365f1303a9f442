/**
 * What changed between two versions of a published document, in words and figures,
 * for the "本次更新改动了" list under it: "2018年预算数 210 卫生健康支出：1.20亿元 → 1.30亿元".
 * Framework-free (no DOM): the element renders the list, a test can call it directly.
 *
 * Per kind where it matters: a budget's amounts by classification code, year and measure
 * (formatted in the document's unit with core's one money formatter); a catalogue's items
 * by id (added, removed, which field); anything else field by field, by JSON path.
 */
import { formatMoney, formatNumber, type MoneyUnit } from './format.js';
import { addMessages, t, type Lang } from './i18n.js';
import { formatPath } from './json-source.js';
import { provenanceEn, provenanceZh } from './messages/provenance.js';

// The provenance block's messages come with it, on demand, in both languages: not in
// every page's translations/en (English shows only where the page loaded English).
addMessages('zh-CN', provenanceZh);
addMessages('en', provenanceEn);

export interface DocumentChange {
  /** What changed: "2018年预算数 210 卫生健康支出", "items[3].title", "新增 …". */
  label: string;
  /** The value before and after, as a reader reads it; "" when there was none. */
  before: string;
  after: string;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const MEASURES = ['budget', 'adjusted', 'final', 'basic', 'project'] as const;
const BUDGET_TREES = ['functional', 'economic', 'revenue'] as const;

/** The changes from `before` to `after`, most telling first (a budget's figures before its wording). */
export function documentChanges(before: Json, after: Json, lang: Lang = 'zh-CN'): DocumentChange[] {
  if (!isObject(before) || !isObject(after)) return [];
  if (after.kind === 'budget' && before.kind === 'budget') return budgetChanges(before, after, lang);
  if (after.kind === 'catalogue' && before.kind === 'catalogue') return catalogueChanges(before, after, lang);
  return fieldChanges(before, after, [], lang);
}

function show(value: Json, lang: Lang): string {
  if (value === undefined || value === null || value === '') return t(lang, 'provenance.empty');
  if (typeof value === 'number') return formatNumber(value, lang);
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 80)}…` : value;
  if (typeof value === 'boolean') return String(value);
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** Leaf by leaf, by JSON path; arrays by position. */
function fieldChanges(
  before: Json,
  after: Json,
  path: Array<string | number>,
  lang: Lang,
  out: DocumentChange[] = [],
): DocumentChange[] {
  if (isObject(before) && isObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (path.length === 0 && key === '$schema') continue;
      fieldChanges(before[key], after[key], [...path, key], lang, out);
    }
  } else if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      fieldChanges(before[i], after[i], [...path, i], lang, out);
  } else if (JSON.stringify(before) !== JSON.stringify(after)) {
    out.push({
      label: formatPath(path),
      before: before === undefined ? '' : show(before, lang),
      after: after === undefined ? '' : show(after, lang),
    });
  }
  return out;
}

interface Amount {
  label: string;
  value: number;
}

/** Every amount of a budget's trees: "2018年预算数 210 卫生健康支出" → value. */
function budgetAmounts(doc: Record<string, Json>, lang: Lang): Map<string, Amount> {
  const out = new Map<string, Amount>();
  const walk = (items: Json, tree: string, parents: string) => {
    if (!Array.isArray(items)) return;
    for (const item of items) {
      if (!isObject(item)) continue;
      const name = String(item.name ?? '');
      const id = typeof item.code === 'string' ? item.code : `${parents}/${name}`;
      for (const row of Array.isArray(item.values) ? item.values : []) {
        if (!isObject(row)) continue;
        for (const measure of MEASURES) {
          const value = row[measure];
          if (typeof value !== 'number') continue;
          const when = t(lang, 'provenance.yearMeasure', {
            year: String(row.year),
            measure: t(lang, `provenance.measure.${measure}`),
          });
          out.set(`${tree}|${id}|${row.year}|${measure}`, {
            label: `${when} ${typeof item.code === 'string' ? `${item.code} ` : ''}${name}`,
            value,
          });
        }
      }
      walk(item.children, tree, id);
    }
  };
  for (const tree of BUDGET_TREES) walk(doc[tree], tree, '');
  return out;
}

function budgetChanges(before: Record<string, Json>, after: Record<string, Json>, lang: Lang): DocumentChange[] {
  const unit = (typeof after.unit === 'string' ? after.unit : '元') as MoneyUnit;
  const money = (value: number | undefined) =>
    value === undefined ? '' : formatMoney(value, { from: unit, lang, digits: 2 });
  const was = budgetAmounts(before, lang);
  const now = budgetAmounts(after, lang);
  const out: DocumentChange[] = [];
  for (const [key, amount] of now) {
    const old = was.get(key);
    if (old?.value !== amount.value)
      out.push({ label: amount.label, before: money(old?.value), after: money(amount.value) });
  }
  for (const [key, amount] of was)
    if (!now.has(key)) out.push({ label: amount.label, before: money(amount.value), after: '' });
  // The rest (title, 三公经费, debt, notes) field by field.
  const rest = (doc: Record<string, Json>) =>
    Object.fromEntries(Object.entries(doc).filter(([k]) => !(BUDGET_TREES as readonly string[]).includes(k)));
  return [...out, ...fieldChanges(rest(before), rest(after), [], lang)];
}

function catalogueChanges(before: Record<string, Json>, after: Record<string, Json>, lang: Lang): DocumentChange[] {
  const items = (doc: Record<string, Json>) =>
    new Map((Array.isArray(doc.items) ? doc.items : []).filter(isObject).map((item) => [String(item.id), item]));
  const was = items(before);
  const now = items(after);
  const labels = new Map(
    (Array.isArray(after.columns) ? after.columns : []).filter(isObject).map((c) => [String(c.key), String(c.label)]),
  );
  const out: DocumentChange[] = [];
  for (const [id, item] of now) {
    const old = was.get(id);
    if (!old) {
      out.push({
        label: `${t(lang, 'provenance.added')} ${String(item.title)}`,
        before: '',
        after: String(item.title),
      });
      continue;
    }
    for (const key of new Set([...Object.keys(old), ...Object.keys(item)])) {
      if (JSON.stringify(old[key]) !== JSON.stringify(item[key]))
        out.push({
          label: `${String(item.title)} · ${labels.get(key) ?? key}`,
          before: old[key] === undefined ? '' : show(old[key], lang),
          after: item[key] === undefined ? '' : show(item[key], lang),
        });
    }
  }
  for (const [id, item] of was)
    if (!now.has(id))
      out.push({
        label: `${t(lang, 'provenance.removed')} ${String(item.title)}`,
        before: String(item.title),
        after: '',
      });
  const rest = (doc: Record<string, Json>) => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'items'));
  return [...out, ...fieldChanges(rest(before), rest(after), [], lang)];
}
