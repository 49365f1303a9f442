import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import {
  catalogueSchema,
  formatDate,
  formatDocNumber,
  formatIssue,
  formatMoney,
  ownValue,
  type CatalogueColumn,
  type CatalogueItem,
  type CsvCell,
  type GkCatalogue,
  type GkIssue,
} from '@gongkai/core';
import { GkElement } from '../base/gk-element.js';
import { defineElement } from '../base/define.js';
import { href, rel } from '../base/internal/links.js';
import { markdown, markdownStyles } from '../base/internal/markdown.js';
import { fetchText } from '../base/internal/fetch-text.js';
import { collapsible } from '../base/internal/collapsible.js';
import { collapsibleStyles } from '../base/internal/collapsible.styles.js';
import { saveFile } from '../base/internal/save-file.js';
import { toggled } from '../base/internal/toggle.js';
import { downloadCsv } from '../charts/figure.js';
import { chartStyles } from '../charts/chart.styles.js';
import { hostCardStyles } from '../charts/host-card.styles.js';
import { ResizeController } from '../charts/resize-controller.js';
import { catalogueNarrowStyles, catalogueStyles } from './catalogue.styles.js';
import { activeChips, renderFilters, type CatalogueView, type Chip } from './internal/filters.js';
import { parseItemsInSlices } from './internal/items.js';
import {
  EMPTY_STATE,
  PAGE_SIZE,
  facetColumns,
  highlightParts,
  prepareRows,
  select,
  sortRows,
  stateFromHash,
  stateToHash,
  type Row,
  type ViewState,
} from './internal/query.js';

export type { CatalogueView } from './internal/filters.js';

/** Today in the reader's time zone, as YYYY-MM-DD (an export made at 7:00 in Beijing is dated that day). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** This catalogue's hash parameters: with a prefix, those that start with it; without one, the unprefixed view keys. */
function isOwnKey(key: string, prefix: string): boolean {
  if (prefix) return key.startsWith(prefix);
  return key === 'q' || key === 'cat' || key === 'sort' || key === 'page' || key.startsWith('f.');
}

/**
 * Disclosure catalogues (主动公开基本目录, 依申请公开目录, 负面清单) and listings of
 * published records (行政许可和处罚, 建议提案办理结果 …): a category tree and filters
 * with counts, search that works for Chinese with the matches highlighted, sort,
 * a table or cards, pages, CSV and JSON export of the current selection, and the
 * whole view in the URL hash. Declared columns are de-identified before anything
 * is shown, searched or exported.
 *
 * @summary Disclosure catalogue. JSON: `"kind": "catalogue"`; large item lists from `itemsUrl` (JSON or NDJSON).
 *
 * @csspart base - The catalogue.
 * @csspart title - The title.
 * @csspart search - The search field.
 * @csspart results - The results (table or cards).
 */
export class GkCatalogueElement extends GkElement<typeof catalogueSchema> {
  static override styles = [
    ...GkElement.styles,
    hostCardStyles,
    chartStyles,
    markdownStyles,
    ...collapsibleStyles,
    catalogueStyles,
    catalogueNarrowStyles,
  ];

  protected readonly schema = catalogueSchema;

  /** `table` or `cards`; without it, cards on narrow screens and a table elsewhere. */
  @property({ reflect: true }) view?: CatalogueView;

  @state() private query: ViewState = EMPTY_STATE;
  @state() private itemsError?: GkIssue;
  private readonly resize = new ResizeController(this);
  @state() private rows: Row[] = [];
  @state() private itemIssues: GkIssue[] = [];
  @state() private itemsLoading = false;
  @state() private open = new Set<string>();
  /** The filters panel and the catalogue's description, in the narrow layout. */
  @state() private filtersOpen = false;
  @state() private aboutOpen = false;

  private rowsFor?: GkCatalogue;
  /** The rows in each sort order asked for, kept until the rows change. */
  private sorted = new Map<ViewState['sort'], Row[]>();
  private sortedOf?: Row[];

