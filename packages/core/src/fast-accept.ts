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
import { ownValue } from './own.js';
import {
  checkDefOf,
  defOf,
  lazyInner,
  runCheck,
  runSchema,
  type AnySchema,
  type Payload,
  type SchemaDef,
} from './zod-internals.js';

type Accepts = (value: unknown) => boolean;
type Def = SchemaDef;

/** What a value must be. `checks` are zod's own check objects, run after the plan's own test. */
type Plan =
  // Numbers: finite (or a safe integer) and within all four bounds; an absent bound is ±Infinity.
  (
    | { op: 'number'; int: boolean; ge: number; gt: number; le: number; lt: number }
    | { op: 'string'; lengths: Length[]; patterns: RegExp[]; overwrites: Array<(value: unknown) => unknown> }
    | { op: 'zod'; schema: AnySchema }
    | { op: 'optional' | 'array'; inner: Plan }
    // A lazy schema with checks of its own (a kind's schema with its cross-field checks): the plan it stands for, then those.
    | { op: 'alias'; inner: Plan }
    | {
        op: 'object';
        keys: string[];
        plans: Plan[];
        inherited: boolean[];
        known: ReadonlySet<string>;
        rest: 'reject' | 'any' | Plan;
      }
    | { op: 'byType'; options: Map<string, Plan> }
    | { op: 'no' }
  ) & { checks?: AnySchema[] };

interface Length {
  min: number;
  max: number;
  when?: ((payload: Payload) => boolean) | undefined;
}

const plans = new WeakMap<AnySchema, Plan>();

/** A function answering true only when `schema.safeParse(value)` would succeed and return `value` unchanged. */
export function fastAccepts(schema: AnySchema): Accepts {
  const plan = planOf(schema);
  return (value) => accepts(plan, value);
}

function planOf(schema: AnySchema): Plan {
  let plan = plans.get(schema);
  if (!plan && defOf(schema).type === 'lazy' && !defOf(schema).checks?.length) {
    // A lazy schema without checks of its own (lazy.ts) is the schema it stands for: the same plan, no extra step per value.
    plan = planOf(lazyInner(schema));
    plans.set(schema, plan);
  }
  if (!plan) {
    // Registered before it is filled in, so a recursive schema (a budget item's children) finds itself.
    plans.set(schema, (plan = {} as Plan));
    Object.assign(plan, makePlan(schema));
  }
  return plan;
}

/** The one function every value goes through (see the header for why); indexed loops, as a for-of is slow until warm. */
function accepts(plan: Plan, value: unknown): boolean {
  switch (plan.op) {
    case 'number':
      if (
        typeof value !== 'number' ||
        !(plan.int ? Number.isSafeInteger(value) : Number.isFinite(value)) ||
        !(value >= plan.ge && value > plan.gt && value <= plan.le && value < plan.lt)
      )
        return false;
      break;
    case 'string':
      if (typeof value !== 'string') return false;
      for (let i = 0; i < plan.lengths.length; i++) {
        const length = plan.lengths[i]!;
        // zod skips a length check whose `when` says no (by default: only things with a length).
        if (
          (value.length < length.min || value.length > length.max) &&
          (!length.when || length.when({ value, issues: [] }))
        )
          return false;
      }
      for (let i = 0; i < plan.patterns.length; i++) {
        plan.patterns[i]!.lastIndex = 0;
        if (!plan.patterns[i]!.test(value)) return false;
      }
      for (let i = 0; i < plan.overwrites.length; i++) if (plan.overwrites[i]!(value) !== value) return false;
      break;
    case 'zod': {
      // zod's own parse and checks, on a payload of our own; a changed value (trim, coerce) means "ask zod".
      const result = runSchema(plan.schema, { value, issues: [] });
      if (result instanceof Promise || result.issues.length || result.value !== value) return false;
      break;
    }
    case 'optional':
      if (value !== undefined && !accepts(plan.inner, value)) return false;
      break;
    case 'alias':
      if (!accepts(plan.inner, value)) return false;
      break;
    case 'array':
      if (!Array.isArray(value)) return false;
      for (let i = 0; i < value.length; i++) if (!accepts(plan.inner, value[i])) return false;
      break;
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
      const record = value as Record<string, unknown>;
      const { keys, plans, inherited } = plan;
      for (let i = 0; i < keys.length; i++) {
        // Own keys only, as the patched zod reads them. Values come here unpolluted (validate.ts): nothing enumerable is
        // inherited, so a plain read is an own read, except of a name every object inherits (a field called "constructor").
        const field = inherited[i] ? ownValue(record, keys[i]!) : record[keys[i]!];
        const fieldPlan = plans[i]!;
        // An optional field left out (most are): no call.
        if (field === undefined && fieldPlan.op === 'optional' && !fieldPlan.checks) continue;
        if (!accepts(fieldPlan, field)) return false;
      }
      // Other keys: rejected (strictObject, and a plain object, which drops them: a changed value), free (catchall unknown) or checked.
      if (plan.rest !== 'any') {
        for (const key in record)
          if (!plan.known.has(key) && (plan.rest === 'reject' || !accepts(plan.rest, record[key]))) return false;
      }
      break;
    }
    case 'byType': {
      const option = plan.options.get(typeof value);
      if (!option || !accepts(option, value)) return false;
      break;
    }
    default:
      return false;
  }
  return !plan.checks || passesChecks(plan.checks, value);
}

