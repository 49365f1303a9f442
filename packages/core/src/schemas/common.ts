/**
 * Building blocks every document kind shares. Every field carries a bilingual
 * description (zh — en) that reaches the JSON Schema, so editors' IDEs show it.
 * Error options name a message key of i18n.ts, so problems are reported in the
 * reader's language rather than zod's.
 */
import * as z from 'zod/mini';
import { DOC_NUMBER_PATTERN } from '../format.js';
import { SAFE_URL_PATTERN } from '../url.js';

/** Attaches the bilingual description to a field. */
export function described<T extends z.ZodMiniType>(schema: T, zh: string, en: string): T {
  z.globalRegistry.add(schema, { description: `${zh} — ${en}` });
  return schema;
}

export const text = (zh: string, en: string) => described(z.string().check(z.trim(), z.minLength(1)), zh, en);

export const isoDate = (zh: string, en: string) =>
  described(z.iso.date({ error: 'expect.date' }), `${zh}（YYYY-MM-DD）`, `${en} (YYYY-MM-DD)`);

export const safeUrl = (zh: string, en: string) =>
  described(z.string().check(z.regex(SAFE_URL_PATTERN, { error: 'expect.url' })), zh, en);

export const docNumber = (zh: string, en: string) =>
  described(z.string().check(z.regex(DOC_NUMBER_PATTERN, { error: 'expect.docNumber' })), zh, en);

/** The fields every document starts with: its kind, the contract version, and an optional $schema for IDEs. */
export function header<K extends string>(kind: K) {
  return {
    $schema: z.optional(described(z.string(), 'JSON Schema 地址，供编辑器自动补全和检查', 'JSON Schema address, for editor completion and checking')),
    kind: described(z.literal(kind), `文件类型，固定为 "${kind}"`, `Document kind, always "${kind}"`),
    version: described(z.literal(1), '数据格式版本，目前为 1', 'Contract version, currently 1'),
  };
}
