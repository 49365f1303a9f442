/**
 * The kinds the studio edits, their schemas (through core's public functions),
 * JSON Schemas (with zh descriptions) and templates: the examples/*.json of each
 * element folder, the same files that feed the stories, tests and docs.
 */
import { budgetSlices, KINDS, SCHEMAS, type Kind, type Slices } from '@gongkai/core';
import { jsonSchemaFor } from '@gongkai/core/json-schema';
import { SchemaHelp, zhDescription, type JsonSchema } from './schema-help.js';

export { KINDS, type Kind };

export const schemaOf = (kind: Kind) => SCHEMAS[kind];

/**
 * Kinds core can check item by item (validateInSlices: the same issues as the
 * whole schema). A budget with one sum wrong is then checked by the fast path for
 * every item and zod only where it matters: the studio's keystroke on a 2,000-item
 * budget stays well under 100 ms.
 */
export const slicesOf = (kind: Kind): Slices<ReturnType<typeof schemaOf>> | undefined =>
  kind === 'budget' ? (budgetSlices as unknown as Slices<ReturnType<typeof schemaOf>>) : undefined;

const helps = new Map<Kind, SchemaHelp>();
export function helpFor(kind: Kind): SchemaHelp {
  let help = helps.get(kind);
  if (!help) {
    help = new SchemaHelp(jsonSchemaFor(kind) as JsonSchema);
    helps.set(kind, help);
  }
  return help;
}

/** The kind's name in Chinese, from its JSON Schema's description. */
export const kindLabel = (kind: Kind): string => zhDescription(helpFor(kind).root) || kind;

/** The element that shows a kind: every kind's tag is gk-<kind>. */
export const elementFor = (kind: Kind): string => `gk-${kind}`;

export interface Template {
  kind: Kind;
  name: string;
  title: string;
  text: string;
}

const files = import.meta.glob(
  ['../../../elements/src/*/examples/*.json', '!../../../elements/src/*/examples/invalid*.json'],
  { query: '?raw', import: 'default', eager: true },
) as Record<string, string>;

/** The template a kind starts from: the fullest example, where the alphabet would pick a narrow one. */
const FIRST: Partial<Record<Kind, string>> = {
  budget: 'department-budget-2018.json',
  catalogue: 'proactive-2018.json',
  document: 'full.json',
  explainer: 'work-points-2018.json',
};

export const TEMPLATES: Template[] = Object.entries(files)
  .flatMap(([path, text]) => {
    try {
      const value = JSON.parse(text) as { kind?: unknown; title?: unknown };
      if (typeof value.kind !== 'string' || !(KINDS as readonly string[]).includes(value.kind)) return [];
      const name = path.replace(/^.*\/examples\//, '');
      // Examples of mistakes are for tests and docs, not for starting from.
      if (name.startsWith('invalid')) return [];
      // The example's "$schema" points into the repository; a copy should not.
      const clean = text.replace(/^\s*"\$schema":\s*"[^"]*",\n/m, '');
      return [
        { kind: value.kind as Kind, name, title: typeof value.title === 'string' ? value.title : name, text: clean },
      ];
    } catch {
      return [];
    }
  })
  .sort((a, b) => Number(FIRST[b.kind] === b.name) - Number(FIRST[a.kind] === a.name) || a.name.localeCompare(b.name));

export const templatesOf = (kind: Kind) => TEMPLATES.filter((template) => template.kind === kind);

export const isKindName = (value: unknown): value is Kind =>
  typeof value === 'string' && (KINDS as readonly string[]).includes(value);
