// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/** `gongkai/form`: registers <gk-form> only. */
export * from '@gongkai/elements/form';
