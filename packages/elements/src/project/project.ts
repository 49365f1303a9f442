import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import {
  completedInvestment,
  currentStage,
  formatDate,
  formatPercent,
  projectSchema,
  type GkProject,
  type MessageKey,
} from '@gongkai/core';
import { GkElement } from '../base/gk-element.js';
import { defineElement } from '../base/define.js';
import { markdown, markdownStyles } from '../base/internal/markdown.js';
import { barChart, legend, type BarGroup } from '../charts/bars.js';
import { chartStyles } from '../charts/chart.styles.js';
import { chartFigure } from '../charts/figure.js';
import { hostCardStyles } from '../charts/host-card.styles.js';
import { ChartInteraction } from '../charts/interaction.js';
import { PAIR_COLORS } from '../charts/palette.js';
import { ResizeController } from '../charts/resize-controller.js';
import { projectNarrowStyles, projectStyles } from './project.styles.js';
import { allStages, money, timeline, type TimelineContext } from './internal/timeline.js';

/**
 * A major construction project's disclosure (重大建设项目信息公开), in the eight
 * kinds of information of 国办发〔2017〕94号. First what a reader asks: where the
 * project stands and how much of its investment is done; then investment
 * completed against planned as a chart (its one-sentence summary, a data table,
 * CSV, keyboard), and the stages as a timeline with their documents (文号),
 * contracts and performance. A county's projects are listed with
 * `<gk-catalogue>`, each item linking to its project's page.
 *
 * @summary Major construction project (重大建设项目). JSON: `"kind": "project"`.
 *
 * @slot - An inline `<script type="application/json">` holding the project (not displayed).
 *
 * @csspart base - The project.
 * @csspart title - The title.
 * @csspart first-screen - Its status and investment.
 * @csspart chart-summary - The one-sentence summary of the investment chart.
 * @csspart chart - The chart box.
 * @csspart tooltip - The tooltip.
 * @csspart timeline - The stages.
 */
export class GkProjectElement extends GkElement<typeof projectSchema> {
  static override styles = [
    ...GkElement.styles,
    hostCardStyles,
    chartStyles,
    markdownStyles,
    projectStyles,
    projectNarrowStyles,
  ];

  protected readonly schema = projectSchema;

  private readonly resize = new ResizeController(this);
  private readonly interaction = new ChartInteraction(this);
  /** Whether the investment chart's data table is shown. */
  @state() private tableOpen = false;

  protected override renderDocument(doc: GkProject) {
    const lang = this.language;
    const ctx: TimelineContext = {
      doc,
      lang,
      t: (key, params) => this.t(key, params),
      heading: (offset, content) => this.heading(offset, content),
    };
    const now = currentStage(doc);
    const completed = completedInvestment(doc);
    const total = doc.investment.total;
    const stages = allStages(doc);
    const last = doc.progress?.at(-1);
    return html`<article part="base" aria-labelledby=${this.scopedId('title')}>
      ${this.heading(0, doc.title, 'title', 'title')}
      <p class="meta">${this.t('project.meta', { code: doc.code, unit: doc.unit, location: doc.location })}</p>
      <dl class="first-screen" part="first-screen">
        <div>
          <dt>${this.t('project.now')}</dt>
          <dd>
            ${now ? html`${this.t(`project.stage.${now.stage}` as MessageKey)} <span class="badge">${this.t(`project.status.${now.status}` as MessageKey)}</span>` : this.t('project.nowNone')}
          </dd>
        </div>
        <div>
          <dt>${this.t('project.total')}</dt>
          <dd>${money(total, lang)}</dd>
        </div>
        <div>
          <dt>${this.t('project.completed')}</dt>
          <dd>
            ${money(completed, lang)}
            <span class="small"
              >${this.t('project.completedShare', { share: formatPercent(total > 0 ? completed / total : 0, lang) })}${
                last ? html`，${this.t('project.asOf', { date: formatDate(last.date, lang) })}` : nothing
              }</span
            >
          </dd>
        </div>
      </dl>
      <p class="stage-count">
        ${this.t('project.stageCount', { done: stages.filter((entry) => entry.status === '已完成').length, ongoing: stages.filter((entry) => entry.status === '进行中').length })}
      </p>
      ${doc.summary?.trim() ? html`<div class="prose">${markdown(doc.summary, this.headingLevel + 2)}</div>` : nothing}
      <section>
        ${this.heading(1, this.t('project.sources'), 'sources-title')}
        <ul class="sources">
          ${doc.investment.sources.map(
            (source) =>
              html`<li>
                ${source.name}：${money(source.amount, lang)}（${formatPercent(total > 0 ? source.amount / total : 0, lang)}）
              </li>`,
          )}
        </ul>
      </section>
      <section>${this.heading(1, this.t('project.chart.title'), 'chart-title')} ${this.investmentFigure(doc)}</section>
      <section part="timeline">
        ${this.heading(1, this.t('project.timeline'), 'timeline-title')} ${timeline(ctx)}
      </section>
      <p class="source">
        ${this.t('project.published', { office: doc.office, date: formatDate(doc.published, lang) })}
      </p>
    </article>`;
  }

