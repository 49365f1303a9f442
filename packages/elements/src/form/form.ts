import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  fieldProblem,
  formFieldList,
  formSchema,
  isFieldVisible,
  issueMessage,
  rootIssue,
  ownValue,
  type FormField,
  type GkForm,
  type MessageKey,
} from '@gongkai/core';
import { GkElement } from '../base/gk-element.js';
import { GkSubmitEvent } from '../base/events.js';
import { defineElement } from '../base/define.js';
import { markdown, markdownStyles } from '../base/internal/markdown.js';
import { hostCardStyles } from '../charts/host-card.styles.js';
import { formNarrowStyles, formStyles } from './form.styles.js';
import { rendererFor, type FieldContext } from './internal/renderers.js';

type Status = 'editing' | 'sending' | 'sent' | 'failed';

/** What gongkai-server (packages/server) answers when it refuses a submission; other receivers may answer the same. */
interface ReceiverError {
  error?: {
    message?: unknown;
    messageEn?: unknown;
    issues?: Array<{ path?: unknown; message?: unknown; messageEn?: unknown } | undefined>;
  };
}

/**
 * A form citizens fill in — 领导信箱, a comment on a draft, an application —
 * from one JSON document. It never loses what was written: validation on
 * leaving a field and on sending (messages beside each field and in a summary
 * at the top, the GOV.UK pattern), sending that keeps everything on a network
 * failure, a timeout or a 5xx and can be retried (a refusal from the receiver
 * shows its own words beside the fields), no double sending, and an
 * opt-in draft kept in this browser (sensitive fields never stored).
 *
 * @summary Form. JSON: `"kind": "form"`.
 *
 * @event gk-submit - Sent and accepted. `detail: { trackingCode, response }`.
 *
 * @csspart base - The form.
 * @csspart summary - The error summary.
 */
export class GkFormElement extends GkElement<typeof formSchema> {
  static override styles = [...GkElement.styles, hostCardStyles, markdownStyles, formStyles, formNarrowStyles];

  /**
   * Form-associated (ElementInternals): placed inside a page's own <form>, the
   * element contributes its values to that form's FormData and its validity to
   * that form's checkValidity(), like any native control.
   */
  static formAssociated = true;
  private readonly internals: ElementInternals | undefined = this.attachInternals?.();

  protected readonly schema = formSchema;

  /**
   * The title of the document this form is part of (a consultation, an
   * application), set by that element: the form landmark is named "发表意见：<title>",
   * so two on one page have different names.
   */
  @property({ attribute: false }) within?: string;

  @state() private values: Record<string, unknown> = {};
  @state() private errors: Record<string, string> = {};
  @state() private touched = new Set<string>();
  @state() private sendStatus: Status = 'editing';
  @state() private message = '';
  @state() private draftRestored = false;

  /** One key per submission attempt series: a retry of the same values is recognised by the server as the same submission. */
  private idempotencyKey = newKey();
  private formFor?: GkForm;

