/**
 * The views of <gk-budget>. Each returns its template and tells its
 * ChartInteraction which items it shows, so keyboard navigation, tooltips and
 * the data table always describe exactly what is drawn.
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
import { barChart, legend, type BarGroup } from '../../charts/bars.js';
import { chartFigure, dataTable, type DataTable } from '../../charts/figure.js';
import type { ChartInteraction } from '../../charts/interaction.js';
import { lineChart, type LineSeries } from '../../charts/lines.js';
import { CATEGORY_COLORS, PAIR_COLORS, categoryColor } from '../../charts/palette.js';
import { treemapChart } from '../../charts/treemap.js';
import {
  amount,
  bestAmount,
  flatten,
  plannedAmount,
  previousYear,
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
  width: number;
  /** The functional tree and the level the reader has opened. */
  root: BudgetNode;
  level: BudgetNode;
  primary: ChartInteraction;
  secondary: ChartInteraction;
  isTableOpen(id: string): boolean;
  toggleTable(id: string): void;
}

const SANGONG_KEYS = ['travelAbroad', 'vehiclePurchase', 'vehicleOperation', 'reception', 'meeting', 'training'] as const;

/** The document's unit in the reader's language: 万元 / 10,000 yuan. */
function unitName(ctx: ViewContext): string {
  return ctx.t(`unit.${ctx.doc.unit}`);
}

/** Readable money (1.23亿元) for summaries, labels and tooltips. */
function money(ctx: ViewContext, value: number): string {
  return formatMoney(value, { from: ctx.doc.unit, lang: ctx.lang });
}

/** Money as the official tables print it: the document's unit, two decimals, no unit suffix. */
function tableMoney(ctx: ViewContext, value: number | undefined): string {
  return value === undefined ? '—' : formatNumber(value, ctx.lang, 2, 2);
}

function figureLabels(ctx: ViewContext) {
  return { showTable: ctx.t('chart.showTable'), hideTable: ctx.t('chart.hideTable'), download: ctx.t('chart.download') };
}

function frame(ctx: ViewContext, id: string, interaction: ChartInteraction, parts: {
  summary: string;
  chart: TemplateResult;
  table: DataTable;
  csv: CsvCell[][];
  before?: unknown;
  after?: unknown;
}): TemplateResult {
  return chartFigure({
    id,
    interaction,
    summary: parts.summary,
    chart: parts.chart,
    table: parts.table,
    csv: { filename: `${ctx.doc.title}-${id}.csv`, rows: parts.csv },
    tableOpen: ctx.isTableOpen(id),
    onToggleTable: () => ctx.toggleTable(id),
    labels: figureLabels(ctx),
    before: parts.before,
    after: parts.after,
  });
}

/** The children of the open level with their amounts for the document's year and stage. */
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
  const name = levelName(ctx);
  let text = ctx.t('budget.sum.total', { year, name, measure: ctx.t(`budget.stageWord.${ctx.doc.stage}`), amount: money(ctx, total) });
  const previous = previousYear(ctx.doc, year);
  const before = previous === undefined ? undefined : (amount(ctx.level, previous, measure) ?? bestAmount(ctx.level, previous));
  if (before !== undefined && before > 0) {
    const change = relativeChange(total, before);
    if (Math.abs(change) < 0.0005) text += ctx.t('budget.sum.flat');
    else text += ctx.t('budget.sum.change', { direction: ctx.t(change > 0 ? 'budget.sum.up' : 'budget.sum.down'), change: formatPercent(Math.abs(change), ctx.lang) });
  }
  const largest = rows[0];
  if (largest && total > 0 && rows.length > 1) {
    text += ctx.t('budget.sum.largest', { name: largest.node.name, share: formatPercent(largest.value / total, ctx.lang, 0) });
  }
  return text + ctx.t('budget.sum.end');
}

/** What the open level is called in a sentence: the item, or the department's spending as a whole. */
function levelName(ctx: ViewContext): string {
  return ctx.level.parent ? ctx.level.name : ctx.doc.department + (ctx.lang === 'en' ? ' spending' : '支出');
}

