/**
 * A fast yes for valid documents. zod/mini parses objects and arrays generically
 * (a payload and an output copy for every field), which costs about 12 µs an item
 * on a budget tree: 25 ms before a 2,000-item chart can draw, 600 ms for a
 * 50,000-item catalogue. This reads the same schema objects once into a plan and
 * checks values against it with plain loops. It only ever answers "zod would
 * accept this unchanged" or "ask zod": anything it does not know (a transform, a
 * union of objects, a refinement on a leaf) is either zod's own parse of that one
 * value or "ask zod", and zod stays the only source of error messages.
 *
 * Why a plan walked by one function, not a closure per field: a first render runs
 * this cold, and V8 warms a function up by how often that one function runs. One
 * `accepts` called 30,000 times is compiled within the first items; 30 small
 * closures called 1,000 times each stay interpreted (measured: 2,000 budget items
 * cold in 10 ms with closures, ~4 ms with the plan).
 */
import type * as z from 'zod/mini';

type AnySchema = z.core.$ZodType;
type Accepts = (value: unknown) => boolean;
type Payload = { value: unknown; issues: unknown[] };

interface Def {
  type: string;
  coerce?: boolean;
  check?: string;
  format?: string;
  checks?: AnySchema[];
  shape?: Record<string, AnySchema>;
  catchall?: AnySchema;
  element?: AnySchema;
  innerType?: AnySchema;
  options?: AnySchema[];
}

