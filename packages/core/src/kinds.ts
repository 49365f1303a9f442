// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/** Every document kind and its schema: what the CLI and the JSON Schema export iterate over. */
import type * as z from 'zod/mini';
import type { FieldDescriptions } from './schemas/common.js';
import { documentDescriptions, documentSchema } from './schemas/document.js';
import { budgetDescriptions, budgetSchema } from './schemas/budget.js';
import { explainerDescriptions, explainerSchema } from './schemas/explainer.js';
import { catalogueDescriptions, catalogueSchema } from './schemas/catalogue.js';
import { formDescriptions, formSchema } from './schemas/form.js';
import { consultationDescriptions, consultationSchema } from './schemas/consultation.js';
import { disclosureRequestDescriptions, disclosureRequestSchema } from './schemas/disclosure-request.js';
import { annualReportDescriptions, annualReportSchema } from './schemas/annual-report.js';
import { serviceGuideDescriptions, serviceGuideSchema } from './schemas/service-guide.js';
import { projectDescriptions, projectSchema } from './schemas/project.js';

export const SCHEMAS = {
  document: documentSchema,
  budget: budgetSchema,
  explainer: explainerSchema,
  catalogue: catalogueSchema,
  form: formSchema,
  consultation: consultationSchema,
  'disclosure-request': disclosureRequestSchema,
  'annual-report': annualReportSchema,
  'service-guide': serviceGuideSchema,
  project: projectSchema,
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
  'disclosure-request': disclosureRequestDescriptions,
  'annual-report': annualReportDescriptions,
  'service-guide': serviceGuideDescriptions,
  project: projectDescriptions,
};
