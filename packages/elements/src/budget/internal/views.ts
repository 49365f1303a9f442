/**
 * The views of <gk-budget>. Each returns its template and tells its
 * ChartInteraction which items it shows, so keyboard navigation, tooltips, the
 * data table and the CSV always describe exactly what is drawn.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  formatChange,
  formatMoney,
  formatNumber,
  formatPercent,
  relativeChange,
  type CsvCell,
  type GkBudget,
  type Lang,
  type MessageKey,
  type MessageParams,
} from '@gongkai/core';
import { barChart, legend, type BarDatum, type BarGroup } from '../../charts/bars.js';
import { chartFigure, dataTable, ROWS_PER_GROUP, type DataTable } from '../../charts/figure.js';
import type { ChartInteraction } from '../../charts/interaction.js';
import { lineChart, type LineSeries } from '../../charts/lines.js';
import { CATEGORY_COLORS, PAIR_COLORS, categoryColor } from '../../charts/palette.js';
import { treemapChart } from '../../charts/treemap.js';
import {
  amount,
  bestAmount,
  buildTree,
  flatten,
  plannedAmount,
  previousYear,
  rowFor,
  sortedYears,
  stageMeasure,
  type BudgetNode,
} from './model.js';

export interface ViewContext {
  doc: GkBudget;
  lang: Lang;
  t(key: MessageKey, params?: MessageParams): string;
  /** A heading `offset` levels below the element's title. */
  heading(offset: number, content: unknown): TemplateResult;
  /** A DOM id of the element's own (prefixed per element in light-DOM mode). */
  scopedId(name: string): string;
  /** Elder mode: data tables show from the start. */
  elder: boolean;
  width: number;
  /** The functional tree and the level the reader has opened. */
  root: BudgetNode;
  level: BudgetNode;
  primary: ChartInteraction;
  secondary: ChartInteraction;
  isTableOpen(id: string): boolean;
  toggleTable(id: string): void;
  /** How many groups of rows the official tables draw now, and a request for one more group in a later task. */
  tableGroups: number;
  moreRows(): void;
}

const SANGONG_KEYS = [
  'travelAbroad',
  'vehiclePurchase',
  'vehicleOperation',
  'reception',
  'meeting',
  'training',
] as const;
type SangongRow = NonNullable<GkBudget['sangong']>[number];

/** The document's unit in the reader's language: 万元 / 10,000 yuan. */
const unitName = (ctx: ViewContext) => ctx.t(`unit.${ctx.doc.unit}`);
/** Readable money (1.23亿元) for summaries, labels and tooltips. */
const money = (ctx: ViewContext, value: number) => formatMoney(value, { from: ctx.doc.unit, lang: ctx.lang });
const yearText = (ctx: ViewContext, year: number) => ctx.t('budget.col.lastYear', { year });
const itemLabel = (node: BudgetNode) => (node.code ? `${node.code} ${node.name}` : node.name);
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : Number.NaN);
const end = (ctx: ViewContext, text: string) => text + ctx.t('budget.sum.end');

/** What the open level is called in a sentence: the item, or the department's spending as a whole. */
const levelName = (ctx: ViewContext) =>
  ctx.level.parent ? ctx.level.name : ctx.doc.department + (ctx.lang === 'en' ? ' spending' : '支出');

// ---------------------------------------------------------------------------
// One column list makes both the table (formatted) and the CSV (raw numbers).

type ColumnKind = 'text' | 'money' | 'percent' | 'change';
interface Column<R> {
  head: string;
  kind: ColumnKind;
  get(row: R): string | number | undefined;
  /** The column that names the row (th scope=row), shown first in the table. */
  rowHeader?: true;
}