function shareText(ctx: ViewContext, value: number, total: number): string {
  return ctx.t('chart.share', { share: formatPercent(total > 0 ? value / total : 0, ctx.lang) });
}

function levelTable(ctx: ViewContext, total: number, rows: Array<{ node: BudgetNode; value: number }>) {
  const table: DataTable = {
    caption: `${levelSummary(ctx)} ${ctx.t('budget.unitNote', { unit: unitName(ctx) })}`,
    head: [ctx.t('budget.col.name'), ctx.t('budget.col.code'), ctx.t('budget.col.amount', { unit: unitName(ctx) }), ctx.t('budget.col.share')],
    rows: rows.map(({ node, value }) => [node.name, node.code ?? '', tableMoney(ctx, value), formatPercent(total > 0 ? value / total : 0, ctx.lang)]),
  };
  const csv: CsvCell[][] = [
    [ctx.t('budget.col.code'), ctx.t('budget.col.name'), ctx.t('budget.col.amount', { unit: unitName(ctx) }), ctx.t('budget.col.share')],
    ...rows.map(({ node, value }) => [node.code ?? '', node.name, value, total > 0 ? Number(((value / total) * 100).toFixed(2)) : 0]),
  ];
  return { table, csv };
}

export function treemapView(ctx: ViewContext, breadcrumbs: unknown): TemplateResult {
  const { total, rows } = levelItems(ctx);
  const items = rows.map(({ node, index, value }) => ({
    id: node.id,
    label: node.code ? `${node.code} ${node.name}` : node.name,
    value,
    display: money(ctx, value),
    detail: shareText(ctx, value, total),
    drillable: node.children.length > 0,
    color: categoryColor(index),
  }));
  ctx.primary.setItems(items);
  const { chart, unlabeled } = treemapChart({ items, width: ctx.width, label: levelSummary(ctx), interaction: ctx.primary });
  const { table, csv } = levelTable(ctx, total, rows);
  return frame(ctx, 'treemap', ctx.primary, {
    summary: levelSummary(ctx),
    chart,
    table,
    csv,
    before: breadcrumbs,
    after: unlabeled.length
      ? html`<div class="small-items"><p>${ctx.t('chart.small')}</p><ul>${unlabeled.map((item) => html`<li>${item.label}：${item.display}（${item.detail}）</li>`)}</ul></div>`
      : nothing,
  });
}

export function barsView(ctx: ViewContext, breadcrumbs: unknown): TemplateResult {
  const { total, rows } = levelItems(ctx);
  const groups: BarGroup[] = rows.map(({ node, index, value }) => {
    const label = node.code ? `${node.code} ${node.name}` : node.name;
    const share = shareText(ctx, value, total);
    return {
      id: node.id,
      label,
      note: share,
      bars: [{ id: node.id, label, value, display: money(ctx, value), detail: share, drillable: node.children.length > 0, color: categoryColor(index) }],
    };
  });
  ctx.primary.setItems(groups.flatMap((group) => group.bars));
  const { table, csv } = levelTable(ctx, total, rows);
  return frame(ctx, 'bars', ctx.primary, {
    summary: levelSummary(ctx),
    chart: barChart({ groups, width: ctx.width, label: levelSummary(ctx), interaction: ctx.primary }),
    table,
    csv,
    before: breadcrumbs,
  });
}

