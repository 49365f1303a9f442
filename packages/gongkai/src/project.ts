// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/** `gongkai/project`: registers <gk-project> only. */
export * from '@gongkai/elements/project';