function tabulate<R>(ctx: ViewContext, caption: string, columns: Column<R>[], rows: R[], unitInHeads = true) {
  const unit = unitName(ctx);
  const head = (column: Column<R>) =>
    column.kind === 'money' && unitInHeads ? `${column.head}（${unit}）` : column.head;
  const text = (column: Column<R>, row: R): string => {
    const value = column.get(row);
    if (value === undefined) return '—';
    if (typeof value === 'string') return value;
    if (column.kind === 'percent') return formatPercent(value, ctx.lang);
    if (column.kind === 'change') return formatChange(value, ctx.lang);
    return column.kind === 'money' ? formatNumber(value, ctx.lang, 2, 2) : String(value);
  };
  const raw = (column: Column<R>, row: R): CsvCell => {
    const value = column.get(row);
    if (typeof value !== 'number' || (column.kind !== 'percent' && column.kind !== 'change')) return value;
    return Number.isFinite(value) ? Number((value * 100).toFixed(2)) : '';
  };
  const ordered = [...columns.filter((c) => c.rowHeader), ...columns.filter((c) => !c.rowHeader)];
  const table: DataTable = {
    caption: unitInHeads ? `${caption} ${ctx.t('budget.unitNote', { unit })}` : caption,
    head: ordered.map(head),
    rows: rows.map((row) => ordered.map((column) => text(column, row))),
  };
  const csvHead = (column: Column<R>) =>
    column.kind === 'percent' || column.kind === 'change' ? `${column.head}（%）` : head(column);
  const csv: CsvCell[][] = [columns.map(csvHead), ...rows.map((row) => columns.map((column) => raw(column, row)))];
  return { table, csv };
}

const codeColumn = <R extends { node: BudgetNode }>(ctx: ViewContext): Column<R> => ({
  head: ctx.t('budget.col.code'),
  kind: 'text',
  get: (r) => r.node.code ?? '',
});
const nameColumn = <R extends { node: BudgetNode }>(ctx: ViewContext): Column<R> => ({
  head: ctx.t('budget.col.name'),
  kind: 'text',
  get: (r) => r.node.name,
  rowHeader: true,
});

/** The frame every chart view shares; the CSV is named after the document and the view. */
function frame(
  ctx: ViewContext,
  id: string,
  interaction: ChartInteraction,
  parts: {
    summary: string;
    chart: TemplateResult;
    tabulated: { table: DataTable; csv: CsvCell[][] };
    before?: unknown;
    after?: unknown;
  },
): TemplateResult {
  return chartFigure({
    id: ctx.scopedId(id),
    interaction,
    summary: parts.summary,
    chart: parts.chart,
    table: parts.tabulated.table,
    csv: { filename: `${ctx.doc.title}-${id}.csv`, rows: parts.tabulated.csv },
    tableOpen: ctx.isTableOpen(id),
    startOpen: ctx.elder,
    onToggleTable: () => ctx.toggleTable(id),
    labels: {
      showTable: ctx.t('chart.showTable'),
      hideTable: ctx.t('chart.hideTable'),
      download: ctx.t('chart.download'),
    },
    before: parts.before,
    after: parts.after,
  });
}

const empty = (ctx: ViewContext) => html`<p class="empty">${ctx.t('budget.noData')}</p>`;

// ---------------------------------------------------------------------------
// The open level: treemap and ranked bars.

/** The children of the open level with their amounts for the document's year and stage, largest first. */
function levelItems(ctx: ViewContext) {
  const measure = stageMeasure(ctx.doc.stage);
  const year = ctx.doc.year;
  const total = amount(ctx.level, year, measure) ?? 0;
  const rows = ctx.level.children
    .map((node, index) => ({ node, index, value: amount(node, year, measure) ?? 0 }))
    .sort((a, b) => b.value - a.value);
  return { measure, year, total, rows };
}

