export * from './i18n.js';
export { chartZh } from './messages/chart.js';
export * from './format.js';
export * from './url.js';
export * from './own.js';
export * from './csv.js';
export * from './deidentify.js';
export * from './markdown.js';
export * from './json-source.js';
export * from './validate.js';
export * from './kinds.js';
// published.ts and diff.ts are loaded on demand (@gongkai/core/published, /diff): only the address check is here.
export * from './published-address.js';
// <generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit>
export * from './schemas/document.js';
export * from './schemas/budget.js';
export * from './schemas/explainer.js';
export * from './schemas/catalogue.js';
export * from './schemas/form.js';
export * from './schemas/consultation.js';
export * from './schemas/disclosure-request.js';
export * from './schemas/annual-report.js';
export * from './schemas/service-guide.js';
export * from './schemas/project.js';
// </generated>
export type { FieldDescriptions } from './schemas/common.js';
