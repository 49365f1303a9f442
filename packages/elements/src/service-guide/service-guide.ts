import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatDate, serviceGuideSchema, type GkServiceGuide, type ServiceItem } from '@gongkai/core';
import { GkElement } from '../base/gk-element.js';
import { defineElement } from '../base/define.js';
import { GkServiceSelectEvent } from '../base/events.js';
import { href, rel } from '../base/internal/links.js';
import { markdown, markdownStyles } from '../base/internal/markdown.js';
import { hostCardStyles } from '../charts/host-card.styles.js';
import { serviceGuideNarrowStyles, serviceGuideStyles } from './service-guide.styles.js';
import { ChecklistStore } from './internal/checklist-store.js';
import { searchServices } from './internal/search.js';

/** The deep link to one item of a listing: `#service=<code>`. */
const HASH = /^#service=(.+)$/;

/**
 * Service guides (办事指南). One item is shown as its guide, answering a
 * citizen's two questions first: what to bring, and where to go (with the
 * visits, the time limit and the fee). Then the materials as a checklist the
 * reader can tick (kept on their device) and print on one page, the conditions,
 * steps, time limits and fees, places, legal basis, result, contact, and the
 * change record with each change's publication and effective dates. Several
 * items are a listing with search; each opens its guide (deep link
 * `#service=<code>`, or the `service` attribute).
 *
 * @summary Service guides (办事指南). JSON: `"kind": "service-guide"`.
 *
 * @slot - An inline `<script type="application/json">` holding the guides (not displayed).
 *
 * @event gk-service-select - The reader opened one item's guide from the listing, or went back (`detail.code` is then empty).
 *
 * @csspart base - The guide or the listing.
 * @csspart title - The title.
 * @csspart first-screen - What to bring and where to go.
 * @csspart checklist - The materials checklist.
 * @csspart search - The listing's search field.
 */
export class GkServiceGuideElement extends GkElement<typeof serviceGuideSchema> {
  static override styles = [
    ...GkElement.styles,
    hostCardStyles,
    markdownStyles,
    serviceGuideStyles,
    serviceGuideNarrowStyles,
  ];

  protected readonly schema = serviceGuideSchema;

  /** The code of the item to show from a listing; without it, a listing shows all its items. */
  @property({ reflect: true }) service?: string;

  @state() private query = '';
  @state() private ticked = new Set<string>();
  @state() private printing = false;

  private readonly store = new ChecklistStore();
  private tickedFor = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.onHashChange();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private readonly onHashChange = (): void => {
    const match = HASH.exec(location.hash);
    if (match) this.service = decodeURIComponent(match[1]!);
  };

  protected override renderDocument(doc: GkServiceGuide) {
    const single = doc.services.length === 1 ? doc.services[0] : undefined;
    const selected = single ?? doc.services.find((item) => item.code === this.service);
    if (selected) return this.renderGuide(doc, selected, !single);
    return this.renderListing(doc);
  }

  /** The ticks of the item shown, read once per item. */
  private tickedOf(doc: GkServiceGuide, item: ServiceItem): Set<string> {
    const key = `${doc.office}:${item.code}`;
    if (this.tickedFor !== key) {
      this.tickedFor = key;
      this.ticked = this.store.read(key);
    }
    return this.ticked;
  }

