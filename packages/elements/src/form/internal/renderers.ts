/**
 * Field renderers, picked from a registry by small tester functions (the JSON
 * Forms pattern): the renderer whose tester ranks a field highest draws it, and
 * a field no renderer knows is drawn as a visible error, never as nothing.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { formatFileSize, type FormField, type Lang, type MessageKey, type MessageParams } from '@gongkai/core';

export interface FieldContext {
  lang: Lang;
  t(key: MessageKey, params?: MessageParams): string;
  value: unknown;
  /** The problem shown under the field, if any. */
  error?: string;
  set(value: unknown): void;
  /** Validation when the reader leaves a field. */
  blur(): void;
  /** A DOM id of the form's own (prefixed per element in light-DOM mode). */
  scopedId(name: string): string;
  /** More that describes the field (the privacy notice, for the consent that refers to it). */
  describedBy?: string;
}

export interface FieldRenderer {
  /** How well this renderer fits the field: 0 means not at all; the highest wins. */
  tester(field: FormField): number;
  render(field: FormField, ctx: FieldContext): TemplateResult;
}

const id = (field: FormField, ctx: FieldContext) => ctx.scopedId(`field-${field.name}`);
const describedBy = (field: FormField, ctx: FieldContext) =>
  [field.help ? `${id(field, ctx)}-help` : '', ctx.error ? `${id(field, ctx)}-error` : '', ctx.describedBy ?? '']
    .filter(Boolean)
    .join(' ') || undefined;

function label(field: FormField, ctx: FieldContext): TemplateResult {
  return html`<label for=${id(field, ctx)}>${field.label}${field.required ? nothing : html` <span class="optional">${ctx.t('form.optional')}</span>`}</label>`;
}

function helpAndError(field: FormField, ctx: FieldContext): TemplateResult {
  return html`${field.help ? html`<p class="help" id="${id(field, ctx)}-help">${field.help}</p>` : nothing}
  ${ctx.error ? html`<p class="error" id="${id(field, ctx)}-error">${ctx.error}</p>` : nothing}`;
}

/**
 * The keyboard and the browser's autofill for each kind of field, on a phone: digits
 * for a mobile number, an e-mail keyboard, letters for an ID number (its last
 * character may be X, which a digit pad lacks, so no numeric inputmode, but capitals).
 */
interface InputKind {
  type: 'text' | 'email' | 'tel' | 'date';
  inputmode?: 'numeric' | 'decimal' | 'tel' | 'email';
  autocomplete?: 'name' | 'organization' | 'postal-code' | 'tel' | 'tel-national' | 'email' | 'street-address' | 'off';
  /** Capitals (an ID's X, a credit code), or off where words are not sentences. */
  autocapitalize?: 'characters' | 'off';
  /** No spelling underline on codes and numbers. */
  plain?: true;
}

const INPUT_TYPES: Partial<Record<string, InputKind>> = {
  text: { type: 'text' },
  email: { type: 'email', autocomplete: 'email', autocapitalize: 'off', plain: true },
  mobile: { type: 'tel', inputmode: 'numeric', autocomplete: 'tel-national', plain: true },
  idNumber: { type: 'text', autocomplete: 'off', autocapitalize: 'characters', plain: true },
  number: { type: 'text', inputmode: 'decimal', plain: true },
  date: { type: 'date' },
  address: { type: 'text', autocomplete: 'street-address' },
};

/**
 * A text field whose name says what it holds gets that field's keyboard and
 * autofill (documented in docs/elements/form.md): a name, an organisation, a
 * postal code (digits), a landline (digits and -), a credit code (capitals).
 */
const TEXT_BY_NAME: Array<[RegExp, InputKind]> = [
  [/^(?:name|fullName|realName|applicantName|contactName)$/i, { type: 'text', autocomplete: 'name' }],
  [/^(?:organi[sz]ation|company|orgName)$/i, { type: 'text', autocomplete: 'organization' }],
  [
    /^(?:post(?:al)?code|zip(?:code)?|youbian)$/i,
    { type: 'text', inputmode: 'numeric', autocomplete: 'postal-code', plain: true },
  ],
  [/^(?:tel|telephone|landline|phone)$/i, { type: 'tel', inputmode: 'tel', autocomplete: 'tel', plain: true }],
  [/^(?:creditCode|uscc)$/i, { type: 'text', autocomplete: 'off', autocapitalize: 'characters', plain: true }],
];

/** How a field is typed: by its type, and for plain text fields by a well-known name. */
export function inputKind(field: FormField): InputKind | undefined {
  if (field.type === 'text') return TEXT_BY_NAME.find(([pattern]) => pattern.test(field.name))?.[1] ?? INPUT_TYPES.text;
  return INPUT_TYPES[field.type];
}

const input: FieldRenderer = {
  tester: (field) => (inputKind(field) ? 1 : 0),
  render: (field, ctx) => {
    const kind = inputKind(field)!;
    return html`<div class="field ${ctx.error ? 'invalid' : ''}">
      ${label(field, ctx)} ${helpAndError(field, ctx)}
      <input
        id=${id(field, ctx)}
        name=${field.name}
        type=${kind.type}
        inputmode=${ifDefined(kind.inputmode)}
        autocomplete=${ifDefined(kind.autocomplete)}
        autocapitalize=${ifDefined(kind.autocapitalize)}
        spellcheck=${ifDefined(kind.plain ? 'false' : undefined)}
        ?required=${field.required ?? false}
        aria-invalid=${ctx.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(field, ctx))}
        .value=${live(String(ctx.value ?? ''))}
        @input=${(e: Event) => ctx.set((e.target as HTMLInputElement).value)}
        @blur=${ctx.blur}
      />
    </div>`;
  },
};

