/**
 * A fast yes for valid documents. zod/mini parses objects and arrays generically
 * (a payload and an output copy for every field), which costs about 12 µs an item
 * on a budget tree: 25 ms before a 2,000-item chart can draw, 600 ms for a
 * 50,000-item catalogue. This walks the same schema objects with plain loops and
 * lets zod itself judge every leaf (its own parse and checks) and run every
 * object-level check. It only ever answers "zod would accept this unchanged"
 * or "ask zod": anything it does not know (a transform, a union) is "ask zod",
 * and zod stays the only source of error messages.
 */
import type * as z from 'zod/mini';

type AnySchema = z.core.$ZodType;
type Accepts = (value: unknown) => boolean;
type Payload = { value: unknown; issues: unknown[] };

interface Def {
  type: string;
  checks?: AnySchema[];
  shape?: Record<string, AnySchema>;
  catchall?: AnySchema;
  element?: AnySchema;
  innerType?: AnySchema;
}

const compiled = new WeakMap<AnySchema, Accepts>();
const CONTEXT = { async: false } as const;
const LEAVES = new Set(['string', 'number', 'boolean', 'literal', 'enum', 'null', 'bigint']);

/** A function answering true only when `schema.safeParse(value)` would succeed and return `value` unchanged. */
export function fastAccepts(schema: AnySchema): Accepts {
  const known = compiled.get(schema);
  if (known) return known;
  // Registered before it is built, so recursive schemas (a budget item's children) reuse it.
  let built: Accepts | undefined;
  const accepts: Accepts = (value) => built!(value);
  compiled.set(schema, accepts);
  built = build(schema);
  // Callers from now on get the function itself, one call fewer a value.
  compiled.set(schema, built);
  return built;
}

function build(schema: AnySchema): Accepts {
  const def = schema._zod.def as unknown as Def;
  if (LEAVES.has(def.type)) {
    const direct = directLeaf(def as unknown as LeafDef);
    if (direct) return direct;
    // zod's own parse and checks, on a payload of our own; a changed value (trim, coerce) means "ask zod".
    return (value) => {
      const payload: Payload = { value, issues: [] };
      const result = schema._zod.run(payload as never, CONTEXT as never) as unknown as Payload;
      return !(result instanceof Promise) && result.issues.length === 0 && result.value === value;
    };
  }
  const objectChecks = (def.checks ?? []) as AnySchema[];
  const withChecks = (base: Accepts): Accepts =>
    objectChecks.length === 0
      ? base
      : (value) => {
          if (!base(value)) return false;
          const payload: Payload = { value, issues: [] };
          for (const check of objectChecks) {
            // A conditional check (minLength runs only on things with a length) runs when zod would.
            const when = (check._zod.def as { when?: (payload: Payload) => boolean }).when;
            if (when && !when(payload)) continue;
            const result = (check._zod as unknown as { check(payload: Payload): unknown }).check(payload);
            if (result instanceof Promise || payload.issues.length) return false;
          }
          return payload.value === value;
        };

  switch (def.type) {
    case 'optional': {
      const inner = fastAccepts(def.innerType!);
      return withChecks((value) => value === undefined || inner(value));
    }
    case 'array': {
      const element = fastAccepts(def.element!);
      return withChecks((value) => {
        if (!Array.isArray(value)) return false;
        for (const item of value) if (!element(item)) return false;
        return true;
      });
    }
    case 'object': {
      const catchallType = def.catchall ? (def.catchall._zod.def as unknown as Def).type : undefined;
      const strict = catchallType === 'never';
      // Other keys: rejected (strictObject), checked by the catchall schema (catchall), or passed through (object).
      let extra: Accepts | undefined;
      const keys = Object.keys(def.shape ?? {});
      // Fields are compiled on first use: a recursive getter (children) is read once it exists.
      let fields: Array<[string, Accepts]> | undefined;
      const known = new Set(keys);
      return withChecks((value) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
        fields ??= keys.map((key) => [key, fastAccepts(def.shape![key]!)]);
        const record = value as Record<string, unknown>;
        for (const [key, accepts] of fields) if (!accepts(record[key])) return false;
        if (strict || !def.catchall) {
          // strictObject rejects other keys; a plain object drops them, which changes the value.
          for (const key in record) if (!known.has(key)) return false;
        } else if (catchallType !== 'unknown') {
          extra ??= fastAccepts(def.catchall);
          for (const key in record) if (!known.has(key) && !extra(record[key])) return false;
        }
        return true;
      });
    }
    case 'union': {
      // Only a union of distinct primitive types (string | number): the value's type picks the one option zod can accept.
      const options = (def as unknown as { options: AnySchema[] }).options;
      const byType = new Map<string, Accepts>();
      for (const option of options) {
        const optionDef = option._zod.def as unknown as { type: string; coerce?: boolean };
        if (!['string', 'number', 'boolean'].includes(optionDef.type) || optionDef.coerce || byType.has(optionDef.type)) return () => false;
        byType.set(optionDef.type, fastAccepts(option));
      }
      return withChecks((value) => byType.get(typeof value)?.(value) ?? false);
    }
    default:
      return () => false;
  }
}

