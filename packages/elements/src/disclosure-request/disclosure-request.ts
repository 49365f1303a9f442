import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  REQUEST_STEPS,
  formatDate,
  issueMessage,
  disclosureRequestSchema,
  requestStatusSchema,
  validateText,
  type GkDisclosureRequest,
  type GkForm,
  type RequestStatus,
} from '@gongkai/core';
import { GkElement } from '../base/gk-element.js';
import { defineElement } from '../base/define.js';
import { followLink } from '../base/internal/links.js';
import { fetchText } from '../base/internal/fetch-text.js';
import { markdown, markdownStyles } from '../base/internal/markdown.js';
import { hostCardStyles } from '../charts/host-card.styles.js';
import { requestNarrowStyles, requestStyles } from './disclosure-request.styles.js';
import '../form/form.js';

/**
 * Applying for government information (依申请公开) and checking an
 * application's progress by its tracking code: received → registered →
 * processing → replied, the legal deadline, and the outcome in the categories
 * of the annual report (予以公开, 部分公开, 不予公开 with the reason …).
 *
 * @summary Disclosure application and status lookup. JSON: `"kind": "disclosure-request"`.
 *
 * @csspart base - The element.
 * @csspart status - The progress of the application looked up.
 */
export class GkDisclosureRequestElement extends GkElement<typeof disclosureRequestSchema> {
  static override styles = [...GkElement.styles, hostCardStyles, markdownStyles, requestStyles, requestNarrowStyles];

  protected readonly schema = disclosureRequestSchema;

  @state() private code = '';
  @state() private looking = false;
  @state() private found?: RequestStatus;
  @state() private problem = '';

  private applicationForm(doc: GkDisclosureRequest): GkForm {
    return {
      kind: 'form',
      version: 1,
      title: this.t('request.apply'),
      action: doc.form.action,
      privacy: doc.form.privacy,
      draft: true,
      sections: doc.form.sections,
    };
  }

  private async lookUp(doc: GkDisclosureRequest): Promise<void> {
    const code = this.code.trim();
    if (!code || this.looking) return;
    this.looking = true;
    this.found = undefined;
    this.problem = '';
    const separator = doc.statusUrl.includes('?') ? '&' : '?';
    const url = `${doc.statusUrl}${separator}code=${encodeURIComponent(code)}`;
    const answer = await fetchText(url, this.timeout, new AbortController().signal, true);
    this.looking = false;
    if (!answer.ok) {
      this.problem =
        answer.issue.key === 'load.http404'
          ? this.t('request.notFound', { code })
          : issueMessage(answer.issue, this.language);
      return;
    }
    const result = validateText(requestStatusSchema, answer.text);
    if (!result.ok) {
      this.problem = this.t('request.badAnswer');
      return;
    }
    this.found = result.value;
  }

  protected override renderDocument(doc: GkDisclosureRequest) {
    // The lookup's section is not a landmark (no accessible name): two of these on a page would have regions of the same name.
    return html`<article part="base" aria-labelledby=${this.scopedId('title')}>
      ${this.heading(0, doc.title, 'title', 'title')}
      ${doc.description ? html`<div class="prose">${markdown(doc.description, this.headingLevel + 1)}</div>` : nothing}
      <p class="to-lookup no-print"><a href="#${this.scopedId('lookup-code')}" @click=${(e: Event) => followLink(e, this.renderRoot)}>${this.t('request.toLookup')}</a></p>
      <section>
        <gk-form .data=${this.applicationForm(doc)} .within=${doc.title} heading-level=${this.headingLevel + 1} lang=${this.language} ?light-dom=${this.rendersLight} ?elder=${this.elder}></gk-form>
      </section>
      <section>
        ${this.heading(1, this.t('request.lookup'))}
        <form class="lookup" aria-label="${this.t('request.lookup')}：${doc.title}" @submit=${(e: Event) => (e.preventDefault(), void this.lookUp(doc))}>
          <label>
            ${this.t('request.code')}
            <span class="hint">${this.t('request.codeHint')}</span>
            <input
              id=${this.scopedId('lookup-code')}
              name="code"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck="false"
              .enterKeyHint=${'search'}
              .value=${this.code}
              @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" ?disabled=${this.looking}>${this.looking ? this.t('request.finding') : this.t('request.find')}</button>
        </form>
        <div role="status">
          ${this.problem ? html`<p class="problem">${this.problem}</p>` : nothing}
          ${this.found ? this.renderStatus(this.found) : nothing}
        </div>
      </section>
    </article>`;
  }

  private renderStatus(status: RequestStatus) {
    const lang = this.language;
    const current = REQUEST_STEPS.indexOf(status.step);
    return html`<div part="status">
      <p>${this.t('request.statusFor', { code: status.code })}</p>
      <ol class="steps">
        ${REQUEST_STEPS.map(
          (
            step,
            index,
          ) => html`<li class=${index < current ? 'done' : ''} aria-current=${ifDefined(index === current ? 'step' : undefined)}>
            ${this.t(`request.step.${step}`)}${index === 0 ? html`<br />${formatDate(status.received, lang)}` : nothing}${
              step === 'replied' && status.replied ? html`<br />${formatDate(status.replied, lang)}` : nothing
            }
          </li>`,
        )}
      </ol>
      <p>${this.t('request.deadline', { date: formatDate(status.deadline, lang) })}</p>
      ${
        status.outcome
          ? html`<p class="outcome">
            ${this.t('request.outcome', { outcome: this.t(`request.outcome.${status.outcome}`) })}${
              status.reason ? html`<br />${this.t('request.reason', { reason: status.reason })}` : nothing
            }
          </p>`
          : nothing
      }
    </div>`;
  }
}

defineElement('gk-disclosure-request', GkDisclosureRequestElement);

declare global {
  interface HTMLElementTagNameMap {
    'gk-disclosure-request': GkDisclosureRequestElement;
  }
}
