/**
 * Building blocks every document kind shares. Error options name a message key
 * of i18n.ts, so problems are reported in the reader's language, not zod's.
 *
 * Field descriptions (zh — en) live beside each schema as a table of paths and
 * are attached with .describe-style metadata by describe.ts when the JSON Schema
 * is generated: editors' IDEs show them, and the browser bundle does not carry them.
 */
import * as z from 'zod/mini';
import { DOC_NUMBER_PATTERN, isIsoDate } from '../format.js';
import { SAFE_URL_PATTERN } from '../url.js';

/** `path → [中文, English]`. Paths: `title`, `attachments[]`, `attachments[].size`. */
export type FieldDescriptions = Record<string, readonly [zh: string, en: string]>;

export const text = () => z.string().check(z.trim(), z.minLength(1));

/** Date fields, so the JSON Schema export can mark them `"format": "date"`. */
export const DATE_SCHEMAS = new WeakSet<z.core.$ZodType>();

/** YYYY-MM-DD and a real calendar day (2018-02-30 is not). Lighter than z.iso.date's leap-year pattern. */
export const isoDate = () => {
  // Written right but not on the calendar (2018-06-31) is its own message; written wrong is reported once.
  const schema = z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expect.date' }),
    z.refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isIsoDate(value), { error: 'expect.realDate' }),
  );
  DATE_SCHEMAS.add(schema);
  return schema;
};

export const safeUrl = () => z.string().check(z.regex(SAFE_URL_PATTERN, { error: 'expect.url' }));

export const docNumber = () => z.string().check(z.regex(DOC_NUMBER_PATTERN, { error: 'expect.docNumber' }));

/** The fields every document starts with: its kind, the contract version, and an optional $schema for IDEs. */
export function header<K extends string>(kind: K) {
  return {
    $schema: z.optional(z.string()),
    kind: z.literal(kind),
    version: z.literal(1),
  };
}

export function headerDescriptions(kind: string): FieldDescriptions {
  return {
    $schema: ['JSON Schema 地址，供编辑器自动补全和检查', 'JSON Schema address, for editor completion and checking'],
    kind: [`文件类型，固定为 "${kind}"`, `Document kind, always "${kind}"`],
    version: ['数据格式版本，目前为 1', 'Contract version, currently 1'],
  };
}