export function executionView(ctx: ViewContext, breadcrumbs: unknown): TemplateResult {
  const year = ctx.doc.year;
  const rows = ctx.level.children
    .map((node) => ({ node, planned: plannedAmount(node, year), final: amount(node, year, 'final') }))
    .filter((row): row is { node: BudgetNode; planned: number; final: number } => row.planned !== undefined && row.final !== undefined);
  if (!rows.length) return html`<p class="empty">${ctx.t('budget.noData')}</p>`;
  const planned = plannedAmount(ctx.level, year) ?? 0;
  const final = amount(ctx.level, year, 'final') ?? 0;
  const rate = (row: { planned: number; final: number }) => (row.planned > 0 ? row.final / row.planned : Number.NaN);
  const name = levelName(ctx);
  let summary = ctx.t('budget.sum.execution', { year, name, final: money(ctx, final), budget: money(ctx, planned), rate: formatPercent(planned > 0 ? final / planned : Number.NaN, ctx.lang) });
  const lowest = [...rows].filter((row) => row.planned > 0).sort((a, b) => rate(a) - rate(b))[0];
  if (lowest && rows.length > 1) summary += ctx.t('budget.sum.executionLowest', { name: lowest.node.name, rate: formatPercent(rate(lowest), ctx.lang) });
  summary += ctx.t('budget.sum.end');

  const plannedLabel = ctx.t(amount(ctx.level, year, 'adjusted') !== undefined ? 'measure.adjusted' : 'measure.budget');
  const finalLabel = ctx.t('measure.final');
  const groups: BarGroup[] = rows.map((row) => {
    const label = row.node.code ? `${row.node.code} ${row.node.name}` : row.node.name;
    const rateText = ctx.t('budget.rate', { rate: formatPercent(rate(row), ctx.lang) });
    return {
      id: row.node.id,
      label,
      note: rateText,
      bars: [
        { id: `${row.node.id}:planned`, label: `${label} ${plannedLabel}`, value: row.planned, display: money(ctx, row.planned), color: PAIR_COLORS.first, drillable: false },
        { id: `${row.node.id}:final`, label: `${label} ${finalLabel}`, value: row.final, display: money(ctx, row.final), detail: rateText, color: PAIR_COLORS.second, drillable: row.node.children.length > 0 },
      ],
    };
  });
  ctx.primary.setItems(groups.flatMap((group) => group.bars));
  const table: DataTable = {
    caption: `${summary} ${ctx.t('budget.unitNote', { unit: unitName(ctx) })}`,
    head: [ctx.t('budget.col.name'), ctx.t('budget.col.code'), plannedLabel, finalLabel, ctx.t('budget.col.rate')],
    rows: rows.map((row) => [row.node.name, row.node.code ?? '', tableMoney(ctx, row.planned), tableMoney(ctx, row.final), formatPercent(rate(row), ctx.lang)]),
  };
  const csv: CsvCell[][] = [
    [ctx.t('budget.col.code'), ctx.t('budget.col.name'), `${plannedLabel}（${unitName(ctx)}）`, `${finalLabel}（${unitName(ctx)}）`, `${ctx.t('budget.col.rate')}（%）`],
    ...rows.map((row) => [row.node.code ?? '', row.node.name, row.planned, row.final, Number((rate(row) * 100).toFixed(2))]),
  ];
  return frame(ctx, 'execution', ctx.primary, {
    summary,
    chart: barChart({ groups, width: ctx.width, label: summary, interaction: ctx.primary }),
    table,
    csv,
    before: html`${breadcrumbs}${legend([
      { id: 'planned', label: plannedLabel, color: PAIR_COLORS.first },
      { id: 'final', label: finalLabel, color: PAIR_COLORS.second },
    ])}`,
  });
}