/** "2018年医疗卫生与计划生育支出预算1.23亿元，比上年增长5.2%，其中公立医院占42%。" */
export function levelSummary(ctx: ViewContext): string {
  const { measure, year, total, rows } = levelItems(ctx);
  let text = ctx.t('budget.sum.total', {
    year,
    name: levelName(ctx),
    measure: ctx.t(`budget.stageWord.${ctx.doc.stage}`),
    amount: money(ctx, total),
  });
  const previous = previousYear(ctx.doc, year);
  const before =
    previous === undefined ? undefined : (amount(ctx.level, previous, measure) ?? bestAmount(ctx.level, previous));
  if (before !== undefined && before > 0) text += changeClause(ctx, relativeChange(total, before));
  const largest = rows[0];
  if (largest && total > 0 && rows.length > 1) {
    text += ctx.t('budget.sum.largest', {
      name: largest.node.name,
      share: formatPercent(largest.value / total, ctx.lang, 0),
    });
  }
  return end(ctx, text);
}

/** "，比上年增长5.2%" / "，与上年持平". */
function changeClause(ctx: ViewContext, change: number): string {
  if (Math.abs(change) < 0.0005) return ctx.t('budget.sum.flat');
  return ctx.t('budget.sum.change', {
    direction: ctx.t(change > 0 ? 'budget.sum.up' : 'budget.sum.down'),
    change: formatPercent(Math.abs(change), ctx.lang),
  });
}

/** The open level's rows, share and table, and its summary sentence (written once: it is also the table's caption). */
function levelTable(ctx: ViewContext) {
  const { total, rows } = levelItems(ctx);
  const share = (value: number) =>
    ctx.t('chart.share', { share: formatPercent(total > 0 ? value / total : 0, ctx.lang) });
  const summary = levelSummary(ctx);
  const tabulated = tabulate<(typeof rows)[number]>(
    ctx,
    summary,
    [
      codeColumn(ctx),
      nameColumn(ctx),
      { head: ctx.t('budget.col.money'), kind: 'money', get: (r) => r.value },
      { head: ctx.t('budget.col.share'), kind: 'percent', get: (r) => ratio(r.value, total) },
    ],
    rows,
  );
  return { rows, share, tabulated, summary };
}

export function treemapView(ctx: ViewContext, breadcrumbs: unknown): TemplateResult {
  const { rows, share, tabulated, summary } = levelTable(ctx);
  const items = rows.map(({ node, index, value }) => ({
    id: node.id,
    label: itemLabel(node),
    value,
    display: money(ctx, value),
    detail: share(value),
    drillable: node.children.length > 0,
    color: categoryColor(index),
  }));
  ctx.primary.setItems(items);
  const { chart, unlabeled } = treemapChart({ items, width: ctx.width, label: summary, interaction: ctx.primary });
  return frame(ctx, 'treemap', ctx.primary, {
    summary,
    chart,
    tabulated,
    before: breadcrumbs,
    after: unlabeled.length
      ? html`<div class="small-items"><p>${ctx.t('chart.small')}</p><ul>${unlabeled.map((item) => html`<li>${item.label}：${item.display}（${item.detail}）</li>`)}</ul></div>`
      : nothing,
  });
}

export function barsView(ctx: ViewContext, breadcrumbs: unknown): TemplateResult {
  const { rows, share, tabulated, summary } = levelTable(ctx);
  const groups: BarGroup[] = rows.map(({ node, index, value }) => ({
    id: node.id,
    label: itemLabel(node),
    note: share(value),
    bars: [
      {
        id: node.id,
        label: itemLabel(node),
        value,
        display: money(ctx, value),
        detail: share(value),
        drillable: node.children.length > 0,
        color: categoryColor(index),
      },
    ],
  }));
  return barFrame(ctx, 'bars', ctx.primary, summary, groups, tabulated, breadcrumbs);
}

function barFrame(
  ctx: ViewContext,
  id: string,
  interaction: ChartInteraction,
  summary: string,
  groups: BarGroup[],
  tabulated: { table: DataTable; csv: CsvCell[][] },
  before?: unknown,
): TemplateResult {
  interaction.setItems(groups.flatMap((group) => group.bars));
  return frame(ctx, id, interaction, {
    summary,
    chart: barChart({ groups, width: ctx.width, label: summary, interaction }),
    tabulated,
    before,
  });
}

