/** `gongkai schema KIND` and `gongkai schema --out DIR`: the JSON Schemas editors' IDEs use. */
import { jsonSchemaFor } from '@gongkai/core/json-schema';
import type { Kind } from '../../core/src/kinds.js';

/** Pretty JSON with a trailing newline, as written to stdout and to `<kind>.schema.json`. */
export function schemaText(kind: Kind): string {
  return `${JSON.stringify(jsonSchemaFor(kind), null, 2)}\n`;
}

export function schemaFileName(kind: Kind): string {
  return `${kind}.schema.json`;
}