  private sortedRows(sort: ViewState['sort']): Row[] {
    if (this.sortedOf !== this.rows) {
      this.sorted.clear();
      this.sortedOf = this.rows;
    }
    let rows = this.sorted.get(sort);
    if (!rows) {
      rows = sortRows(this.rows, sort);
      this.sorted.set(sort, rows);
    }
    return rows;
  }
  private readonly onHashChange = () => {
    this.query = stateFromHash(location.hash, this.hashPrefix);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.query = stateFromHash(location.hash, this.hashPrefix);
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /** Hash parameters are prefixed with the element's id (`#zdgk.q=预算`) when it has one, so catalogues can share a page. */
  private get hashPrefix(): string {
    return this.id ? `${this.id}.` : '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const doc = this.document;
    if (doc && doc !== this.rowsFor) {
      this.rowsFor = doc;
      this.itemIssues = [];
      this.rows = prepareRows(doc, doc.items ?? []);
      if (doc.itemsUrl) void this.loadItems(doc, doc.itemsUrl);
    }
  }

  private async loadItems(doc: GkCatalogue, url: string, reload = false): Promise<void> {
    this.itemsLoading = true;
    this.itemsError = undefined;
    const result = await fetchText(url, this.timeout, new AbortController().signal, reload);
    if (doc !== this.rowsFor) return;
    if (!result.ok) {
      this.itemsLoading = false;
      this.itemsError = result.issue;
      return;
    }
    // The first items show at once; the rest join at most every 250 ms (each join re-sorts), then once at the end.
    let pending: Row[] = [];
    let flushed = -Infinity;
    const flush = () => {
      if (!pending.length) return;
      this.rows = [...this.rows, ...pending];
      pending = [];
      flushed = performance.now();
    };
    const issues = await parseItemsInSlices(
      result.text,
      doc,
      this.rows.map((row) => row.item.id),
      (items) => {
        if (doc !== this.rowsFor || !items.length) return;
        pending = pending.concat(prepareRows(doc, items));
        if (performance.now() - flushed > 250) flush();
      },
    );
    if (doc !== this.rowsFor) return;
    flush();
    this.itemsLoading = false;
    this.itemIssues = issues;
    if (issues.length)
      console.warn(
        `[gongkai] <gk-catalogue> ${url}:\n  ${issues.map((issue) => formatIssue(issue, this.language)).join('\n  ')}`,
      );
  }

  /** Searches as the reader types, but not the pinyin of an input method mid-composition; typing does not fill the history. */
  private readonly onSearchInput = (event: Event): void => {
    if ((event as InputEvent).isComposing) return;
    const q = (event.target as HTMLInputElement).value;
    if (q !== this.query.q) this.set({ q }, true, true);
  };

  /** Changes the view and records it in the URL (a new history entry, so Back undoes it). */
  private set(change: Partial<ViewState>, resetPage = true, replace = false): void {
    this.query = { ...this.query, ...change, ...(resetPage && !('page' in change) ? { page: 1 } : {}) };
    const params = stateToHash(this.query, this.hashPrefix);
    // Keep other catalogues' parameters (and anything else) in the hash.
    const rest = new URLSearchParams(location.hash.replace(/^#/, ''));
    for (const key of [...rest.keys()]) if (isOwnKey(key, this.hashPrefix)) rest.delete(key);
    for (const [key, value] of params) rest.set(key, value);
    const hash = rest.toString();
    const url = hash ? `#${hash}` : location.pathname + location.search;
    // Typing replaces the entry (Back skips the letters); a filter, sort or page is a step Back can undo.
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
  }

  private columnValue(column: CatalogueColumn, item: CatalogueItem): unknown {
    const value = ownValue(item, column.key);
    if (value === undefined || value === '') return '—';
    switch (column.type) {
      case 'money':
        return typeof value === 'number' ? formatMoney(value, { lang: this.language }) : String(value);
      case 'date':
        return formatDate(String(value), this.language);
      case 'docNumber':
        return formatDocNumber(String(value));
      case 'link':
        return html`<a href=${ifDefined(href(String(value)))} rel=${ifDefined(rel(String(value)))}>${String(value)}</a>`;
      default:
        return this.highlight(String(value));
    }
  }

  private highlight(text: string): unknown {
    const parts = highlightParts(text, this.query.q);
    return parts.map((part, index) => (index % 2 === 1 ? html`<mark>${part}</mark>` : part));
  }

  private titleCell(row: Row): unknown {
    const item = row.item;
    const title = this.highlight(item.title);
    const link = item.url
      ? html`<a href=${ifDefined(href(item.url))} rel=${ifDefined(rel(item.url))}>${title}</a>`
      : title;
    if (!item.body) return link;
    const id = this.scopedId(`body-${item.id}`);
    const open = this.open.has(id);
    return html`${link}
      <button
        type="button"
        class="more"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${id}
        aria-label="${this.t('catalogue.fullText')}：${item.title}"
        @click=${() => (this.open = toggled(this.open, id))}
      >
        ${this.t('catalogue.fullText')}
      </button>
      <div class="full-text prose" id=${id} ?hidden=${!open}>${markdown(item.body, this.headingLevel + 2)}</div>`;
  }

  private exportRows(doc: GkCatalogue, rows: readonly Row[]): CsvCell[][] {
    const head = [
      'id',
      this.t('catalogue.title'),
      this.t('catalogue.date'),
      this.t('catalogue.number'),
      ...doc.columns.map((column) => column.label),
    ];
    return [
      [doc.title, `${this.t('catalogue.exportedAt')} ${today()}`],
      head,
      ...rows.map(({ item }) => [
        item.id,
        item.title,
        item.date ?? '',
        item.number ?? '',
        ...doc.columns.map((column) => ownValue(item, column.key) as CsvCell),
      ]),
    ];
  }

  private exportJson(doc: GkCatalogue, rows: readonly Row[], trigger: EventTarget | null): void {
    const payload = { title: doc.title, owner: doc.owner, exported: today(), items: rows.map((row) => row.item) };
    saveFile(
      { name: `${doc.title}.json`, type: 'application/json', text: JSON.stringify(payload, null, 2) },
      trigger as Element | null,
    );
  }

  /** Removes one active filter; focus goes to the chip now in its place, else the one before, else the 筛选 button or the search. */
  private async removeChip(chip: Chip, index: number): Promise<void> {
    this.set(chip.remove);
    await this.updateComplete;
    const chips = [...this.renderRoot.querySelectorAll<HTMLElement>('.chip')];
    const toggle = this.renderRoot.querySelector<HTMLElement>('.filter-toggle');
    const next =
      chips[Math.min(index, chips.length - 1)] ??
      (toggle?.offsetParent ? toggle : this.renderRoot.querySelector<HTMLElement>('input[type="search"]'));
    next?.focus();
  }

  /** Closes the filters panel; focus to its button (Escape) or to the count of results (the panel's own button). */
  private async closeFilters(focus: '.filter-toggle' | '.count-line'): Promise<void> {
    this.filtersOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  protected override renderDocument(doc: GkCatalogue) {
    const lang = this.language;
    const facets = facetColumns(doc);
    const facetKeys = [...facets.map((column) => column.key), 'year'];
    const { rows: matched, counts } = select(this.sortedRows(this.query.sort), this.query, facetKeys);
    const pages = Math.max(1, Math.ceil(matched.length / PAGE_SIZE));
    const page = Math.min(this.query.page, pages);
    const shown = matched.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const masked = doc.columns.filter((column) => column.deidentify && !column.exempt);
    const exempt = doc.columns.filter((column) => column.exempt);
    const tableColumns = doc.columns;
    // Cards where the element is narrow (a phone, a side column), a table elsewhere, unless the page or the reader chose.
    const view = this.view ?? (this.resize.narrow ? 'cards' : 'table');
    const chips = activeChips({ doc, query: this.query, t: (key, params) => this.t(key, params) });
    const filtered = !!this.query.q || chips.length > 0;
    const about = html`${doc.description ? html`<div class="prose">${markdown(doc.description, this.headingLevel + 1)}</div>` : nothing}
      ${
        masked.length
          ? html`<p class="notice">${this.t('catalogue.deidentified', { columns: masked.map((column) => `“${column.label}”`).join(lang === 'en' ? ', ' : '、') })}</p>`
          : nothing
      }
      ${exempt.map((column) => html`<p class="notice exempt">${this.t('catalogue.exempt', { column: `“${column.label}”`, reason: column.exempt ?? '' })}</p>`)}`;

    return html`<section class="catalogue" part="base" aria-labelledby=${this.scopedId('title')}>
      ${this.heading(0, doc.title, 'title', 'title')}
      <p class="meta">
        <span class="badge">${this.t(`catalogue.type.${doc.type}`)}</span> <span>${doc.owner}</span>
        ${doc.updated ? html`<span>${this.t('catalogue.updated', { date: formatDate(doc.updated, lang) })}</span>` : nothing}
      </p>
      ${
        doc.description || masked.length || exempt.length
          ? collapsible({
              id: this.scopedId('about'),
              label: this.t('catalogue.about'),
              open: this.aboutOpen,
              toggle: () => (this.aboutOpen = !this.aboutOpen),
              body: about,
              className: 'about',
            })
          : nothing
      }

      <div class="controls no-print">
        <label class="search" part="search">
          <span>${this.t('catalogue.search')}</span>
          <input
            type="search"
            .enterKeyHint=${'search'}
            .value=${live(this.query.q)}
            placeholder=${this.t('catalogue.searchHint')}
            @input=${this.onSearchInput}
            @compositionend=${this.onSearchInput}
          />
        </label>
        <button
          type="button"
          class="filter-toggle"
          aria-expanded=${this.filtersOpen ? 'true' : 'false'}
          aria-controls=${this.scopedId('filters')}
          @click=${() => (this.filtersOpen = !this.filtersOpen)}
        >
          ${chips.length ? this.t('catalogue.filterCount', { count: chips.length }) : this.t('catalogue.filter')}
        </button>
      </div>

      <div class="layout">
        ${renderFilters(
          {
            doc,
            query: this.query,
            counts,
            total: this.rows.length,
            matched: matched.length,
            view,
            open: this.filtersOpen,
            t: (key, params) => this.t(key, params),
            scopedId: (name) => this.scopedId(name),
            set: (change) => this.set(change),
            setView: (option) => (this.view = option),
            done: () => void this.closeFilters('.count-line'),
            close: () => void this.closeFilters('.filter-toggle'),
          },
          facets,
        )}
        <div class="results" part="results">
          <div class="results-head">
            <p class="count-line" role="status" tabindex="-1">
              ${filtered ? this.t('catalogue.resultsOf', { count: matched.length, total: this.rows.length }) : this.t('catalogue.results', { count: matched.length })}
              ${this.itemsLoading ? html` · ${this.t('catalogue.loadingItems')}` : nothing}
            </p>
            ${
              chips.length
                ? html`<ul class="chips no-print" aria-label=${this.t('catalogue.chosen')}>
                  ${chips.map(
                    (chip, index) => html`<li>
                      <button type="button" class="chip" aria-label=${this.t('catalogue.removeFilter', { filter: chip.label })} @click=${() => void this.removeChip(chip, index)}>
                        ${chip.label}<span aria-hidden="true">✕</span>
                      </button>
                    </li>`,
                  )}
                </ul>`
                : nothing
            }
            ${filtered ? html`<button type="button" class="clear no-print" @click=${() => this.set({ q: '', category: '', facets: {} })}>${this.t('catalogue.clear')}</button>` : nothing}
          </div>
          ${
            shown.length === 0
              ? html`<p class="empty">${this.t('catalogue.none')}</p>`
              : view === 'table'
                ? html`<div class="table-scroll" tabindex="0" role="region" aria-label="${doc.title}（${this.t('catalogue.view.table')}）">
                  <table>
                    <caption class="visually-hidden">${doc.title}</caption>
                    <thead>
                      <tr>
                        <th scope="col">${this.t('catalogue.title')}</th>
                        <th scope="col">${this.t('catalogue.date')}</th>
                        ${tableColumns.map((column) => html`<th scope="col">${column.label}</th>`)}
                      </tr>
                    </thead>
                    <tbody>
                      ${shown.map(
                        (row) => html`<tr>
                          <th scope="row">${this.titleCell(row)}${row.item.number ? html`<span class="number">${formatDocNumber(row.item.number)}</span>` : nothing}</th>
                          <td class="date">${row.item.date ? formatDate(row.item.date, lang) : '—'}</td>
                          ${tableColumns.map((column) => html`<td>${this.columnValue(column, row.item)}</td>`)}
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`
                : html`<ul class="cards">
                  ${shown.map(
                    (row) => html`<li>
                      <p class="card-title">${this.titleCell(row)}</p>
                      <dl>
                        ${row.item.date ? html`<dt>${this.t('catalogue.date')}</dt><dd>${formatDate(row.item.date, lang)}</dd>` : nothing}
                        ${row.item.number ? html`<dt>${this.t('catalogue.number')}</dt><dd>${formatDocNumber(row.item.number)}</dd>` : nothing}
                        ${doc.columns.map((column) => html`<dt>${column.label}</dt><dd>${this.columnValue(column, row.item)}</dd>`)}
                      </dl>
                    </li>`,
                  )}
                </ul>`
          }
          <div class="pager no-print">
            <button type="button" ?disabled=${page <= 1} @click=${() => this.set({ page: page - 1 }, false)}>${this.t('catalogue.previous')}</button>
            <span>${this.t('catalogue.page', { page, pages })}</span>
            <button type="button" ?disabled=${page >= pages} @click=${() => this.set({ page: page + 1 }, false)}>${this.t('catalogue.next')}</button>
          </div>
          <div class="buttons no-print">
            <button type="button" @click=${(event: Event) => downloadCsv(`${doc.title}.csv`, this.exportRows(doc, matched), event.currentTarget)}>${this.t('catalogue.exportCsv')}</button>
            <button type="button" @click=${(event: Event) => this.exportJson(doc, matched, event.currentTarget)}>${this.t('catalogue.exportJson')}</button>
          </div>
          ${
            this.itemsError
              ? html`<div class="state-error item-problems" role="alert">
                <p>${formatIssue(this.itemsError, lang)}</p>
                <button type="button" @click=${() => doc.itemsUrl && this.loadItems(doc, doc.itemsUrl, true)}>${this.t('state.retry')}</button>
              </div>`
              : nothing
          }
          ${
            this.itemIssues.length
              ? html`<div class="state-error item-problems" role="alert">
                <p>${this.t('catalogue.itemProblems', { count: this.itemIssues.length })}</p>
                <ul>${this.itemIssues.slice(0, 20).map((issue) => html`<li>${formatIssue(issue, lang)}</li>`)}</ul>
              </div>`
              : nothing
          }
        </div>
      </div>
    </section>`;
  }
}

defineElement('gk-catalogue', GkCatalogueElement);

declare global {
  interface HTMLElementTagNameMap {
    'gk-catalogue': GkCatalogueElement;
  }
}