export function yearsView(ctx: ViewContext, breadcrumbs: unknown): TemplateResult {
  const years = sortedYears(ctx.doc);
  if (years.length < 2) return html`<p class="empty">${ctx.t('budget.noData')}</p>`;
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const nodes = ctx.level.children
    .map((node) => ({ node, latest: bestAmount(node, last) ?? 0 }))
    .sort((a, b) => b.latest - a.latest);
  // More than eight lines cannot be told apart; the table lists every item.
  const drawn = nodes.slice(0, CATEGORY_COLORS.length - 2);
  const series: LineSeries[] = drawn.map(({ node }, index) => ({
    id: node.id,
    label: node.name,
    color: categoryColor(index),
    points: years.flatMap((year) => {
      const value = bestAmount(node, year);
      if (value === undefined) return [];
      const before = year > first ? bestAmount(node, year - 1) : undefined;
      const change = before === undefined ? undefined : formatChange(relativeChange(value, before), ctx.lang);
      return [{ id: `${node.id}@${year}`, x: String(year), value, label: `${node.name} ${year}${ctx.lang === 'en' ? '' : '年'}`, display: money(ctx, value), ...(change ? { detail: change } : {}) }];
    }),
  }));
  ctx.primary.setItems(series.flatMap((line) => line.points));

  const name = levelName(ctx);
  const from = bestAmount(ctx.level, first) ?? 0;
  const to = bestAmount(ctx.level, last) ?? 0;
  let summary = ctx.t('budget.sum.years', { first, last, name, from: money(ctx, from), to: money(ctx, to), direction: ctx.t(to >= from ? 'budget.sum.up' : 'budget.sum.down') });
  const growth = nodes
    .map(({ node }) => ({ node, change: relativeChange(bestAmount(node, last) ?? Number.NaN, bestAmount(node, first) ?? Number.NaN) }))
    .filter((row) => Number.isFinite(row.change))
    .sort((a, b) => b.change - a.change)[0];
  if (growth && nodes.length > 1) summary += ctx.t('budget.sum.fastest', { name: growth.node.name, change: formatChange(growth.change, ctx.lang) });
  summary += ctx.t('budget.sum.end');

  const lastChange = (node: BudgetNode) => relativeChange(bestAmount(node, last) ?? Number.NaN, bestAmount(node, years[years.length - 2]!) ?? Number.NaN);
  const table: DataTable = {
    caption: `${summary} ${ctx.t('budget.unitNote', { unit: unitName(ctx) })}`,
    head: [ctx.t('budget.col.name'), ...years.map(String), ctx.t('budget.col.changeRate')],
    rows: nodes.map(({ node }) => [node.name, ...years.map((year) => tableMoney(ctx, bestAmount(node, year))), formatChange(lastChange(node), ctx.lang)]),
  };
  const csv: CsvCell[][] = [
    [ctx.t('budget.col.code'), ctx.t('budget.col.name'), ...years.map((year) => `${year}（${unitName(ctx)}）`)],
    ...nodes.map(({ node }) => [node.code ?? '', node.name, ...years.map((year) => bestAmount(node, year))]),
  ];
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
    table,
    csv,
    before: html`${breadcrumbs}${legend(series.map((line) => ({ id: line.id, label: line.label, color: line.color! })))}`,
  });
}

export function sangongView(ctx: ViewContext): TemplateResult {
  const rows = [...(ctx.doc.sangong ?? [])].sort((a, b) => a.year - b.year);
  const current = rows.find((row) => row.year === ctx.doc.year) ?? rows[rows.length - 1];
  if (!current) return html`<p class="empty">${ctx.t('budget.noData')}</p>`;
  const previous = rows.filter((row) => row.year < current.year).pop();
  const keys = SANGONG_KEYS.filter((key) => current[key] !== undefined || previous?.[key] !== undefined);
  const total = (row: typeof current) => row.travelAbroad + row.vehiclePurchase + row.vehicleOperation + row.reception;
  const yearLabel = (year: number) => ctx.t('budget.col.lastYear', { year });

  const lines = [
    ...keys.map((key) => ({ id: key, label: ctx.t(`budget.sangong.${key}`), now: current[key] ?? 0, before: previous?.[key] })),
    { id: 'total', label: ctx.t('budget.sangong.total'), now: total(current), before: previous ? total(previous) : undefined },
  ];
  let summary = ctx.t('budget.sum.sangong', { year: current.year, amount: money(ctx, total(current)) });
  if (previous && total(previous) > 0) {
    const change = relativeChange(total(current), total(previous));
    summary += ctx.t('budget.sum.change', { direction: ctx.t(change >= 0 ? 'budget.sum.up' : 'budget.sum.down'), change: formatPercent(Math.abs(change), ctx.lang) });
  }
  summary += ctx.t('budget.sum.end');

  const groups: BarGroup[] = lines.map((line) => {
    const change = line.before !== undefined ? relativeChange(line.now, line.before) : Number.NaN;
    const note = Number.isFinite(change) ? formatChange(change, ctx.lang) : undefined;
    return {
      id: line.id,
      label: line.label,
      ...(note ? { note } : {}),
      bars: [
        ...(previous ? [{ id: `${line.id}:before`, label: `${line.label} ${yearLabel(previous.year)}`, value: line.before ?? 0, display: money(ctx, line.before ?? 0), color: PAIR_COLORS.first }] : []),
        { id: `${line.id}:now`, label: `${line.label} ${yearLabel(current.year)}`, value: line.now, display: money(ctx, line.now), ...(note ? { detail: note } : {}), color: PAIR_COLORS.second },
      ],
    };
  });
  ctx.primary.setItems(groups.flatMap((group) => group.bars));
  const table = sangongTable(ctx, current, previous, lines, summary);
  const csv: CsvCell[][] = [
    [ctx.t('budget.col.item'), ...(previous ? [`${yearLabel(previous.year)}（${unitName(ctx)}）`] : []), `${yearLabel(current.year)}（${unitName(ctx)}）`],
    ...lines.map((line) => [line.label, ...(previous ? [line.before ?? 0] : []), line.now]),
  ];
  return html`${frame(ctx, 'sangong', ctx.primary, {
      summary,
      chart: barChart({ groups, width: ctx.width, label: summary, interaction: ctx.primary }),
      table,
      csv,
      before: legend([
        ...(previous ? [{ id: 'before', label: yearLabel(previous.year), color: PAIR_COLORS.first }] : []),
        { id: 'now', label: yearLabel(current.year), color: PAIR_COLORS.second },
      ]),
    })}
    ${ctx.doc.sangongNote ? html`<p class="note-text">${ctx.doc.sangongNote}</p>` : nothing}`;
}

