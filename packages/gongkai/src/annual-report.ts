/** `gongkai/annual-report`: registers <gk-annual-report> only. */
export * from '@gongkai/elements/annual-report';
