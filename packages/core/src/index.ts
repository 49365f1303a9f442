export * from './i18n.js';
export * from './format.js';
export * from './url.js';
export * from './markdown.js';
export * from './json-source.js';
export * from './validate.js';
export * from './kinds.js';
export * from './schemas/document.js';
export { described } from './schemas/common.js';
