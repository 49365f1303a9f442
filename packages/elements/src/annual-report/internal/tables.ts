/**
 * The national template's tables (二, 三, 四) as real HTML tables: column groups
 * with colspan and scope, a row header for every row, each table in its own
 * scrolling region so a 320 px screen scrolls the table, not the page.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  APPEAL_KINDS,
  APPEAL_RESULTS,
  APPLICANT_COLUMNS,
  REQUEST_OUTCOMES,
  REQUEST_OUTCOME_CASES,
  appealTotal,
  applicantCount,
  applicantTotal,
  formatNumber,
  outcomeCounts,
  outcomesTotal,
  type ApplicantColumn,
  type ApplicantCounts,
  type CsvCell,
  type GkAnnualReport,
  type Lang,
  type MessageKey,
  type MessageParams,
  type RequestOutcome,
} from '@gongkai/core';

export interface TableContext {
  report: GkAnnualReport;
  lang: Lang;
  t(key: MessageKey, params?: MessageParams): string;
}

const ORDINALS = ['一', '二', '三', '四', '五', '六'];
const ORGANISATIONS = APPLICANT_COLUMNS.slice(1);

type Counts = Partial<Record<ApplicantColumn, number>>;

/** One row of table 三 as the reader and the CSV see it: its label, the six columns and 总计. */
interface Table3Row {
  label: string;
  /** Said before the label to a screen reader (the category of a case). */
  context?: string;
  kind: 'row' | 'category' | 'case' | 'total';
  counts: Counts;
}

/** Table 三's rows, in the template's order. */
export function table3Rows(ctx: TableContext): Table3Row[] {
  const apps = ctx.report.applications;
  const rows: Table3Row[] = [
    { label: ctx.t('annual.row.received'), kind: 'row', counts: apps.received },
    { label: ctx.t('annual.row.carriedOver'), kind: 'row', counts: apps.carriedOver ?? {} },
  ];
  REQUEST_OUTCOMES.forEach((outcome, i) => {
    const cases = REQUEST_OUTCOME_CASES[outcome] as readonly string[];
    const label = `（${ORDINALS[i]}）${outcomeName(ctx, outcome)}`;
    rows.push({ label, kind: cases.length ? 'category' : 'row', counts: outcomeCounts(ctx.report, outcome) });
    const entry = apps.outcomes[outcome] as Record<string, ApplicantCounts | undefined> | undefined;
    cases.forEach((c, j) =>
      rows.push({
        label: `${j + 1}.${ctx.t(`annual.case.${c}` as MessageKey)}`,
        context: `${outcomeName(ctx, outcome)}：`,
        kind: 'case',
        counts: entry?.[c] ?? {},
      }),
    );
  });
  rows.push({ label: ctx.t('annual.row.outcomesTotal'), kind: 'total', counts: outcomesTotal(ctx.report) });
  rows.push({ label: ctx.t('annual.row.carriedForward'), kind: 'row', counts: apps.carriedForward ?? {} });
  return rows;
}

export function outcomeName(ctx: TableContext, outcome: RequestOutcome): string {
  return ctx.t(`request.outcome.${outcome}` as MessageKey);
}

const cell = (ctx: TableContext, value: number | undefined) => formatNumber(value ?? 0, ctx.lang, 0);

/** A table region's name, with the report's title: two reports on one page must not have regions of the same name. */
const regionName = (ctx: TableContext, name: string) => `${name}（${ctx.report.title}）`;

