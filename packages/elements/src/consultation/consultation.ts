import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { consultationSchema, formatDate, formatPercent, type GkConsultation, type GkForm } from '@gongkai/core';
import { GkElement } from '../base/gk-element.js';
import { defineElement } from '../base/define.js';
import { followLink } from '../base/internal/links.js';
import { markdown, markdownStyles } from '../base/internal/markdown.js';
import { toggled } from '../base/internal/toggle.js';
import { barChart } from '../charts/bars.js';
import { chartStyles } from '../charts/chart.styles.js';
import { chartFigure } from '../charts/figure.js';
import { hostCardStyles } from '../charts/host-card.styles.js';
import { ChartInteraction } from '../charts/interaction.js';
import { PAIR_COLORS, CATEGORY_COLORS } from '../charts/palette.js';
import { ResizeController } from '../charts/resize-controller.js';
import { headlineStyles } from '../base/internal/headline.styles.js';
import { consultationStyles } from './consultation.styles.js';
import '../form/form.js';
// A consultation may show its draft as a document card.
import '../document/document.js';

/** Today in the reader's time zone, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Public comment on a draft decision (决策预公开): the draft and its basis, the
 * comment period with its deadline, the comment form (which closes itself after
 * the deadline, saying when it closed), and afterwards the adoption report —
 * how many comments came in, how many were adopted, partly adopted and not
 * adopted, charted with a table, and why the main ones were not adopted.
 *
 * @summary Public consultation. JSON: `"kind": "consultation"`.
 *
 * @csspart base - The consultation.
 */
export class GkConsultationElement extends GkElement<typeof consultationSchema> {
  static override styles = [
    ...GkElement.styles,
    hostCardStyles,
    chartStyles,
    markdownStyles,
    ...headlineStyles,
    consultationStyles,
  ];

  protected readonly schema = consultationSchema;

  /** The date the element treats as today (YYYY-MM-DD); the reader's own date by default. */
  @property() today?: string;

  private readonly resize = new ResizeController(this);
  private readonly interaction = new ChartInteraction(this);
  private tableOpen = new Set<string>();

  /** Before, during or after the comment period. */
  private phase(doc: GkConsultation): 'upcoming' | 'open' | 'closed' {
    const now = this.today ?? today();
    return now < doc.opens ? 'upcoming' : now <= doc.closes ? 'open' : 'closed';
  }

  private commentForm(doc: GkConsultation): GkForm {
    return {
      kind: 'form',
      version: 1,
      title: this.t('consultation.comment'),
      action: doc.form.action,
      privacy: doc.form.privacy,
      draft: true,
      sections: doc.form.sections,
    };
  }

  /** Whole days from `from` to `to` (YYYY-MM-DD), by the calendar. */
  private static days(from: string, to: string): number {
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
  }

  /** What a reader asks first: until when, and where to comment; after the period, how the comments were used, in figures. */
  private renderHeadline(doc: GkConsultation, phase: 'upcoming' | 'open' | 'closed') {
    const lang = this.language;
    const closes = formatDate(doc.closes, lang);
    const jump = (name: string, label: string) =>
      html`<a class="jump" href="#${this.scopedId(name)}" @click=${(e: Event) => followLink(e, this.renderRoot)}>${label}</a>`;
    if (phase === 'open') {
      const days = GkConsultationElement.days(this.today ?? today(), doc.closes);
      return html`<div class="headline">
        <p class="deadline">${days > 0 ? this.t('consultation.daysLeft', { closes, days }) : this.t('consultation.lastDay', { closes })}</p>
        ${jump('comment-section', this.t('consultation.toForm'))}
      </div>`;
    }
    if (phase === 'upcoming')
      return html`<div class="headline"><p class="deadline">${this.t('consultation.startsOn', { opens: formatDate(doc.opens, lang) })}</p></div>`;
    const report = doc.report;
    if (!report) return html`<div class="headline"><p>${this.t('consultation.noReport', { closes })}</p></div>`;
    return html`<div class="headline">
      <dl class="figures">
        ${(['received', 'adopted', 'partlyAdopted', 'notAdopted'] as const).map(
          (key) =>
            html`<div><dt>${this.t(`consultation.${key}`)}</dt><dd>${this.t('consultation.items', { count: report[key] })}</dd></div>`,
        )}
      </dl>
      ${jump('report-section', this.t('consultation.toReport'))}
    </div>`;
  }

