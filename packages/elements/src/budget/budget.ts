import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { BUDGET_VIEWS, budgetSchema, budgetSlices, formatDate, type GkBudget } from '@gongkai/core';
import { GkElement } from '../base/gk-element.js';
import { defineElement } from '../base/define.js';
import { chartStyles } from '../charts/chart.styles.js';
import { hostCardStyles } from '../charts/host-card.styles.js';
import { toggled } from '../base/internal/toggle.js';
import { ChartInteraction } from '../charts/interaction.js';
import { ResizeController } from '../charts/resize-controller.js';
import { budgetNarrowStyles, budgetStyles } from './budget.styles.js';
import { ancestry, buildTree, findNode, type BudgetNode } from './internal/model.js';
import {
  barsView,
  debtView,
  executionView,
  sangongView,
  tablesView,
  treemapView,
  yearsView,
  type ViewContext,
} from './internal/views.js';

export type BudgetView = (typeof BUDGET_VIEWS)[number];

/** Budget against final needs final figures somewhere in the tree. */
function hasFinal(items: GkBudget['functional']): boolean {
  return items.some((item) => item.values.some((row) => row.final !== undefined) || hasFinal(item.children ?? []));
}

/**
 * Budgets, final accounts and government debt (预决算公开) as charts a citizen
 * understands: a treemap to drill into, ranked bars, budget against final,
 * year over year, the three public expenses, debt, and the official tables.
 * Every chart has a one-sentence summary, a data table, CSV download, keyboard
 * navigation and tooltips that work by touch.
 *
 * @summary Budget charts. JSON: `"kind": "budget"`.
 *
 * @csspart base - The card.
 * @csspart title - The title.
 * @csspart tabs - The view switcher.
 * @csspart chart-summary - The one-sentence summary of a chart.
 * @csspart chart - The chart box.
 * @csspart tooltip - The tooltip.
 */
export class GkBudgetElement extends GkElement<typeof budgetSchema> {
  static override styles = [...GkElement.styles, hostCardStyles, chartStyles, budgetStyles, budgetNarrowStyles];

  protected readonly schema = budgetSchema;
  protected override readonly slices = budgetSlices;

  /** The view shown; defaults to the document's `defaultView`. Reflects the reader's choice. */
  @property({ reflect: true }) view?: BudgetView;

  /** The id (code) of the functional item the reader has opened; "" for all spending. */
  @state() private levelId = '';
  @state() private openTables = new Set<string>();
  @state() private announcement = '';
  /** Groups of rows the official tables show; grows one a task (see dataTable). */
  @state() private tableGroups = 1;
  private moreRowsTimer?: ReturnType<typeof setTimeout> | undefined;

