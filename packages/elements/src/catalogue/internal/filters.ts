/**
 * The catalogue's filters: the category tree, the facet, year and sort selects
 * and the view buttons (a side column where the catalogue is wide, a panel
 * behind the 筛选 button where it is narrow), and the active filters as chips
 * a tap removes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ownValue, type CatalogueCategory, type GkCatalogue, type MessageKey, type MessageParams } from '@gongkai/core';
import type { Selection, ViewState } from './query.js';

export type CatalogueView = 'table' | 'cards';

export interface FilterContext {
  doc: GkCatalogue;
  query: ViewState;
  counts: Selection['counts'];
  /** Items in the catalogue, and those the filters and search leave. */
  total: number;
  matched: number;
  view: CatalogueView;
  /** Whether the panel is open (the narrow layout). */
  open: boolean;
  t(key: MessageKey, params?: MessageParams): string;
  scopedId(name: string): string;
  set(change: Partial<ViewState>): void;
  setView(view: CatalogueView): void;
  /** Closes the panel and takes the reader to the results. */
  done(): void;
  /** Escape in the open panel. */
  close(): void;
}

/** One active filter: what the chip says, and the change that removes it. */
export interface Chip {
  label: string;
  remove: Partial<ViewState>;
}

function findCategory(categories: readonly CatalogueCategory[] | undefined, id: string): CatalogueCategory | undefined {
  for (const category of categories ?? []) {
    if (category.id === id) return category;
    const found = findCategory(category.children, id);
    if (found) return found;
  }
  return undefined;
}

/** The active filters, in the order the panel shows them (the search has its own box). */
export function activeChips(ctx: Pick<FilterContext, 'doc' | 'query' | 't'>): Chip[] {
  const { doc, query } = ctx;
  const chips: Chip[] = [];
  if (query.category)
    chips.push({
      label: `${ctx.t('catalogue.categories')}：${findCategory(doc.categories, query.category)?.name ?? query.category}`,
      remove: { category: '' },
    });
  for (const column of doc.columns) {
    const value = ownValue(query.facets, column.key);
    if (value)
      chips.push({ label: `${column.label}：${value}`, remove: { facets: { ...query.facets, [column.key]: '' } } });
  }
  if (query.facets.year)
    chips.push({
      label: `${ctx.t('catalogue.year')}：${query.facets.year}`,
      remove: { facets: { ...query.facets, year: '' } },
    });
  return chips;
}

function tree(
  ctx: FilterContext,
  categories: readonly CatalogueCategory[],
  counts: Map<string, number>,
): TemplateResult {
  return html`<ul>
    ${categories.map(
      (category) => html`<li>
        <button type="button" aria-pressed=${ctx.query.category === category.id ? 'true' : 'false'} @click=${() => ctx.set({ category: ctx.query.category === category.id ? '' : category.id })}>
          ${category.name}<span class="count">${counts.get(category.id) ?? 0}</span>
        </button>
        ${category.children?.length ? tree(ctx, category.children, counts) : nothing}
      </li>`,
    )}
  </ul>`;
}

function facetSelect(ctx: FilterContext, key: string, label: string, values: Array<[string, number]>): TemplateResult {
  const chosen = ownValue(ctx.query.facets, key) ?? '';
  return html`<label>
    <span>${label}</span>
    <select .value=${live(chosen)} @change=${(e: Event) => ctx.set({ facets: { ...ctx.query.facets, [key]: (e.target as HTMLSelectElement).value } })}>
      <option value="" ?selected=${!chosen}>${ctx.t('catalogue.all')}</option>
      ${values.map(([value, count]) => html`<option value=${value} ?selected=${chosen === value}>${value}（${count}）</option>`)}
    </select>
  </label>`;
}

/** The filters: selects, view, tree, and on a phone the button that shows the results. */
export function renderFilters(ctx: FilterContext, facets: GkCatalogue['columns']): TemplateResult {
  const { doc, counts } = ctx;
  const years = [...(counts.get('year') ?? new Map<string, number>()).entries()].sort((a, b) =>
    b[0].localeCompare(a[0]),
  );
  const sorts = (['date-desc', 'date-asc', 'title', 'office'] as const).filter(
    (sort) => sort !== 'office' || doc.columns.some((column) => column.key === 'office'),
  );
  return html`<div
    class="filters no-print ${ctx.open ? 'is-open' : ''}"
    id=${ctx.scopedId('filters')}
    role="group"
    aria-label=${ctx.t('catalogue.filtersGroup')}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape' && ctx.open) {
        e.preventDefault();
        ctx.close();
      }
    }}
  >
    <div class="selects">
      ${facets.map((column) =>
        facetSelect(
          ctx,
          column.key,
          column.label,
          [...(counts.get(column.key) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]),
        ),
      )}
      ${years.length > 1 ? facetSelect(ctx, 'year', ctx.t('catalogue.year'), years) : nothing}
      <label>
        <span>${ctx.t('catalogue.sort')}</span>
        <select .value=${live(ctx.query.sort)} @change=${(e: Event) => ctx.set({ sort: (e.target as HTMLSelectElement).value as ViewState['sort'] })}>
          ${sorts.map((sort) => html`<option value=${sort} ?selected=${ctx.query.sort === sort}>${ctx.t(`catalogue.sort.${sort}`)}</option>`)}
        </select>
      </label>
      <div class="buttons" role="group" aria-label=${ctx.t('catalogue.view')}>
        ${(['table', 'cards'] as const).map(
          (option) =>
            html`<button type="button" aria-pressed=${ctx.view === option ? 'true' : 'false'} @click=${() => ctx.setView(option)}>${ctx.t(`catalogue.view.${option}`)}</button>`,
        )}
      </div>
    </div>
    ${
      doc.categories?.length
        ? html`<nav class="tree" aria-label="${ctx.t('catalogue.categories')}：${doc.title}">
          <button type="button" aria-pressed=${ctx.query.category ? 'false' : 'true'} @click=${() => ctx.set({ category: '' })}>
            ${ctx.t('catalogue.all')}<span class="count">${ctx.total}</span>
          </button>
          ${tree(ctx, doc.categories, counts.get('category') ?? new Map<string, number>())}
        </nav>`
        : nothing
    }
    <button type="button" class="filters-done" @click=${ctx.done}>${ctx.t('catalogue.showResults', { count: ctx.matched })}</button>
  </div>`;
}
