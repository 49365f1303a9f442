import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  formatIssue,
  hasLanguage,
  resolveLang,
  rootIssue,
  t,
  isLarge,
  parseJson,
  publishedAddress,
  validate,
  validateInSlices,
  validateText,
  validateTextInSlices,
  type GkIssue,
  type Lang,
  type MessageKey,
  type MessageParams,
  type Slices,
  type ValidationResult,
} from '@gongkai/core';
import type * as z from 'zod/mini';
import { baseNarrowStyles, baseStyles } from './gk-element.styles.js';
import { VERSION } from './define.js';
import { GkErrorEvent, GkLoadEvent, type DataSource } from './events.js';
import { fetchText, shortUrl } from './internal/fetch-text.js';
import { adoptLightStyles, canRenderLight } from './internal/light-dom.js';
import { NarrowController } from './internal/narrow.js';
import { pageIsElder, pageWantsLightDom, unwatchPage, watchPage } from './internal/page-switches.js';
import type { Loaded, Provenance } from './internal/provenance.js';
import { loadProvenance } from './internal/provenance-loader.js';

type Status = 'empty' | 'loading' | 'ready' | 'error';

/** The most problems listed at once; editors fix them top-down. */
const MAX_LISTED_ISSUES = 20;

type Result<S extends z.ZodMiniType> = ValidationResult<z.infer<S>>;

let warnedNoEnglish = false;
/** Numbers the elements in light-DOM mode, whose ids live in the page's document. */
let lightCount = 0;

/**
 * The base of every gk-* element. It takes the element's JSON document from
 * `src`, from an inline `<script type="application/json">` child, or from the
 * `data` property (in that order of precedence: data, src, inline), validates it
 * with the kind's schema, and renders either the document or one error state.
 * Nothing it does throws into the host page.
 *
 * What the page puts inside the element (a title, a link to the PDF) shows until
 * the document is rendered, and stays if it fails or the script never loads.
 * Everything renders inside one root element (`part="root"`) that sets its own
 * font, colours and box model, so the host's computed values (a page's
 * `* { box-sizing: content-box }`) change nothing inside.
 *
 * @slot - What shows before the document renders, or instead of it when it cannot: a title, a link to the file. An inline `<script type="application/json">` holding the document is never shown.
 *
 * @event gk-load - The document was loaded, validated and rendered. `detail: { document, source }`.
 * @event gk-error - The document could not be loaded or is invalid. `detail: { issues, messages, source }`.
 *
 * @csspart root - The box everything renders in.
 * @csspart loading - The loading message.
 * @csspart error - The error message (role="alert").
 * @csspart retry-button - The button that loads `src` again after a failure.
 * @csspart provenance - Under a document published by gongkai-server (/d/<slug>.json): 发布于 · 更新于, 修订记录, what changed, and the signature check.
 * @csspart verdict - The signature check's message (已核验 / 未能核验 / 无法核验).
 *
 * @attr signing-key - The publisher's Ed25519 public key (base64), pinned: a published document is verified with this key only.
 *
 * @cssproperty --gk-font-family - Font family.
 * @cssproperty --gk-font-size - Base font size (default: the reader's browser setting).
 * @cssproperty --gk-line-height - Line height.
 * @cssproperty --gk-color-text - Text colour.
 * @cssproperty --gk-color-muted - Secondary text colour.
 * @cssproperty --gk-color-accent - Accent colour (titles, buttons).
 * @cssproperty --gk-color-link - Link colour.
 * @cssproperty --gk-color-focus - Focus outline colour.
 * @cssproperty --gk-color-border - Border colour.
 * @cssproperty --gk-color-surface - Background of cards.
 * @cssproperty --gk-color-subtle - Background of secondary areas.
 * @cssproperty --gk-color-danger - Colour of the error state.
 * @cssproperty --gk-color-danger-surface - Background of the error state.
 * @cssproperty --gk-radius - Corner radius.
 * @cssproperty --gk-space - Base spacing.
 */
export abstract class GkElement<S extends z.ZodMiniType> extends LitElement {
  static override styles = [baseStyles, baseNarrowStyles];

  /** The gongkai version that defined the element (a second copy on the page names it in its warning). */
  static readonly gongkaiVersion = VERSION;

  /** The schema of this element's document kind. */
  protected abstract readonly schema: S;

  /** For kinds whose documents can be large: how to check them without a long task. */
  protected readonly slices?: Slices<S>;

