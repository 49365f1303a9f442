// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/**
 * English for every element. Import it once to make lang="en" work:
 * `import 'gongkai/en'` (the one-file bundle already includes it).
 */
import { addMessages } from '../i18n.js';
import { commonEn } from '../messages/common.js';
import { chartEn } from '../messages/chart.js';
import { documentEn } from '../messages/document.js';
import { budgetEn } from '../messages/budget.js';
import { explainerEn } from '../messages/explainer.js';
import { catalogueEn } from '../messages/catalogue.js';
import { formEn } from '../messages/form.js';
import { consultationEn } from '../messages/consultation.js';
import { disclosureRequestEn } from '../messages/disclosure-request.js';
import { annualReportEn } from '../messages/annual-report.js';
import { serviceGuideEn } from '../messages/service-guide.js';
import { projectEn } from '../messages/project.js';

addMessages('en', {
  ...commonEn,
  ...chartEn,
  ...documentEn,
  ...budgetEn,
  ...explainerEn,
  ...catalogueEn,
  ...formEn,
  ...consultationEn,
  ...disclosureRequestEn,
  ...annualReportEn,
  ...serviceGuideEn,
  ...projectEn,
});
// The provenance block's English comes with that block (diff.ts), loaded on demand.
