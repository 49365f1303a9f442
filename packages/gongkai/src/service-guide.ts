// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/** `gongkai/service-guide`: registers <gk-service-guide> only. */
export * from '@gongkai/elements/service-guide';