  protected override renderDocument(doc: GkConsultation) {
    const lang = this.language;
    const phase = this.phase(doc);
    const open = phase === 'open';
    const period = this.t('consultation.period.text', {
      opens: formatDate(doc.opens, lang),
      closes: formatDate(doc.closes, lang),
    });
    // Inner sections are not landmarks (no accessible name): two consultations on a page would have regions of the same names.
    return html`<article part="base" aria-labelledby=${this.scopedId('title')}>
      <p><span class="badge ${phase}">${this.t(`consultation.${phase}`)}</span></p>
      ${this.heading(0, doc.title, 'title', 'title')}
      <p class="meta">${doc.issuer} · ${period}</p>
      ${this.renderHeadline(doc, phase)}

      <section>
        ${this.heading(1, this.t('consultation.draft'))}
        ${doc.draft ? html`<div class="prose">${markdown(doc.draft, this.headingLevel + 2)}</div>` : nothing}
        ${doc.document ? html`<gk-document src=${doc.document} heading-level=${this.headingLevel + 2} lang=${lang} ?light-dom=${this.rendersLight} ?elder=${this.elder}></gk-document>` : nothing}
      </section>

      ${
        doc.basis
          ? html`<section>
            ${this.heading(1, this.t('consultation.basis'))}
            <div class="prose">${markdown(doc.basis, this.headingLevel + 2)}</div>
          </section>`
          : nothing
      }

      <section class="jump-target" id=${this.scopedId('comment-section')} tabindex="-1">
        ${
          open
            ? html`<gk-form .data=${this.commentForm(doc)} .within=${doc.title} heading-level=${this.headingLevel + 1} lang=${lang} ?light-dom=${this.rendersLight} ?elder=${this.elder}></gk-form>`
            : html`${this.heading(1, this.t('consultation.comment'))}
              <p class="closed-note">
                ${this.t(phase === 'upcoming' ? 'consultation.notYet' : 'consultation.closedNote', { opens: formatDate(doc.opens, lang), closes: formatDate(doc.closes, lang) })}
              </p>`
        }
      </section>

      ${doc.report ? this.renderReport(doc, doc.report) : nothing}
    </article>`;
  }

  private renderReport(doc: GkConsultation, report: NonNullable<GkConsultation['report']>) {
    const lang = this.language;
    const summary = this.t('consultation.reportSummary', {
      received: report.received,
      adopted: report.adopted,
      partly: report.partlyAdopted,
      not: report.notAdopted,
    });
    const share = (count: number) => formatPercent(report.received ? count / report.received : 0, lang);
    const rows = [
      { id: 'adopted', label: this.t('consultation.adopted'), value: report.adopted, color: CATEGORY_COLORS[2] },
      {
        id: 'partly',
        label: this.t('consultation.partlyAdopted'),
        value: report.partlyAdopted,
        color: PAIR_COLORS.first,
      },
      { id: 'not', label: this.t('consultation.notAdopted'), value: report.notAdopted, color: CATEGORY_COLORS[1] },
    ];
    const groups = rows.map((row) => ({
      id: row.id,
      label: row.label,
      note: share(row.value),
      bars: [
        {
          id: row.id,
          label: row.label,
          value: row.value,
          display: `${row.value}`,
          detail: share(row.value),
          color: row.color,
        },
      ],
    }));
    this.interaction.setItems(groups.flatMap((group) => group.bars));
    const head = [this.t('consultation.opinions'), this.t('consultation.share')];
    return html`<section class="jump-target" id=${this.scopedId('report-section')} tabindex="-1">
      ${this.heading(1, this.t('consultation.report'))}
      <p class="meta">${formatDate(report.published, lang)}</p>
      ${chartFigure({
        id: this.scopedId('report'),
        interaction: this.interaction,
        summary,
        chart: barChart({ groups, width: this.resize.chartWidth, label: summary, interaction: this.interaction }),
        table: {
          caption: summary,
          head: [this.t('consultation.report'), ...head],
          rows: rows.map((row) => [row.label, String(row.value), share(row.value)]),
        },
        csv: {
          filename: `${doc.title}-采纳情况.csv`,
          rows: [['', this.t('consultation.opinions')], ...rows.map((row) => [row.label, row.value])],
        },
        tableOpen: this.tableOpen.has('report'),
        startOpen: this.elderMode,
        onToggleTable: () => {
          this.tableOpen = toggled(this.tableOpen, 'report');
          this.requestUpdate();
        },
        labels: {
          showTable: this.t('chart.showTable'),
          hideTable: this.t('chart.hideTable'),
          download: this.t('chart.download'),
        },
      })}
      ${report.summary ? html`<div class="prose">${markdown(report.summary, this.headingLevel + 2)}</div>` : nothing}
      ${
        report.notAdoptedReasons?.length
          ? html`${this.heading(2, this.t('consultation.reasons'))}
            <div class="table-scroll" tabindex="0" role="region" aria-label="${this.t('consultation.reasons')}：${doc.title}">
              <table>
                <caption class="visually-hidden">${this.t('consultation.reasons')}</caption>
                <thead>
                  <tr><th scope="col">${this.t('consultation.opinion')}</th><th scope="col">${this.t('consultation.reason')}</th></tr>
                </thead>
                <tbody>
                  ${report.notAdoptedReasons.map(
                    (item) => html`<tr>
                      <th scope="row">${item.opinion}${item.count ? html`<br /><span class="meta">${this.t('consultation.count', { count: item.count })}</span>` : nothing}</th>
                      <td class="text">${item.reason}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : nothing
      }
    </section>`;
  }
}

defineElement('gk-consultation', GkConsultationElement);

declare global {
  interface HTMLElementTagNameMap {
    'gk-consultation': GkConsultationElement;
  }
}
