/** `gongkai/consultation`: registers <gk-consultation> (and the <gk-form> it uses). */
export * from '@gongkai/elements/consultation';
