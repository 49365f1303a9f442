// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/** `gongkai/budget`: registers <gk-budget> only. */
export * from '@gongkai/elements/budget';
