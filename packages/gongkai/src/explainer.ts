// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/** `gongkai/explainer`: registers <gk-explainer> only. */
export * from '@gongkai/elements/explainer';
