/** `gongkai/catalogue`: registers <gk-catalogue> only. */
export * from '@gongkai/elements/catalogue';