/** Two bars per row (budget and final, last year and this year, limit and balance), never summed. */
function pair(id: string, label: string, first: BarDatum, second: BarDatum, note?: string): BarGroup {
  return {
    id,
    label,
    ...(note ? { note } : {}),
    bars: [
      { ...first, color: PAIR_COLORS.first },
      { ...second, color: PAIR_COLORS.second },
    ],
  };
}

function pairLegend(first: string, second: string): TemplateResult {
  return legend([
    { id: 'first', label: first, color: PAIR_COLORS.first },
    { id: 'second', label: second, color: PAIR_COLORS.second },
  ]);
}

// ---------------------------------------------------------------------------
// Budget against final.

export function executionView(ctx: ViewContext, breadcrumbs: unknown): TemplateResult {
  const year = ctx.doc.year;
  const rows = ctx.level.children
    .map((node) => ({ node, planned: plannedAmount(node, year), final: amount(node, year, 'final') }))
    .filter(
      (row): row is { node: BudgetNode; planned: number; final: number } =>
        row.planned !== undefined && row.final !== undefined,
    );
  if (!rows.length) return empty(ctx);
  const rate = (row: { planned: number; final: number }) => ratio(row.final, row.planned);
  const planned = plannedAmount(ctx.level, year) ?? 0;
  const final = amount(ctx.level, year, 'final') ?? 0;
  let summary = ctx.t('budget.sum.execution', {
    year,
    name: levelName(ctx),
    final: money(ctx, final),
    budget: money(ctx, planned),
    rate: formatPercent(ratio(final, planned), ctx.lang),
  });
  const lowest = rows.filter((row) => row.planned > 0).sort((a, b) => rate(a) - rate(b))[0];
  if (lowest && rows.length > 1)
    summary += ctx.t('budget.sum.executionLowest', {
      name: lowest.node.name,
      rate: formatPercent(rate(lowest), ctx.lang),
    });
  summary = end(ctx, summary);

  const plannedLabel = ctx.t(amount(ctx.level, year, 'adjusted') !== undefined ? 'measure.adjusted' : 'measure.budget');
  const finalLabel = ctx.t('measure.final');
  const groups = rows.map((row) => {
    const label = itemLabel(row.node);
    const rateText = ctx.t('budget.rate', { rate: formatPercent(rate(row), ctx.lang) });
    return pair(
      row.node.id,
      label,
      {
        id: `${row.node.id}:planned`,
        label: `${label} ${plannedLabel}`,
        value: row.planned,
        display: money(ctx, row.planned),
      },
      {
        id: `${row.node.id}:final`,
        label: `${label} ${finalLabel}`,
        value: row.final,
        display: money(ctx, row.final),
        detail: rateText,
        drillable: row.node.children.length > 0,
      },
      rateText,
    );
  });
  const tabulated = tabulate<(typeof rows)[number]>(
    ctx,
    summary,
    [
      codeColumn(ctx),
      nameColumn(ctx),
      { head: plannedLabel, kind: 'money', get: (r) => r.planned },
      { head: finalLabel, kind: 'money', get: (r) => r.final },
      { head: ctx.t('budget.col.rate'), kind: 'percent', get: rate },
    ],
    rows,
  );
  return barFrame(
    ctx,
    'execution',
    ctx.primary,
    summary,
    groups,
    tabulated,
    html`${breadcrumbs}${pairLegend(plannedLabel, finalLabel)}`,
  );
}

// ---------------------------------------------------------------------------
// Year over year.

