/** `gongkai/document`: registers <gk-document> only. */
export * from '@gongkai/elements/document';