function sangongTable(
  ctx: ViewContext,
  current: { year: number },
  previous: { year: number } | undefined,
  lines: Array<{ label: string; now: number; before: number | undefined }>,
  caption: string,
): DataTable {
  const yearLabel = (year: number) => ctx.t('budget.col.lastYear', { year });
  return {
    caption: `${caption} ${ctx.t('budget.unitNote', { unit: unitName(ctx) })}`,
    head: [ctx.t('budget.col.item'), ...(previous ? [yearLabel(previous.year)] : []), yearLabel(current.year), ...(previous ? [ctx.t('budget.col.change'), ctx.t('budget.col.changeRate')] : [])],
    rows: lines.map((line) => [
      line.label,
      ...(previous ? [tableMoney(ctx, line.before)] : []),
      tableMoney(ctx, line.now),
      ...(previous
        ? [tableMoney(ctx, line.before === undefined ? undefined : line.now - line.before), formatChange(line.before === undefined ? Number.NaN : relativeChange(line.now, line.before), ctx.lang)]
        : []),
    ]),
  };
}

export function debtView(ctx: ViewContext): TemplateResult {
  const debt = ctx.doc.debt;
  if (!debt?.series.length) return html`<p class="empty">${ctx.t('budget.noData')}</p>`;
  const series = [...debt.series].sort((a, b) => a.year - b.year);
  const latest = series[series.length - 1]!;
  const limitLabel = ctx.t('budget.col.limit');
  const balanceLabel = ctx.t('budget.col.balance');
  const summary =
    ctx.t('budget.sum.debt', { year: latest.year, balance: money(ctx, latest.balance), limit: money(ctx, latest.limit), share: formatPercent(latest.limit > 0 ? latest.balance / latest.limit : Number.NaN, ctx.lang) }) +
    ctx.t('budget.sum.end');
  const yearText = (year: number) => (ctx.lang === 'en' ? String(year) : `${year}年`);
  const groups: BarGroup[] = series.map((row) => ({
    id: String(row.year),
    label: yearText(row.year),
    note: formatPercent(row.limit > 0 ? row.balance / row.limit : Number.NaN, ctx.lang),
    bars: [
      { id: `${row.year}:limit`, label: `${yearText(row.year)} ${limitLabel}`, value: row.limit, display: money(ctx, row.limit), color: PAIR_COLORS.first },
      { id: `${row.year}:balance`, label: `${yearText(row.year)} ${balanceLabel}`, value: row.balance, display: money(ctx, row.balance), color: PAIR_COLORS.second },
    ],
  }));
  ctx.primary.setItems(groups.flatMap((group) => group.bars));
  const seriesFigure = frame(ctx, 'debt', ctx.primary, {
    summary,
    chart: barChart({ groups, width: ctx.width, label: summary, interaction: ctx.primary }),
    table: {
      caption: `${summary} ${ctx.t('budget.unitNote', { unit: unitName(ctx) })}`,
      head: [ctx.t('budget.col.year'), limitLabel, balanceLabel, ctx.t('budget.col.borrowing'), ctx.t('budget.col.repayment')],
      rows: series.map((row) => [String(row.year), tableMoney(ctx, row.limit), tableMoney(ctx, row.balance), tableMoney(ctx, row.borrowing), tableMoney(ctx, row.repayment)]),
    },
    csv: [
      [ctx.t('budget.col.year'), `${limitLabel}（${unitName(ctx)}）`, `${balanceLabel}（${unitName(ctx)}）`, `${ctx.t('budget.col.borrowing')}（${unitName(ctx)}）`, `${ctx.t('budget.col.repayment')}（${unitName(ctx)}）`],
      ...series.map((row) => [row.year, row.limit, row.balance, row.borrowing, row.repayment]),
    ],
    before: legend([
      { id: 'limit', label: limitLabel, color: PAIR_COLORS.first },
      { id: 'balance', label: balanceLabel, color: PAIR_COLORS.second },
    ]),
  });

  const schedule = [...(debt.schedule ?? [])].sort((a, b) => a.year - b.year);
  let scheduleFigure: unknown = nothing;
  if (schedule.length) {
    const totalPrincipal = schedule.reduce((sum, row) => sum + row.principal, 0);
    const peak = [...schedule].sort((a, b) => b.principal - a.principal)[0]!;
    const scheduleSummary =
      ctx.t('budget.sum.schedule', { first: schedule[0]!.year, last: schedule[schedule.length - 1]!.year, total: money(ctx, totalPrincipal), peak: peak.year, amount: money(ctx, peak.principal) }) +
      ctx.t('budget.sum.end');
    const principalLabel = ctx.t('budget.col.principal');
    const scheduleGroups: BarGroup[] = schedule.map((row) => ({
      id: `due-${row.year}`,
      label: yearText(row.year),
      bars: [{ id: `due-${row.year}`, label: `${yearText(row.year)} ${principalLabel}`, value: row.principal, display: money(ctx, row.principal), color: CATEGORY_COLORS[0] }],
    }));
    ctx.secondary.setItems(scheduleGroups.flatMap((group) => group.bars));
    scheduleFigure = html`<div class="sub-heading">${ctx.heading(1, ctx.t('budget.debt.schedule'))}</div>
      ${frame(ctx, 'schedule', ctx.secondary, {
        summary: scheduleSummary,
        chart: barChart({ groups: scheduleGroups, width: ctx.width, label: scheduleSummary, interaction: ctx.secondary }),
        table: {
          caption: `${scheduleSummary} ${ctx.t('budget.unitNote', { unit: unitName(ctx) })}`,
          head: [ctx.t('budget.col.year'), principalLabel, ctx.t('budget.col.interest')],
          rows: schedule.map((row) => [String(row.year), tableMoney(ctx, row.principal), tableMoney(ctx, row.interest)]),
        },
        csv: [
          [ctx.t('budget.col.year'), `${principalLabel}（${unitName(ctx)}）`, `${ctx.t('budget.col.interest')}（${unitName(ctx)}）`],
          ...schedule.map((row) => [row.year, row.principal, row.interest]),
        ],
      })}`;
  }
  return html`${seriesFigure}${scheduleFigure}
    ${debt.term ? html`<p class="note-text">${debt.term}</p>` : nothing}
    ${debt.use ? html`<p class="note-text">${debt.use}</p>` : nothing}`;
}

