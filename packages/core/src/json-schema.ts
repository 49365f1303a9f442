/** JSON Schema export, for editors' IDEs ("$schema") and `gongkai schema KIND`. Not part of the browser bundle. */
import * as z from 'zod/mini';
import { applyDescriptions } from './describe.js';
import { DESCRIPTIONS, SCHEMAS, type Kind } from './kinds.js';

export function jsonSchemaFor(kind: Kind): Record<string, unknown> {
  applyDescriptions(SCHEMAS[kind], DESCRIPTIONS[kind]());
  const schema = z.toJSONSchema(SCHEMAS[kind], { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
  return { ...schema, title: `gongkai: ${kind}` };
}