  private get draftKey(): string {
    const doc = this.document;
    return `gongkai-draft:${doc?.action ?? ''}:${doc?.title ?? ''}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const doc = this.document;
    if (doc && doc !== this.formFor) {
      this.formFor = doc;
      this.restoreDraft(doc);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Part of another element's card (a consultation, an application): no card of its own.
    (this.renderRoot as HTMLElement).classList.toggle('gk-within', !!this.within);
    const doc = this.document;
    if (doc && (changed.has('values' as keyof GkFormElement) || changed.has('document' as keyof GkFormElement)))
      this.syncInternals(doc);
  }

  /** The values as FormData for a surrounding <form>, and the first problem as this element's validity. */
  private syncInternals(doc: GkForm): void {
    if (!this.internals) return;
    const data = new FormData();
    const visible = this.fields(doc).filter((field) => isFieldVisible(field, this.values));
    for (const field of visible) {
      const value = ownValue(this.values, field.name);
      if (value === undefined || value === '' || field.type === 'file') continue;
      for (const item of Array.isArray(value) ? value : [value]) data.append(field.name, String(item));
    }
    this.internals.setFormValue(data);
    const first = visible.map((field) => [field, this.problem(field)] as const).find(([, problem]) => problem);
    if (first) {
      const anchor =
        this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.scopedId(`field-${first[0].name}`))}`) ??
        undefined;
      this.internals.setValidity({ customError: true }, `${first[0].label}：${first[1]}`, anchor);
    } else {
      this.internals.setValidity({});
    }
  }

  private fields(doc: GkForm): FormField[] {
    return formFieldList(doc);
  }

  private restoreDraft(doc: GkForm): void {
    if (!doc.draft) return;
    try {
      const saved = JSON.parse(localStorage.getItem(this.draftKey) ?? 'null') as Record<string, unknown> | null;
      if (saved && typeof saved === 'object') {
        this.values = saved;
        this.draftRestored = Object.keys(saved).length > 0;
      }
    } catch {
      // No storage (private mode, a locked-down WebView): the form still works, only without drafts.
    }
  }

  private saveDraft(doc: GkForm): void {
    if (!doc.draft) return;
    // Never kept: what is sensitive, ID numbers, files, and consent (it is given afresh each time).
    const sensitive = new Set(
      this.fields(doc)
        .filter(
          (field) => field.sensitive || field.type === 'file' || field.type === 'idNumber' || field.type === 'consent',
        )
        .map((field) => field.name),
    );
    const kept = Object.fromEntries(Object.entries(this.values).filter(([name]) => !sensitive.has(name)));
    try {
      localStorage.setItem(this.draftKey, JSON.stringify(kept));
    } catch {
      // Storage full or refused: nothing to do, the values are still on the page.
    }
  }

  private problem(field: FormField): string | undefined {
    const problem = fieldProblem(field, ownValue(this.values, field.name));
    return problem
      ? issueMessage(
          { ...rootIssue(problem.key as MessageKey, problem.params), path: [field.name], pathText: field.name },
          this.language,
        )
      : undefined;
  }

  private check(field: FormField): void {
    const message = this.problem(field);
    const errors = { ...this.errors };
    if (message) errors[field.name] = message;
    else delete errors[field.name];
    this.errors = errors;
  }

  private async send(doc: GkForm): Promise<void> {
    if (this.sendStatus === 'sending') return; // a double click sends once
    const fields = this.fields(doc).filter((field) => isFieldVisible(field, this.values));
    const errors: Record<string, string> = {};
    for (const field of fields) {
      const message = this.problem(field);
      if (message) errors[field.name] = message;
    }
    this.errors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="summary"]')?.focus();
      return;
    }
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>('input[name="_website"]')?.value ?? '';
    const body = {
      ...Object.fromEntries(
        fields
          .map((field) => [field.name, ownValue(this.values, field.name)])
          .filter(([, value]) => value !== undefined),
      ),
      _idempotencyKey: this.idempotencyKey,
      ...(honeypot ? { _website: honeypot } : {}),
    };
    this.sendStatus = 'sending';
    const timeout = new AbortController();
    // The element's timeout (default 15 s) is how long the citizen waits before being told.
    const timer = setTimeout(() => timeout.abort(), this.timeout);
    try {
      const response = await fetch(doc.action, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Idempotency-Key': this.idempotencyKey,
        },
        body: JSON.stringify(body),
        signal: timeout.signal,
        credentials: 'same-origin',
      });
      const answer = (await response.json().catch(() => ({}))) as { trackingCode?: string } & ReceiverError;
      if (!response.ok) {
        await this.receiverRefused(
          answer.error,
          fields,
          this.t('load.http', { status: response.status, statusText: '', url: doc.action }),
        );
        return;
      }
      this.sendStatus = 'sent';
      this.message = answer.trackingCode
        ? this.t('form.sent', { code: answer.trackingCode })
        : this.t('form.sentNoCode');
      try {
        localStorage.removeItem(this.draftKey);
      } catch {
        // nothing stored
      }
      this.dispatchEvent(new GkSubmitEvent({ trackingCode: answer.trackingCode, response: answer }));
    } catch {
      this.sendFailed(
        timeout.signal.aborted
          ? this.t('form.timeout', { seconds: this.timeout / 1000 })
          : this.t('load.network', { url: doc.action }),
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The receiver's own words, when it answers in gongkai-server's error shape: its
   * message for the whole submission, and its per-field problems beside the fields
   * (as text, shortened), with the error summary focused as after our own checks.
   */
  private async receiverRefused(error: ReceiverError['error'], fields: FormField[], fallback: string): Promise<void> {
    const say = (said?: { message?: unknown; messageEn?: unknown }) => {
      const text = this.language === 'en' && typeof said?.messageEn === 'string' ? said.messageEn : said?.message;
      return typeof text === 'string' && text.trim() ? text.trim().slice(0, 300) : undefined;
    };
    const shown = new Set(fields.map((field) => field.name));
    const errors: Record<string, string> = {};
    for (const issue of Array.isArray(error?.issues) ? error.issues : []) {
      const message = say(issue);
      if (typeof issue?.path === 'string' && shown.has(issue.path) && message) errors[issue.path] ??= message;
    }
    if (!Object.keys(errors).length) {
      this.sendFailed(say(error) ?? fallback);
      return;
    }
    // Something to correct, not to retry later: the message says so.
    this.sendFailed(say(error) ?? fallback, 'form.refused');
    this.errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="summary"]')?.focus();
  }

  private sendFailed(reason: string, key: 'form.failed' | 'form.refused' = 'form.failed'): void {
    this.sendStatus = 'failed';
    this.message = this.t(key, { reason: reason.replace(/[。.]$/, '') });
  }

  protected override renderDocument(doc: GkForm) {
    if (this.sendStatus === 'sent') {
      return html`<section class="sent" part="base" role="status" aria-labelledby=${this.scopedId('title')}>
        ${this.heading(0, doc.title, 'title', 'title')}
        <p class="confirmation">${this.message}</p>
      </section>`;
    }
    const errorEntries = Object.entries(this.errors);
    const fieldsByName = new Map(this.fields(doc).map((field) => [field.name, field]));
    // The privacy notice comes just before the consent that refers to it (or before the send button when there is none).
    const privacyId = this.scopedId('privacy');
    const privacy = html`<div class="privacy" id=${privacyId}>
      <p class="privacy-title">${this.t('form.privacy')}</p>
      <div class="prose">${markdown(doc.privacy, this.headingLevel + 1)}</div>
    </div>`;
    const consentFirst = doc.sections
      .flatMap((section) => section.fields)
      .find((field) => field.type === 'consent' && isFieldVisible(field, this.values));
    return html`<form
      part="base"
      novalidate
      aria-labelledby=${ifDefined(this.within ? undefined : this.scopedId('title'))}
      aria-label=${ifDefined(this.within ? `${doc.title}：${this.within}` : undefined)}
      @submit=${(e: Event) => (e.preventDefault(), void this.send(doc))}
    >
      ${this.heading(0, doc.title, 'title', 'title')}
      ${doc.description ? html`<div class="prose">${markdown(doc.description, this.headingLevel + 1)}</div>` : nothing}
      ${this.draftRestored ? html`<p class="notice" role="status">${this.t('form.draftRestored')}</p>` : nothing}
      ${
        errorEntries.length
          ? html`<div class="summary" part="summary" id=${this.scopedId('summary')} role="alert" tabindex="-1">
            <p>${this.t('form.summary')}</p>
            <ul>
              ${errorEntries.map(
                ([name, message]) => html`<li>
                  <a href="#${this.scopedId(`field-${name}`)}" @click=${(e: Event) => (e.preventDefault(), this.focusField(name))}>${fieldsByName.get(name)?.label ?? name}：${message}</a>
                </li>`,
              )}
            </ul>
          </div>`
          : nothing
      }
      ${doc.sections.map(
        (section) => html`<fieldset class="section">
          ${section.title ? html`<legend>${section.title}</legend>` : nothing}
          ${section.fields
            .filter((field) => isFieldVisible(field, this.values))
            .map((field) =>
              field === consentFirst ? html`${privacy}${this.renderField(field, privacyId)}` : this.renderField(field),
            )}
        </fieldset>`,
      )}
      ${consentFirst ? nothing : privacy}
      <div class="honeypot" aria-hidden="true">
        <label>${this.t('form.honeypot')}<input name="_website" tabindex="-1" autocomplete="off" /></label>
      </div>
      ${this.sendStatus === 'failed' ? html`<p class="failed" role="alert">${this.message}</p>` : nothing}
      ${
        errorEntries.length
          ? // After fixing the first fields, the summary is screens away on a phone: one tap takes the reader back to it.
            html`<p class="errors-left">
            <a href="#${this.scopedId('summary')}" @click=${(e: Event) => (e.preventDefault(), this.renderRoot.querySelector<HTMLElement>('[part="summary"]')?.focus())}
              >${this.t('form.errorsLeft', { count: errorEntries.length })}</a
            >
          </p>`
          : nothing
      }
      <button type="submit" class="send" aria-disabled=${this.sendStatus === 'sending' ? 'true' : 'false'}>
        ${this.sendStatus === 'sending' ? this.t('form.sending') : this.sendStatus === 'failed' ? this.t('form.retry') : this.t('form.send')}
      </button>
    </form>`;
  }

  private renderField(field: FormField, describedBy?: string) {
    const renderer = rendererFor(field);
    if (!renderer) {
      return html`<div class="state-error field-error" role="alert">${this.t('form.unknownField', { label: field.label, type: field.type })}</div>`;
    }
    const doc = this.document!;
    const ctx: FieldContext = {
      lang: this.language,
      t: (key, params) => this.t(key, params),
      value: ownValue(this.values, field.name),
      ...(ownValue(this.errors, field.name) ? { error: ownValue(this.errors, field.name) } : {}),
      set: (value) => {
        this.values = { ...this.values, [field.name]: value };
        if (this.sendStatus === 'failed') this.sendStatus = 'editing';
        // A changed form is a new submission; an unchanged one retried keeps its key.
        this.idempotencyKey = newKey();
        if (ownValue(this.errors, field.name)) this.check(field);
        this.saveDraft(doc);
      },
      blur: () => {
        this.touched = new Set(this.touched).add(field.name);
        if (ownValue(this.values, field.name) !== undefined) this.check(field);
      },
      scopedId: (name) => this.scopedId(name),
      ...(describedBy ? { describedBy } : {}),
    };
    return renderer.render(field, ctx);
  }

  private focusField(name: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.scopedId(`field-${name}`))}`);
    const control = target?.matches('fieldset') ? target.querySelector<HTMLElement>('input') : target;
    control?.focus();
  }
}

function newKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

defineElement('gk-form', GkFormElement);

declare global {
  interface HTMLElementTagNameMap {
    'gk-form': GkFormElement;
  }
}
