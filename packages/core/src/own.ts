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
