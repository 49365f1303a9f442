/**
 * Attaches each schema's field descriptions (zh — en) as zod metadata, for the
 * JSON Schema export, and finds fields that have none (a test keeps that list
 * empty). Used by the CLI and the build, never by the browser bundle.
 */
import * as z from 'zod/mini';
import type { FieldDescriptions } from './schemas/common.js';
import { defOf, discriminatorValues, unwrap, type AnySchema, type SchemaDef } from './zod-internals.js';

const def = defOf;

/** The option of a discriminated union whose discriminator is `value` (sections[]<image>). */
function option(union: SchemaDef, value: string): AnySchema | undefined {
  return union.options?.find((candidate) =>
    discriminatorValues(candidate, union.discriminator ?? 'type').includes(value),
  );
}

/**
 * The schema at a description path, or undefined when the path names nothing.
 * Paths: `title`, `attachments[]`, `attachments[].size`, and for a discriminated
 * union one option by its discriminator value: `sections[]<image>.alt`.
 */
export function schemaAt(root: AnySchema, path: string): AnySchema | undefined {
  if (path === '') return root;
  let current: AnySchema | undefined = root;
  for (const segment of path.split('.')) {
    const match = /^([^[<]+)(\[\])?(?:<([^>]+)>)?$/.exec(segment);
    if (!match) return undefined;
    const [, name, array, variant] = match;
    const object: SchemaDef | undefined = current ? def(unwrap(current)) : undefined;
    current = object?.type === 'object' ? object.shape?.[name!] : undefined;
    if (!current) return undefined;
    if (array) {
      const list = def(unwrap(current));
      current = list.type === 'array' ? list.element : undefined;
      if (!current) return undefined;
    }
    if (variant) {
      const union = def(unwrap(current));
      current = union.type === 'union' ? option(union, variant) : undefined;
      if (!current) return undefined;
    }
  }
  return current;
}

/** Registers every description; throws on a path that names no field, so typos cannot hide. */
export function applyDescriptions(root: AnySchema, descriptions: FieldDescriptions): void {
  for (const [path, [zh, en]] of Object.entries(descriptions)) {
    const schema = schemaAt(root, path);
    if (!schema) throw new Error(`description for unknown field "${path}"`);
    z.globalRegistry.add(schema, { description: `${zh} — ${en}` });
  }
}

/** Paths of object fields (and array items of objects) that have no description. */
export function undescribedFields(root: AnySchema): string[] {
  const missing: string[] = [];
  const seen = new Set<AnySchema>();
  const visit = (schema: AnySchema, path: string) => {
    const inner = unwrap(schema);
    if (seen.has(inner)) return;
    seen.add(inner);
    const d = def(inner);
    if (d.type === 'array' && d.element) {
      const itemPath = `${path}[]`;
      const itemType = def(unwrap(d.element)).type;
      if ((itemType === 'object' || itemType === 'union') && !z.globalRegistry.get(d.element)?.description)
        missing.push(itemPath);
      visit(d.element, itemPath);
    } else if (d.type === 'union' && d.options) {
      for (const candidate of d.options) {
        const value = discriminatorValues(candidate, d.discriminator ?? 'type')[0];
        visit(candidate, `${path}<${String(value)}>`);
      }
    } else if (d.type === 'object' && d.shape) {
      for (const [key, field] of Object.entries(d.shape)) {
        const fieldPath = path ? `${path}.${key}` : key;
        if (!z.globalRegistry.get(field)?.description) missing.push(fieldPath);
        visit(field, fieldPath);
      }
    }
  };
  visit(root, '');
  return missing;
}