  private tree?: BudgetNode;
  private treeFor?: GkBudget;
  private readonly resize = new ResizeController(this);
  private readonly primary = new ChartInteraction(this, {
    onActivate: (item) => this.open(item.id.split(':')[0]!),
    onBack: () => this.back(),
  });
  private readonly secondary = new ChartInteraction(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('data') || changed.has('src')) this.levelId = '';
    if (changed.has('data') || changed.has('src') || changed.has('view')) this.tableGroups = 1;
  }

  private views(doc: GkBudget): BudgetView[] {
    const all = doc.views ?? [...BUDGET_VIEWS];
    return all.filter((view) => {
      if (view === 'sangong') return !!doc.sangong?.length;
      if (view === 'debt') return !!doc.debt?.series.length;
      if (view === 'years') return doc.years.length > 1;
      if (view === 'execution') return hasFinal(doc.functional);
      return true;
    });
  }

  private currentView(doc: GkBudget): BudgetView {
    const views = this.views(doc);
    if (this.view && views.includes(this.view)) return this.view;
    if (doc.defaultView && views.includes(doc.defaultView)) return doc.defaultView;
    return views[0] ?? 'tables';
  }

  private root(doc: GkBudget): BudgetNode {
    // Rebuilt for a new document, and for a new language (the root is named "全部支出" / "All spending").
    if (!this.tree || this.treeFor !== doc || this.tree.name !== this.t('budget.all')) {
      this.tree = buildTree(doc.functional, this.t('budget.all'));
      this.treeFor = doc;
    }
    return this.tree;
  }

  /** Opens (drills into) a functional item. */
  open(id: string): void {
    const doc = this.document;
    if (!doc) return;
    const node = findNode(this.root(doc), id);
    if (!node?.children.length) return;
    this.levelId = id;
    this.announcement = this.t('budget.opened', { name: node.name, count: node.children.length });
    // Focus the first item as drawn (the largest), not the first in the data.
    void this.updateComplete.then(() => {
      const first = this.primary.items[0];
      if (first) void this.primary.focus(first.id);
    });
  }

  /** Goes one level up. */
  back(): void {
    const doc = this.document;
    if (!doc || !this.levelId) return;
    const node = findNode(this.root(doc), this.levelId);
    const parent = node?.parent;
    const previous = this.levelId;
    this.levelId = parent?.id ?? '';
    this.announcement = this.t('budget.opened', { name: parent?.name ?? '', count: parent?.children.length ?? 0 });
    void this.primary.focus(previous);
  }

  private selectView(view: BudgetView): void {
    this.view = view;
  }

  private onTabKeydown(event: KeyboardEvent, views: BudgetView[]): void {
    const current = views.indexOf(this.currentView(this.document!));
    let next = current;
    if (event.key === 'ArrowRight') next = (current + 1) % views.length;
    else if (event.key === 'ArrowLeft') next = (current - 1 + views.length) % views.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = views.length - 1;
    else return;
    event.preventDefault();
    this.selectView(views[next]!);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#${this.scopedId(`tab-${views[next]}`)}`)?.focus(),
    );
  }

  private renderBreadcrumbs(level: BudgetNode): unknown {
    const chain = ancestry(level);
    if (chain.length < 2) return nothing;
    return html`<nav class="crumbs" aria-label="${this.t('budget.level')}：${this.document?.title ?? ''}">
      <ol>
        ${chain.map((node, index) =>
          index === chain.length - 1
            ? html`<li aria-current="location">${node.name}</li>`
            : html`<li><button type="button" @click=${() => (this.levelId = node.id)}>${node.name}</button></li>`,
        )}
      </ol>
    </nav>`;
  }

  protected override renderDocument(doc: GkBudget) {
    const views = this.views(doc);
    const view = this.currentView(doc);
    const ctx = this.context(doc);
    const level = ctx.level;
    const crumbs = this.renderBreadcrumbs(level);
    const body = (() => {
      switch (view) {
        case 'treemap':
          return treemapView(ctx, crumbs);
        case 'bars':
          return barsView(ctx, crumbs);
        case 'execution':
          return executionView(ctx, crumbs);
        case 'years':
          return yearsView(ctx, crumbs);
        case 'sangong':
          return sangongView(ctx);
        case 'debt':
          return debtView(ctx);
        default:
          return tablesView(ctx);
      }
    })();
    const id = (name: string) => this.scopedId(name);
    return html`<section class="card" part="base" aria-labelledby=${id('title')}>
      ${this.heading(0, doc.title, 'title', 'title')}
      <p class="meta">
        <span>${doc.department}</span><span>${this.t(`budget.stageWord.${doc.stage}`)}</span><span
          >${this.t('budget.published', { date: formatDate(doc.published, this.language) })}</span
        ><span>${this.t('budget.unitNote', { unit: this.t(`unit.${doc.unit}`) })}</span>
      </p>
      ${
        views.length > 1
          ? html`<div role="tablist" part="tabs" aria-label=${this.t('budget.views')} @keydown=${(e: KeyboardEvent) => this.onTabKeydown(e, views)}>
            ${views.map(
              (candidate) => html`<button
                type="button"
                role="tab"
                id=${id(`tab-${candidate}`)}
                aria-selected=${candidate === view ? 'true' : 'false'}
                aria-controls=${id('panel')}
                tabindex=${candidate === view ? 0 : -1}
                @click=${() => this.selectView(candidate)}
              >
                ${this.t(`budget.view.${candidate}`)}
              </button>`,
            )}
          </div>`
          : nothing
      }
      <div id=${id('panel')} role=${ifDefined(views.length > 1 ? 'tabpanel' : undefined)} aria-labelledby=${ifDefined(views.length > 1 ? id(`tab-${view}`) : undefined)}>
        ${body}
      </div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      ${doc.source ? html`<p class="source">${doc.source}</p>` : nothing}
    </section>`;
  }

  /** What the views need: the document, the open level, the language, the width, the interactions. */
  private context(doc: GkBudget): ViewContext {
    const root = this.root(doc);
    return {
      doc,
      lang: this.language,
      t: (key, params) => this.t(key, params),
      heading: (offset, content) => this.heading(offset, content),
      scopedId: (name) => this.scopedId(name),
      elder: this.elderMode,
      width: this.resize.chartWidth,
      root,
      level: (this.levelId && findNode(root, this.levelId)) || root,
      primary: this.primary,
      secondary: this.secondary,
      isTableOpen: (id) => this.openTables.has(id),
      toggleTable: (id) => (this.openTables = toggled(this.openTables, id)),
      tableGroups: this.tableGroups,
      // A new task for each group, so the browser paints and handles input between them.
      moreRows: () =>
        void (this.moreRowsTimer ??= setTimeout(() => ((this.moreRowsTimer = undefined), this.tableGroups++))),
    };
  }
}

defineElement('gk-budget', GkBudgetElement);

declare global {
  interface HTMLElementTagNameMap {
    'gk-budget': GkBudgetElement;
  }
}
