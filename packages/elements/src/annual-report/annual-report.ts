import { html, nothing } from 'lit';
import {
  REQUEST_OUTCOMES,
  annualReportSchema,
  appealTotal,
  applicantTotal,
  formatNumber,
  formatDate,
  formatPercent,
  outcomeCounts,
  outcomesTotal,
  type GkAnnualReport,
} from '@gongkai/core';
import { GkElement } from '../base/gk-element.js';
import { defineElement } from '../base/define.js';
import { markdown, markdownStyles } from '../base/internal/markdown.js';
import { toggled } from '../base/internal/toggle.js';
import { barChart, type BarGroup } from '../charts/bars.js';
import { chartStyles } from '../charts/chart.styles.js';
import { chartFigure, downloadCsv } from '../charts/figure.js';
import { hostCardStyles } from '../charts/host-card.styles.js';
import { ChartInteraction } from '../charts/interaction.js';
import { categoryColor } from '../charts/palette.js';
import { ResizeController } from '../charts/resize-controller.js';
import { headlineStyles } from '../base/internal/headline.styles.js';
import { annualReportStyles } from './annual-report.styles.js';
import {
  appealsTable,
  applicationsCsv,
  applicationsTable,
  outcomeName,
  proactiveTables,
  type TableContext,
} from './internal/tables.js';

/**
 * The annual report on government information disclosure
 * (政府信息公开工作年度报告) in the national template's six parts: the overview,
 * proactive disclosure, applications received and handled (table 三, with a
 * chart of the outcomes, its one-sentence summary, data table and CSV), and
 * reconsideration and litigation as real tables, then problems and other
 * matters. Totals are worked out from the counts; the schema checks that what
 * came in equals what was answered plus what is carried forward.
 *
 * @summary Annual disclosure report. JSON: `"kind": "annual-report"`.
 *
 * @slot - An inline `<script type="application/json">` holding the report (not displayed).
 *
 * @csspart base - The report.
 * @csspart title - The title.
 * @csspart chart-summary - The one-sentence summary of the outcomes chart.
 * @csspart chart - The chart box.
 * @csspart tooltip - The tooltip.
 */
export class GkAnnualReportElement extends GkElement<typeof annualReportSchema> {
  static override styles = [
    ...GkElement.styles,
    hostCardStyles,
    chartStyles,
    markdownStyles,
    ...headlineStyles,
    annualReportStyles,
  ];

  protected readonly schema = annualReportSchema;

  private readonly resize = new ResizeController(this);
  private readonly interaction = new ChartInteraction(this);
  private openTables = new Set<string>();

  protected override renderDocument(report: GkAnnualReport) {
    const lang = this.language;
    const ctx: TableContext = { report, lang, t: (key, params) => this.t(key, params) };
    const prose = (source: string | undefined) =>
      source?.trim() ? html`<div class="prose">${markdown(source, this.headingLevel + 2)}</div>` : this.notReported();
    // Not landmarks (no accessible name): two reports on a page would have regions of the same names.
    const section = (
      key: 'overview' | 'proactive' | 'applications' | 'appeals' | 'problems' | 'other',
      body: unknown,
    ) => html`<section>${this.heading(1, this.t(`annual.section.${key}`), `${key}-title`)}${body}</section>`;
    return html`<article part="base" aria-labelledby=${this.scopedId('title')}>
      ${this.heading(0, report.title, 'title', 'title')}
      <p class="meta">${this.t('annual.published', { office: report.office, date: formatDate(report.published, lang) })}</p>
      ${this.renderHeadline(report)}
      ${section('overview', prose(report.overview))}
      ${section('proactive', report.proactive ? proactiveTables(ctx) : this.notReported())}
      ${section(
        'applications',
        html`${this.outcomesFigure(report, ctx)}${applicationsTable(ctx)}
          <div class="table-actions no-print">
            <button type="button" @click=${(event: Event) => downloadCsv(`${report.title}-${this.t('annual.section.applications')}.csv`, applicationsCsv(ctx), event.currentTarget)}>
              ${this.t('annual.downloadTable')}
            </button>
          </div>`,
      )}
      ${section('appeals', report.appeals ? appealsTable(ctx) : this.notReported())}
      ${section('problems', prose(report.problems))}
      ${section('other', prose(report.other))}
      ${report.source ? html`<p class="source">${report.source}</p>` : nothing}
    </article>`;
  }

