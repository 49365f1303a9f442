import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  SECTION_TYPES,
  explainerSchema,
  formatDate,
  formatDocNumber,
  formatPath,
  sectionId,
  type ExplainerSection,
  type GkExplainer,
} from '@gongkai/core';
import { GkElement } from '../base/gk-element.js';
import { markdownStyles } from '../base/internal/markdown.js';
import { defineElement } from '../base/define.js';
import { href, rel } from '../base/internal/links.js';
import { chartStyles } from '../charts/chart.styles.js';
import { hostCardStyles } from '../charts/host-card.styles.js';
import { toggled } from '../base/internal/toggle.js';
import { ChartInteraction } from '../charts/interaction.js';
import { collapsible } from '../base/internal/collapsible.js';
import { collapsibleStyles } from '../base/internal/collapsible.styles.js';
import { copyText, selectAndCopy } from '../base/internal/copy.js';
import { ResizeController } from '../charts/resize-controller.js';
import { explainerNarrowStyles, explainerStyles } from './explainer.styles.js';
import { glossaryTerms } from './internal/glossary.js';
import { disclosure, renderSection, type SectionContext } from './internal/sections.js';

export type ExplainerMode = 'scroll' | 'steps';

/** Stands in for a section of a type this version does not know, so the rest validates and shows. */
function placeholder(section: { title?: unknown; id?: unknown }) {
  const title = typeof section.title === 'string' && section.title.trim() ? section.title : '—';
  // Its id is kept, so a link to it still finds it.
  const id = typeof section.id === 'string' ? { id: section.id } : {};
  return { type: 'text', ...id, title, body: '—' };
}

/**
 * A plain-language interpretation of a policy (政策解读): key figures, charts,
 * steps, Q&A, before/after, images with alt text, audio and video with
 * transcripts, what it means for you, contacts, and a glossary shown in place.
 * Read as one long page or one section at a time; every section has a deep
 * link (#id) that the back button follows.
 *
 * @summary Policy explainer. JSON: `"kind": "explainer"`.
 *
 * @csspart base - The whole explainer.
 * @csspart title - The title.
 * @csspart summary - The one-sentence summary.
 * @csspart toc - The table of contents.
 * @csspart section - Each section.
 */
export class GkExplainerElement extends GkElement<typeof explainerSchema> {
  static override styles = [
    ...GkElement.styles,
    hostCardStyles,
    chartStyles,
    markdownStyles,
    ...collapsibleStyles,
    explainerStyles,
    explainerNarrowStyles,
  ];

  protected readonly schema = explainerSchema;

  /** `scroll` (every section, default) or `steps` (one section at a time). */
  @property({ reflect: true }) mode: ExplainerMode = 'scroll';

  @state() private page = 0;
  @state() private open = new Set<string>();
  @state() private announcement = '';
  /** The section whose link was just shared, and whether it was copied (else it shows in a field to copy). */
  @state() private shared?: { id: string; url: string; copied: boolean };