export function yearsView(ctx: ViewContext, breadcrumbs: unknown): TemplateResult {
  const years = sortedYears(ctx.doc);
  if (years.length < 2) return empty(ctx);
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const nodes = ctx.level.children
    .map((node) => ({ node, latest: bestAmount(node, last) ?? 0 }))
    .sort((a, b) => b.latest - a.latest);
  // More than eight lines cannot be told apart; the table lists every item.
  const series: LineSeries[] = nodes.slice(0, CATEGORY_COLORS.length - 2).map(({ node }, index) => ({
    id: node.id,
    label: node.name,
    color: categoryColor(index),
    points: years.flatMap((year, i) => {
      const value = bestAmount(node, year);
      if (value === undefined) return [];
      const before = i > 0 ? bestAmount(node, years[i - 1]!) : undefined;
      const detail = before === undefined ? undefined : formatChange(relativeChange(value, before), ctx.lang);
      return [
        {
          id: `${node.id}@${year}`,
          x: String(year),
          value,
          label: `${node.name} ${yearText(ctx, year)}`,
          display: money(ctx, value),
          ...(detail ? { detail } : {}),
        },
      ];
    }),
  }));
  ctx.primary.setItems(series.flatMap((line) => line.points));

  const from = bestAmount(ctx.level, first) ?? 0;
  const to = bestAmount(ctx.level, last) ?? 0;
  let summary = ctx.t('budget.sum.years', {
    first,
    last,
    name: levelName(ctx),
    from: money(ctx, from),
    to: money(ctx, to),
    direction: ctx.t(to >= from ? 'budget.sum.up' : 'budget.sum.down'),
  });
  const growth = (node: BudgetNode, since: number) =>
    relativeChange(bestAmount(node, last) ?? Number.NaN, bestAmount(node, since) ?? Number.NaN);
  const fastest = nodes
    .map(({ node }) => ({ node, change: growth(node, first) }))
    .filter((row) => Number.isFinite(row.change))
    .sort((a, b) => b.change - a.change)[0];
  if (fastest && nodes.length > 1)
    summary += ctx.t('budget.sum.fastest', { name: fastest.node.name, change: formatChange(fastest.change, ctx.lang) });
  summary = end(ctx, summary);

  const tabulated = tabulate(
    ctx,
    summary,
    [
      codeColumn(ctx),
      nameColumn(ctx),
      ...years.map((year): Column<{ node: BudgetNode }> => ({
        head: String(year),
        kind: 'money',
        get: (r) => bestAmount(r.node, year),
      })),
      { head: ctx.t('budget.col.changeRate'), kind: 'change', get: (r) => growth(r.node, years[years.length - 2]!) },
    ],
    nodes,
  );
  return frame(ctx, 'years', ctx.primary, {
    summary,
    chart: lineChart({
      series,
      xValues: years.map(String),
      width: ctx.width,
      label: summary,
      interaction: ctx.primary,
      formatTick: (value) => formatMoney(value, { from: ctx.doc.unit, lang: ctx.lang, digits: 1 }),
    }),
    tabulated,
    before: html`${breadcrumbs}${legend(series.map((line) => ({ id: line.id, label: line.label, color: line.color! })))}`,
  });
}

// ---------------------------------------------------------------------------
// The three public expenses.

interface SangongLine {
  id: string;
  label: string;
  now: number;
  before: number | undefined;
}

/** This year's and last year's 三公 rows, and one line per expense plus the total. */
function sangongLines(ctx: ViewContext, totalFirst: boolean) {
  const rows = [...(ctx.doc.sangong ?? [])].sort((a, b) => a.year - b.year);
  const current = rows.find((row) => row.year === ctx.doc.year) ?? rows[rows.length - 1];
  if (!current) return undefined;
  const previous = rows.filter((row) => row.year < current.year).pop();
  const total = (row: SangongRow) => row.travelAbroad + row.vehiclePurchase + row.vehicleOperation + row.reception;
  const items: SangongLine[] = SANGONG_KEYS.filter(
    (key) => current[key] !== undefined || previous?.[key] !== undefined,
  ).map((key) => ({
    id: key,
    label: ctx.t(`budget.sangong.${key}`),
    now: current[key] ?? 0,
    before: previous?.[key],
  }));
  const sum: SangongLine = {
    id: 'total',
    label: ctx.t('budget.sangong.total'),
    now: total(current),
    before: previous ? total(previous) : undefined,
  };
  return { current, previous, lines: totalFirst ? [sum, ...items] : [...items, sum] };
}

