import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  documentSchema,
  formatDate,
  formatDocNumber,
  formatFileSize,
  type DocumentStatus,
  type GkDocument,
} from '@gongkai/core';
import { GkElement } from '../base/gk-element.js';
import { defineElement } from '../base/define.js';
import { href, rel } from '../base/internal/links.js';
import { markdown, markdownStyles } from '../base/internal/markdown.js';
import { documentNarrowStyles, documentStyles } from './document.styles.js';

const STATUS_CLASS: Record<DocumentStatus, string> = {
  现行有效: 'in-force',
  已修订: 'changed',
  已废止: 'gone',
  已失效: 'gone',
  尚未生效: 'draft',
  征求意见稿: 'draft',
};

/**
 * A published policy document (行政决策公开): title, 发文字号, issuer, dates,
 * validity, summary, attachments and links to its interpretation.
 *
 * @summary Policy document card. JSON: `"kind": "document"`.
 *
 * @slot - An inline `<script type="application/json">` holding the document (not displayed).
 *
 * @csspart base - The card.
 * @csspart status - The validity badge (现行有效, 已废止 …).
 * @csspart title - The document title.
 * @csspart meta - The list of issuer and dates.
 * @csspart summary - The summary (Markdown).
 * @csspart attachments - The attachment list.
 * @csspart links - The interpretation and related-document links.
 *
 * @cssproperty --gk-color-title - Title colour.
 */
export class GkDocumentElement extends GkElement<typeof documentSchema> {
  static override styles = [...GkElement.styles, markdownStyles, documentStyles, documentNarrowStyles];

  protected readonly schema = documentSchema;

  protected override renderDocument(doc: GkDocument) {
    const lang = this.language;
    const date = (value: string | undefined) => (value ? formatDate(value, lang) : undefined);
    const rows: Array<[string, string | undefined]> = [
      [this.t('doc.index'), doc.index],
      [this.t('doc.issuer'), doc.issuer],
      [this.t('doc.number'), doc.number ? formatDocNumber(doc.number) : undefined],
      [this.t('doc.issued'), date(doc.issued)],
      [this.t('doc.published'), date(doc.published)],
      [this.t('doc.effective'), date(doc.effective)],
      [this.t('doc.expires'), date(doc.expires)],
    ];
    // Its sections are not landmarks (no accessible name): two cards on a page would have regions called 摘要, 附件 … twice.
    return html`<article class="card" part="base" aria-labelledby=${this.scopedId('title')}>
      <header class="head">
        <p class="status status--${STATUS_CLASS[doc.status]}" part="status">
          <span class="visually-hidden">${this.t('doc.statusLabel')}</span>${this.t(`status.${doc.status}`)}
        </p>
        ${this.heading(0, doc.title, 'title', 'title')}
      </header>
      <dl class="meta" part="meta" aria-label=${this.t('doc.meta')}>
        ${rows.map(([label, value]) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing))}
      </dl>
      ${
        doc.summary
          ? html`<section class="summary" part="summary">
            ${this.heading(1, this.t('doc.summary'), 'summary-heading')}
            <div class="prose">${markdown(doc.summary, this.headingLevel + 2)}</div>
          </section>`
          : nothing
      }
      ${
        doc.attachments?.length
          ? html`<section part="attachments">
            ${this.heading(1, this.t('doc.attachments'), 'attachments-heading')}
            <ul class="files">
              ${doc.attachments.map(
                (file) => html`<li>
                  <a href=${ifDefined(href(file.url))} rel=${ifDefined(rel(file.url))} download
                    >${file.name}<span class="file-meta"
                      >${this.t('doc.fileMeta', { format: file.format.toUpperCase(), size: formatFileSize(file.size, lang) })}</span
                    ></a
                  >
                </li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
      ${
        doc.links?.length
          ? html`<section part="links">
            ${this.heading(1, this.t('doc.links'), 'links-heading')}
            <ul class="links">
              ${doc.links.map(
                (link) => html`<li>
                  <span class="link-type">${this.t(`link.${link.type}`)}</span>
                  <a href=${ifDefined(href(link.url))} rel=${ifDefined(rel(link.url))}>${link.title}</a>
                  ${link.number ? html`<span class="file-meta">${formatDocNumber(link.number)}</span>` : nothing}
                </li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
    </article>`;
  }
}

defineElement('gk-document', GkDocumentElement);

declare global {
  interface HTMLElementTagNameMap {
    'gk-document': GkDocumentElement;
  }
}