interface LeafDef {
  type: string;
  coerce?: boolean;
  check?: string;
  format?: string;
  checks?: AnySchema[];
}

interface CheckDef {
  check: string;
  when?: unknown;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
  tx?: (value: unknown) => unknown;
}

/**
 * The common leaves (a string or finite number with bounds, lengths, a pattern or
 * a trim) as one plain predicate: zod's payload and check loop cost about 0.4 µs a
 * leaf, a third of a 2,000-item chart's first render. Each rule below is zod 4's own
 * (number: finite; int: safe integer; greater_than/less_than; min/max_length on
 * .length, skipped when their `when` says so; regex with lastIndex reset; overwrite
 * must leave the value unchanged, so every check sees the same value and their
 * order does not matter). One closure a leaf: the first render runs this cold.
 * Any other type or check returns undefined, and zod judges that leaf as before.
 */
function directLeaf(def: LeafDef): Accepts | undefined {
  if (def.coerce) return undefined;
  if (def.type === 'boolean') return def.checks?.length ? undefined : (value) => typeof value === 'boolean';
  if (def.type === 'number') return directNumber(def);
  if (def.type === 'string') return directString(def);
  return undefined;
}

function directNumber(def: LeafDef): Accepts | undefined {
  const int = def.check === 'number_format' && def.format === 'safeint';
  if (def.check !== undefined && !int) return undefined;
  // The tightest bounds (a later, equal but exclusive bound is tighter).
  let min = Number.NEGATIVE_INFINITY;
  let minInclusive = true;
  let max = Number.POSITIVE_INFINITY;
  let maxInclusive = true;
  for (const check of def.checks ?? []) {
    const c = check._zod.def as unknown as CheckDef;
    const bound = c.value;
    if (c.when || typeof bound !== 'number') return undefined;
    const inclusive = c.inclusive === true;
    if (c.check === 'greater_than') {
      if (bound > min || (bound === min && !inclusive)) [min, minInclusive] = [bound, inclusive];
    } else if (c.check === 'less_than') {
      if (bound < max || (bound === max && !inclusive)) [max, maxInclusive] = [bound, inclusive];
    } else return undefined;
  }
  return (value) =>
    typeof value === 'number' &&
    (int ? Number.isSafeInteger(value) : Number.isFinite(value)) &&
    (minInclusive ? value >= min : value > min) &&
    (maxInclusive ? value <= max : value < max);
}

function directString(def: LeafDef): Accepts | undefined {
  const lengths: Array<{ min: number; max: number; when?: (payload: Payload) => boolean }> = [];
  const patterns: RegExp[] = [];
  const overwrites: Array<(value: unknown) => unknown> = [];
  for (const check of def.checks ?? []) {
    const c = check._zod.def as unknown as CheckDef;
    const when = c.when as ((payload: Payload) => boolean) | undefined;
    if (c.check === 'min_length' || c.check === 'max_length') {
      // zod gives length checks a default `when` (only things with a length): honoured below, exactly.
      lengths.push({ min: c.minimum ?? 0, max: c.maximum ?? Number.POSITIVE_INFINITY, ...(when ? { when } : {}) });
      continue;
    }
    if (when) return undefined;
    if (c.check === 'string_format' && c.format === 'regex' && c.pattern instanceof RegExp) patterns.push(c.pattern);
    else if (c.check === 'overwrite' && typeof c.tx === 'function') overwrites.push(c.tx);
    else return undefined;
  }
  return (value) => {
    if (typeof value !== 'string') return false;
    for (const { min, max, when } of lengths) {
      if ((value.length < min || value.length > max) && (!when || when({ value, issues: [] }))) return false;
    }
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      if (!pattern.test(value)) return false;
    }
    for (const tx of overwrites) if (tx(value) !== value) return false;
    return true;
  };
}
