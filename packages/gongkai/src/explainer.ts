/** `gongkai/explainer`: registers <gk-explainer> only. */
export * from '@gongkai/elements/explainer';