  /** Address of the JSON document to load. */
  @property({ reflect: true }) src?: string;

  /** The document as an object, typed by the kind's schema; takes precedence over `src` and inline JSON. */
  @property({ attribute: false }) data?: z.input<S>;

  /** Milliseconds to wait for `src` before giving up. */
  @property({ type: Number }) timeout = 15000;

  /**
   * Interface language: `zh-CN` (default) or `en`; without it, the nearest `lang`
   * in the page. Bound to the native `lang` attribute under another name, so the
   * element never writes an empty `lang=""` (which would tell screen readers the
   * language is unknown), and `el.lang = 'en'` works as on any element.
   */
  @property({ attribute: 'lang' }) requestedLang?: string;

  /** The level of the element's top heading (2–6), to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /**
   * Render into the element's own children instead of a shadow root, so an
   * accessibility toolbar's pointer reading (指读) finds the text. Read when the
   * element first connects; `<html data-gk-light-dom>` turns it on for every element.
   */
  @property({ type: Boolean, reflect: true, attribute: 'light-dom' }) lightDom = false;

  /** Elder mode (长者模式): larger text and targets, stronger contrast. Also on while `<html>` has the class `gk-elder`. */
  @property({ type: Boolean, reflect: true }) elder = false;

  @state() protected status: Status = 'empty';
  @state() protected document?: z.infer<S>;
  @state() protected issues: GkIssue[] = [];
  @state() protected source: DataSource | 'none' = 'none';

  private loadController?: AbortController;
  private checkToken = 0;
  private inlineObserver?: MutationObserver;
  private pendingEvent?: GkLoadEvent<z.output<S>> | GkErrorEvent;
  private idPrefix = '';
  /** The phone layout where container queries are missing (see internal/narrow.ts). */
  private readonly narrowLayout = new NarrowController(this);
  /** Publication history and signature check of a published `src` (internal/provenance.ts, loaded on demand). */
  private provenance?: Provenance;

  /** The resolved interface language; Chinese when English is asked for but its messages are not loaded. */
  get language(): Lang {
    const lang = resolveLang(this.requestedLang || this.parentElement?.closest('[lang]')?.getAttribute('lang'));
    if (lang === 'en' && !hasLanguage('en')) {
      if (!warnedNoEnglish) console.warn("[gongkai] lang=en needs import 'gongkai/en'");
      warnedNoEnglish = true;
      return 'zh-CN';
    }
    return lang;
  }

  /** Translates one of the library's own strings into the element's language. */
  protected t(key: MessageKey, params?: MessageParams): string {
    return t(this.language, key, params);
  }

  /** True in elder mode, set on the element or on the page. */
  get elderMode(): boolean {
    return this.elder || pageIsElder();
  }

  /** In light-DOM mode, as decided when the element first connected. */
  protected get rendersLight(): boolean {
    return !!this.idPrefix;
  }

  /**
   * The id of one of the element's own elements: as written inside a shadow root;
   * prefixed per element in light-DOM mode, where ids share the page's document.
   */
  protected scopedId(name: string): string {
    return this.idPrefix + name;
  }

  /** The root everything renders in: inside a shadow root, or first among the element's children in light-DOM mode. */
  protected override createRenderRoot(): HTMLElement {
    const root = document.createElement('div');
    root.className = 'gk-root';
    root.setAttribute('part', 'root');
    if ((this.lightDom || pageWantsLightDom()) && canRenderLight) {
      this.lightDom = true;
      this.idPrefix = `gk${++lightCount}-`;
      this.prepend(root);
      adoptLightStyles(this, (this.constructor as typeof LitElement).elementStyles);
    } else {
      super.createRenderRoot().append(root);
    }
    // Lit would render before the shadow root's first child (its <style> where stylesheets cannot be adopted).
    this.renderOptions.renderBefore = null;
    return root;
  }

  override connectedCallback(): void {
    // Connected again, perhaps into another document or shadow root (the first time, createRenderRoot adopts them).
    if (this.rendersLight) adoptLightStyles(this, (this.constructor as typeof LitElement).elementStyles);
    super.connectedCallback();
    watchPage(this);
    if (this.data === undefined && !this.src) this.readInline();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchPage(this);
    this.loadController?.abort();
    this.inlineObserver?.disconnect();
    this.inlineObserver = undefined;
    this.trackProvenance();
  }