  /** The year's figures a reader looks for first, worked out from the tables: applications in and answered, disclosed in full, appeals. */
  private renderHeadline(report: GkAnnualReport) {
    const lang = this.language;
    const done = applicantTotal(outcomesTotal(report));
    const granted = applicantTotal(outcomeCounts(report, '予以公开'));
    const count = (value: number) => this.t('annual.count', { count: formatNumber(value, lang, 0) });
    const figures: Array<[string, string, string?]> = [
      [this.t('annual.headline.received'), count(applicantTotal(report.applications.received))],
      [this.t('annual.headline.done'), count(done)],
      [this.t('annual.headline.granted'), count(granted), done > 0 ? formatPercent(granted / done, lang) : undefined],
    ];
    if (report.appeals) {
      figures.push([this.t('annual.headline.review'), count(appealTotal(report.appeals.review))]);
      figures.push([
        this.t('annual.headline.litigation'),
        count(appealTotal(report.appeals.litigationDirect) + appealTotal(report.appeals.litigationAfterReview)),
      ]);
    }
    return html`<div class="headline">
      <p class="headline-title">${this.t('annual.headline', { year: report.year })}</p>
      <dl class="figures">
        ${figures.map(([label, value, share]) => html`<div><dt>${label}</dt><dd>${value}${share ? html`<span class="share">${share}</span>` : nothing}</dd></div>`)}
      </dl>
    </div>`;
  }

  private notReported() {
    return html`<p class="not-reported">${this.t('annual.notReported')}</p>`;
  }

  /** The outcomes of the year as ranked bars, with the sentence a reader needs first. */
  private outcomesFigure(report: GkAnnualReport, ctx: TableContext) {
    const lang = this.language;
    const apps = report.applications;
    const done = applicantTotal(outcomesTotal(report));
    const rows = REQUEST_OUTCOMES.map((outcome, index) => ({
      outcome,
      index,
      count: applicantTotal(outcomeCounts(report, outcome)),
    })).sort((a, b) => b.count - a.count);
    const share = (count: number) => formatPercent(done > 0 ? count / done : 0, lang);
    const received = applicantTotal(apps.received);
    const carriedOver = applicantTotal(apps.carriedOver);
    const forward = applicantTotal(apps.carriedForward);
    const largest = rows[0];
    const summary =
      received + carriedOver === 0
        ? this.t('annual.sum.none', { year: report.year })
        : this.t('annual.sum.applications', { year: report.year, received, carriedOver, done }) +
          (largest && largest.count > 0
            ? this.t('annual.sum.largest', {
                outcome: outcomeName(ctx, largest.outcome),
                count: largest.count,
                share: share(largest.count),
              })
            : '') +
          this.t('annual.sum.forward', { forward });
    const groups: BarGroup[] = rows.map(({ outcome, index, count }) => {
      const label = outcomeName(ctx, outcome);
      const display = this.t('annual.count', { count });
      return {
        id: outcome,
        label,
        note: share(count),
        bars: [{ id: outcome, label, value: count, display, detail: share(count), color: categoryColor(index) }],
      };
    });
    this.interaction.setItems(groups.flatMap((group) => group.bars));
    return chartFigure({
      id: this.scopedId('outcomes'),
      interaction: this.interaction,
      summary,
      chart: barChart({ groups, width: this.resize.chartWidth, label: summary, interaction: this.interaction }),
      table: {
        caption: summary,
        head: [this.t('annual.chart.title'), this.t('annual.chart.count'), this.t('annual.chart.share')],
        rows: rows.map(({ outcome, count }) => [outcomeName(ctx, outcome), String(count), share(count)]),
      },
      csv: {
        filename: `${report.title}-${this.t('annual.chart.title')}.csv`,
        rows: [
          [this.t('annual.chart.title'), this.t('annual.chart.count'), `${this.t('annual.chart.share')}（%）`],
          ...rows.map(({ outcome, count }) => [
            outcomeName(ctx, outcome),
            count,
            done > 0 ? Number(((count / done) * 100).toFixed(2)) : '',
          ]),
        ],
      },
      tableOpen: this.openTables.has('outcomes'),
      startOpen: this.elderMode,
      onToggleTable: () => {
        this.openTables = toggled(this.openTables, 'outcomes');
        this.requestUpdate();
      },
      labels: {
        showTable: this.t('chart.showTable'),
        hideTable: this.t('chart.hideTable'),
        download: this.t('chart.download'),
      },
    });
  }
}

defineElement('gk-annual-report', GkAnnualReportElement);

declare global {
  interface HTMLElementTagNameMap {
    'gk-annual-report': GkAnnualReportElement;
  }
}
