// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/** `gongkai/consultation`: registers <gk-consultation> (and the <gk-form>, <gk-document> it uses). */
export * from '@gongkai/elements/consultation';
