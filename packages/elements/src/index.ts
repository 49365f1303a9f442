/** Every gk-* element, registered on import. */
export { GkElement } from './base/gk-element.js';
export {
  GkLoadEvent,
  GkErrorEvent,
  GkSubmitEvent,
  GkServiceSelectEvent,
  type GkServiceSelectDetail,
  type GkLoadDetail,
  type GkErrorDetail,
  type GkSubmitDetail,
  type GkElementEventMap,
  type DataSource,
} from './base/events.js';
export { defineElement } from './base/define.js';
// <generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit>
export { GkDocumentElement } from './document/document.js';
export { GkBudgetElement, type BudgetView } from './budget/budget.js';
export { GkExplainerElement, type ExplainerMode } from './explainer/explainer.js';
export { GkCatalogueElement, type CatalogueView } from './catalogue/catalogue.js';
export { GkFormElement } from './form/form.js';
export { GkConsultationElement } from './consultation/consultation.js';
export { GkDisclosureRequestElement } from './disclosure-request/disclosure-request.js';
export { GkAnnualReportElement } from './annual-report/annual-report.js';
export { GkServiceGuideElement } from './service-guide/service-guide.js';
export { GkProjectElement } from './project/project.js';
// </generated>
