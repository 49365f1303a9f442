/**
 * The one table of kinds. Every document kind is one line here, and everything
 * that lists kinds is made from it:
 *   - core's kinds.ts, the kinds' exports in core's index, its English translation and MessageKey;
 *   - the elements' index, packages/gongkai/src/index.ts and each gongkai/<kind> entry
 *     (scripts/kinds.mjs writes these; `pnpm kinds` after editing this table);
 *   - every package.json's `exports` and `sideEffects` (scripts/manifests.mjs);
 *   - the build, the bench, the consumer test and the browser tests, which import this file.
 * scripts/test/kinds.test.mjs fails when a generated file or a manifest disagrees with the table.
 *
 * `kind`      the document's "kind", the entry's name (`gongkai/<kind>`) and the folder of its
 *             element (packages/elements/src/<kind>/<kind>.ts), schema (core/src/schemas/<kind>.ts)
 *             and messages (core/src/messages/<kind>.ts); the element is `gk-<kind>`
 * `className` the element's class
 * `prefix`    its message keys' prefix (`doc.title`): how the bench tells which kinds a build holds
 * `sample`    the example (packages/elements/src/<kind>/examples/<sample>.json) tests use when one will do
 * `types`     type names the element's module exports besides its class
 * `uses`      other elements it renders (the entry registers them too)
 * `borrows`   other kinds whose messages it shows without rendering their element
 * Schema, descriptions and messages are named from `kind` in camelCase: `annualReportSchema`,
 * `annualReportDescriptions`, `annualReportZh`, `annualReportEn`; the document type `GkAnnualReport`.
 */
export const KINDS = [
  { kind: 'document', className: 'GkDocumentElement', prefix: 'doc', sample: 'full' },
  {
    kind: 'budget',
    className: 'GkBudgetElement',
    prefix: 'budget',
    sample: 'department-budget-2018',
    types: ['BudgetView'],
  },
  {
    kind: 'explainer',
    className: 'GkExplainerElement',
    prefix: 'explainer',
    sample: 'work-points-2018',
    types: ['ExplainerMode'],
  },
  {
    kind: 'catalogue',
    className: 'GkCatalogueElement',
    prefix: 'catalogue',
    sample: 'proactive-2018',
    types: ['CatalogueView'],
  },
  { kind: 'form', className: 'GkFormElement', prefix: 'form', sample: 'mailbox' },
  {
    kind: 'consultation',
    className: 'GkConsultationElement',
    prefix: 'consultation',
    sample: 'open',
    uses: ['form', 'document'],
  },
  {
    kind: 'disclosure-request',
    className: 'GkDisclosureRequestElement',
    prefix: 'request',
    sample: 'application',
    uses: ['form'],
  },
  // Imported after the others on purpose: where a module is first imported sets the order of the bundled code,
  // and the budget entry's gzip size is sensitive to that order.
  {
    kind: 'annual-report',
    className: 'GkAnnualReportElement',
    prefix: 'annual',
    sample: 'report-2025',
    borrows: ['disclosure-request'],
  },
  { kind: 'service-guide', className: 'GkServiceGuideElement', prefix: 'guide', sample: 'physician-registration' },
  { kind: 'project', className: 'GkProjectElement', prefix: 'project', sample: 'county-hospital' },
];

/** `annual-report` → `annualReport` (schemas, descriptions and messages are named from it). */
export const camel = (kind) => kind.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
/** `annual-report` → `AnnualReport` (the document type is `Gk` + this). */
export const pascal = (kind) => camel(kind).replace(/^[a-z]/, (letter) => letter.toUpperCase());

/**
 * The per-element entries, read by the build (scripts/build.mjs), the package
 * manifests' check (scripts/manifests.mjs), the consumer test and the bench; one per kind.
 *
 * `name`      the per-element entry: `gongkai/<name>`, `@gongkai/elements/<name>`, `@gongkai/core/<name>`
 * `tag`       the custom element it registers
 * `element`   its module under packages/elements/src/ (without .ts): the file that calls defineElement
 * `schema`    its kind's module under packages/core/src/ (without .ts)
 */
export const ELEMENTS = KINDS.map(({ kind }) => ({
  name: kind,
  tag: `gk-${kind}`,
  element: `${kind}/${kind}`,
  schema: `schemas/${kind}`,
}));

/**
 * core modules exported by path beside its index (`@gongkai/core/<path>`, from
 * packages/core/src/<path>.ts): elements' provenance module, loaded on demand,
 * imports core by module so that its chunk holds only these.
 */
export const CORE_MODULES = ['published', 'published-address', 'diff', 'format', 'i18n'];

/**
 * The packages `pnpm pack` publishes, in build order (each depends only on those
 * before it), by folder under packages/.
 */
export const PUBLISHED = [
  { dir: 'core', name: '@gongkai/core' },
  { dir: 'elements', name: '@gongkai/elements' },
  { dir: 'gongkai', name: 'gongkai' },
  { dir: 'cli', name: '@gongkai/cli' },
  { dir: 'server', name: '@gongkai/server' },
];

/**
 * The condition under which the workspace resolves our packages to their
 * TypeScript sources (tsc's customConditions, the test runner, Storybook, the
 * one-file bundle's build). Published manifests keep it: no tool uses a
 * condition it was not told about, so users always get dist/.
 */
export const SOURCE_CONDITION = 'gongkai-source';
