/**
 * How each section type of an explainer renders. One function per type; all
 * editor text goes in as text: plain fields through `ctx.term` (glossary terms),
 * Markdown through the one Markdown renderer.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  formatDate,
  formatMoney,
  formatNumber,
  formatPercent,
  type ExplainerSection,
  type Lang,
  type MessageKey,
  type MessageParams,
  type MoneyUnit,
} from '@gongkai/core';
import { barChart, legend, type BarGroup } from '../../charts/bars.js';
import { chartFigure } from '../../charts/figure.js';
import type { ChartInteraction } from '../../charts/interaction.js';
import { lineChart } from '../../charts/lines.js';
import { categoryColor } from '../../charts/palette.js';
import { href, rel } from '../../base/internal/links.js';
import { markdown, type TextRenderer } from '../../base/internal/markdown.js';

export interface SectionContext {
  lang: Lang;
  t(key: MessageKey, params?: MessageParams): string;
  /** The heading level of section titles; Markdown headings go below it. */
  level: number;
  width: number;
  /** One chart interaction per chart section, by section id. */
  interaction(id: string): ChartInteraction;
  isOpen(id: string): boolean;
  toggle(id: string): void;
  /** Elder mode: data tables show from the start. */
  elder: boolean;
  /** This section's plain text with its glossary terms marked (see glossary.ts). */
  term: TextRenderer;
}

const MONEY_UNITS = new Set(['元', '千元', '万元', '亿元']);

/** A number with its unit: money through the money formatter, % as a percentage, anything else as given. */
export function formatFigure(value: number, unit: string | undefined, lang: Lang): string {
  if (unit && MONEY_UNITS.has(unit)) return formatMoney(value, { from: unit as MoneyUnit, lang });
  if (unit === '%') return formatPercent(value / 100, lang);
  return `${formatNumber(value, lang)}${unit ?? ''}`;
}

/** A toggled region (the answer to a question, a transcript): a button and a region, always printed. */
export function disclosure(
  ctx: Pick<SectionContext, 'isOpen' | 'toggle'>,
  id: string,
  label: unknown,
  body: unknown,
  className = '',
): TemplateResult {
  const open = ctx.isOpen(id);
  return html`<div class="disclosure ${className}">
    <button type="button" class="disclosure-button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${id} @click=${() => ctx.toggle(id)}>
      ${label}
    </button>
    <div class="disclosure-body" id=${id} ?hidden=${!open}>${body}</div>
  </div>`;
}

