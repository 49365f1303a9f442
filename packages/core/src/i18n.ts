import { commonZh } from './messages/common.js';
import { hasOwn } from './own.js';

/**
 * Translations for every string the library itself writes (never editors' text).
 * zh-CN is the source language; en must have the same keys (checked by the type).
 */

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** Any BCP 47 tag → one of ours: "en", "en-GB" → en; everything else → zh-CN. */
export function resolveLang(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag.trim()) ? 'en' : 'zh-CN';
}

// <generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit>
import type { chartZh } from './messages/chart.js';
import type { documentZh } from './messages/document.js';
import type { budgetZh } from './messages/budget.js';
import type { explainerZh } from './messages/explainer.js';
import type { catalogueZh } from './messages/catalogue.js';
import type { formZh } from './messages/form.js';
import type { consultationZh } from './messages/consultation.js';
import type { disclosureRequestZh } from './messages/disclosure-request.js';
import type { annualReportZh } from './messages/annual-report.js';
import type { serviceGuideZh } from './messages/service-guide.js';
import type { projectZh } from './messages/project.js';
import type { provenanceZh } from './messages/provenance.js';

/** Every message of the library: the shared tables and each kind’s. */
export type MessageKey =
  | keyof typeof commonZh
  | keyof typeof chartZh
  | keyof typeof documentZh
  | keyof typeof budgetZh
  | keyof typeof explainerZh
  | keyof typeof catalogueZh
  | keyof typeof formZh
  | keyof typeof consultationZh
  | keyof typeof disclosureRequestZh
  | keyof typeof annualReportZh
  | keyof typeof serviceGuideZh
  | keyof typeof projectZh
  | keyof typeof provenanceZh;
// </generated>

/**
 * The tables in force. Chinese, the default, joins them module by module through
 * addMessages() (a page with only <gk-budget> does not carry the document card's
 * strings); English comes as one optional module, translations/en.ts, which the
 * one-file bundle includes and bundler users import when they need it.
 */
// Without a prototype: hasMessage('toString') is false, and a page's Object.prototype.x is no message.
const tables: Record<Lang, Record<string, string>> = {
  'zh-CN': Object.assign(Object.create(null), commonZh),
  en: Object.create(null),
};

/** Adds messages of one language. */
export function addMessages(lang: Lang, table: Record<string, string>): void {
  Object.assign(tables[lang], table);
}

/**
 * True when a language's messages are loaded (zh-CN always is): its common table, which
 * translations/en.ts brings. A module loaded on demand adds its own English with its
 * Chinese (diff.ts, the provenance block's), which does not count.
 */
export function hasLanguage(lang: Lang): boolean {
  const common: MessageKey = 'state.loading';
  return common in tables[lang];
}

export type MessageParams = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders. */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const template = tables[lang][key] ?? tables['zh-CN'][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (hasOwn(params, name) ? String(params[name]) : whole));
}

/** True when `key` names a loaded message (for keys built from data, such as status values). */
export function hasMessage(key: string): key is MessageKey {
  return key in tables['zh-CN'];
}

/** The list separator of a language: 、 in Chinese, ", " in English. */
export function listSeparator(lang: Lang): string {
  return lang === 'en' ? ', ' : '、';
}
