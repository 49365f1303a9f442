/**
 * The one module that reads zod's internals (`_zod.def`, `_zod.run`, a check's
 * `_zod.check`, a lazy schema's `_zod.innerType`). validate.ts (paths and "did
 * you mean" hints), describe.ts (field descriptions for the JSON Schema export)
 * and fast-accept.ts (the fast path) ask here, so a zod upgrade that changes
 * these shapes touches this file only. Written against zod 4.6.
 */
import type * as z from 'zod/mini';

export type AnySchema = z.core.$ZodType;

/** A zod payload: the value being checked and the issues found so far. */
export interface Payload {
  value: unknown;
  issues: unknown[];
}

/** The parts of a schema's definition we read. */
export interface SchemaDef {
  type: 'optional' | 'array' | 'object' | 'union' | 'lazy' | 'pipe' | string;
  coerce?: boolean;
  /** A number's format check set on the schema itself (z.int() is number_format/safeint). */
  check?: string;
  format?: string;
  checks?: AnySchema[];
  shape?: Record<string, AnySchema>;
  catchall?: AnySchema;
  element?: AnySchema;
  innerType?: AnySchema;
  in?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  /** A literal's or an enum's values. */
  values?: unknown[];
}

/** The parts of a check's definition we read. */
export interface CheckDef {
  check: string;
  when?: (payload: Payload) => boolean;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
  tx?: (value: unknown) => unknown;
}

export const defOf = (schema: AnySchema): SchemaDef => schema._zod.def as unknown as SchemaDef;

export const checkDefOf = (check: AnySchema): CheckDef => check._zod.def as unknown as CheckDef;

/** The schema a lazy schema (lazy.ts) stands for, built on first call. */
export const lazyInner = (schema: AnySchema): AnySchema => (schema as z.core.$ZodLazy)._zod.innerType;

/** Without its optional/default/pipe wrappers and lazy schemas. */
export function unwrap(schema: AnySchema): AnySchema;
export function unwrap(schema: AnySchema | undefined): AnySchema | undefined;
export function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (let guard = 0; current && guard < 10; guard++) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.type === 'lazy') current = lazyInner(current);
    else break;
  }
  return current;
}

/** The values a discriminated union's option takes for its discriminator (`"image"` for sections[]<image>). */
export function discriminatorValues(option: AnySchema, discriminator: string): unknown[] {
  const field = defOf(unwrap(option)).shape?.[discriminator];
  return (field && defOf(field).values) || [];
}

/** Runs a schema on one value, as zod's parse does inside (synchronously, no JIT). */
export const runSchema = (schema: AnySchema, payload: Payload): Payload =>
  schema._zod.run(payload as never, { async: false } as never) as unknown as Payload;

/** Runs one check (a refinement, a length) on a payload, as zod does; it adds to `payload.issues`. */
export const runCheck = (check: AnySchema, payload: Payload): unknown =>
  (check._zod as unknown as { check(payload: Payload): unknown }).check(payload);