  /** Loads `src` again (the retry button). */
  reload(): void {
    if (this.data !== undefined) this.accept(this.data, 'data');
    else if (this.src) void this.load(this.src, true);
    else this.readInline();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('data') && this.data !== undefined) {
      this.accept(this.data, 'data');
    } else if (changed.has('src') && this.src && this.data === undefined) {
      void this.load(this.src);
    }
  }

  protected override updated(_changed: PropertyValues<this>): void {
    const classes = (this.renderRoot as HTMLElement).classList;
    classes.toggle('gk-ready', this.status === 'ready');
    classes.toggle('gk-elder', this.elderMode);
    const event = this.pendingEvent;
    if (!event) return;
    this.pendingEvent = undefined;
    this.dispatchEvent(event);
  }

  protected override render(): unknown {
    // The page's own content shows until the document does (in light-DOM mode it is beside the root, hidden by CSS once ready).
    const fallback = this.rendersLight ? nothing : html`<slot></slot>`;
    switch (this.status) {
      case 'loading':
        return html`<div class="state-loading" part="loading" role="status">${this.t('state.loading')}</div>${fallback}`;
      case 'error':
        return html`${this.renderError()}${fallback}`;
      case 'ready':
        try {
          const body = this.renderDocument(this.document as z.infer<S>);
          return this.provenance && this.source === 'src' ? html`${body}${this.provenance.render()}` : body;
        } catch (error) {
          // A bug of ours must not break the host page: show it like any other problem.
          console.error('[gongkai]', error);
          return this.renderError([
            rootIssue('state.internal', { detail: String((error as Error)?.message ?? error) }),
          ]);
        }
      default:
        return fallback;
    }
  }

  /** Renders a valid document. */
  protected abstract renderDocument(document: z.infer<S>): unknown;

  /** A heading at `headingLevel + offset`, between h2 and h6. */
  protected heading(offset: number, content: unknown, name?: string, part?: string): TemplateResult {
    const level = Math.min(6, Math.max(2, this.headingLevel + offset));
    const id = name && this.scopedId(name);
    // Five plain templates cost less than lit/static-html's dynamic tag names.
    switch (level) {
      case 2:
        return html`<h2 id=${ifDefined(id)} part=${ifDefined(part)}>${content}</h2>`;
      case 3:
        return html`<h3 id=${ifDefined(id)} part=${ifDefined(part)}>${content}</h3>`;
      case 4:
        return html`<h4 id=${ifDefined(id)} part=${ifDefined(part)}>${content}</h4>`;
      case 5:
        return html`<h5 id=${ifDefined(id)} part=${ifDefined(part)}>${content}</h5>`;
      default:
        return html`<h6 id=${ifDefined(id)} part=${ifDefined(part)}>${content}</h6>`;
    }
  }

  private renderError(issues = this.issues): TemplateResult {
    const lang = this.language;
    const shown = issues.slice(0, MAX_LISTED_ISSUES);
    const intro =
      this.source === 'src' && this.src
        ? this.t('state.errorIntroSource', { source: shortUrl(this.src) })
        : this.t('state.errorIntro');
    return html`<div class="state-error" part="error" role="alert">
      <p class="error-title">${this.t('state.errorTitle')}</p>
      <p>${intro}</p>
      <ul>
        ${shown.map((issue) => html`<li>${this.renderIssue(issue, lang)}</li>`)}
        ${
          issues.length > shown.length
            ? html`<li>${this.t('state.moreIssues', { count: issues.length - shown.length })}</li>`
            : nothing
        }
      </ul>
      ${
        this.src && this.data === undefined
          ? html`<button type="button" part="retry-button" @click=${this.reload}>${this.t('state.retry')}</button>`
          : nothing
      }
    </div>`;
  }

  private renderIssue(issue: GkIssue, lang: Lang): TemplateResult {
    const line = formatIssue(issue, lang);
    if (!issue.pathText) return html`${line}`;
    // The path in bold so the eye finds it; the rest as plain text.
    return html`<code>${issue.pathText}</code>${line.slice(issue.pathText.length)}`;
  }

  private readInline(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (script) {
      this.inlineObserver?.disconnect();
      this.inlineObserver = undefined;
      this.acceptText(script.textContent ?? '', 'inline');
      return;
    }
    // The element may be upgraded before the parser reaches its children.
    if (!this.inlineObserver) {
      this.inlineObserver = new MutationObserver((records) => {
        // Our own rendering (inside the root, in light-DOM mode) is not the page adding the JSON.
        if (records.every((record) => this.renderRoot.contains(record.target))) return;
        if (this.data === undefined && !this.src) this.readInline();
      });
      this.inlineObserver.observe(this, { childList: true, subtree: true, characterData: true });
    }
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.noDataYet(), { once: true });
    } else {
      queueMicrotask(() => this.noDataYet());
    }
  }

  private noDataYet(): void {
    if (this.status === 'empty' && this.data === undefined && !this.src && this.isConnected) {
      this.fail([rootIssue('state.noData')], 'none');
    }
  }

  private async load(url: string, reload = false): Promise<void> {
    this.loadController?.abort();
    const controller = new AbortController();
    this.loadController = controller;
    this.checkToken++; // a check still running for an earlier document no longer counts
    this.status = 'loading';
    this.setAttribute('aria-busy', 'true');
    try {
      const result = await fetchText(url, this.timeout, controller.signal, reload);
      if (controller !== this.loadController || this.data !== undefined) return; // superseded
      if (result.ok) {
        this.acceptText(result.text, 'src');
        this.trackProvenance(url, result);
      } else this.fail([result.issue], 'src');
    } catch (error) {
      this.fail([rootIssue('state.internal', { detail: String(error) })], 'src');
    } finally {
      if (controller === this.loadController) this.removeAttribute('aria-busy');
    }
  }

  /** For a published document's address, its history and signature check; a failure there never touches the document. */
  private trackProvenance(url?: string, loaded?: Loaded): void {
    this.provenance?.dispose();
    this.provenance = undefined;
    if (url === undefined || loaded === undefined || !publishedAddress(url, document.baseURI)) return;
    loadProvenance()
      .then(({ Provenance }) => {
        if (this.src !== url || !this.isConnected) return;
        const provenance = new Provenance(this);
        this.provenance = provenance;
        void provenance.check(url, loaded);
      })
      .catch((error: unknown) => console.warn('[gongkai] publication history:', error));
  }

  private acceptText(text: string, source: DataSource): void {
    const slices = this.slices;
    if (this.prepare) {
      const parsed = parseJson(text);
      if (parsed.ok) {
        const value = this.prepare(parsed.value);
        void this.settle(() => validate(this.schema, value, text), source);
        return;
      }
    }
    void this.settle(() => (slices ? validateTextInSlices(slices, text) : validateText(this.schema, text)), source);
  }

  private accept(input: unknown, source: DataSource): void {
    this.loadController?.abort();
    this.removeAttribute('aria-busy');
    const value = this.prepare ? this.prepare(input) : input;
    const slices = this.slices;
    void this.settle(
      () => (slices && isLarge(value, slices) ? validateInSlices(slices, value) : validate(this.schema, value)),
      source,
    );
  }

  /**
   * A kind may set aside parts it can show an error for in place (an explainer's
   * section of an unknown type) before the document is validated; paths stay the same.
   */
  protected prepare?(value: unknown): unknown;

  /** Checks a document; a large one is checked in slices while the loading state shows. */
  private async settle(check: () => Result<S> | Promise<Result<S>>, source: DataSource): Promise<void> {
    const token = ++this.checkToken;
    let result: Result<S>;
    try {
      const pending = check();
      if (pending instanceof Promise) {
        this.status = 'loading';
        result = await pending;
      } else {
        result = pending;
      }
    } catch (error) {
      result = { ok: false, issues: [rootIssue('state.internal', { detail: String(error) })] };
    }
    if (token !== this.checkToken) return; // a newer document arrived meanwhile
    if (!result.ok) {
      this.fail(result.issues, source);
      return;
    }
    this.document = result.value;
    this.issues = [];
    this.source = source;
    this.status = 'ready';
    this.pendingEvent = new GkLoadEvent<z.output<S>>({ document: result.value, source });
  }

  private fail(issues: GkIssue[], source: DataSource | 'none'): void {
    this.document = undefined;
    this.issues = issues;
    this.source = source;
    this.status = 'error';
    const messages = issues.map((issue) => formatIssue(issue, this.language));
    // Web teams look in the console first; a warning, never a throw.
    console.warn(`[gongkai] <${this.localName}>:\n  ${messages.join('\n  ')}`);
    this.pendingEvent = new GkErrorEvent({ issues, messages, source });
    this.requestUpdate();
  }
}