  /** Planned and completed investment at each date, side by side, never summed. */
  private investmentFigure(doc: GkProject) {
    const lang = this.language;
    const points = doc.progress ?? [];
    const total = doc.investment.total;
    const last = points.at(-1);
    const rate = (planned: number, completed: number) => (planned > 0 ? formatPercent(completed / planned, lang) : '—');
    if (!last) return html`<p class="chart-summary">${this.t('project.sumNone', { total: money(total, lang) })}</p>`;
    const summary = this.t('project.sum', {
      date: formatDate(last.date, lang),
      completed: money(last.completed, lang),
      rate: rate(last.planned, last.completed),
      total: money(total, lang),
      share: formatPercent(total > 0 ? last.completed / total : 0, lang),
    });
    const plannedLabel = this.t('project.chart.planned');
    const completedLabel = this.t('project.chart.completed');
    const groups: BarGroup[] = points.map((point) => {
      const label = formatDate(point.date, lang);
      return {
        id: point.date,
        label,
        note: rate(point.planned, point.completed),
        bars: [
          {
            id: `${point.date}-planned`,
            label: `${label} ${plannedLabel}`,
            value: point.planned,
            display: money(point.planned, lang),
            color: PAIR_COLORS.first,
          },
          {
            id: `${point.date}-completed`,
            label: `${label} ${completedLabel}`,
            value: point.completed,
            display: money(point.completed, lang),
            detail: `${this.t('project.chart.rate')} ${rate(point.planned, point.completed)}`,
            color: PAIR_COLORS.second,
          },
        ],
      };
    });
    this.interaction.setItems(groups.flatMap((group) => group.bars));
    const head = [
      this.t('project.chart.date'),
      `${plannedLabel}（${this.t('project.amount')}）`,
      `${completedLabel}（${this.t('project.amount')}）`,
      this.t('project.chart.rate'),
    ];
    return chartFigure({
      id: this.scopedId('investment'),
      interaction: this.interaction,
      summary,
      before: legend([
        { id: 'planned', label: plannedLabel, color: PAIR_COLORS.first },
        { id: 'completed', label: completedLabel, color: PAIR_COLORS.second },
      ]),
      chart: barChart({ groups, width: this.resize.chartWidth, label: summary, interaction: this.interaction }),
      table: {
        caption: summary,
        head,
        rows: points.map((point) => [
          formatDate(point.date, lang),
          money(point.planned, lang),
          money(point.completed, lang),
          rate(point.planned, point.completed),
        ]),
      },
      csv: {
        filename: `${doc.title}-${this.t('project.chart.title')}.csv`,
        rows: [
          [this.t('project.chart.date'), `${plannedLabel}（万元）`, `${completedLabel}（万元）`],
          ...points.map((point) => [point.date, point.planned, point.completed]),
        ],
      },
      tableOpen: this.tableOpen,
      startOpen: this.elderMode,
      onToggleTable: () => (this.tableOpen = !this.tableOpen),
      labels: {
        showTable: this.t('chart.showTable'),
        hideTable: this.t('chart.hideTable'),
        download: this.t('chart.download'),
      },
    });
  }
}

defineElement('gk-project', GkProjectElement);

declare global {
  interface HTMLElementTagNameMap {
    'gk-project': GkProjectElement;
  }
}
