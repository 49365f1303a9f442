/**
 * @gongkai/import: spreadsheets to gongkai documents, with no framework, for the
 * studio (in the browser) and `gongkai import` (in Node).
 *
 *   const book = await readWorkbook(bytes, 'file.xlsx');        // .xlsx or .csv, guarded
 *   const { document, problems } = importBudget(book.sheets);    // 部门预算公开表 → budget
 *   const plan = guessCatalogueMapping(book.sheets[0]);          // check step, then
 *   const { document } = importCatalogue(book.sheets[0], plan);  // → catalogue
 */
export * from './workbook.js';
export * from './csv.js';
export * from './budget.js';
export * from './catalogue.js';
export * from './messages.js';
export { ZIP_LIMITS } from './zip-guard.js';
export * as decimal from './decimal.js';
