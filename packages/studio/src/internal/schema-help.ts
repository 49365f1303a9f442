/**
 * Reading a kind's JSON Schema (written by core, with "zh — en" descriptions) for
 * the editor's help: which schema applies at a JSON path, what a field means,
 * which fields and values may go where. Draft 2020-12 as core exports it: $ref
 * into $defs, oneOf for discriminated unions, enum and const.
 */
import type { PathSegment } from '@gongkai/core';

export interface JsonSchema {
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
}

/** The Chinese half of a "zh — en" description. */
export const zhDescription = (schema: JsonSchema | undefined): string =>
  schema?.description?.split(' — ')[0]?.trim() ?? '';

export interface FieldInfo {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

export class SchemaHelp {
  constructor(readonly root: JsonSchema) {}

  resolve(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let guard = 0; current.$ref && guard < 20; guard++) {
      const ref: string = current.$ref;
      const target =
        ref === '#'
          ? this.root
          : ref.startsWith('#/$defs/')
            ? this.root.$defs?.[decodeURIComponent(ref.slice(8))]
            : undefined;
      if (!target) break;
      // Keep a description written beside the $ref.
      current = current.description && !target.description ? { ...target, description: current.description } : target;
    }
    return current;
  }

  /** The alternatives a schema allows, narrowed by `value` where a const property tells them apart. */
  expand(schema: JsonSchema, value?: unknown): JsonSchema[] {
    const resolved = this.resolve(schema);
    const options = resolved.oneOf ?? resolved.anyOf;
    if (!options) return [resolved];
    const all = options.flatMap((option) => this.expand(option, value));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return all;
    const record = value as Record<string, unknown>;
    const matching = all.filter((option) =>
      Object.entries(option.properties ?? {}).every(([key, property]) => {
        const p = this.resolve(property);
        return p.const === undefined || !(key in record) || record[key] === p.const;
      }),
    );
    return matching.length ? matching : all;
  }

  /** The schemas that apply at `path` in `document`. */
  at(path: readonly PathSegment[], document?: unknown): JsonSchema[] {
    let current = this.expand(this.root, document);
    let value = document;
    for (const segment of path) {
      const next: JsonSchema[] = [];
      for (const schema of current) {
        if (typeof segment === 'number') {
          if (schema.items) next.push(schema.items);
        } else if (schema.properties?.[segment]) next.push(schema.properties[segment]!);
        else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
          next.push(schema.additionalProperties);
      }
      value = value && typeof value === 'object' ? (value as Record<PathSegment, unknown>)[segment] : undefined;
      current = next.flatMap((schema) => this.expand(schema, value));
      if (!current.length) return [];
    }
    return current;
  }

  /** The description of the field at `path` (else of the nearest field above it that has one). */
  describe(
    path: readonly PathSegment[],
    document?: unknown,
  ): { text: string; path: PathSegment[]; schema?: JsonSchema } {
    for (let depth = path.length; depth > 0; depth--) {
      const key = path[depth - 1]!;
      for (const parent of this.at(path.slice(0, depth - 1), document)) {
        const property =
          typeof key === 'number'
            ? parent.items
            : (parent.properties?.[key] ??
              (typeof parent.additionalProperties === 'object' ? parent.additionalProperties : undefined));
        if (!property) continue;
        const text = zhDescription(property) || zhDescription(this.resolve(property));
        if (text) return { text, path: path.slice(0, depth), schema: property };
      }
    }
    return { text: zhDescription(this.root), path: [], schema: this.root };
  }

  /** The fields an object at `path` may have. */
  fields(path: readonly PathSegment[], document?: unknown): FieldInfo[] {
    const out = new Map<string, FieldInfo>();
    for (const schema of this.at(path, document)) {
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (!out.has(name))
          out.set(name, { name, schema: property, required: schema.required?.includes(name) ?? false });
      }
    }
    return [...out.values()];
  }

  /** The values a field allows (enum or const), if it lists them. */
  values(path: readonly PathSegment[], document?: unknown): unknown[] {
    const values: unknown[] = [];
    for (const schema of this.at(path, document)) {
      if (schema.enum) values.push(...schema.enum);
      if (schema.const !== undefined) values.push(schema.const);
    }
    return [...new Set(values)];
  }

  /** What kind of value goes there, in words: 文本、数字、列表…; with the allowed values. */
  typeText(schema: JsonSchema | undefined): string {
    if (!schema) return '';
    const resolved = this.resolve(schema);
    if (resolved.enum) return `可选值：${resolved.enum.map((v) => JSON.stringify(v)).join('、')}`;
    if (resolved.const !== undefined) return `固定为 ${JSON.stringify(resolved.const)}`;
    const type = Array.isArray(resolved.type) ? resolved.type[0] : resolved.type;
    const words: Record<string, string> = {
      string: '文本',
      number: '数字',
      integer: '整数',
      boolean: '是或否（true / false）',
      array: '列表 [ … ]',
      object: '对象 { … }',
    };
    let text = (type && words[type]) || (resolved.oneOf || resolved.anyOf ? '几种形式之一' : '');
    if (resolved.format === 'date') text = '日期（YYYY-MM-DD）';
    if (resolved.minimum !== undefined && type !== 'integer') text += `，不小于 ${resolved.minimum}`;
    return text;
  }
}
