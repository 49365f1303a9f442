/**
 * The project's stages as a timeline: an ordered list of the eight kinds of
 * information in the order of 国办发〔2017〕94号, each with its status as text
 * (never colour alone), its dates, summary, documents with their 文号, and its
 * contracts as a table. Stages the document leaves out are shown as not started.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  PROJECT_STAGES,
  formatDate,
  formatDocNumber,
  formatMoney,
  type GkProject,
  type Lang,
  type MessageKey,
  type MessageParams,
  type ProjectStageEntry,
} from '@gongkai/core';
import { href, rel } from '../../base/internal/links.js';

export interface TimelineContext {
  doc: GkProject;
  lang: Lang;
  t(key: MessageKey, params?: MessageParams): string;
  heading(offset: number, content: unknown): TemplateResult;
}

/** Every one of the eight stages: the document's entry, or a stage not started. */
export function allStages(doc: GkProject): ProjectStageEntry[] {
  return PROJECT_STAGES.map(
    (stage) => doc.stages.find((entry) => entry.stage === stage) ?? { stage, status: '未开始' as const },
  );
}

export const money = (value: number, lang: Lang) => formatMoney(value, { from: '万元', lang });

function dates(ctx: TimelineContext, entry: ProjectStageEntry): string {
  if (!entry.start) return '';
  const start = formatDate(entry.start, ctx.lang);
  return entry.end
    ? ctx.t('project.dates', { start, end: formatDate(entry.end, ctx.lang) })
    : ctx.t('project.since', { start });
}

export function timeline(ctx: TimelineContext): TemplateResult {
  const { lang, t } = ctx;
  return html`<ol class="timeline">
    ${allStages(ctx.doc).map((entry, index) => {
      const when = dates(ctx, entry);
      return html`<li class="stage" data-status=${entry.status}>
        ${ctx.heading(2, html`<span class="step" aria-hidden="true">${index + 1}</span>${t(`project.stage.${entry.stage}` as MessageKey)}`)}
        <p class="status">
          <span class="badge">${t(`project.status.${entry.status}` as MessageKey)}</span
          >${when ? html` · ${when}` : nothing}
        </p>
        ${entry.summary ? html`<p>${entry.summary}</p>` : nothing}
        ${
          entry.documents?.length
            ? html`<p class="sub">${t('project.documents')}</p>
                <ul class="documents">
                  ${entry.documents.map(
                    (doc) =>
                      html`<li>
                        ${doc.url ? html`<a href=${ifDefined(href(doc.url))} rel=${ifDefined(rel(doc.url))}>${doc.title}</a>` : doc.title}${doc.number ? html` <span class="number">${formatDocNumber(doc.number)}</span>` : nothing}${
                          doc.date ? html` · ${formatDate(doc.date, lang)}` : nothing
                        }
                      </li>`,
                  )}
                </ul>`
            : nothing
        }
        ${
          entry.contracts?.length
            ? html`<div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-label=${t('project.contractsOf', { title: ctx.doc.title, stage: t(`project.stage.${entry.stage}` as MessageKey) })}
              >
                <table>
                  <caption>
                    ${t('project.contracts')}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${t('project.contract')}</th>
                      <th scope="col">${t('project.party')}</th>
                      <th scope="col">${t('project.amount')}</th>
                      <th scope="col">${t('project.signed')}</th>
                      <th scope="col">${t('project.performance')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${entry.contracts.map(
                      (contract) =>
                        html`<tr>
                          <th scope="row">${contract.name}</th>
                          <td>${contract.party}</td>
                          <td class="num">${money(contract.amount, lang)}</td>
                          <td>${formatDate(contract.signed, lang)}</td>
                          <td>${contract.performance ?? ''}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
            : nothing
        }
      </li>`;
    })}
  </ol>`;
}