function sangongTabulate(
  ctx: ViewContext,
  caption: string,
  data: NonNullable<ReturnType<typeof sangongLines>>,
  unitInHeads = true,
) {
  const { current, previous, lines } = data;
  const change = (line: SangongLine) => (line.before === undefined ? undefined : line.now - line.before);
  return tabulate(
    ctx,
    caption,
    [
      { head: ctx.t('budget.col.item'), kind: 'text', get: (line: SangongLine) => line.label, rowHeader: true },
      ...(previous
        ? [{ head: yearText(ctx, previous.year), kind: 'money' as const, get: (line: SangongLine) => line.before }]
        : []),
      { head: yearText(ctx, current.year), kind: 'money', get: (line) => line.now },
      ...(previous
        ? [
            { head: ctx.t('budget.col.change'), kind: 'money' as const, get: change },
            {
              head: ctx.t('budget.col.changeRate'),
              kind: 'change' as const,
              get: (line: SangongLine) =>
                line.before === undefined ? undefined : relativeChange(line.now, line.before),
            },
          ]
        : []),
    ],
    lines,
    unitInHeads,
  );
}

export function sangongView(ctx: ViewContext): TemplateResult {
  const data = sangongLines(ctx, false);
  if (!data) return empty(ctx);
  const { current, previous, lines } = data;
  const total = lines[lines.length - 1]!;
  let summary = ctx.t('budget.sum.sangong', { year: current.year, amount: money(ctx, total.now) });
  if (total.before) summary += changeClause(ctx, relativeChange(total.now, total.before));
  summary = end(ctx, summary);

  const nowLabel = yearText(ctx, current.year);
  const groups: BarGroup[] = lines.map((line) => {
    const change = line.before !== undefined ? relativeChange(line.now, line.before) : Number.NaN;
    const note = Number.isFinite(change) ? formatChange(change, ctx.lang) : undefined;
    const now: BarDatum = {
      id: `${line.id}:now`,
      label: `${line.label} ${nowLabel}`,
      value: line.now,
      display: money(ctx, line.now),
      ...(note ? { detail: note } : {}),
    };
    if (!previous) return { id: line.id, label: line.label, bars: [{ ...now, color: PAIR_COLORS.second }] };
    const before = line.before ?? 0;
    return pair(
      line.id,
      line.label,
      {
        id: `${line.id}:before`,
        label: `${line.label} ${yearText(ctx, previous.year)}`,
        value: before,
        display: money(ctx, before),
      },
      now,
      note,
    );
  });
  const legendTemplate = previous ? pairLegend(yearText(ctx, previous.year), nowLabel) : nothing;
  return html`${barFrame(ctx, 'sangong', ctx.primary, summary, groups, sangongTabulate(ctx, summary, data), legendTemplate)}
    ${ctx.doc.sangongNote ? html`<p class="note-text">${ctx.doc.sangongNote}</p>` : nothing}`;
}

// ---------------------------------------------------------------------------
// Government debt.