interface CheckDef {
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

interface Length {
  min: number;
  max: number;
  /** zod's condition for running the check (by default: the value has a length). */
  when?: ((payload: Payload) => boolean) | undefined;
}

/** What a value must be. `checks` are zod's own check objects, run after the plan's own test. */
type Plan = (
  | { op: 'number'; int: boolean; min: number; minInclusive: boolean; max: number; maxInclusive: boolean }
  | { op: 'string'; lengths: Length[]; patterns: RegExp[]; overwrites: Array<(value: unknown) => unknown> }
  | { op: 'boolean' }
  | { op: 'values'; values: ReadonlySet<unknown> }
  | { op: 'zod'; schema: AnySchema }
  | { op: 'optional'; inner: AnySchema; innerPlan?: Plan }
  | { op: 'array'; element: AnySchema; elementPlan?: Plan }
  | { op: 'object'; schema: AnySchema; fields?: Array<[string, Plan]>; known: ReadonlySet<string>; rest: 'reject' | 'any' | AnySchema }
  | { op: 'byType'; options: Map<string, AnySchema> }
  | { op: 'no' }
) & { checks?: AnySchema[] };

const plans = new WeakMap<AnySchema, Plan>();
const CONTEXT = { async: false } as const;

/** A function answering true only when `schema.safeParse(value)` would succeed and return `value` unchanged. */
export function fastAccepts(schema: AnySchema): Accepts {
  const plan = planOf(schema);
  return (value) => accepts(plan, value);
}

function planOf(schema: AnySchema): Plan {
  let plan = plans.get(schema);
  if (!plan) {
    plan = makePlan(schema);
    plans.set(schema, plan);
  }
  return plan;
}

/** The one function every value goes through (see the header for why). */
function accepts(plan: Plan, value: unknown): boolean {
  switch (plan.op) {
    case 'number':
      if (
        typeof value !== 'number' ||
        !(plan.int ? Number.isSafeInteger(value) : Number.isFinite(value)) ||
        !(plan.minInclusive ? value >= plan.min : value > plan.min) ||
        !(plan.maxInclusive ? value <= plan.max : value < plan.max)
      )
        return false;
      break;
    case 'string':
      if (typeof value !== 'string') return false;
      // Indexed loops: a for-of runs the iterator protocol until V8 has warmed up.
      for (let i = 0; i < plan.lengths.length; i++) {
        const { min, max, when } = plan.lengths[i]!;
        if ((value.length < min || value.length > max) && (!when || when({ value, issues: [] }))) return false;
      }
      for (let i = 0; i < plan.patterns.length; i++) {
        const pattern = plan.patterns[i]!;
        pattern.lastIndex = 0;
        if (!pattern.test(value)) return false;
      }
      for (let i = 0; i < plan.overwrites.length; i++) if (plan.overwrites[i]!(value) !== value) return false;
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return false;
      break;
    case 'values':
      if (!plan.values.has(value)) return false;
      break;
    case 'zod': {
      // zod's own parse and checks, on a payload of our own; a changed value (trim, coerce) means "ask zod".
      const result = plan.schema._zod.run({ value, issues: [] } as never, CONTEXT as never) as unknown as Payload;
      if (result instanceof Promise || result.issues.length !== 0 || result.value !== value) return false;
      break;
    }
    case 'optional':
      if (value !== undefined && !accepts((plan.innerPlan ??= planOf(plan.inner)), value)) return false;
      break;
    case 'array': {
      if (!Array.isArray(value)) return false;
      const element = (plan.elementPlan ??= planOf(plan.element));
      for (let i = 0; i < value.length; i++) if (!accepts(element, value[i])) return false;
      break;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      // Read on first use, not when planned: a recursive getter (a budget item's children) exists by then.
      const fields = (plan.fields ??= Object.entries((plan.schema._zod.def as unknown as Def).shape ?? {}).map(([key, field]) => [key, planOf(field)]));
      const record = value as Record<string, unknown>;
      for (let i = 0; i < fields.length; i++) if (!accepts(fields[i]![1], record[fields[i]![0]])) return false;
      // Other keys: rejected (strictObject, and a plain object, which drops them: a changed value), free (catchall unknown) or checked.
      if (plan.rest !== 'any') {
        for (const key in record) {
          if (plan.known.has(key)) continue;
          if (plan.rest === 'reject' || !accepts(planOf(plan.rest), record[key])) return false;
        }
      }
      break;
    }
    case 'byType': {
      const option = plan.options.get(typeof value);
      if (!option || !accepts(planOf(option), value)) return false;
      break;
    }
    default:
      return false;
  }
  return plan.checks ? passesChecks(plan.checks, value) : true;
}

/** Object- and array-level checks (refinements, minLength) exactly as zod runs them. */
function passesChecks(checks: AnySchema[], value: unknown): boolean {
  const payload: Payload = { value, issues: [] };
  for (const check of checks) {
    // A conditional check (minLength runs only on things with a length) runs when zod would.
    const when = (check._zod.def as unknown as CheckDef).when;
    if (when && !when(payload)) continue;
    const result = (check._zod as unknown as { check(payload: Payload): unknown }).check(payload);
    if (result instanceof Promise || payload.issues.length) return false;
  }
  return payload.value === value;
}

function makePlan(schema: AnySchema): Plan {
  const def = schema._zod.def as unknown as Def;
  const checks = def.checks?.length ? def.checks : undefined;
  const withChecks = (plan: Plan): Plan => (checks ? { ...plan, checks } : plan);
  switch (def.type) {
    case 'number':
    case 'string':
    case 'boolean':
      return (def.coerce ? undefined : leafPlan(def)) ?? { op: 'zod', schema };
    case 'literal':
    case 'enum': {
      // zod's own set of allowed values (literal and enum parse by `values.has`).
      const values = (schema._zod as unknown as { values?: ReadonlySet<unknown> }).values;
      return values && !checks ? { op: 'values', values } : { op: 'zod', schema };
    }
    case 'null':
    case 'bigint':
      return { op: 'zod', schema };
    case 'optional':
      return withChecks({ op: 'optional', inner: def.innerType! });
    case 'array':
      return withChecks({ op: 'array', element: def.element! });
    case 'object': {
      const catchallType = def.catchall ? (def.catchall._zod.def as unknown as Def).type : undefined;
      const rest = !def.catchall || catchallType === 'never' ? 'reject' : catchallType === 'unknown' ? 'any' : def.catchall;
      return withChecks({ op: 'object', schema, known: new Set(Object.keys(def.shape ?? {})), rest });
    }
    case 'union': {
      // Only a union of distinct primitive types (string | number): the value's type picks the one option zod can accept.
      const options = new Map<string, AnySchema>();
      for (const option of def.options ?? []) {
        const optionDef = option._zod.def as unknown as Def;
        if (!['string', 'number', 'boolean'].includes(optionDef.type) || optionDef.coerce || options.has(optionDef.type)) return { op: 'no' };
        options.set(optionDef.type, option);
      }
      return withChecks({ op: 'byType', options });
    }
    default:
      return { op: 'no' };
  }
}

/**
 * The common leaves as data for `accepts`: zod's payload and check loop cost about
 * 0.4 µs a leaf. Each rule is zod 4's own (number: finite; int: safe integer;
 * greater_than/less_than; min/max_length on .length, skipped when their `when` says
 * so; regex with lastIndex reset; overwrite must leave the value unchanged, so
 * every check sees the same value and their order does not matter). Any other
 * check returns undefined, and zod judges that leaf.
 */
function leafPlan(def: Def): Plan | undefined {
  const checks = (def.checks ?? []).map((check) => check._zod.def as unknown as CheckDef);
  if (def.type === 'boolean') return checks.length ? undefined : { op: 'boolean' };
  if (def.type === 'number') {
    const int = def.check === 'number_format' && def.format === 'safeint';
    if (def.check !== undefined && !int) return undefined;
    // The tightest bounds (an equal but exclusive bound is tighter).
    const plan = { op: 'number' as const, int, min: Number.NEGATIVE_INFINITY, minInclusive: true, max: Number.POSITIVE_INFINITY, maxInclusive: true };
    for (const c of checks) {
      const bound = c.value;
      if (c.when || typeof bound !== 'number') return undefined;
      const inclusive = c.inclusive === true;
      if (c.check === 'greater_than') {
        if (bound > plan.min || (bound === plan.min && !inclusive)) [plan.min, plan.minInclusive] = [bound, inclusive];
      } else if (c.check === 'less_than') {
        if (bound < plan.max || (bound === plan.max && !inclusive)) [plan.max, plan.maxInclusive] = [bound, inclusive];
      } else return undefined;
    }
    return plan;
  }
  const plan = { op: 'string' as const, lengths: [] as Length[], patterns: [] as RegExp[], overwrites: [] as Array<(value: unknown) => unknown> };
  for (const c of checks) {
    if (c.check === 'min_length' || c.check === 'max_length') {
      plan.lengths.push({ min: c.minimum ?? 0, max: c.maximum ?? Number.POSITIVE_INFINITY, when: c.when });
      continue;
    }
    if (c.when) return undefined;
    if (c.check === 'string_format' && c.format === 'regex' && c.pattern instanceof RegExp) plan.patterns.push(c.pattern);
    else if (c.check === 'overwrite' && typeof c.tx === 'function') plan.overwrites.push(c.tx);
    else return undefined;
  }
  return plan;
}
