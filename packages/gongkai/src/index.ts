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
  documentSchema,
  budgetSchema,
  explainerSchema,
  annualReportSchema,
  toCsv,
} from '@gongkai/core';
export type { GkDocument, GkBudget, GkExplainer, GkAnnualReport, GkIssue, Lang } from '@gongkai/core';
