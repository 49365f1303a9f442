/**
 * gongkai: every gk-* element, registered on import, and the core API
 * (validation, formatting) for pages that script the elements.
 */
import '@gongkai/core/translations/en';
export * from '@gongkai/elements';
export {
  formatMoney,
  formatDate,
  formatPercent,
  formatChange,
  formatDocNumber,
  formatFileSize,
  validate,
  validateText,
  formatIssue,
  toCsv,
} from '@gongkai/core';
export type { GkIssue, Lang } from '@gongkai/core';
// Each kind's schema and document type.
// <generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit>
export {
  documentSchema,
  budgetSchema,
  explainerSchema,
  catalogueSchema,
  formSchema,
  consultationSchema,
  disclosureRequestSchema,
  annualReportSchema,
  serviceGuideSchema,
  projectSchema,
} from '@gongkai/core';
export type {
  GkDocument,
  GkBudget,
  GkExplainer,
  GkCatalogue,
  GkForm,
  GkConsultation,
  GkDisclosureRequest,
  GkAnnualReport,
  GkServiceGuide,
  GkProject,
} from '@gongkai/core';
// </generated>