export function debtView(ctx: ViewContext): TemplateResult {
  const debt = ctx.doc.debt;
  if (!debt?.series.length) return empty(ctx);
  const series = [...debt.series].sort((a, b) => a.year - b.year);
  const latest = series[series.length - 1]!;
  const limitLabel = ctx.t('budget.col.limit');
  const balanceLabel = ctx.t('budget.col.balance');
  const summary = end(
    ctx,
    ctx.t('budget.sum.debt', {
      year: latest.year,
      balance: money(ctx, latest.balance),
      limit: money(ctx, latest.limit),
      share: formatPercent(ratio(latest.balance, latest.limit), ctx.lang),
    }),
  );
  const groups = series.map((row) => {
    const label = yearText(ctx, row.year);
    return pair(
      String(row.year),
      label,
      { id: `${row.year}:limit`, label: `${label} ${limitLabel}`, value: row.limit, display: money(ctx, row.limit) },
      {
        id: `${row.year}:balance`,
        label: `${label} ${balanceLabel}`,
        value: row.balance,
        display: money(ctx, row.balance),
      },
      formatPercent(ratio(row.balance, row.limit), ctx.lang),
    );
  });
  type DebtRow = (typeof series)[number];
  const yearColumn = {
    head: ctx.t('budget.col.year'),
    kind: 'text' as const,
    get: (row: { year: number }) => String(row.year),
    rowHeader: true as const,
  };
  const seriesFigure = barFrame(
    ctx,
    'debt',
    ctx.primary,
    summary,
    groups,
    tabulate<DebtRow>(
      ctx,
      summary,
      [
        yearColumn,
        { head: limitLabel, kind: 'money', get: (row) => row.limit },
        { head: balanceLabel, kind: 'money', get: (row) => row.balance },
        { head: ctx.t('budget.col.borrowing'), kind: 'money', get: (row) => row.borrowing },
        { head: ctx.t('budget.col.repayment'), kind: 'money', get: (row) => row.repayment },
      ],
      series,
    ),
    pairLegend(limitLabel, balanceLabel),
  );

  const schedule = [...(debt.schedule ?? [])].sort((a, b) => a.year - b.year);
  let scheduleFigure: unknown = nothing;
  if (schedule.length) {
    const totalPrincipal = schedule.reduce((sum, row) => sum + row.principal, 0);
    const peak = [...schedule].sort((a, b) => b.principal - a.principal)[0]!;
    const scheduleSummary = end(
      ctx,
      ctx.t('budget.sum.schedule', {
        first: schedule[0]!.year,
        last: schedule[schedule.length - 1]!.year,
        total: money(ctx, totalPrincipal),
        peak: peak.year,
        amount: money(ctx, peak.principal),
      }),
    );
    const principalLabel = ctx.t('budget.col.principal');
    const scheduleGroups: BarGroup[] = schedule.map((row) => {
      const label = yearText(ctx, row.year);
      return {
        id: `due-${row.year}`,
        label,
        bars: [
          {
            id: `due-${row.year}`,
            label: `${label} ${principalLabel}`,
            value: row.principal,
            display: money(ctx, row.principal),
            color: CATEGORY_COLORS[0],
          },
        ],
      };
    });
    type DueRow = (typeof schedule)[number];
    scheduleFigure = html`<div class="sub-heading">${ctx.heading(1, ctx.t('budget.debt.schedule'))}</div>
      ${barFrame(
        ctx,
        'schedule',
        ctx.secondary,
        scheduleSummary,
        scheduleGroups,
        tabulate<DueRow>(
          ctx,
          scheduleSummary,
          [
            yearColumn,
            { head: principalLabel, kind: 'money', get: (row) => row.principal },
            { head: ctx.t('budget.col.interest'), kind: 'money', get: (row) => row.interest },
          ],
          schedule,
        ),
      )}`;
  }
  return html`${seriesFigure}${scheduleFigure}
    ${debt.term ? html`<p class="note-text">${debt.term}</p>` : nothing}
    ${debt.use ? html`<p class="note-text">${debt.use}</p>` : nothing}`;
}

// ---------------------------------------------------------------------------
// The standard disclosure tables, as real HTML tables from the same data.