  /** Sections of unknown types, by index, set aside before validation. */
  private unknown = new Map<number, string>();
  private readonly interactions = new Map<string, ChartInteraction>();
  private readonly resize = new ResizeController(this);
  private readonly onHashChange = () => this.followHash(true);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    // The reading mode the reader chose comes back after a reload (same tab).
    const chosen = this.storedMode();
    if (chosen) this.mode = chosen;
  }

  /** Where this explainer's chosen mode is kept for the tab: by page and by id (else position). */
  private modeKey(): string {
    return `gk-explainer-mode:${location.pathname}:${this.id || [...document.querySelectorAll('gk-explainer')].indexOf(this)}`;
  }

  private storedMode(): ExplainerMode | undefined {
    try {
      const value = sessionStorage.getItem(this.modeKey());
      return value === 'steps' || value === 'scroll' ? value : undefined;
    } catch {
      // No storage (a sandboxed frame, a locked-down WebView): the page's mode.
      return undefined;
    }
  }

  private chooseMode(mode: ExplainerMode): void {
    this.mode = mode;
    try {
      sessionStorage.setItem(this.modeKey(), mode);
    } catch {
      // Not kept; this page view still switches.
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  protected override prepare(value: unknown): unknown {
    this.unknown = new Map();
    const sections = (value as { sections?: unknown })?.sections;
    if (!Array.isArray(sections)) return value;
    const known = new Set<string>(SECTION_TYPES);
    const replaced = sections.map((section, index) => {
      const type = (section as { type?: unknown })?.type;
      if (section && typeof section === 'object' && !known.has(String(type))) {
        this.unknown.set(index, typeof type === 'string' ? type : String(type ?? ''));
        return placeholder(section as { title?: unknown; id?: unknown });
      }
      return section;
    });
    return { ...(value as object), sections: replaced };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.document && changed.has('document' as keyof GkExplainerElement)) this.followHash(false);
  }

  private ids(doc: GkExplainer): string[] {
    return doc.sections.map((section, index) => sectionId(section, index));
  }

  /** The ids of the sections, as used in links (#id). */
  get sectionIds(): string[] {
    return this.document ? this.ids(this.document) : [];
  }

  /** Opens the section named in the URL hash (a shared link, the back button). */
  private followHash(scroll: boolean): void {
    const doc = this.document;
    const wanted = decodeURIComponent(location.hash.slice(1));
    if (!doc) return;
    if (!wanted) {
      // Back to the address without a section: the first page.
      if (scroll) this.page = 0;
      return;
    }
    const index = this.ids(doc).indexOf(wanted);
    if (index < 0) return;
    // Two explainers on one page may share an id: the first one in the page answers.
    const owner = [...document.querySelectorAll('gk-explainer')].find((el) => el.sectionIds.includes(wanted));
    if (owner && owner !== this) return;
    this.page = index;
    void this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.scopedId(wanted))}`);
      if (!target) return;
      // In both modes: after a reload into step mode the page would otherwise open at its top, far above the section.
      target.scrollIntoView({
        behavior: scroll && !matchMedia('(prefers-reduced-motion: reduce)').matches ? 'smooth' : 'auto',
        block: 'start',
      });
      target.querySelector<HTMLElement>('.section-title')?.focus({ preventScroll: true });
    });
  }

  private go(page: number): void {
    const doc = this.document;
    if (!doc) return;
    const ids = this.ids(doc);
    this.page = Math.max(0, Math.min(ids.length - 1, page));
    this.announcement = this.t('explainer.pageOf', { page: this.page + 1, total: ids.length });
    // A page change is a place the back button returns to.
    history.pushState(history.state, '', `#${ids[this.page]}`);
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLElement>(`#${CSS.escape(this.scopedId(ids[this.page]!))} .section-title`)
        ?.focus(),
    );
  }

  /**
   * Shares a link to a section: the system's share sheet where there is one (a
   * phone's browser); else (WeChat, desktops) the link is copied and the button
   * says 已复制; else the link shows selected in a field, to copy by hand.
   */
  private async share(id: string, title: string): Promise<void> {
    const url = `${location.href.split('#')[0]}#${id}`;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        if ((error as Error)?.name === 'AbortError') return; // the reader closed the sheet
      }
    }
    if (await copyText(url)) {
      this.shared = { id, url, copied: true };
      return;
    }
    this.shared = { id, url, copied: false };
    await this.updateComplete;
    const field = this.renderRoot.querySelector<HTMLInputElement>('.share-field input');
    if (field && selectAndCopy(field)) this.shared = { id, url, copied: true };
  }

  private context(): SectionContext {
    return {
      lang: this.language,
      t: (key, params) => this.t(key, params),
      level: this.headingLevel + 1,
      width: this.resize.chartWidth,
      interaction: (id) => {
        let interaction = this.interactions.get(id);
        if (!interaction) {
          interaction = new ChartInteraction(this);
          this.interactions.set(id, interaction);
        }
        return interaction;
      },
      isOpen: (id) => this.open.has(id),
      toggle: (id) => (this.open = toggled(this.open, id)),
      elder: this.elderMode,
      term: (text) => text,
    };
  }

  private renderUnknown(index: number) {
    return html`<div class="state-error section-error" role="alert">
      ${this.t('explainer.unknownSection', { type: this.unknown.get(index) ?? '', path: formatPath(['sections', index, 'type']) })}
    </div>`;
  }

  protected override renderDocument(doc: GkExplainer) {
    const ids = this.ids(doc);
    const steps = this.mode === 'steps';
    const ctx = this.context();
    const policy = doc.policy;
    const person = doc.interpreter.firstInterpreter;
    return html`<article class="explainer" part="base" aria-labelledby=${this.scopedId('title')}>
      <header>
        ${this.heading(0, doc.title, 'title', 'title')}
        <p class="summary" part="summary">${doc.summary}</p>
        ${collapsible({
          id: this.scopedId('about'),
          label: this.t('explainer.about'),
          open: this.open.has('_about'),
          toggle: () => (this.open = toggled(this.open, '_about')),
          className: 'about',
          body: html`<dl class="meta">
              <dt>${this.t('explainer.policy')}</dt>
              <dd>
                ${policy.url ? html`<a href=${ifDefined(href(policy.url))} rel=${ifDefined(rel(policy.url))}>${policy.title}</a>` : policy.title}
                ${policy.number ? html`<span class="muted">${formatDocNumber(policy.number)}</span>` : nothing}
                ${policy.issuer ? html`<span class="muted">${policy.issuer}</span>` : nothing}
                ${policy.date ? html`<span class="muted">${formatDate(policy.date, this.language)}</span>` : nothing}
              </dd>
              <dt>${this.t('explainer.office')}</dt>
              <dd>${doc.interpreter.office}</dd>
              ${person ? html`<dt>${this.t('explainer.firstInterpreter')}</dt><dd>${person.name}（${person.title}）</dd>` : nothing}
              <dt>${this.t('explainer.date')}</dt>
              <dd>${formatDate(doc.interpreter.date, this.language)}</dd>
              ${doc.interpreter.contact ? html`<dt>${this.t('explainer.contact')}</dt><dd>${doc.interpreter.contact}</dd>` : nothing}
            </dl>
            ${
              policy.document && customElements.get('gk-document')
                ? // Closed at first: the whole card would stand between the reader and the explanation. Printed open.
                  disclosure(
                    ctx,
                    // Not a possible section id (those have no "_"), so the two never clash.
                    this.scopedId('policy_card'),
                    this.t('explainer.policyCard'),
                    html`<gk-document src=${policy.document} heading-level=${this.headingLevel + 1} lang=${this.language} ?light-dom=${this.rendersLight} ?elder=${this.elder}></gk-document>`,
                    'policy-card',
                  )
                : nothing
            }`,
        })}
      </header>

      <div class="reading no-print">
        <div class="toolbar" role="group" aria-label=${this.t('explainer.mode')}>
          ${(['scroll', 'steps'] as const).map(
            (
              mode,
            ) => html`<button type="button" aria-pressed=${this.mode === mode ? 'true' : 'false'} @click=${() => this.chooseMode(mode)}>
              ${this.t(mode === 'scroll' ? 'explainer.modeScroll' : 'explainer.modeSteps')}
            </button>`,
          )}
        </div>
        ${collapsible({
          id: this.scopedId('toc'),
          label: this.t('explainer.contentsCount', { count: doc.sections.length }),
          open: this.open.has('_toc'),
          toggle: () => (this.open = toggled(this.open, '_toc')),
          className: 'toc-box',
          body: html`<nav class="toc" part="toc" aria-label="${this.t('explainer.contents')}：${doc.title}">
            <ol>
              ${doc.sections.map(
                (section, index) => html`<li>
                  <a href="#${ids[index]}" aria-current=${ifDefined(steps && index === this.page ? 'step' : undefined)}>${section.title}</a>
                </li>`,
              )}
            </ol>
          </nav>`,
        })}
      </div>

      ${doc.sections.map((section, index) =>
        this.renderOne(section, index, ids[index]!, steps && index !== this.page, {
          ...ctx,
          term: glossaryTerms(doc.glossary ?? [], this.scopedId(ids[index]!), ctx.isOpen, ctx.toggle),
        }),
      )}

      ${
        steps
          ? html`<div class="pager no-print">
            <button type="button" ?disabled=${this.page === 0} @click=${() => this.go(this.page - 1)}>${this.t('explainer.previous')}</button>
            <span>${this.t('explainer.pageOf', { page: this.page + 1, total: ids.length })}</span>
            <button type="button" ?disabled=${this.page === ids.length - 1} @click=${() => this.go(this.page + 1)}>${this.t('explainer.next')}</button>
          </div>`
          : nothing
      }

      ${
        doc.glossary?.length
          ? html`<section class="glossary">
            ${this.heading(1, this.t('explainer.glossary'))}
            <dl>${doc.glossary.map((entry) => html`<dt>${entry.term}</dt><dd>${entry.definition}</dd>`)}</dl>
          </section>`
          : nothing
      }
      <p class="notice" role="status" ?hidden=${!this.announcement}>${this.announcement}</p>
    </article>`;
  }

  /** `id` is the section's id in links (#id); its element's id is scoped like every other. */
  private renderOne(section: ExplainerSection, index: number, id: string, hidden: boolean, ctx: SectionContext) {
    const domId = this.scopedId(id);
    const shared = this.shared?.id === id ? this.shared : undefined;
    // Not a landmark (no accessible name): two explainers on a page would have regions of the same name.
    return html`<section id=${domId} class="section ${hidden ? 'step-hidden' : ''}" part="section" data-section=${section.type}>
      <div class="section-head">
        ${this.heading(1, html`<span class="section-title" id="${domId}-title" tabindex="-1">${section.title}</span>`)}
        <button type="button" class="share no-print" @click=${() => this.share(id, section.title)} aria-label="${this.t('explainer.share')}：${section.title}">#</button>
      </div>
      <p class="share-status no-print" role="status">${shared?.copied ? this.t('explainer.copied') : nothing}</p>
      ${
        shared && !shared.copied
          ? html`<label class="share-field no-print">${this.t('copy.manual')}<input readonly .value=${shared.url} /></label>`
          : nothing
      }
      ${this.unknown.has(index) ? this.renderUnknown(index) : renderSection(section, domId, ctx)}
    </section>`;
  }
}

defineElement('gk-explainer', GkExplainerElement);

declare global {
  interface HTMLElementTagNameMap {
    'gk-explainer': GkExplainerElement;
  }
}
