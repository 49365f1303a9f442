/** `gongkai/budget`: registers <gk-budget> only. */
export * from '@gongkai/elements/budget';
