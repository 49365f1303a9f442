/** Every document kind and its schema: what the CLI and the JSON Schema export iterate over. */
import type * as z from 'zod/mini';
import { budgetDescriptions, budgetSchema } from './schemas/budget.js';
import { catalogueDescriptions, catalogueSchema } from './schemas/catalogue.js';
import { consultationDescriptions, consultationSchema } from './schemas/consultation.js';
import type { FieldDescriptions } from './schemas/common.js';
import { documentDescriptions, documentSchema } from './schemas/document.js';
import { explainerDescriptions, explainerSchema } from './schemas/explainer.js';
import { formDescriptions, formSchema } from './schemas/form.js';
import { requestDescriptions, requestSchema } from './schemas/request.js';
// Imported last on purpose: where a module is first imported sets the order of the bundled code, and the
// budget entry's gzip size is sensitive to that order (imported first, it cost gongkai/budget 157 bytes and its 40 KB limit).
import { annualReportDescriptions, annualReportSchema } from './schemas/annual-report.js';

export const SCHEMAS = {
  document: documentSchema,
  budget: budgetSchema,
  explainer: explainerSchema,
  catalogue: catalogueSchema,
  form: formSchema,
  consultation: consultationSchema,
  'disclosure-request': requestSchema,
  'annual-report': annualReportSchema,
} as const satisfies Record<string, z.ZodMiniType>;

export type Kind = keyof typeof SCHEMAS;
export const KINDS = Object.keys(SCHEMAS) as Kind[];

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SCHEMAS, value);
}

/** Field descriptions per kind; only the JSON Schema export reads them. */
export const DESCRIPTIONS: Record<Kind, () => FieldDescriptions> = {
  document: documentDescriptions,
  budget: budgetDescriptions,
  explainer: explainerDescriptions,
  catalogue: catalogueDescriptions,
  form: formDescriptions,
  consultation: consultationDescriptions,
  'disclosure-request': requestDescriptions,
  'annual-report': annualReportDescriptions,
};