/** Object- and array-level checks (refinements, minLength) exactly as zod runs them. */
function passesChecks(checks: AnySchema[], value: unknown): boolean {
  const payload: Payload = { value, issues: [] };
  for (const check of checks) {
    // A conditional check (minLength runs only on things with a length) runs when zod would.
    const when = checkDefOf(check).when;
    if (when && !when(payload)) continue;
    const result = runCheck(check, payload);
    if (result instanceof Promise || payload.issues.length) return false;
  }
  return payload.value === value;
}

function makePlan(schema: AnySchema): Plan {
  const def = defOf(schema);
  const checks = def.checks?.length ? def.checks : undefined;
  const zod: Plan = { op: 'zod', schema };
  switch (def.type) {
    case 'number':
    case 'string':
      return (!def.coerce && leafPlan(def)) || zod;
    case 'optional':
    case 'array':
      return { op: def.type, inner: planOf((def.innerType ?? def.element)!), checks };
    case 'lazy':
      return { op: 'alias', inner: planOf(lazyInner(schema)), checks };
    case 'object': {
      const shape = def.shape ?? {};
      const rest = def.catchall ? defOf(def.catchall).type : 'never';
      return {
        op: 'object',
        keys: Object.keys(shape),
        plans: Object.keys(shape).map((key) => planOf(shape[key]!)),
        inherited: Object.keys(shape).map((key) => key in Object.prototype),
        known: new Set(Object.keys(shape)),
        rest: rest === 'never' ? 'reject' : rest === 'unknown' ? 'any' : planOf(def.catchall!),
        checks,
      };
    }
    case 'union': {
      // Only a union of distinct primitive types (string | number): the value's type picks the one option zod can accept.
      const options = new Map<string, Plan>();
      for (const option of def.options ?? []) {
        const { type, coerce } = defOf(option);
        // A coercing option could take (and change) a value of another type before the one we would pick.
        if (!['string', 'number', 'boolean'].includes(type) || coerce || options.has(type)) return { op: 'no' };
        options.set(type, planOf(option));
      }
      return { op: 'byType', options, checks };
    }
    default:
      // Literals, enums, null, bigint, boolean: zod judges each value (a handful a document); a transform or pipe: "ask zod".
      return ['literal', 'enum', 'null', 'bigint', 'boolean'].includes(def.type) ? zod : { op: 'no' };
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
  const checks = (def.checks ?? []).map(checkDefOf);
  if (def.type === 'number') {
    const int = def.check === 'number_format' && def.format === 'safeint';
    if (def.check && !int) return undefined;
    const plan = { op: 'number' as const, int, ge: -Infinity, gt: -Infinity, le: Infinity, lt: Infinity };
    for (const { check, value, inclusive, when } of checks) {
      if (when || typeof value !== 'number' || (check !== 'greater_than' && check !== 'less_than')) return undefined;
      const bound = check === 'greater_than' ? (inclusive ? 'ge' : 'gt') : inclusive ? 'le' : 'lt';
      plan[bound] = check === 'greater_than' ? Math.max(plan[bound], value) : Math.min(plan[bound], value);
    }
    return plan;
  }
  const plan = {
    op: 'string' as const,
    lengths: [] as Length[],
    patterns: [] as RegExp[],
    overwrites: [] as Array<(value: unknown) => unknown>,
  };
  for (const c of checks) {
    if (c.check === 'min_length' || c.check === 'max_length')
      plan.lengths.push({ min: c.minimum ?? 0, max: c.maximum ?? Infinity, when: c.when });
    else if (c.when) return undefined;
    else if (c.check === 'string_format' && c.format === 'regex' && c.pattern instanceof RegExp)
      plan.patterns.push(c.pattern);
    else if (c.check === 'overwrite' && c.tx) plan.overwrites.push(c.tx);
    else return undefined;
  }
  return plan;
}