export function renderSection(section: ExplainerSection, id: string, ctx: SectionContext): unknown {
  const prose = (source: string) => html`<div class="prose">${markdown(source, ctx.level + 1, ctx.term)}</div>`;
  switch (section.type) {
    case 'text':
      return prose(section.body);

    case 'figures':
      return html`<ul class="figures">
        ${section.items.map(
          (item) => html`<li>
            <span class="figure-value">${formatFigure(item.value, item.unit, ctx.lang)}</span>
            <span class="figure-label">${ctx.term(item.label)}</span>
            ${
              item.compare
                ? html`<span class="figure-compare ${item.compare.changePercent >= 0 ? 'up' : 'down'}"
                  >${ctx.t('explainer.compare', { label: item.compare.label, change: `${item.compare.changePercent > 0 ? '+' : ''}${formatNumber(item.compare.changePercent, ctx.lang, 1)}%` })}</span
                >`
                : nothing
            }
          </li>`,
        )}
      </ul>`;

    case 'chart':
      return chartSection(section, id, ctx);

    case 'steps':
      return html`<ol class="steps">
        ${section.items.map(
          (step) => html`<li>
            ${step.when ? html`<p class="step-when">${step.when}</p>` : nothing}
            <p class="step-title">${ctx.term(step.title)}</p>
            ${step.who ? html`<p class="step-who">${ctx.term(step.who)}</p>` : nothing}
            ${step.body ? prose(step.body) : nothing}
          </li>`,
        )}
      </ol>`;

    case 'qa':
      return html`<div class="qa">
        ${section.items.map((item, i) => disclosure(ctx, `${id}-a${i}`, item.question, prose(item.answer), 'question'))}
      </div>`;

    case 'compare':
      return html`<div
        class="table-scroll"
        tabindex="0"
        role="region"
        aria-label="${section.title}：${section.beforeLabel ?? ctx.t('explainer.before')} / ${section.afterLabel ?? ctx.t('explainer.after')}"
      >
        <table class="compare">
          <caption class="visually-hidden">${section.title}</caption>
          <thead>
            <tr>
              <th scope="col">${ctx.t('explainer.aspect')}</th>
              <th scope="col">${section.beforeLabel ?? ctx.t('explainer.before')}</th>
              <th scope="col">${section.afterLabel ?? ctx.t('explainer.after')}</th>
            </tr>
          </thead>
          <tbody>
            ${section.rows.map((row) => html`<tr><th scope="row">${ctx.term(row.aspect)}</th><td>${ctx.term(row.before)}</td><td>${ctx.term(row.after)}</td></tr>`)}
          </tbody>
        </table>
      </div>`;

    case 'image':
      return html`<figure class="image">
        <img src=${ifDefined(href(section.src))} alt=${section.alt} loading="lazy" decoding="async" />
        <figcaption>${ctx.term(section.caption)}</figcaption>
        ${section.longDescription ? disclosure(ctx, `${id}-long`, ctx.t('explainer.longDescription'), prose(section.longDescription)) : nothing}
      </figure>`;

    case 'media': {
      const transcript = `${id}-transcript`;
      // A file that does not load (moved, blocked, a format the phone lacks) says so and
      // opens the transcript, instead of leaving a player that does nothing.
      const failed = (event: Event) => {
        const note = (event.target as Element).parentElement?.querySelector<HTMLElement>('.media-failed');
        if (note) note.hidden = false;
        if (section.transcript && !ctx.isOpen(transcript)) ctx.toggle(transcript);
      };
      return html`<figure class="media">
        ${
          section.kind === 'video'
            ? html`<video controls preload="metadata" playsinline src=${ifDefined(href(section.src))} poster=${ifDefined(href(section.poster))} @error=${failed}>
              ${section.captions ? html`<track kind="captions" src=${ifDefined(href(section.captions))} srclang="zh" label="中文" default />` : nothing}
            </video>`
            : html`<audio controls preload="metadata" src=${ifDefined(href(section.src))} @error=${failed}>
              ${section.captions ? html`<track kind="captions" src=${ifDefined(href(section.captions))} srclang="zh" label="中文" default />` : nothing}
            </audio>`
        }
        <p class="media-failed" role="status" hidden>${ctx.t('explainer.mediaFailed')}${section.transcript ? ctx.t('explainer.mediaFailedTranscript') : nothing}</p>
        ${section.transcript ? disclosure(ctx, transcript, ctx.t('explainer.transcript'), prose(section.transcript)) : nothing}
      </figure>`;
    }

    case 'impact':
      return html`<div class="impact">
        <div><p class="impact-head">${ctx.t('explainer.who')}</p><ul>${section.who.map((item) => html`<li>${ctx.term(item)}</li>`)}</ul></div>
        <div><p class="impact-head">${ctx.t('explainer.what')}</p><ul>${section.what.map((item) => html`<li>${ctx.term(item)}</li>`)}</ul></div>
        ${
          section.where?.length
            ? html`<div>
              <p class="impact-head">${ctx.t('explainer.where')}</p>
              <ul>
                ${section.where.map(
                  (place) => html`<li>
                    ${place.url ? html`<a href=${ifDefined(href(place.url))} rel=${ifDefined(rel(place.url))}>${place.name}</a>` : place.name}
                    ${place.address ? html`<br />${place.address}` : nothing} ${place.phone ? html`<br />${place.phone}` : nothing}
                  </li>`,
                )}
              </ul>
            </div>`
            : nothing
        }
        ${
          section.deadlines?.length
            ? html`<div>
              <p class="impact-head">${ctx.t('explainer.deadlines')}</p>
              <ul class="deadlines">${section.deadlines.map((item) => html`<li><strong>${formatDate(item.date, ctx.lang)}</strong> ${ctx.term(item.what)}</li>`)}</ul>
            </div>`
            : nothing
        }
      </div>`;

    case 'contact':
      return html`<dl class="contact">
        ${section.items.map(
          (item) => html`<dt>${item.label}</dt>
            <dd>${item.url ? html`<a href=${ifDefined(href(item.url))} rel=${ifDefined(rel(item.url))}>${item.value}</a>` : item.value}</dd>`,
        )}
      </dl>`;
  }
}

