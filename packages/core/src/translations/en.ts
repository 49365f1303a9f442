/**
 * English for every element. Import it once to make lang="en" work:
 * `import 'gongkai/en'` (the one-file bundle already includes it).
 */
import { addMessages } from '../i18n.js';
import { annualReportEn } from '../messages/annual-report.js';
import { budgetEn } from '../messages/budget.js';
import { catalogueEn } from '../messages/catalogue.js';
import { chartEn } from '../messages/chart.js';
import { commonEn } from '../messages/common.js';
import { consultationEn } from '../messages/consultation.js';
import { documentEn } from '../messages/document.js';
import { explainerEn } from '../messages/explainer.js';
import { formEn } from '../messages/form.js';
import { requestEn } from '../messages/request.js';

addMessages('en', { ...commonEn, ...documentEn, ...budgetEn, ...chartEn, ...explainerEn, ...catalogueEn, ...formEn, ...consultationEn, ...requestEn, ...annualReportEn });
// The provenance block's English comes with that block (diff.ts), loaded on demand.
