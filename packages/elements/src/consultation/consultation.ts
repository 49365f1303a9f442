import { html, nothing, css } from 'lit';
import { property } from 'lit/decorators.js';
import { consultationSchema, formatDate, formatPercent, type GkConsultation, type GkForm } from '@gongkai/core';
import { GkElement } from '../base/gk-element.js';
import { defineElement } from '../base/define.js';
import { markdown, markdownStyles } from '../base/internal/markdown.js';
import { toggled } from '../base/internal/toggle.js';
import { barChart } from '../charts/bars.js';
import { chartStyles } from '../charts/chart.styles.js';
import { chartFigure } from '../charts/figure.js';
import { hostCardStyles } from '../charts/host-card.styles.js';
import { ChartInteraction } from '../charts/interaction.js';
import { PAIR_COLORS, CATEGORY_COLORS } from '../charts/palette.js';
import { ResizeController } from '../charts/resize-controller.js';
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
    css`
      [part='title'] {
        font-size: 1.3em;
        margin: 0 0 0.3em;
      }
      .badge {
        display: inline-block;
        padding: 0 0.6em;
        border: 1px solid currentColor;
        border-radius: 999px;
        font-weight: 700;
      }
      .badge.open {
        color: #1d5e20;
      }
      .badge.closed {
        color: var(--_muted);
      }
      .meta {
        color: var(--_muted);
      }
      section {
        margin-top: 1.25em;
      }
      h3,
      h4,
      h5 {
        margin: 0 0 0.4em;
      }
      .closed-note {
        padding: 0.6em 1em;
        background: var(--_subtle);
        border-radius: var(--_radius);
      }
      gk-form {
        border: 0;
        padding: 0;
      }
    `,
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
    return { kind: 'form', version: 1, title: this.t('consultation.comment'), action: doc.form.action, privacy: doc.form.privacy, draft: true, sections: doc.form.sections };
  }

  protected override renderDocument(doc: GkConsultation) {
    const lang = this.language;
    const phase = this.phase(doc);
    const open = phase === 'open';
    const period = this.t('consultation.period.text', { opens: formatDate(doc.opens, lang), closes: formatDate(doc.closes, lang) });
    return html`<article part="base" aria-labelledby=${this.scopedId('title')}>
      <p><span class="badge ${phase}">${this.t(`consultation.${phase}`)}</span></p>
      ${this.heading(0, doc.title, 'title', 'title')}
      <p class="meta">${doc.issuer} · ${period}</p>

      <section aria-labelledby=${this.scopedId('draft-title')}>
        ${this.heading(1, this.t('consultation.draft'), 'draft-title')}
        ${doc.draft ? html`<div class="prose">${markdown(doc.draft, this.headingLevel + 2)}</div>` : nothing}
        ${doc.document ? html`<gk-document src=${doc.document} heading-level=${this.headingLevel + 2} lang=${lang} ?light-dom=${this.rendersLight} ?elder=${this.elder}></gk-document>` : nothing}
      </section>

      ${doc.basis
        ? html`<section aria-labelledby=${this.scopedId('basis-title')}>
            ${this.heading(1, this.t('consultation.basis'), 'basis-title')}
            <div class="prose">${markdown(doc.basis, this.headingLevel + 2)}</div>
          </section>`
        : nothing}

      <section aria-labelledby=${open ? nothing : this.scopedId('comment-title')}>
        ${open
          ? html`<gk-form .data=${this.commentForm(doc)} heading-level=${this.headingLevel + 1} lang=${lang} ?light-dom=${this.rendersLight} ?elder=${this.elder}></gk-form>`
          : html`${this.heading(1, this.t('consultation.comment'), 'comment-title')}
              <p class="closed-note">
                ${this.t(phase === 'upcoming' ? 'consultation.notYet' : 'consultation.closedNote', { opens: formatDate(doc.opens, lang), closes: formatDate(doc.closes, lang) })}
              </p>`}
      </section>

      ${doc.report ? this.renderReport(doc, doc.report) : nothing}
    </article>`;
  }

  private renderReport(doc: GkConsultation, report: NonNullable<GkConsultation['report']>) {
    const lang = this.language;
    const summary = this.t('consultation.reportSummary', { received: report.received, adopted: report.adopted, partly: report.partlyAdopted, not: report.notAdopted });
    const share = (count: number) => formatPercent(report.received ? count / report.received : 0, lang);
    const rows = [
      { id: 'adopted', label: this.t('consultation.adopted'), value: report.adopted, color: CATEGORY_COLORS[2] },
      { id: 'partly', label: this.t('consultation.partlyAdopted'), value: report.partlyAdopted, color: PAIR_COLORS.first },
      { id: 'not', label: this.t('consultation.notAdopted'), value: report.notAdopted, color: CATEGORY_COLORS[1] },
    ];
    const groups = rows.map((row) => ({
      id: row.id,
      label: row.label,
      note: share(row.value),
      bars: [{ id: row.id, label: row.label, value: row.value, display: `${row.value}`, detail: share(row.value), color: row.color }],
    }));
    this.interaction.setItems(groups.flatMap((group) => group.bars));
    const head = [this.t('consultation.opinions'), this.t('consultation.share')];
    return html`<section aria-labelledby=${this.scopedId('report-title')}>
      ${this.heading(1, this.t('consultation.report'), 'report-title')}
      <p class="meta">${formatDate(report.published, lang)}</p>
      ${chartFigure({
        id: this.scopedId('report'),
        interaction: this.interaction,
        summary,
        chart: barChart({ groups, width: this.resize.chartWidth, label: summary, interaction: this.interaction }),
        table: { caption: summary, head: [this.t('consultation.report'), ...head], rows: rows.map((row) => [row.label, String(row.value), share(row.value)]) },
        csv: { filename: `${doc.title}-采纳情况.csv`, rows: [['', this.t('consultation.opinions')], ...rows.map((row) => [row.label, row.value])] },
        tableOpen: this.tableOpen.has('report'),
        startOpen: this.elderMode,
        onToggleTable: () => {
          this.tableOpen = toggled(this.tableOpen, 'report');
          this.requestUpdate();
        },
        labels: { showTable: this.t('chart.showTable'), hideTable: this.t('chart.hideTable'), download: this.t('chart.download') },
      })}
      ${report.summary ? html`<div class="prose">${markdown(report.summary, this.headingLevel + 2)}</div>` : nothing}
      ${report.notAdoptedReasons?.length
        ? html`${this.heading(2, this.t('consultation.reasons'))}
            <div class="table-scroll" tabindex="0" role="region" aria-label=${this.t('consultation.reasons')}>
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
        : nothing}
    </section>`;
  }
}

defineElement('gk-consultation', GkConsultationElement);

declare global {
  interface HTMLElementTagNameMap {
    'gk-consultation': GkConsultationElement;
  }
}
