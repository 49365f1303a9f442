// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/** `gongkai/catalogue`: registers <gk-catalogue> only. */
export * from '@gongkai/elements/catalogue';
