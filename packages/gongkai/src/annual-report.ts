// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/** `gongkai/annual-report`: registers <gk-annual-report> only. */
export * from '@gongkai/elements/annual-report';