/** 三、收到和处理政府信息公开申请情况. */
export function applicationsTable(ctx: TableContext): TemplateResult {
  const rows = table3Rows(ctx);
  const resultsAt = 2;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${regionName(ctx, ctx.t('annual.tableOf', { name: ctx.t('annual.section.applications') }))}>
    <table class="table3">
      <caption class="visually-hidden">${ctx.t('annual.section.applications')}</caption>
      <thead>
        <tr>
          <th scope="col" rowspan="2">${ctx.t('annual.col.item')}</th>
          <th scope="col" rowspan="2">${ctx.t('annual.col.person')}</th>
          <th scope="colgroup" colspan=${ORGANISATIONS.length}>${ctx.t('annual.col.organisations')}</th>
          <th scope="col" rowspan="2">${ctx.t('annual.col.total')}</th>
        </tr>
        <tr>${ORGANISATIONS.map((column) => html`<th scope="col">${ctx.t(`annual.col.${column}`)}</th>`)}</tr>
      </thead>
      <tbody>
        ${rows.map(
          (row, i) => html`${
            i === resultsAt
              ? html`<tr class="heading-row"><th scope="rowgroup" colspan=${APPLICANT_COLUMNS.length + 2}>${ctx.t('annual.row.results')}</th></tr>`
              : nothing
          }
            <tr class=${row.kind}>
              <th scope="row">${row.context ? html`<span class="visually-hidden">${row.context}</span>` : nothing}${row.label}</th>
              ${APPLICANT_COLUMNS.map((column) => html`<td class="num">${cell(ctx, row.counts[column])}</td>`)}
              <td class="num">${cell(ctx, applicantTotal(row.counts))}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** Table 三 as CSV: every row, the six columns and 总计, as numbers. */
export function applicationsCsv(ctx: TableContext): CsvCell[][] {
  const head = [
    ctx.t('annual.col.item'),
    ...APPLICANT_COLUMNS.map((column) =>
      column === 'person'
        ? ctx.t('annual.col.person')
        : `${ctx.t('annual.col.organisations')}：${ctx.t(`annual.col.${column}`)}`,
    ),
    ctx.t('annual.col.total'),
  ];
  return [
    head,
    ...table3Rows(ctx).map((row) => [
      `${row.context ?? ''}${row.label}`,
      ...APPLICANT_COLUMNS.map((column) => applicantCount(row.counts, column)),
      applicantTotal(row.counts),
    ]),
  ];
}

type CountRow = readonly [name: string, ...counts: Array<number | undefined>];

/** A small table of counts: a row header per row, the numbers right-aligned, in its own scrolling region. */
function countsTable(
  ctx: TableContext,
  name: { region: string; caption: string },
  head: string[],
  rows: ReadonlyArray<CountRow>,
  digits = 0,
): TemplateResult {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${regionName(ctx, name.region)}>
    <table>
      <caption class="visually-hidden">${name.caption}</caption>
      <thead>
        <tr>${head.map((text) => html`<th scope="col">${text}</th>`)}</tr>
      </thead>
      <tbody>
        ${rows.map(([label, ...values]) => html`<tr><th scope="row">${label}</th>${values.map((value) => html`<td class="num">${formatNumber(value ?? 0, ctx.lang, digits, digits)}</td>`)}</tr>`)}
      </tbody>
    </table>
  </div>`;
}

/** 二、主动公开政府信息情况: the template's three small tables. */
export function proactiveTables(ctx: TableContext): TemplateResult {
  const p = ctx.report.proactive ?? {};
  const issued = (['rules', 'normativeDocuments'] as const).map((key): CountRow => [
    ctx.t(`annual.proactive.${key}`),
    p[key]?.made,
    p[key]?.repealed,
    p[key]?.inForce,
  ]);
  const decisions = (['licensing', 'penalties', 'enforcement'] as const).map((key): CountRow => [
    ctx.t(`annual.proactive.${key}`),
    p[key],
  ]);
  const named = (label: string) => ({ region: label, caption: label });
  const content = ctx.t('annual.proactive.content');
  return html`${countsTable(ctx, named(`${ctx.t('annual.proactive.rules')}、${ctx.t('annual.proactive.normativeDocuments')}`), [content, ctx.t('annual.proactive.made'), ctx.t('annual.proactive.repealed'), ctx.t('annual.proactive.inForce')], issued)}
    ${countsTable(ctx, named(`${ctx.t('annual.proactive.licensing')}、${ctx.t('annual.proactive.penalties')}、${ctx.t('annual.proactive.enforcement')}`), [content, ctx.t('annual.proactive.decisions')], decisions)}
    ${countsTable(ctx, named(ctx.t('annual.proactive.fees')), [content, ctx.t('annual.proactive.feesAmount')], [[ctx.t('annual.proactive.fees'), p.fees]], 2)}`;
}

/** 四、政府信息公开行政复议、行政诉讼情况: a row per kind, a column per result. */
export function appealsTable(ctx: TableContext): TemplateResult {
  const appeals = ctx.report.appeals ?? {};
  const section = ctx.t('annual.section.appeals');
  return countsTable(
    ctx,
    { region: ctx.t('annual.tableOf', { name: section }), caption: section },
    [
      ctx.t('annual.appeals.kind'),
      ...APPEAL_RESULTS.map((result) => ctx.t(`annual.appeals.${result}`)),
      ctx.t('annual.appeals.total'),
    ],
    APPEAL_KINDS.map((kind): CountRow => [
      ctx.t(`annual.appeals.${kind}`),
      ...APPEAL_RESULTS.map((result) => appeals[kind]?.[result]),
      appealTotal(appeals[kind]),
    ]),
  );
}
