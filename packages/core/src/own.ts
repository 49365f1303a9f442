/**
 * Reading documents, and the maps built from them, without the prototype chain.
 * A key an editor chose ("constructor", "toString"), a column or field named like
 * one, or a property an old page script put on Object.prototype must never read
 * as a value that is there.
 */
const hasOwnProperty = Object.prototype.hasOwnProperty;

/** Object.hasOwn, which Chrome 80 (our oldest target) lacks. */
export function hasOwn(object: object, key: PropertyKey): boolean {
  return hasOwnProperty.call(object, key);
}

/** `record[key]` when `record` has it as its own property, otherwise undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record != null && hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** What Object.prototype has in every browser we support; anything else a page's script put there. */
const STANDARD = new Set([
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/**
 * The document itself on a clean page. On a page whose scripts added to
 * Object.prototype (an old library's `clone`, `values`, `each` …), a deep copy whose
 * objects have no prototype, so an optional field the document leaves out (a
 * column's `values`, say) reads as absent rather than as the page's function.
 * zod (patched) gives a parsed object the prototype of its input, so what a
 * schema's checks and the elements read stays without one.
 */
export function unpolluted<T>(value: T): T {
  // A loop, not .every(): the same pages replace Array.prototype methods.
  for (const name of Object.getOwnPropertyNames(Object.prototype))
    if (!STANDARD.has(name)) return copyWithoutPrototypes(value) as T;
  return value;
}

function copyWithoutPrototypes(value: unknown): unknown {
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    for (let i = 0; i < value.length; i++) list.push(copyWithoutPrototypes(value[i]));
    return list;
  }
  const proto = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value as object))
    copy[key] = copyWithoutPrototypes((value as Record<string, unknown>)[key]);
  return copy;
}

/** A shallow copy that keeps the prototype, or its absence. */
export function shallowCopy<T extends object>(value: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(value)), value);
}
