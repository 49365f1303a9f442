/** `gongkai/disclosure-request`: registers <gk-disclosure-request> (and the <gk-form> it uses). */
export * from '@gongkai/elements/disclosure-request';