  private renderListing(doc: GkServiceGuide) {
    const results = searchServices(doc.services, this.query);
    const searchId = this.scopedId('search');
    return html`<article part="base" class="listing" aria-labelledby=${this.scopedId('title')}>
      ${this.heading(0, doc.title, 'title', 'title')}
      <p class="meta">${doc.office}</p>
      ${doc.description?.trim() ? html`<div class="prose">${markdown(doc.description, this.headingLevel + 1)}</div>` : nothing}
      <div class="search" role="search" part="search" aria-label=${this.t('guide.searchOf', { title: doc.title })}>
        <label for=${searchId}>${this.t('guide.search')}</label>
        <input
          id=${searchId}
          type="search"
          .value=${this.query}
          placeholder=${this.t('guide.searchHint')}
          autocomplete="off"
          @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
        />
      </div>
      <p class="count" role="status">
        ${results.length ? this.t('guide.results', { count: results.length }) : this.t('guide.noResults', { query: this.query.trim() })}
      </p>
      <ul class="services">
        ${results.map(
          (item) =>
            html`<li>
              ${this.heading(1, item.name)}
              <p class="meta">${this.t('guide.meta', { type: item.type, office: item.office, code: item.code })}</p>
              <p>${this.facts(item).join(' · ')}</p>
              <button type="button" data-code=${item.code} @click=${() => this.select(item.code)}>
                ${this.t('guide.open')}<span class="visually-hidden">：${item.name}</span>
              </button>
            </li>`,
        )}
      </ul>
    </article>`;
  }

  /** One line of what matters most about an item, for the listing. */
  private facts(item: ServiceItem): string[] {
    const required = item.materials.filter((material) => material.required).length;
    return [
      this.t('guide.bringCount', { count: required }),
      this.visits(item),
      this.t('guide.time', { promised: item.promisedDays, legal: item.legalDays }),
      this.fee(item),
    ];
  }

  private visits(item: ServiceItem): string {
    return item.visits === 0
      ? this.t('guide.visits.0')
      : item.visits === 1
        ? this.t('guide.visits.1')
        : this.t('guide.visits.n', { count: item.visits });
  }

  private fee(item: ServiceItem): string {
    return item.fee.charged ? this.t('guide.fee', { standard: item.fee.standard ?? '' }) : this.t('guide.free');
  }