/** A small dataset drawn with the budget's chart primitives, with its summary, table and CSV. */
function chartSection(
  section: Extract<ExplainerSection, { type: 'chart' }>,
  id: string,
  ctx: SectionContext,
): TemplateResult {
  const interaction = ctx.interaction(id);
  const show = (value: number) => formatFigure(value, section.unit, ctx.lang);
  const summary = chartSummary(section, ctx, show);
  const twoSeries = section.series.length > 1;
  let chart: TemplateResult;
  if (section.chart === 'lines') {
    const series = section.series.map((line, index) => ({
      id: `${id}-${index}`,
      label: line.name,
      color: categoryColor(index),
      points: section.labels.map((label, i) => ({
        id: `${id}-${index}-${i}`,
        x: label,
        value: line.values[i] ?? 0,
        label: `${line.name} ${label}`,
        display: show(line.values[i] ?? 0),
      })),
    }));
    interaction.setItems(series.flatMap((line) => line.points));
    chart = lineChart({
      series,
      xValues: section.labels,
      width: ctx.width,
      label: summary,
      interaction,
      formatTick: show,
    });
  } else {
    const groups: BarGroup[] = section.labels.map((label, i) => ({
      id: `${id}-${i}`,
      label,
      bars: section.series.map((series, s) => ({
        id: `${id}-${i}-${s}`,
        label: twoSeries ? `${label} ${series.name}` : label,
        value: series.values[i] ?? 0,
        display: show(series.values[i] ?? 0),
        color: categoryColor(twoSeries ? s : i),
      })),
    }));
    interaction.setItems(groups.flatMap((group) => group.bars));
    chart = barChart({ groups, width: ctx.width, label: summary, interaction });
  }
  const head = [
    section.title,
    ...section.series.map((series) => (section.unit ? `${series.name}（${section.unit}）` : series.name)),
  ];
  return chartFigure({
    id,
    interaction,
    summary,
    chart,
    table: {
      caption: summary,
      head,
      rows: section.labels.map((label, i) => [label, ...section.series.map((series) => show(series.values[i] ?? 0))]),
    },
    csv: {
      filename: `${section.title}.csv`,
      rows: [head, ...section.labels.map((label, i) => [label, ...section.series.map((series) => series.values[i])])],
    },
    tableOpen: ctx.isOpen(`${id}-table`),
    startOpen: ctx.elder,
    onToggleTable: () => ctx.toggle(`${id}-table`),
    labels: {
      showTable: ctx.t('chart.showTable'),
      hideTable: ctx.t('chart.hideTable'),
      download: ctx.t('chart.download'),
    },
    before:
      twoSeries || section.chart === 'lines'
        ? legend(
            section.series.map((series, index) => ({
              id: String(index),
              label: series.name,
              color: categoryColor(index),
            })),
          )
        : nothing,
    after: section.source
      ? html`<p class="source">${ctx.t('explainer.source', { source: section.source })}</p>`
      : nothing,
  });
}

/** One sentence from the data: the largest and smallest of one series, or where several series end up. */
function chartSummary(
  section: Extract<ExplainerSection, { type: 'chart' }>,
  ctx: SectionContext,
  show: (value: number) => string,
): string {
  const sep = ctx.lang === 'en' ? '; ' : '；';
  const end = ctx.lang === 'en' ? '.' : '。';
  const parts = section.series.map((series) => {
    const values = series.values;
    const max = values.indexOf(Math.max(...values));
    const min = values.indexOf(Math.min(...values));
    if (section.chart === 'lines') {
      return ctx.lang === 'en'
        ? `${series.name}: ${show(values[0] ?? 0)} in ${section.labels[0]}, ${show(values[values.length - 1] ?? 0)} in ${section.labels[section.labels.length - 1]}`
        : `${series.name}从${section.labels[0]}的${show(values[0] ?? 0)}变为${section.labels[section.labels.length - 1]}的${show(values[values.length - 1] ?? 0)}`;
    }
    return ctx.lang === 'en'
      ? `${series.name}: highest ${section.labels[max]} (${show(values[max] ?? 0)}), lowest ${section.labels[min]} (${show(values[min] ?? 0)})`
      : `${series.name}${section.labels[max]}最多（${show(values[max] ?? 0)}），${section.labels[min]}最少（${show(values[min] ?? 0)}）`;
  });
  // The section title stands right above; the sentence is about the data.
  return `${parts.join(sep)}${end}`;
}