const textarea: FieldRenderer = {
  tester: (field) => (field.type === 'textarea' ? 1 : 0),
  render: (field, ctx) => {
    const count = [...String(ctx.value ?? '')].length;
    return html`<div class="field ${ctx.error ? 'invalid' : ''}">
      ${label(field, ctx)} ${helpAndError(field, ctx)}
      <textarea
        id=${id(field, ctx)}
        name=${field.name}
        rows="6"
        ?required=${field.required ?? false}
        aria-invalid=${ctx.error ? 'true' : 'false'}
        aria-describedby=${ifDefined([describedBy(field, ctx), field.maxLength ? `${id(field, ctx)}-count` : ''].filter(Boolean).join(' ') || undefined)}
        .value=${live(String(ctx.value ?? ''))}
        @input=${(e: Event) => ctx.set((e.target as HTMLTextAreaElement).value)}
        @blur=${ctx.blur}
      ></textarea>
      ${
        field.maxLength
          ? html`<p class="count ${count > field.maxLength ? 'over' : ''}" id="${id(field, ctx)}-count">${ctx.t('form.count', { count, max: field.maxLength })}</p>`
          : nothing
      }
    </div>`;
  },
};

const select: FieldRenderer = {
  tester: (field) => (field.type === 'select' ? 1 : 0),
  render: (field, ctx) => html`<div class="field ${ctx.error ? 'invalid' : ''}">
    ${label(field, ctx)} ${helpAndError(field, ctx)}
    <select
      id=${id(field, ctx)}
      name=${field.name}
      ?required=${field.required ?? false}
      aria-invalid=${ctx.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(field, ctx))}
      .value=${live(String(ctx.value ?? ''))}
      @change=${(e: Event) => ctx.set((e.target as HTMLSelectElement).value)}
      @blur=${ctx.blur}
    >
      <option value="">—</option>
      ${(field.options ?? []).map((option) => html`<option value=${option.value} ?selected=${ctx.value === option.value}>${option.label}</option>`)}
    </select>
  </div>`,
};

/** Radio buttons and checkboxes: a fieldset whose legend is the label. */
function choices(multiple: boolean): FieldRenderer {
  return {
    tester: (field) => (field.type === (multiple ? 'checkbox' : 'radio') ? 1 : 0),
    render: (field, ctx) => {
      const chosen = multiple ? (Array.isArray(ctx.value) ? (ctx.value as string[]) : []) : [String(ctx.value ?? '')];
      return html`<fieldset
        class="field ${ctx.error ? 'invalid' : ''}"
        id=${id(field, ctx)}
        tabindex="-1"
        aria-describedby=${ifDefined(describedBy(field, ctx))}
      >
        <legend>${field.label}${field.required ? nothing : html` <span class="optional">${ctx.t('form.optional')}</span>`}</legend>
        ${helpAndError(field, ctx)}
        ${(field.options ?? []).map(
          (option, i) => html`<label class="choice">
            <input
              type=${multiple ? 'checkbox' : 'radio'}
              name=${field.name}
              value=${option.value}
              id="${id(field, ctx)}-${i}"
              .checked=${live(chosen.includes(option.value))}
              @change=${(e: Event) => {
                const checked = (e.target as HTMLInputElement).checked;
                ctx.set(
                  multiple
                    ? checked
                      ? [...chosen, option.value]
                      : chosen.filter((value) => value !== option.value)
                    : option.value,
                );
              }}
              @blur=${ctx.blur}
            />
            ${option.label}
          </label>`,
        )}
      </fieldset>`;
    },
  };
}

const consent: FieldRenderer = {
  tester: (field) => (field.type === 'consent' ? 1 : 0),
  render: (field, ctx) => html`<div class="field consent ${ctx.error ? 'invalid' : ''}">
    ${helpAndError(field, ctx)}
    <label class="choice">
      <input
        type="checkbox"
        id=${id(field, ctx)}
        name=${field.name}
        aria-invalid=${ctx.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(field, ctx))}
        .checked=${live(ctx.value === true)}
        @change=${(e: Event) => ctx.set((e.target as HTMLInputElement).checked)}
        @blur=${ctx.blur}
      />
      ${field.label}
    </label>
  </div>`,
};

const file: FieldRenderer = {
  tester: (field) => (field.type === 'file' ? 1 : 0),
  render: (field, ctx) => {
    const chosen = ctx.value as { name: string; size: number } | undefined;
    return html`<div class="field ${ctx.error ? 'invalid' : ''}">
      ${label(field, ctx)} ${helpAndError(field, ctx)}
      <input
        type="file"
        id=${id(field, ctx)}
        name=${field.name}
        accept=${ifDefined(field.accept?.map((extension) => `.${extension}`).join(','))}
        aria-invalid=${ctx.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(field, ctx))}
        @change=${(e: Event) => {
          const picked = (e.target as HTMLInputElement).files?.[0];
          ctx.set(picked ? { name: picked.name, size: picked.size, type: picked.type } : undefined);
          ctx.blur();
        }}
      />
      ${chosen ? html`<p class="help">${ctx.t('form.fileChosen', { name: chosen.name, size: formatFileSize(chosen.size, ctx.lang) })}</p>` : nothing}
    </div>`;
  },
};

export const RENDERERS: FieldRenderer[] = [input, textarea, select, choices(false), choices(true), consent, file];

/** The renderer for a field, or undefined when none knows it. */
export function rendererFor(
  field: FormField,
  renderers: readonly FieldRenderer[] = RENDERERS,
): FieldRenderer | undefined {
  let best: FieldRenderer | undefined;
  let rank = 0;
  for (const renderer of renderers) {
    const score = renderer.tester(field);
    if (score > rank) {
      rank = score;
      best = renderer;
    }
  }
  return best;
}