/** A table in its own scrolling region, drawn up to `ctx.tableGroups` groups of rows (more are asked for until all are there). */
const scrollable = (ctx: ViewContext, label: string, table: DataTable) => {
  if (table.rows.length > ctx.tableGroups * ROWS_PER_GROUP) ctx.moreRows();
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${label}>${dataTable(table, ctx.tableGroups)}</div>`;
};

export function tablesView(ctx: ViewContext): TemplateResult {
  const { doc } = ctx;
  const measure = stageMeasure(doc.stage);
  const year = doc.year;
  const title = (key: MessageKey) =>
    `${doc.title} ${ctx.t(key)}（${ctx.t(`budget.stageWord.${doc.stage}`)}，${ctx.t('budget.unitNote', { unit: unitName(ctx) })}）`;
  const cell = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value, ctx.lang, 2, 2));

  // 收支总表: revenue by source beside spending by 类.
  const revenue = (doc.revenue ?? []).map((item) => ({
    name: item.name,
    value: item.values.find((row) => row.year === year)?.[measure],
  }));
  const spending = ctx.root.children.map((node) => ({ name: itemLabel(node), value: amount(node, year, measure) }));
  // The shorter side's rows stay blank (no row header, no "—"): there is no item there.
  const side = (item: { name: string; value: number | undefined } | undefined) =>
    item ? [item.name, cell(item.value)] : ['', ''];
  const summaryRows: string[][] = [];
  for (let i = 0; i < Math.max(revenue.length, spending.length); i++)
    summaryRows.push([...side(revenue[i]), ...side(spending[i])]);
  const revenueTotal = revenue.reduce((sum, row) => sum + (row.value ?? 0), 0);
  summaryRows.push([
    ctx.t('budget.table.revenueTotal'),
    revenue.length ? cell(revenueTotal) : '—',
    ctx.t('budget.table.spendingTotal'),
    cell(amount(ctx.root, year, measure)),
  ]);
  const amountHead = ctx.t('budget.col.amount', { unit: unitName(ctx) });

  // 一般公共预算支出表: every 类/款/项 with basic and project columns.
  const nodes = flatten(ctx.root).map((node) => ({ node }));
  const hasNotes = nodes.some(({ node }) => node.note);
  const functional = tabulate(
    ctx,
    title('budget.table.functional'),
    [
      { ...codeColumn(ctx), rowHeader: true },
      { head: ctx.t('budget.col.name'), kind: 'text', get: (r) => `${'　'.repeat(r.node.depth - 1)}${r.node.name}` },
      { head: ctx.t('budget.col.total'), kind: 'money', get: (r) => amount(r.node, year, measure) },
      { head: ctx.t('measure.basic'), kind: 'money', get: (r) => rowFor(r.node, year)?.basic },
      { head: ctx.t('measure.project'), kind: 'money', get: (r) => rowFor(r.node, year)?.project },
      ...(hasNotes
        ? [
            {
              head: ctx.t('budget.col.note'),
              kind: 'text' as const,
              get: (r: { node: BudgetNode }) => r.node.note ?? '',
            },
          ]
        : []),
    ],
    nodes,
    false,
  );

  // 一般公共预算基本支出表: basic spending by economic classification (301 工资福利支出 …).
  const economicRoot = doc.economic?.length ? buildTree(doc.economic, '') : undefined;
  const economic = economicRoot
    ? tabulate(
        ctx,
        title('budget.table.economic'),
        [
          { ...codeColumn(ctx), rowHeader: true },
          {
            head: ctx.t('budget.col.name'),
            kind: 'text',
            get: (r) => `${'　'.repeat(r.node.depth - 1)}${r.node.name}`,
          },
          { head: ctx.t('budget.col.money'), kind: 'money', get: (r) => amount(r.node, year, measure) },
        ],
        flatten(economicRoot).map((node) => ({ node })),
        false,
      )
    : undefined;

  const sangong = sangongLines(ctx, true);
  return html`<div class="official-tables">
    ${scrollable(ctx, ctx.t('budget.table.summary'), {
      caption: title('budget.table.summary'),
      head: [ctx.t('budget.table.revenue'), amountHead, ctx.t('budget.table.spending'), amountHead],
      rows: summaryRows,
    })}
    ${scrollable(ctx, ctx.t('budget.table.functional'), functional.table)}
    ${economic ? scrollable(ctx, ctx.t('budget.table.economic'), economic.table) : nothing}
    ${sangong ? scrollable(ctx, ctx.t('budget.table.sangong'), sangongTabulate(ctx, title('budget.table.sangong'), sangong, false).table) : nothing}
  </div>`;
}
