/** `gongkai/form`: registers <gk-form> only. */
export * from '@gongkai/elements/form';