/** The standard disclosure tables, as real HTML tables from the same data. */
export function tablesView(ctx: ViewContext): TemplateResult {
  const { doc } = ctx;
  const measure = stageMeasure(doc.stage);
  const year = doc.year;
  const stageWord = ctx.t(`budget.stageWord.${doc.stage}`);

  // 收支总表: revenue by source beside spending by 类.
  const revenueRows = (doc.revenue ?? []).map((item) => ({ name: item.name, value: item.values.find((row) => row.year === year)?.[measure] }));
  const spendingRows = ctx.root.children.map((node) => ({ name: node.code ? `${node.code} ${node.name}` : node.name, value: amount(node, year, measure) }));
  const length = Math.max(revenueRows.length, spendingRows.length);
  const summaryRows: string[][] = [];
  for (let i = 0; i < length; i++) {
    summaryRows.push([revenueRows[i]?.name ?? '', tableMoney(ctx, revenueRows[i]?.value), spendingRows[i]?.name ?? '', tableMoney(ctx, spendingRows[i]?.value)]);
  }
  const revenueTotal = revenueRows.reduce((sum, row) => sum + (row.value ?? 0), 0);
  summaryRows.push([ctx.t('budget.table.revenueTotal'), revenueRows.length ? tableMoney(ctx, revenueTotal) : '—', ctx.t('budget.table.spendingTotal'), tableMoney(ctx, amount(ctx.root, year, measure))]);

  // 一般公共预算支出表: every 类/款/项 with basic and project columns.
  const nodes = flatten(ctx.root);
  const notes = nodes.some((node) => node.note);
  const functionalRows = nodes.map((node) => {
    const total = amount(node, year, measure);
    const row = node.rows.get(year);
    const cells = [node.code ?? '', `${'　'.repeat(node.depth - 1)}${node.name}`, tableMoney(ctx, total), tableMoney(ctx, row?.basic), tableMoney(ctx, row?.project)];
    return notes ? [...cells, node.note ?? ''] : cells;
  });
  const unitNote = ctx.t('budget.unitNote', { unit: unitName(ctx) });
  return html`<div class="official-tables">
    <div class="table-scroll" tabindex="0" role="region" aria-label=${ctx.t('budget.table.summary')}>
      ${dataTable({
        caption: `${doc.title} ${ctx.t('budget.table.summary')}（${stageWord}，${unitNote}）`,
        head: [ctx.t('budget.table.revenue'), ctx.t('budget.col.amount', { unit: unitName(ctx) }), ctx.t('budget.table.spending'), ctx.t('budget.col.amount', { unit: unitName(ctx) })],
        rows: summaryRows,
      })}
    </div>
    <div class="table-scroll" tabindex="0" role="region" aria-label=${ctx.t('budget.table.functional')}>
      ${dataTable({
        caption: `${doc.title} ${ctx.t('budget.table.functional')}（${stageWord}，${unitNote}）`,
        head: [ctx.t('budget.col.code'), ctx.t('budget.col.name'), ctx.t('budget.col.total'), ctx.t('measure.basic'), ctx.t('measure.project'), ...(notes ? [ctx.t('budget.col.note')] : [])],
        rows: functionalRows,
      })}
    </div>
    ${doc.sangong?.length ? sangongOfficialTable(ctx) : nothing}
  </div>`;
}

function sangongOfficialTable(ctx: ViewContext): TemplateResult {
  const rows = [...(ctx.doc.sangong ?? [])].sort((a, b) => a.year - b.year);
  const current = rows.find((row) => row.year === ctx.doc.year) ?? rows[rows.length - 1]!;
  const previous = rows.filter((row) => row.year < current.year).pop();
  const keys = SANGONG_KEYS.filter((key) => current[key] !== undefined || previous?.[key] !== undefined);
  const total = (row: typeof current) => row.travelAbroad + row.vehiclePurchase + row.vehicleOperation + row.reception;
  const lines = [
    { label: ctx.t('budget.sangong.total'), now: total(current), before: previous ? total(previous) : undefined },
    ...keys.map((key) => ({ label: ctx.t(`budget.sangong.${key}`), now: current[key] ?? 0, before: previous?.[key] })),
  ];
  const table = sangongTable(ctx, current, previous, lines, `${ctx.doc.title} ${ctx.t('budget.table.sangong')}`);
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${ctx.t('budget.table.sangong')}>${dataTable(table)}</div>`;
}