  private select(code: string): void {
    this.service = code || undefined;
    try {
      history.replaceState(
        history.state,
        '',
        code ? `#service=${encodeURIComponent(code)}` : location.pathname + location.search,
      );
    } catch {
      // A sandboxed frame may refuse; the guide still opens.
    }
    this.dispatchEvent(new GkServiceSelectEvent({ code }));
    const back = this.lastCode;
    if (code) this.lastCode = code;
    // The keyboard follows: to the guide's title, or back to the item it came from.
    void this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>(
        code ? '[part="title"]' : `button[data-code="${CSS.escape(back)}"]`,
      );
      if (!target) return;
      if (code) target.tabIndex = -1;
      target.focus();
    });
  }

  private lastCode = '';

  private renderGuide(doc: GkServiceGuide, item: ServiceItem, fromListing: boolean) {
    const lang = this.language;
    const ticked = this.tickedOf(doc, item);
    const section = (name: string, title: string, body: unknown) =>
      html`<section class=${name}>${this.heading(1, title, `${name}-title`)}${body}</section>`;
    const place = item.places[0]!;
    const required = item.materials.filter((material) => material.required).length;
    const optional = item.materials.length - required;
    return html`<article
      part="base"
      class=${this.printing ? 'guide print-checklist' : 'guide'}
      aria-labelledby=${this.scopedId('title')}
    >
      ${fromListing ? html`<p class="no-print"><button type="button" class="back" @click=${() => this.select('')}>${this.t('guide.back')}</button></p>` : nothing}
      ${this.heading(0, item.name, 'title', 'title')}
      <p class="meta">${this.t('guide.meta', { type: item.type, office: item.office, code: item.code })}</p>
      <div class="first-screen" part="first-screen">
        ${section(
          'bring',
          this.t('guide.bring'),
          html`<p class="big">
              ${this.t('guide.bringCount', { count: required })}${optional ? this.t('guide.bringOptional', { count: optional }) : ''}
            </p>
            <p class="no-print">
              <button type="button" @click=${this.toChecklist}>${this.t('guide.toChecklist')}</button>
            </p>`,
        )}
        ${section(
          'where',
          this.t('guide.where'),
          html`<p class="big">${place.name}</p>
            <p>
              ${place.address}${place.window ? html`<br />${this.t('guide.window', { window: place.window })}` : nothing}<br />${this.t('guide.hours', { hours: place.hours })}
            </p>
            <ul class="facts">
              <li>${this.visits(item)}</li>
              <li>${this.t('guide.time', { promised: item.promisedDays, legal: item.legalDays })}</li>
              <li>${this.fee(item)}</li>
            </ul>
            ${item.online ? html`<p><a class="online" href=${ifDefined(href(item.online))} rel=${ifDefined(rel(item.online))}>${this.t('guide.applyOnline')}</a></p>` : nothing}`,
        )}
      </div>
      ${section('checklist', this.t('guide.checklist'), this.checklist(doc, item, ticked))}
      ${section(
        'conditions',
        this.t('guide.conditions'),
        html`<ol>
          ${item.conditions.map((condition) => html`<li>${condition}</li>`)}
        </ol>`,
      )}
      ${section(
        'steps',
        this.t('guide.steps'),
        html`<ol class="steps">
          ${item.steps.map(
            (step) =>
              html`<li>
                <strong>${step.name}</strong
                >${step.who ? html` · ${step.who}` : nothing}${step.days !== undefined ? html` · ${this.t('guide.stepDays', { days: step.days })}` : nothing}
                ${step.detail ? html`<br />${step.detail}` : nothing}
              </li>`,
          )}
        </ol>`,
      )}
      ${section(
        'limits',
        this.t('guide.limits'),
        html`<dl>
          <dt>${this.t('guide.legalDays')}</dt>
          <dd>${this.t('guide.workingDays', { days: item.legalDays })}</dd>
          <dt>${this.t('guide.promisedDays')}</dt>
          <dd>${this.t('guide.workingDays', { days: item.promisedDays })}</dd>
          <dt>${this.t('guide.feeTitle')}</dt>
          <dd>${item.fee.charged ? item.fee.standard : this.t('guide.free')}</dd>
          ${
            item.fee.basis
              ? html`<dt>${this.t('guide.feeBasis')}</dt>
                  <dd>${item.fee.basis}</dd>`
              : nothing
          }
        </dl>`,
      )}
      ${section(
        'places',
        this.t('guide.places'),
        html`<ul>
          ${item.places.map(
            (each) =>
              html`<li>
                <strong>${each.name}</strong
                ><br />${each.address}${each.window ? html`<br />${this.t('guide.window', { window: each.window })}` : nothing}
                <br />${this.t('guide.hours', { hours: each.hours })}${each.phone ? html`<br />${this.t('guide.phone', { phone: each.phone })}` : nothing}
              </li>`,
          )}
        </ul>`,
      )}
      ${section(
        'basis',
        this.t('guide.basis'),
        html`<ul>
            ${item.basis.map((basis) => html`<li>${basis.title}${basis.article ? html` ${basis.article}` : nothing}</li>`)}
          </ul>
          <p>${this.t('guide.applicants')}：${item.applicants.join('、')}</p>`,
      )}
      ${section(
        'result',
        this.t('guide.result'),
        html`<p>
          ${item.result.name}${item.result.sample ? html` · <a href=${ifDefined(href(item.result.sample))} rel=${ifDefined(rel(item.result.sample))}>${this.t('guide.resultSample')}</a>` : nothing}
        </p>`,
      )}
      ${section(
        'contact',
        this.t('guide.contact'),
        html`<dl>
          <dt>${this.t('guide.contactPhone')}</dt>
          <dd>${phoneLink(item.contact.phone)}</dd>
          <dt>${this.t('guide.complaint')}</dt>
          <dd>${phoneLink(item.contact.complaint)}</dd>
        </dl>`,
      )}
      ${
        item.changes?.length
          ? section(
              'changes',
              this.t('guide.changes'),
              html`<div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-label=${this.t('guide.changesTable', { name: item.name })}
              >
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${this.t('guide.change')}</th>
                      <th scope="col">${this.t('guide.changePublished')}</th>
                      <th scope="col">${this.t('guide.changeEffective')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${[...item.changes]
                      .sort((a, b) => (a.published < b.published ? 1 : -1))
                      .map(
                        (change) =>
                          html`<tr>
                            <th scope="row">${change.summary}</th>
                            <td>${formatDate(change.published, lang)}</td>
                            <td>${formatDate(change.effective, lang)}</td>
                          </tr>`,
                      )}
                  </tbody>
                </table>
              </div>`,
            )
          : nothing
      }
      <p class="updated">${this.t('guide.updated', { date: formatDate(item.updated, lang) })}</p>
    </article>`;
  }

  private checklist(doc: GkServiceGuide, item: ServiceItem, ticked: Set<string>) {
    const key = `${doc.office}:${item.code}`;
    const toggle = (name: string, on: boolean) => {
      const next = new Set(this.ticked);
      if (on) next.add(name);
      else next.delete(name);
      this.ticked = next;
      this.store.write(key, next);
    };
    const done = item.materials.filter((material) => ticked.has(material.name)).length;
    return html`<div part="checklist">
      <p class="hint no-print">
        ${this.store.saved ? this.t('guide.checklistHint') : this.t('guide.checklistNotSaved')}
      </p>
      <p class="progress no-print" role="status">${this.t('guide.progress', { done, total: item.materials.length })}</p>
      <ul class="materials">
        ${item.materials.map((material, index) => {
          const id = this.scopedId(`material-${index}`);
          const detail = [
            this.t('guide.copies', { form: material.form, copies: material.copies }),
            material.medium,
            material.sourceNote ?? material.source,
            material.required ? this.t('guide.required') : this.t('guide.when', { when: material.when ?? '' }),
          ].filter(Boolean);
          return html`<li>
            <input
              type="checkbox"
              id=${id}
              .checked=${ticked.has(material.name)}
              @change=${(event: Event) => toggle(material.name, (event.target as HTMLInputElement).checked)}
            />
            <label for=${id}
              ><span class="name">${material.name}</span> <span class="detail">${detail.join(' · ')}</span></label
            >
            ${material.note ? html`<p class="note">${material.note}</p>` : nothing}
            ${
              material.blank || material.sample
                ? html`<p class="forms no-print">
                    ${material.blank ? html`<a href=${ifDefined(href(material.blank))} rel=${ifDefined(rel(material.blank))} aria-label=${this.t('guide.blankOf', { name: material.name })}>${this.t('guide.blank')}</a>` : nothing}
                    ${material.sample ? html`<a href=${ifDefined(href(material.sample))} rel=${ifDefined(rel(material.sample))} aria-label=${this.t('guide.sampleOf', { name: material.name })}>${this.t('guide.sample')}</a>` : nothing}
                  </p>`
                : nothing
            }
          </li>`;
        })}
      </ul>
      <p class="actions no-print">
        <button type="button" @click=${this.printChecklist}>${this.t('guide.print')}</button>
        <button
          type="button"
          ?disabled=${!done}
          @click=${() => ((this.ticked = new Set()), this.store.write(key, this.ticked))}
        >
          ${this.t('guide.clear')}
        </button>
      </p>
    </div>`;
  }

  private readonly toChecklist = (): void => {
    const heading = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.scopedId('checklist-title'))}`);
    if (!heading) return;
    heading.tabIndex = -1;
    heading.scrollIntoView?.({ block: 'start' });
    heading.focus();
  };

  /** Prints the checklist with what to bring and where to go only, on one page. */
  private readonly printChecklist = async (): Promise<void> => {
    this.printing = true;
    await this.updateComplete;
    try {
      // Some in-app browsers have no print(), and a page may have replaced it: neither may throw into the page.
      if (typeof window.print === 'function') window.print();
    } catch (error) {
      console.warn('[gongkai] print:', error);
    } finally {
      this.printing = false;
    }
  };
}

defineElement('gk-service-guide', GkServiceGuideElement);

declare global {
  interface HTMLElementTagNameMap {
    'gk-service-guide': GkServiceGuideElement;
  }
}

/** A number as a tel: link when core's URL check takes it; other text (如 “0952-6012345（工作日）”) stays plain text. */
function phoneLink(number: string) {
  const address = href(`tel:${number}`);
  return address ? html`<a href=${address}>${number}</a>` : number;
}
