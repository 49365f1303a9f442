/**
 * The one list of what the packages ship, read by the build (scripts/build.mjs),
 * the package manifests' check (scripts/manifests.mjs), the consumer test and the
 * bench. Adding an element means one line here; `node scripts/manifests.mjs --write`
 * then updates every package.json's `exports` and `sideEffects` to match.
 *
 * `name`      the per-element entry: `gongkai/<name>`, `@gongkai/elements/<name>`, `@gongkai/core/<name>`
 * `tag`       the custom element it registers
 * `element`   its module under packages/elements/src/ (without .ts): the file that calls defineElement
 * `schema`    its kind's module under packages/core/src/ (without .ts)
 */
export const ELEMENTS = [
  { name: 'document', tag: 'gk-document', element: 'document/document', schema: 'schemas/document' },
  { name: 'budget', tag: 'gk-budget', element: 'budget/budget', schema: 'schemas/budget' },
  { name: 'explainer', tag: 'gk-explainer', element: 'explainer/explainer', schema: 'schemas/explainer' },
  { name: 'catalogue', tag: 'gk-catalogue', element: 'catalogue/catalogue', schema: 'schemas/catalogue' },
  { name: 'form', tag: 'gk-form', element: 'form/form', schema: 'schemas/form' },
  { name: 'consultation', tag: 'gk-consultation', element: 'consultation/consultation', schema: 'schemas/consultation' },
  { name: 'disclosure-request', tag: 'gk-disclosure-request', element: 'request/request', schema: 'schemas/request' },
  { name: 'annual-report', tag: 'gk-annual-report', element: 'annual-report/annual-report', schema: 'schemas/annual-report' },
];

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
