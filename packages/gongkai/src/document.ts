// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/** `gongkai/document`: registers <gk-document> only. */
export * from '@gongkai/elements/document';
