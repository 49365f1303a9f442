/** JSON Schema export, for editors' IDEs ("$schema") and `gongkai schema KIND`. Not part of the browser bundle. */
import * as z from 'zod/mini';
import { applyDescriptions } from './describe.js';
import { DESCRIPTIONS, SCHEMAS, type Kind } from './kinds.js';
import { DATE_SCHEMAS } from './schemas/common.js';

export function jsonSchemaFor(kind: Kind): Record<string, unknown> {
  applyDescriptions(SCHEMAS[kind], DESCRIPTIONS[kind]());
  const schema = z.toJSONSchema(SCHEMAS[kind], {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      if (DATE_SCHEMAS.has(zodSchema)) jsonSchema.format = 'date';
    },
  });
  return { ...schema, title: `gongkai: ${kind}` };
}
