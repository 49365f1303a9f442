/**
 * <gk-budget> from the built one-file bundle (packages/gongkai/dist/gongkai.js,
 * served at /dist/gongkai.js and left external by esbuild, so exactly the file
 * script-tag users get is measured). See budget-element.mjs for what is timed.
 */
import { budgetSchema, validate, formatIssue } from '/dist/gongkai.js';
import { budgetRenderer } from './budget-element.mjs';
import { run } from './harness.mjs';

run(
  budgetRenderer('gongkai', (doc) => {
    const result = validate(budgetSchema, doc);
    return {
      ok: result.ok,
      messages: result.ok ? [] : result.issues.slice(0, 20).map((issue) => formatIssue(issue, 'zh-CN')),
    };
  }),
);
