// Generated from the table of kinds (scripts/entries.mjs) by `pnpm kinds`: do not edit.
/** `gongkai/disclosure-request`: registers <gk-disclosure-request> (and the <gk-form> it uses). */
export * from '@gongkai/elements/disclosure-request';
