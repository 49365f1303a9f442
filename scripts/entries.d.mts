/** Types of scripts/entries.mjs, for the TypeScript tests that read the table of kinds. */
export interface KindEntry {
  kind: string;
  className: string;
  prefix: string;
  sample: string;
  types?: string[];
  uses?: string[];
  borrows?: string[];
}
export const KINDS: KindEntry[];
export function camel(kind: string): string;
export function pascal(kind: string): string;
export interface ElementEntry {
  name: string;
  tag: string;
  element: string;
  schema: string;
}
export const ELEMENTS: ElementEntry[];
export const PUBLISHED: Array<{ dir: string; name: string }>;
export const SOURCE_CONDITION: string;
